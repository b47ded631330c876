//! The database's schema, as numbered migrations: `PRAGMA user_version` says how many have
//! run. Each runs in its own transaction, so a kill between two leaves a valid database at the
//! earlier version. A new table or column is a new migration, appended, never an edit of an
//! old one.

use rusqlite::{Connection, TransactionBehavior};

/// The migrations, in order: the database at version N has run the first N.
const MIGRATIONS: &[&str] = &[
    // 1: bookmarks, one per entry (kind and id, as the catalogue names them), in the order
    // they were made.
    "CREATE TABLE bookmark (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (kind, id)
    );",
    // 2: notes, one per entry, with a revision that a save must be based on; a save based on
    // an older revision (another window saved first) is kept as a conflict copy.
    "CREATE TABLE note (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        text TEXT NOT NULL,
        revision INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
    ) WITHOUT ROWID;
    CREATE TABLE note_conflict (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        text TEXT NOT NULL,
        saved_at INTEGER NOT NULL
    );",
    // 3: protocols, named and ordered lists of points, each point with an optional note.
    "CREATE TABLE protocol (
        seq INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
    );
    CREATE TABLE protocol_point (
        protocol INTEGER NOT NULL REFERENCES protocol (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        point TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (protocol, position)
    );",
    // 4: the entries opened most recently (not the queries typed), newest with the highest seq.
    "CREATE TABLE recent (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        opened_at INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
    ) WITHOUT ROWID;",
    // 5: where the interactive reference was left, for a user who asked to come back to it:
    // one row, written when acuref ends.
    "CREATE TABLE last_view (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        list TEXT NOT NULL,
        query TEXT NOT NULL,
        selected TEXT,
        shown TEXT,
        saved_at INTEGER NOT NULL
    );",
    // 6: study: each card's scheduling state (by the card's stable id, such as `LI4:name`),
    // and every review, kept so that the parameters can be fitted to the user's own history.
    "CREATE TABLE card_state (
        card TEXT PRIMARY KEY,
        phase TEXT NOT NULL,
        step INTEGER NOT NULL,
        stability REAL,
        difficulty REAL,
        due INTEGER NOT NULL,
        last_review INTEGER,
        reps INTEGER NOT NULL,
        lapses INTEGER NOT NULL,
        retired_at INTEGER
    ) WITHOUT ROWID;
    CREATE TABLE review_log (
        seq INTEGER PRIMARY KEY,
        card TEXT NOT NULL,
        reviewed_at INTEGER NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        elapsed_days INTEGER NOT NULL,
        answer_ms INTEGER NOT NULL,
        wait INTEGER NOT NULL
    );
    CREATE INDEX review_log_by_card ON review_log (card, reviewed_at);",
    // 7: the scheduler's parameters fitted to the user's own reviews (`acuref study
    // optimize`), one row; without it the defaults are used.
    "CREATE TABLE fsrs_parameters (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        parameters TEXT NOT NULL,
        reviews INTEGER NOT NULL,
        fitted_at INTEGER NOT NULL
    );",
];

/// Why the schema could not be brought up to date.
#[derive(Debug)]
pub(super) enum MigrateError {
    /// The database is at a version this acuref does not know.
    TooNew(i64),
    /// SQLite failed.
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> MigrateError {
        MigrateError::Sqlite(e)
    }
}

/// Runs the migrations the database has not run yet.
pub(super) fn migrate(conn: &Connection) -> Result<(), MigrateError> {
    let known = MIGRATIONS.len() as i64;
    loop {
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > known {
            return Err(MigrateError::TooNew(version));
        }
        if version == known {
            return Ok(());
        }
        // Another window may migrate at the same moment: the immediate transaction makes one
        // wait, and the version is read again inside it.
        let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if now == version {
            tx.execute_batch(MIGRATIONS[version as usize])?;
            tx.pragma_update(None, "user_version", version + 1)?;
        }
        tx.commit()?;
    }
}
