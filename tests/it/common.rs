//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use acuref::catalogue::Catalogue;
use acuref::search::SearchIndex;

/// The built-in catalogue and its search index, loaded once per test binary.
pub fn builtin() -> &'static (Catalogue, SearchIndex) {
    static BUILTIN: OnceLock<(Catalogue, SearchIndex)> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        let catalogue = Catalogue::builtin();
        let index = SearchIndex::new(&catalogue);
        (catalogue, index)
    })
}

/// The acuref binary, isolated from the user's own catalogue directory and environment.
pub fn acuref() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("acuref");
    // Study days are local: the tests' are UTC's unless a test says otherwise.
    cmd.env("TZ", "UTC")
        .env("ACUREF_USER_DIR", "")
        .env("ACUREF_CONFIG_DIR", "")
        .env("ACUREF_HOME", "")
        .env_remove("ACUREF_DATA")
        .env_remove("NO_COLOR");
    cmd
}

/// What acuref prints for `args` (which ask for JSON), parsed; the command must succeed.
pub fn json(args: &[&str]) -> serde_json::Value {
    let output = acuref().args(args).output().expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

/// The acuref binary with its user database in `home` (bookmarks and notes are kept there).
pub fn acuref_at(home: &Path) -> assert_cmd::Command {
    let mut cmd = acuref();
    cmd.env("ACUREF_HOME", home);
    cmd
}

/// The small valid catalogue under tests/fixtures/mini.
pub fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

/// A copy of the mini catalogue in a temporary directory, with `file` replaced by `text`.
pub fn mini_with(file: &str, text: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(mini()).expect("fixture") {
        let path = entry.expect("fixture entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    std::fs::write(dir.path().join(file), text).expect("write");
    dir
}

/// The text of a mini fixture file.
pub fn mini_file(file: &str) -> String {
    std::fs::read_to_string(mini().join(file)).expect("fixture file")
}
