//! Editing text in the user's own editor: `$VISUAL`, else `$EDITOR`, else `vi`, run on a
//! temporary file that is removed afterwards, whatever happens. The command may carry
//! arguments (`code --wait`): it is split on whitespace, and the file's path goes last.
//!
//! No terminal handling here: the editor inherits the terminal as it is, so a full-screen
//! caller leaves its screen first and takes it back after. While the editor runs, Ctrl-C and
//! Ctrl-\\ (SIGINT, SIGQUIT, which reach the editor too) do not end this process, as git does
//! it: the editor decides for itself, and this process outlives it to remove the file.

use std::ffi::OsString;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The editor to run, and which setting named it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorCommand {
    /// The command line, split on whitespace when it is run.
    pub line: String,
    /// What named it: `VISUAL`, `EDITOR`, or `the default` for vi.
    pub from: &'static str,
}

impl EditorCommand {
    /// The editor the environment names: `$VISUAL`, else `$EDITOR` (each when not blank),
    /// else `vi`.
    pub fn from_env() -> EditorCommand {
        EditorCommand::chosen(std::env::var_os("VISUAL"), std::env::var_os("EDITOR"))
    }

    /// The editor these values of `VISUAL` and `EDITOR` name.
    fn chosen(visual: Option<OsString>, editor: Option<OsString>) -> EditorCommand {
        let usable = |v: Option<OsString>| {
            v.map(|v| v.to_string_lossy().into_owned())
                .filter(|v| !v.trim().is_empty())
        };
        match (usable(visual), usable(editor)) {
            (Some(line), _) => EditorCommand {
                line,
                from: "VISUAL",
            },
            (None, Some(line)) => EditorCommand {
                line,
                from: "EDITOR",
            },
            (None, None) => EditorCommand {
                line: "vi".to_string(),
                from: "the default",
            },
        }
    }
}

/// Why the text could not be edited. Each says what to do; the temporary file is gone.
#[derive(Debug)]
pub enum EditorError {
    /// The temporary file could not be made or written.
    TempFile {
        /// Where it was to be.
        file: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// The editor could not be started.
    Launch {
        /// The editor.
        editor: EditorCommand,
        /// What the system said.
        error: std::io::Error,
    },
    /// The editor failed (a status other than 0, or a signal).
    Failed {
        /// The editor.
        editor: EditorCommand,
        /// How it ended.
        status: std::process::ExitStatus,
    },
    /// The edited file could not be read back (or is not UTF-8 text).
    Read {
        /// The file.
        file: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
}

impl fmt::Display for EditorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |p: &Path| crate::text::escape_controls(&p.display().to_string());
        let named = |e: &EditorCommand| {
            format!(
                "the editor `{}` (from {})",
                crate::text::escape_controls(&e.line),
                e.from
            )
        };
        match self {
            EditorError::TempFile { file, error } => write!(
                f,
                "cannot write the temporary file {} for the editor ({error}); make its folder \
                 writable, or set ACUREF_HOME to a folder you can write",
                shown(file)
            ),
            EditorError::Launch { editor, error } => write!(
                f,
                "cannot start {} ({error}); set VISUAL or EDITOR to an editor you have",
                named(editor)
            ),
            EditorError::Failed { editor, status } => write!(
                f,
                "{} {}, so its text was not used; quit it with a save to use what you wrote",
                named(editor),
                match status.code() {
                    Some(code) => format!("ended with status {code}"),
                    None => "was stopped by a signal".to_string(),
                }
            ),
            EditorError::Read { file, error } => write!(
                f,
                "cannot read the edited text back from {} ({error}); save it as UTF-8 text",
                shown(file)
            ),
        }
    }
}

impl std::error::Error for EditorError {}

/// Edits `initial` in the editor the environment names, in a temporary file in `dir` (made
/// if missing); the file's text as the editor left it.
pub fn edit_in_external_editor(initial: &str, dir: &Path) -> Result<String, EditorError> {
    edit(&EditorCommand::from_env(), initial, dir)
}

/// Edits `initial` with `editor`, in a temporary file in `dir` (made if missing); the file's
/// text as the editor left it. `initial` is written with a final newline, as editors keep
/// text files.
pub fn edit(editor: &EditorCommand, initial: &str, dir: &Path) -> Result<String, EditorError> {
    let temp = TempFile::new(dir)?;
    let mut text = initial.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    temp.write(&text)?;
    let mut words = editor.line.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let held = HeldSignals::hold();
    // The terminal itself, when standard input is something else (the TUI reads its keys
    // from /dev/tty too).
    let input = std::fs::File::open("/dev/tty")
        .map(std::process::Stdio::from)
        .unwrap_or_else(|_| std::process::Stdio::inherit());
    let status = std::process::Command::new(program)
        .args(words)
        .arg(&temp.0)
        .stdin(input)
        .status()
        .map_err(|error| EditorError::Launch {
            editor: editor.clone(),
            error,
        })?;
    drop(held);
    if !status.success() {
        return Err(EditorError::Failed {
            editor: editor.clone(),
            status,
        });
    }
    std::fs::read_to_string(&temp.0).map_err(|error| EditorError::Read {
        file: temp.0.clone(),
        error,
    })
}

/// While alive, SIGINT and SIGQUIT only set a flag no one reads, so they do not end this
/// process. Dropped, its actions go; signal-hook leaves a signal with no action ignored, so
/// a caller with handlers of its own (the TUI) keeps them, and a command line process
/// ignores Ctrl-C for the moment it takes to save.
struct HeldSignals(Vec<signal_hook::SigId>);

impl HeldSignals {
    fn hold() -> HeldSignals {
        use signal_hook::consts::{SIGINT, SIGQUIT};
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        HeldSignals(
            [SIGINT, SIGQUIT]
                .into_iter()
                .filter_map(|signal| signal_hook::flag::register(signal, flag.clone()).ok())
                .collect(),
        )
    }
}

impl Drop for HeldSignals {
    fn drop(&mut self) {
        for id in &self.0 {
            signal_hook::low_level::unregister(*id);
        }
    }
}

/// A temporary file of this process, removed when dropped (on every way out, errors and
/// panics included).
struct TempFile(PathBuf);

impl TempFile {
    /// A new, empty file in `dir`, readable by its owner only.
    fn new(dir: &Path) -> Result<TempFile, EditorError> {
        let unique = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut attempt = 0u32;
        loop {
            let file = dir.join(format!(
                ".acuref-edit-{}-{unique}-{attempt}.txt",
                std::process::id()
            ));
            let made = std::fs::create_dir_all(dir).and_then(|()| {
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                options.open(&file)
            });
            match made {
                Ok(_) => return Ok(TempFile(file)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(error) => return Err(EditorError::TempFile { file, error }),
            }
        }
    }

    /// Writes the whole text, flushed to the file.
    fn write(&self, text: &str) -> Result<(), EditorError> {
        std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&self.0)
            .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.flush()))
            .map_err(|error| EditorError::TempFile {
                file: self.0.clone(),
                error,
            })
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in a folder.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn visual_wins_then_editor_then_vi_and_blank_ones_do_not_count() {
        let of = |v: Option<&str>, e: Option<&str>| {
            let c = EditorCommand::chosen(v.map(OsString::from), e.map(OsString::from));
            (c.line, c.from)
        };
        assert_eq!(
            of(Some("code --wait"), Some("nano")),
            ("code --wait".into(), "VISUAL")
        );
        assert_eq!(of(Some("  "), Some("nano")), ("nano".into(), "EDITOR"));
        assert_eq!(of(None, Some("")), ("vi".into(), "the default"));
    }

    #[test]
    fn the_editor_runs_with_its_arguments_and_its_file_is_removed_after() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("append.sh");
        std::fs::write(&script, "echo \"$1\" >> \"$2\"\n").unwrap();
        let editor = EditorCommand {
            line: format!("sh {} added", script.display()),
            from: "VISUAL",
        };
        let work = dir.path().join("home");
        let edited = edit(&editor, "first line", &work).unwrap();
        assert_eq!(edited, "first line\nadded\n");
        assert!(names(&work).is_empty(), "{:?}", names(&work));
    }

    #[test]
    fn a_failed_or_missing_editor_is_an_error_that_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let failing = EditorCommand {
            line: "false".into(),
            from: "EDITOR",
        };
        let e = edit(&failing, "text", dir.path()).unwrap_err();
        assert!(matches!(e, EditorError::Failed { .. }), "{e}");
        assert!(
            e.to_string()
                .contains("`false` (from EDITOR) ended with status 1"),
            "{e}"
        );
        let missing = EditorCommand {
            line: "no-such-editor-anywhere --wait".into(),
            from: "VISUAL",
        };
        let e = edit(&missing, "text", dir.path()).unwrap_err();
        assert!(matches!(e, EditorError::Launch { .. }), "{e}");
        assert!(e.to_string().contains("set VISUAL or EDITOR"), "{e}");
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }
}
