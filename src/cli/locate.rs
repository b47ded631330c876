//! Where the catalogue comes from: the built-in one or `--data DIR` / `ACUREF_DATA`, plus the
//! user's own directory, whose entries add to or replace built-in entries by id.

use std::path::PathBuf;

use etcetera::BaseStrategy;

use crate::catalogue::{Catalogue, CatalogueError, CatalogueFile, read_dir};

/// The directories a catalogue is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataPaths {
    /// The directory that replaces the built-in catalogue, if any.
    pub base: Option<PathBuf>,
    /// What named the base directory (`--data` or `ACUREF_DATA`).
    pub base_origin: &'static str,
    /// The user's directory of additions and overrides, if one is configured.
    pub user: Option<PathBuf>,
}

impl DataPaths {
    /// The paths in force: `--data` wins over `ACUREF_DATA`; the user directory is
    /// `ACUREF_USER_DIR` if set (empty disables it), else `acuref` in the XDG data directory.
    pub fn from_env(data_flag: Option<PathBuf>) -> DataPaths {
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
        DataPaths {
            base,
            base_origin,
            user,
        }
    }

    /// A description of each place, for `acuref paths`.
    pub fn describe(&self) -> String {
        let base = match &self.base {
            None => "built into the binary (data/ at build time)".to_string(),
            Some(dir) => format!("{} (from {})", dir.display(), self.base_origin),
        };
        let user = match &self.user {
            None => "none (ACUREF_USER_DIR is empty)".to_string(),
            Some(dir) if dir.is_dir() => format!("{} (in use)", dir.display()),
            Some(dir) => format!(
                "{} (not present: create it and put .toml files there to add entries or override built-in ones by id)",
                dir.display()
            ),
        };
        format!("catalogue:      {base}\nuser additions: {user}\n")
    }
}

/// Loads and checks the catalogue these paths name.
pub fn load_catalogue(paths: &DataPaths) -> Result<Catalogue, CatalogueError> {
    let base = match &paths.base {
        Some(dir) => read_dir(dir)?,
        None => return load_with_user(None, paths),
    };
    load_with_user(Some(base), paths)
}

fn load_with_user(
    base: Option<Vec<CatalogueFile>>,
    paths: &DataPaths,
) -> Result<Catalogue, CatalogueError> {
    let overlay = match &paths.user {
        Some(dir) if dir.is_dir() => read_dir(dir)?,
        _ => Vec::new(),
    };
    match base {
        Some(files) => Catalogue::load(&files, &overlay),
        None if overlay.is_empty() => Catalogue::builtin(),
        None => Catalogue::load(&crate::catalogue::builtin_files(), &overlay),
    }
}
