//! Reading catalogue files from disk: the only I/O of the catalogue. Bounded in size and
//! depth, and safe against link loops, devices and editor droppings.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Read as _;
use std::path::Path;

use super::problem::{CatalogueError, Problem, line_column};
use crate::text::escape_controls;

/// The largest catalogue file read; anything bigger is refused rather than parsed.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// One catalogue file: its name (as shown in problems) and its text.
#[derive(Clone, Debug)]
pub struct CatalogueFile {
    /// The name shown in problems, such as `data/points/BL.toml`.
    pub name: String,
    /// The file's text.
    pub text: Cow<'static, str>,
}

/// The catalogue files found in a directory, and what was passed over on the way.
#[derive(Debug, Default)]
pub struct DirFiles {
    /// The `*.toml` files, in path order.
    pub files: Vec<CatalogueFile>,
    /// One line per thing not read: editor lock and backup files, dangling links, folders
    /// deeper than the limit.
    pub notes: Vec<String>,
}

/// The folder of a catalogue directory that holds its own body map rather than entries.
pub const BODY_DIR: &str = "body";

/// The deepest folder below a catalogue directory that is read.
pub const MAX_DEPTH: usize = 8;

/// Every `*.toml` file under a directory, in path order. `required`: a directory with none is
/// an error (a catalogue must hold something; an overlay may be empty).
pub fn read_dir(dir: &Path, required: bool) -> Result<DirFiles, CatalogueError> {
    let fail = |place: &Path, message: String, help: &str| CatalogueError {
        problems: vec![Problem {
            file: escape_controls(&place.display().to_string()),
            line: 1,
            column: 1,
            message,
            help: help.to_string(),
        }],
    };
    if !dir.is_dir() {
        return Err(fail(
            dir,
            "this catalogue directory does not exist or is not a directory".into(),
            "pass a directory that holds the catalogue's .toml files (see `acuref paths`)",
        ));
    }
    let mut paths = Vec::new();
    let mut notes = Vec::new();
    collect_toml(dir, &mut paths, &mut notes, 0, &mut HashSet::new()).map_err(|(place, e)| {
        fail(
            &place,
            format!("cannot read this directory: {e}"),
            "check its permissions, or move it out of the catalogue directory",
        )
    })?;
    paths.sort();
    if paths.is_empty() && required {
        return Err(fail(
            dir,
            "this directory holds no .toml files".into(),
            "pass the folder that holds the catalogue (regions.toml, points/...; see `acuref paths`)",
        ));
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = escape_controls(&path.display().to_string());
        match read_file(&path) {
            Ok(text) => files.push(CatalogueFile {
                name,
                text: Cow::Owned(text),
            }),
            Err((offset, message, help, bytes)) => {
                let (line, column) = bytes_line_column(&bytes, offset);
                problems.push(Problem {
                    file: name,
                    line,
                    column,
                    message,
                    help: help.to_string(),
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(DirFiles { files, notes })
    } else {
        Err(CatalogueError { problems })
    }
}

type ReadFault = (usize, String, &'static str, Vec<u8>);

fn read_file(path: &Path) -> Result<String, ReadFault> {
    let fault = |message: String, help: &'static str| (0, message, help, Vec::new());
    let unreadable = |e: std::io::Error| {
        fault(
            format!("cannot read the file: {e}"),
            "check that it exists and is readable",
        )
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(fault(
            "this is not a regular file (a device, a pipe or a socket?)".into(),
            "catalogue files are plain text files; remove or rename this one",
        ));
    }
    let too_big = |size: u64| {
        fault(
            format!("the file is {size} bytes, more than the {MAX_FILE_BYTES}-byte limit"),
            "split the catalogue into smaller files",
        )
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_big(metadata.len()));
    }
    // Read no more than the limit, even if the file grows while it is read.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        (
            offset,
            "the file is not UTF-8 text".to_string(),
            "save the file as UTF-8; catalogue files are plain text",
            e.into_bytes(),
        )
    })
}

fn bytes_line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let text = String::from_utf8_lossy(before);
    line_column(&text, text.len())
}

/// Whether a file name is an editor's lock or backup file (`.#x.toml`, `#x.toml#`, `x.toml~`)
/// or hidden, rather than a catalogue file.
fn is_dropping(name: &str) -> bool {
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~')
}

/// The `.toml` files under `dir`, at most [`MAX_DEPTH`] folders deep. Each folder is read
/// once, however many links lead to it, so a link loop cannot make the walk run forever. A
/// folder that cannot be read is returned with its error.
fn collect_toml(
    dir: &Path,
    out: &mut Vec<std::path::PathBuf>,
    notes: &mut Vec<String>,
    depth: usize,
    seen: &mut HashSet<std::path::PathBuf>,
) -> Result<(), (std::path::PathBuf, std::io::Error)> {
    let shown = |p: &Path| escape_controls(&p.display().to_string());
    if depth > MAX_DEPTH {
        notes.push(format!(
            "{} is more than {MAX_DEPTH} folders deep and was not read",
            shown(dir)
        ));
        return Ok(());
    }
    let failed = |e| (dir.to_path_buf(), e);
    if !seen.insert(std::fs::canonicalize(dir).map_err(failed)?) {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(failed)? {
        let path = entry.map_err(failed)?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if path.is_dir() {
            // A catalogue's own body map (see assets/body/README.md) is not catalogue entries.
            let body_map = depth == 0 && name == BODY_DIR;
            if !name.starts_with('.') && !body_map {
                collect_toml(&path, out, notes, depth + 1, seen)?;
            }
        } else if name.ends_with(".toml") {
            if is_dropping(&name) {
                notes.push(format!(
                    "{} looks like an editor's lock or backup file and was skipped",
                    shown(&path)
                ));
            } else if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
                && std::fs::metadata(&path).is_err()
            {
                notes.push(format!(
                    "{} is a link to nothing and was skipped",
                    shown(&path)
                ));
            } else {
                out.push(path);
            }
        }
    }
    Ok(())
}
