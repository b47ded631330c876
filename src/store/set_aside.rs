//! Setting the database aside when the user asks for a new one (`acuref new-database`): the
//! file, and its `-wal` and `-shm` files when present, are renamed to
//! `user.sqlite3.set-aside-YYYYMMDD-HHMMSS` (UTC) in the same folder, never deleted, so the
//! next change starts a fresh database. Each file is first linked under its new name (which
//! fails rather than replace anything) and only then removed under the old one, so a failure
//! part way leaves every file under its old name.

use std::fmt;
use std::path::{Path, PathBuf};

/// The suffixes of the files SQLite keeps beside a database in WAL mode.
const COMPANIONS: [&str; 2] = ["-wal", "-shm"];

/// Why the database could not be set aside.
#[derive(Debug)]
pub enum SetAsideError {
    /// There is no database file to set aside.
    Missing(PathBuf),
    /// A file could not be linked under its new name; nothing was moved.
    Link {
        /// The file.
        from: PathBuf,
        /// The name it was to take.
        to: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// A file was kept under its new name but could not be removed under its old one.
    Remove {
        /// The file under its old name.
        old: PathBuf,
        /// The copy, under its new name.
        kept: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
}

impl fmt::Display for SetAsideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |p: &Path| crate::text::escape_controls(&p.display().to_string());
        match self {
            SetAsideError::Missing(p) => write!(
                f,
                "there is no user database at {}; nothing was moved (the first change creates one)",
                shown(p)
            ),
            SetAsideError::Link { from, to, error } => write!(
                f,
                "cannot set {} aside as {} ({error}); nothing was moved: move it yourself, or \
                 set ACUREF_HOME to another folder",
                shown(from),
                shown(to)
            ),
            SetAsideError::Remove { old, kept, error } => write!(
                f,
                "{} is kept as {}, but cannot be removed under its old name ({error}); remove {} \
                 yourself",
                shown(old),
                shown(kept),
                shown(old)
            ),
        }
    }
}

impl std::error::Error for SetAsideError {}

/// Sets the database at `database` aside (with its `-wal` and `-shm` files, when present);
/// returns the new name of the database file.
pub fn set_aside(database: &Path) -> Result<PathBuf, SetAsideError> {
    let aside = free_name(database);
    let present: Vec<(PathBuf, PathBuf)> = std::iter::once(String::new())
        .chain(COMPANIONS.map(String::from))
        .map(|suffix| (with_suffix(database, &suffix), with_suffix(&aside, &suffix)))
        .filter(|(from, _)| from.symlink_metadata().is_ok())
        .collect();
    if !present.iter().any(|(from, _)| from == database) {
        return Err(SetAsideError::Missing(database.to_path_buf()));
    }
    for (n, (from, to)) in present.iter().enumerate() {
        if let Err(error) = std::fs::hard_link(from, to) {
            for (_, linked) in &present[..n] {
                let _ = std::fs::remove_file(linked);
            }
            return Err(SetAsideError::Link {
                from: from.clone(),
                to: to.clone(),
                error,
            });
        }
    }
    // The companions go first: until the database itself goes, it is whole where it was.
    for (old, kept) in present.iter().rev() {
        std::fs::remove_file(old).map_err(|error| SetAsideError::Remove {
            old: old.clone(),
            kept: kept.clone(),
            error,
        })?;
    }
    Ok(aside)
}

/// `path` with `suffix` added to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// `DATABASE.set-aside-YYYYMMDD-HHMMSS`, with `-2`, `-3`... added while a file of that name
/// (or one of its companions) exists.
fn free_name(database: &Path) -> PathBuf {
    let base = with_suffix(database, &format!(".set-aside-{}", stamp(super::now())));
    let taken = |p: &Path| {
        std::iter::once("")
            .chain(COMPANIONS)
            .any(|suffix| with_suffix(p, suffix).symlink_metadata().is_ok())
    };
    let mut name = base.clone();
    let mut n = 1;
    while taken(&name) {
        n += 1;
        name = with_suffix(&base, &format!("-{n}"));
    }
    name
}

/// Seconds since the Unix epoch as YYYYMMDD-HHMMSS (UTC).
fn stamp(seconds: i64) -> String {
    let (y, m, d) = super::snapshot::civil_from_days(seconds.div_euclid(86_400));
    let of_day = seconds.rem_euclid(86_400);
    format!(
        "{y:04}{m:02}{d:02}-{:02}{:02}{:02}",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_is_the_utc_date_and_time() {
        assert_eq!(stamp(0), "19700101-000000");
        assert_eq!(stamp(1_709_164_799), "20240228-235959");
        assert_eq!(stamp(1_709_164_800 + 3_723), "20240229-010203");
    }

    #[test]
    fn the_database_and_its_companions_are_renamed_together_and_never_replace_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join(super::super::FILE_NAME);
        std::fs::write(&database, "main").unwrap();
        std::fs::write(with_suffix(&database, "-wal"), "wal").unwrap();
        let first = set_aside(&database).unwrap();
        assert!(!database.exists() && !with_suffix(&database, "-wal").exists());
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "main");
        assert_eq!(
            std::fs::read_to_string(with_suffix(&first, "-wal")).unwrap(),
            "wal"
        );
        assert!(!with_suffix(&first, "-shm").exists(), "none was there");
        let name = first.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("user.sqlite3.set-aside-"), "{name}");
        // A second one in the same second takes a name of its own.
        std::fs::write(&database, "second").unwrap();
        let second = set_aside(&database).unwrap();
        assert_ne!(first, second);
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "main");
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "second");
        assert!(matches!(
            set_aside(&database),
            Err(SetAsideError::Missing(_))
        ));
    }
}
