//! The user's own data in one SQLite file: bookmarks now; notes, protocols, history and study
//! progress after. Every user action is one transaction, committed when it is made; the file
//! is in WAL mode with a busy timeout, so two acuref windows at once lose nothing and a kill
//! at any moment loses nothing committed. Patient states are never stored here.
//!
//! Nothing but this module touches the database. Reading commands never create the file: a
//! home without one has no bookmarks yet.

mod bookmarks;
mod kept;
mod last_view;
mod notes;
mod protocols;
mod reattach;
mod recent;
mod reviews;
mod schema;
mod set_aside;
pub mod snapshot;
mod transfer;

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

pub use bookmarks::Bookmark;
pub use kept::{Kept, ProtocolPlace};
pub use last_view::LastView;
pub use notes::{ConflictCopy, Note, Saved};
pub use protocols::{Protocol, ProtocolError, ProtocolPoints};
pub use reattach::{NoteMoved, Reattached, StarMoved};
pub use reviews::{FittedParameters, Review, StoredCard};
pub use set_aside::{SetAsideError, set_aside};
pub use transfer::{Export, Imported};

/// How long a write waits for another acuref window's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The database file's name in the user's home.
pub const FILE_NAME: &str = "user.sqlite3";

/// An open user database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Whether today's snapshot was looked after (once, before this process's first change).
    snapshot_checked: bool,
}

/// Why the user database cannot be used; each says which file and what to do.
#[derive(Debug)]
pub enum StoreError {
    /// The file is not a database or is damaged; it is left untouched.
    Corrupt(PathBuf),
    /// Another program holds the database locked longer than the busy timeout.
    Locked(PathBuf),
    /// The file or its directory cannot be written.
    ReadOnly(PathBuf),
    /// The disk is full.
    Full(PathBuf),
    /// The database was written by a newer acuref.
    TooNew(PathBuf, i64),
    /// Any other failure, with what SQLite or the system said.
    Other(PathBuf, String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |p: &Path| crate::text::escape_controls(&p.display().to_string());
        match self {
            StoreError::Corrupt(p) => write!(
                f,
                "the user database {} is damaged or not a database; it was left as it is. \
                 `acuref new-database` sets it aside (renamed, never deleted) and starts a new one",
                shown(p)
            ),
            StoreError::Locked(p) => write!(
                f,
                "the user database {} is locked by another program; close it and try again",
                shown(p)
            ),
            StoreError::ReadOnly(p) => write!(
                f,
                "the user database {} cannot be written (a read-only file, folder or disk); make \
                 it writable, or set ACUREF_HOME to a folder you can write",
                shown(p)
            ),
            StoreError::Full(p) => write!(
                f,
                "the disk holding the user database {} is full; free some space and try again",
                shown(p)
            ),
            StoreError::TooNew(p, v) => write!(
                f,
                "the user database {} was written by a newer acuref (schema {v}); update acuref",
                shown(p)
            ),
            StoreError::Other(p, why) => write!(
                f,
                "the user database {} cannot be used: {}",
                shown(p),
                crate::text::escape_controls(why)
            ),
        }
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    /// The error for what SQLite said about the file at `path`.
    fn from_sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        // SQLite cannot grow the `-shm` file a WAL database needs even to be read: on a full
        // disk that is how the first read fails (SQLite's result codes: "may indicate that the
        // underlying filesystem volume is out of space").
        if e.sqlite_error()
            .is_some_and(|s| s.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE)
        {
            return StoreError::Full(path);
        }
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt(path),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked(path),
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                StoreError::ReadOnly(path)
            }
            Some(ErrorCode::DiskFull) => StoreError::Full(path),
            _ => StoreError::Other(path, e.to_string()),
        }
    }
}

impl Store {
    /// Opens the database at `path` for reading and writing, creating it (and its folder)
    /// when it does not exist, and bringing its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            return Err(match e.kind() {
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                    StoreError::ReadOnly(path.to_path_buf())
                }
                std::io::ErrorKind::StorageFull => StoreError::Full(path.to_path_buf()),
                _ => StoreError::Other(path.to_path_buf(), e.to_string()),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StoreError::from_sqlite(path, e))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
            snapshot_checked: false,
        };
        store.configure()?;
        schema::migrate(&store.conn).map_err(|e| match e {
            schema::MigrateError::TooNew(v) => StoreError::TooNew(path.to_path_buf(), v),
            schema::MigrateError::Sqlite(e) => StoreError::from_sqlite(path, e),
        })?;
        Ok(store)
    }

    /// Opens the database at `path` if it exists (reading commands never create it).
    pub fn open_existing(path: &Path) -> Result<Option<Store>, StoreError> {
        if !path.exists() {
            return Ok(None);
        }
        Store::open(path).map(Some)
    }

    /// Where the database is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// WAL, a busy timeout and foreign keys; and a check that the file is a database at all
    /// before anything is written to it.
    fn configure(&self) -> Result<(), StoreError> {
        let fail = |e| StoreError::from_sqlite(&self.path, e);
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        // Reading the schema fails on a file that is not a database, so nothing is written.
        // Two windows opening a new file at the same moment may find it busy while the other
        // sets it up, without SQLite's busy handler waiting: they wait here.
        let mode: String = while_busy(|| {
            self.conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
            self.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))
        })
        .map_err(fail)?;
        // WAL stays set in the file: only a new file needs the change (and its lock).
        if !mode.eq_ignore_ascii_case("wal") {
            while_busy(|| self.conn.pragma_update(None, "journal_mode", "WAL")).map_err(fail)?;
        }
        // FULL: a commit is on the disk before it is reported, so a laptop that loses power
        // just after a save still has it (NORMAL could roll the last commits back).
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(fail)?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(fail)?;
        Ok(())
    }

    /// Runs one user action as one `BEGIN IMMEDIATE` transaction, committed before it
    /// returns: a second window waits for it (up to the busy timeout) instead of failing.
    fn act<T>(
        &mut self,
        action: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        if !std::mem::replace(&mut self.snapshot_checked, true) {
            // A copy of the day before the day's first change; a failed copy never stops it.
            let _ = snapshot::daily(&self.conn, &self.path);
        }
        let path = self.path.clone();
        let fail = |e| StoreError::from_sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let out = action(&tx).map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(out)
    }

    /// Every row a query returns, each made by `row`.
    fn rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let fail = |e| StoreError::from_sqlite(&self.path, e);
        let mut statement = self.conn.prepare(sql).map_err(fail)?;
        let rows = statement.query_map(params, row).map_err(fail)?;
        rows.collect::<Result<_, _>>().map_err(fail)
    }

    /// Whether SQLite finds the file sound (`PRAGMA integrity_check`).
    pub fn integrity_ok(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .map(|s| s == "ok")
            .map_err(|e| StoreError::from_sqlite(&self.path, e))
    }
}

/// Runs `step` again while SQLite says the file is busy or locked, for up to the busy timeout.
fn while_busy<T>(mut step: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let start = std::time::Instant::now();
    loop {
        match step() {
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                ) && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            done => return done,
        }
    }
}

/// Seconds since the Unix epoch, for when a thing was made.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
