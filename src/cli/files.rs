//! Files the command line writes for the user (`acuref export`, `acuref study export`):
//! written whole or not at all.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `file`, replacing it whole: into a temporary file beside it, flushed to
/// disk, then renamed over it, so a reader (or a crash) never sees a half-written file. On
/// failure the temporary file is removed and `file` is as it was.
pub(super) fn write_whole(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = file.with_extension(format!("partial-{}", std::process::id()));
    let written = std::fs::File::create(&partial)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&partial, file));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}
