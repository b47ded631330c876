//! The user's own text editor: `$VISUAL`, else `$EDITOR`, else `vi`, run on a temporary file
//! that holds the text, then read back. The file is readable by the user only and removed
//! afterwards, whatever happens. Nothing here touches the terminal's modes: a front end that
//! holds the terminal lends it for the run.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

/// The editor command: its program and arguments (`code --wait` is two words).
pub fn command() -> Vec<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_string()])
}

/// A temporary file that is removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs the editor on `initial` (named after `label`, such as `BL40`, so the editor's title
/// says what is edited) and returns the text as the user left it. The editor reads and writes
/// the terminal (`/dev/tty` when there is one); a failure to start it or a non-zero exit is an
/// error that names the command.
pub fn edit(initial: &str, label: &str) -> Result<String> {
    let words = command();
    let safe: String = label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let path = std::env::temp_dir().join(format!(
        "acuref-note-{safe}-{}-{nanos}.md",
        std::process::id()
    ));
    let scratch = Scratch(path);
    {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options
            .open(&scratch.0)
            .with_context(|| format!("cannot write {}", scratch.0.display()))?;
        file.write_all(initial.as_bytes())?;
        if !initial.is_empty() && !initial.ends_with('\n') {
            file.write_all(b"\n")?;
        }
    }
    let tty = std::fs::File::open("/dev/tty")
        .map(Stdio::from)
        .unwrap_or_else(|_| Stdio::inherit());
    let shown = words.join(" ");
    let status = Command::new(&words[0])
        .args(&words[1..])
        .arg(&scratch.0)
        .stdin(tty)
        .status()
        .with_context(|| {
            format!("cannot start the editor `{shown}`: set VISUAL or EDITOR to one you have")
        })?;
    if !status.success() {
        bail!("the editor `{shown}` failed ({status}); the note was left as it was");
    }
    let text = std::fs::read_to_string(&scratch.0)
        .with_context(|| format!("cannot read back {}", scratch.0.display()))?;
    Ok(text.trim_end_matches('\n').to_string())
}
