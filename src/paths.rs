//! Where things live, for both front ends: the catalogue (the built-in one, or `--data DIR` /
//! `ACUREF_DATA`), plus the user's own directory, whose entries add to or replace built-in
//! entries by id; and how a catalogue is loaded from them.

use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use crate::catalogue::{Catalogue, CatalogueError, CatalogueFile, read_dir};
use crate::search::SearchIndex;
use crate::text::escape_controls;

/// The directories a catalogue is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataPaths {
    /// The directory that replaces the built-in catalogue, if any.
    pub base: Option<PathBuf>,
    /// What named the base directory (`--data` or `ACUREF_DATA`).
    pub base_origin: &'static str,
    /// The user's directory of additions and overrides, if one is configured.
    pub user: Option<PathBuf>,
    /// The user's keymap file, if one is configured (it need not exist).
    pub keymap: Option<PathBuf>,
    /// The user's settings file, beside the keymap (it need not exist).
    pub settings: Option<PathBuf>,
    /// The user's database (bookmarks, notes...), if one is configured (it need not exist:
    /// the first write creates it).
    pub database: Option<PathBuf>,
}

impl DataPaths {
    /// The paths in force: `--data` wins over `ACUREF_DATA`; the user directory is
    /// `ACUREF_USER_DIR` if set (empty disables it), else `acuref` in the XDG data directory;
    /// the keymap (`keymap.toml`) and the settings (`config.toml`) are in `ACUREF_CONFIG_DIR`
    /// if set (empty disables both), else in `acuref` in the XDG config directory; the user database is in the `--home` directory,
    /// else in `ACUREF_HOME` (empty disables it), else in `acuref` in the XDG data directory.
    pub fn from_env(data_flag: Option<PathBuf>, home_flag: Option<PathBuf>) -> DataPaths {
        let env_data = std::env::var_os("ACUREF_DATA").filter(|v| !v.is_empty());
        let (base, base_origin) = match (data_flag, env_data) {
            (Some(dir), _) => (Some(dir), "--data"),
            (None, Some(dir)) => (Some(PathBuf::from(dir)), "ACUREF_DATA"),
            (None, None) => (None, "built in"),
        };
        let user = match std::env::var_os("ACUREF_USER_DIR") {
            Some(dir) if dir.is_empty() => None,
            Some(dir) => Some(PathBuf::from(dir)),
            None => etcetera::choose_base_strategy()
                .ok()
                .map(|s| s.data_dir().join("acuref")),
        };
        let config = match std::env::var_os("ACUREF_CONFIG_DIR") {
            Some(dir) if dir.is_empty() => None,
            Some(dir) => Some(PathBuf::from(dir)),
            None => etcetera::choose_base_strategy()
                .ok()
                .map(|s| s.config_dir().join("acuref")),
        };
        let home = match (home_flag, std::env::var_os("ACUREF_HOME")) {
            (Some(dir), _) => Some(dir),
            (None, Some(dir)) if dir.is_empty() => None,
            (None, Some(dir)) => Some(PathBuf::from(dir)),
            (None, None) => etcetera::choose_base_strategy()
                .ok()
                .map(|s| s.data_dir().join("acuref")),
        };
        DataPaths {
            base,
            base_origin,
            user,
            keymap: config.as_ref().map(|dir| dir.join("keymap.toml")),
            settings: config.map(|dir| dir.join("config.toml")),
            database: home.map(|dir| dir.join(crate::store::FILE_NAME)),
        }
    }

    /// A description of each place, for `acuref paths`.
    pub(crate) fn describe(&self) -> String {
        let shown = |dir: &Path| escape_controls(&dir.display().to_string());
        let base = match &self.base {
            None => "built into the binary (data/ at build time)".to_string(),
            Some(dir) => format!("{} (from {})", shown(dir), self.base_origin),
        };
        let user = match &self.user {
            None => "none (ACUREF_USER_DIR is empty)".to_string(),
            Some(dir) => {
                let advice = match user_state(dir) {
                    UserDir::Missing => {
                        "not present: create it and put .toml files there to add entries or override built-in ones by id"
                    }
                    UserDir::Empty => {
                        "empty: put .toml files there to add entries or override built-in ones by id"
                    }
                    UserDir::InUse => "in use",
                    UserDir::NotADirectory => {
                        "not a directory: it is ignored; remove it, or set ACUREF_USER_DIR to another place"
                    }
                    UserDir::Unreadable => {
                        "not readable: it is ignored; fix its permissions, or set ACUREF_USER_DIR= to skip it"
                    }
                };
                format!("{} ({advice})", shown(dir))
            }
        };
        let keymap = match &self.keymap {
            None => "none (ACUREF_CONFIG_DIR is empty)".to_string(),
            Some(file) if file.is_file() => format!("{} (in use)", shown(file)),
            Some(file) => format!(
                "{} (not present: put [[binding]] tables there to rebind keys; see the README)",
                shown(file)
            ),
        };
        let settings = match &self.settings {
            None => "none (ACUREF_CONFIG_DIR is empty)".to_string(),
            Some(file) if file.is_file() => format!("{} (in use)", shown(file)),
            Some(file) => format!(
                "{} (not present: `restore_last_view = true` there reopens acuref where you left it)",
                shown(file)
            ),
        };
        let database = match &self.database {
            None => "none (ACUREF_HOME is empty): bookmarks cannot be kept".to_string(),
            Some(file) if file.is_file() => format!(
                "{} (in use; a copy a day, the last {}, in {})",
                shown(file),
                crate::store::snapshot::KEEP,
                shown(&crate::store::snapshot::folder(file))
            ),
            Some(file) => format!(
                "{} (not created yet: the first bookmark creates it)",
                shown(file)
            ),
        };
        format!(
            "catalogue:      {base}\nuser additions: {user}\nuser keymap:    {keymap}\nuser settings:  {settings}\nuser database:  {database}\n"
        )
    }
}

/// What the user's directory is like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserDir {
    /// It does not exist.
    Missing,
    /// It exists but is a file or something else.
    NotADirectory,
    /// It cannot be listed.
    Unreadable,
    /// It holds no .toml files.
    Empty,
    /// It holds catalogue files.
    InUse,
}

/// The state of a user directory.
pub(crate) fn user_state(dir: &Path) -> UserDir {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => UserDir::Missing,
        Err(_) => UserDir::Unreadable,
        Ok(m) if !m.is_dir() => UserDir::NotADirectory,
        Ok(_) => match read_dir(dir, false) {
            Ok(found) if found.files.is_empty() => UserDir::Empty,
            Ok(_) => UserDir::InUse,
            Err(e)
                if e.problems
                    .iter()
                    .any(|p| p.message.starts_with("cannot read this directory")) =>
            {
                UserDir::Unreadable
            }
            Err(_) => UserDir::InUse,
        },
    }
}

/// A loaded catalogue and what the user should be told about how it was loaded.
#[derive(Debug)]
pub struct Loaded {
    /// The catalogue.
    pub catalogue: Catalogue,
    /// One line each: files skipped, a user directory that could not be used.
    pub warnings: Vec<String>,
    /// Whether the catalogue is the built-in one alone, whose index is built already.
    builtin: bool,
}

impl Loaded {
    /// The catalogue's search index: the built-in one's as the build made it, any other built
    /// now.
    pub fn search_index(&self) -> SearchIndex {
        if self.builtin {
            SearchIndex::builtin()
        } else {
            SearchIndex::new(&self.catalogue)
        }
    }
}

/// The base catalogue's files when `--data` or `ACUREF_DATA` names one (none: the built-in
/// catalogue), with what was passed over added to `warnings`.
fn read_base(
    paths: &DataPaths,
    warnings: &mut Vec<String>,
) -> Result<Option<Vec<CatalogueFile>>, CatalogueError> {
    let Some(dir) = &paths.base else {
        return Ok(None);
    };
    let found = read_dir(dir, true)?;
    warnings.extend(found.notes);
    Ok(Some(found.files))
}

/// The catalogue of a base (the built-in one when none) with an overlay on top.
fn load_layers(
    base: Option<&[CatalogueFile]>,
    overlay: &[CatalogueFile],
) -> Result<Catalogue, CatalogueError> {
    match base {
        Some(files) => Catalogue::load(files, overlay),
        None if overlay.is_empty() => Ok(Catalogue::builtin()),
        None => Catalogue::builtin().with_overlay(&crate::builtin::files(), overlay),
    }
}

/// Loads and checks the catalogue these paths name. A problem in the user's own directory
/// never disables the reference: it becomes a warning and the catalogue loads without it. A
/// problem in the base catalogue (`--data`) is an error.
pub fn load_catalogue(paths: &DataPaths) -> Result<Loaded, CatalogueError> {
    let mut warnings = Vec::new();
    let base = read_base(paths, &mut warnings)?;
    let bypass = "set ACUREF_USER_DIR= to skip the directory";
    let mut overlay = Vec::new();
    if let Some(dir) = &paths.user {
        let shown = escape_controls(&dir.display().to_string());
        match user_state(dir) {
            UserDir::Missing | UserDir::Empty => {}
            UserDir::NotADirectory => warnings.push(format!(
                "your catalogue additions at {shown} are not a directory and were not used; remove the file, or {bypass}"
            )),
            UserDir::Unreadable => warnings.push(format!(
                "your catalogue additions in {shown} cannot be read and were not used; fix the permissions, or {bypass}"
            )),
            UserDir::InUse => match read_dir(dir, false) {
                Ok(found) => {
                    warnings.extend(found.notes);
                    overlay = found.files;
                }
                Err(e) => warnings.push(format!(
                    "your catalogue additions in {shown} were not used:\n{}(fix them, or {bypass})",
                    e.problem_lines()
                )),
            },
        }
    }
    let load = |overlay: &[CatalogueFile]| load_layers(base.as_deref(), overlay);
    let (catalogue, overlaid) = match load(&overlay) {
        Ok(c) => (c, !overlay.is_empty()),
        Err(e) if !overlay.is_empty() => {
            let shown = paths
                .user
                .as_ref()
                .map(|d| escape_controls(&d.display().to_string()))
                .unwrap_or_default();
            warnings.push(format!(
                "your catalogue additions in {shown} were not used:\n{}(fix them, or {bypass})",
                e.problem_lines()
            ));
            (load(&[])?, false)
        }
        Err(e) => return Err(e),
    };
    Ok(Loaded {
        builtin: base.is_none() && !overlaid,
        catalogue,
        warnings,
    })
}

/// Loads the catalogue as `acuref check` does: every problem, the user's files included, is
/// an error; the warnings say what was passed over.
pub(crate) fn load_strict(paths: &DataPaths) -> Result<Loaded, CatalogueError> {
    let mut warnings = Vec::new();
    let base = read_base(paths, &mut warnings)?;
    let overlay = match &paths.user {
        Some(dir) if user_state(dir) != UserDir::Missing => {
            let found = read_dir(dir, false)?;
            warnings.extend(found.notes);
            found.files
        }
        _ => Vec::new(),
    };
    let catalogue = load_layers(base.as_deref(), &overlay)?;
    Ok(Loaded {
        builtin: base.is_none() && overlay.is_empty(),
        catalogue,
        warnings,
    })
}

/// The user's keymap text, if the file exists; a warning when it cannot be read.
pub fn read_keymap(paths: &DataPaths) -> Result<Option<String>, String> {
    let Some(file) = &paths.keymap else {
        return Ok(None);
    };
    let shown = escape_controls(&file.display().to_string());
    match std::fs::metadata(file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Ok(m) if m.len() > 1024 * 1024 => Err(format!(
            "your keymap {shown} is over 1 MB and was not used; the built-in keys are in force"
        )),
        _ => std::fs::read_to_string(file).map(Some).map_err(|e| {
            format!("your keymap {shown} cannot be read ({e}); the built-in keys are in force")
        }),
    }
}
