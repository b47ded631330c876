//! Notes: the user's own text on an entry. A save says which revision it was based on; when
//! another window saved in between, the stored note is kept and the new text is kept too, as
//! a conflict copy the user sees beside it. Nothing is lost silently.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, now};

/// A stored note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The text.
    pub text: String,
    /// Raised by one on every save.
    pub revision: i64,
    /// When it was last saved, in seconds since the Unix epoch.
    pub updated_at: i64,
}

/// A save that found another window's save in its way: its text, kept apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictCopy {
    /// The text that could not replace the note.
    pub text: String,
    /// When it was saved.
    pub saved_at: i64,
}

/// What a save did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// The note now has this revision.
    Saved(i64),
    /// The note had changed since the revision the save was based on: the stored note stays,
    /// and the saved text is kept as a conflict copy.
    Conflict,
}

impl Store {
    /// The note on an entry, if it has one.
    pub fn note(&self, kind: &str, id: &str) -> Result<Option<Note>, StoreError> {
        self.conn
            .query_row(
                "SELECT text, revision, updated_at FROM note WHERE kind = ?1 AND id = ?2",
                params![kind, id],
                |r| {
                    Ok(Note {
                        text: r.get(0)?,
                        revision: r.get(1)?,
                        updated_at: r.get(2)?,
                    })
                },
            )
            .optional()
            .map_err(|e| StoreError::from_sqlite(&self.path, e))
    }

    /// Every note, as (kind, id, note).
    pub fn notes(&self) -> Result<Vec<(String, String, Note)>, StoreError> {
        self.rows(
            "SELECT kind, id, text, revision, updated_at FROM note ORDER BY kind, id",
            [],
            |r| {
                let note = Note {
                    text: r.get(2)?,
                    revision: r.get(3)?,
                    updated_at: r.get(4)?,
                };
                Ok((r.get(0)?, r.get(1)?, note))
            },
        )
    }

    /// The conflict copies of an entry's note, oldest first.
    pub fn conflicts(&self, kind: &str, id: &str) -> Result<Vec<ConflictCopy>, StoreError> {
        self.rows(
            "SELECT text, saved_at FROM note_conflict WHERE kind = ?1 AND id = ?2 ORDER BY seq",
            params![kind, id],
            |r| {
                Ok(ConflictCopy {
                    text: r.get(0)?,
                    saved_at: r.get(1)?,
                })
            },
        )
    }

    /// Every conflict copy, as (kind, id, copy), oldest first.
    pub fn all_conflicts(&self) -> Result<Vec<(String, String, ConflictCopy)>, StoreError> {
        self.rows(
            "SELECT kind, id, text, saved_at FROM note_conflict ORDER BY seq",
            [],
            |r| {
                let copy = ConflictCopy {
                    text: r.get(2)?,
                    saved_at: r.get(3)?,
                };
                Ok((r.get(0)?, r.get(1)?, copy))
            },
        )
    }

    /// Saves a note, based on the revision the writer read (`None`: it read no note). One
    /// transaction: the check and the write cannot be split by another window.
    pub fn save_note(
        &mut self,
        kind: &str,
        id: &str,
        text: &str,
        based_on: Option<i64>,
    ) -> Result<Saved, StoreError> {
        self.act(|tx| save_in(tx, kind, id, text, based_on))
    }

    /// Saves a note into which the user merged its conflict copies (they were in the editor):
    /// when the save is made, the copies go, in the same transaction; when another window
    /// saved first, the text is one more copy and the old ones stay.
    pub fn save_merged_note(
        &mut self,
        kind: &str,
        id: &str,
        text: &str,
        based_on: Option<i64>,
    ) -> Result<Saved, StoreError> {
        self.act(|tx| {
            let saved = save_in(tx, kind, id, text, based_on)?;
            if let Saved::Saved(_) = saved {
                tx.execute(
                    "DELETE FROM note_conflict WHERE kind = ?1 AND id = ?2",
                    params![kind, id],
                )?;
            }
            Ok(saved)
        })
    }

    /// Puts back a deleted note and the copies that were kept beside it, in one transaction;
    /// when the entry has a note again (written since), the text put back is kept as one
    /// more copy.
    pub fn restore_note(
        &mut self,
        kind: &str,
        id: &str,
        text: &str,
        copies: &[String],
    ) -> Result<Saved, StoreError> {
        self.act(|tx| {
            let saved = save_in(tx, kind, id, text, None)?;
            for copy in copies {
                tx.execute(
                    "INSERT INTO note_conflict (kind, id, text, saved_at) VALUES (?1, ?2, ?3, ?4)",
                    params![kind, id, copy, now()],
                )?;
            }
            Ok(saved)
        })
    }

    /// Deletes an entry's note and its conflict copies; returns whether there was a note.
    pub fn delete_note(&mut self, kind: &str, id: &str) -> Result<bool, StoreError> {
        self.act(|tx| {
            tx.execute(
                "DELETE FROM note_conflict WHERE kind = ?1 AND id = ?2",
                params![kind, id],
            )?;
            tx.execute(
                "DELETE FROM note WHERE kind = ?1 AND id = ?2",
                params![kind, id],
            )
            .map(|n| n > 0)
        })
    }
}

/// The save itself, inside a transaction: a note based on an older revision than the stored
/// one is kept as a conflict copy.
fn save_in(
    tx: &rusqlite::Transaction<'_>,
    kind: &str,
    id: &str,
    text: &str,
    based_on: Option<i64>,
) -> rusqlite::Result<Saved> {
    let current: Option<i64> = tx
        .query_row(
            "SELECT revision FROM note WHERE kind = ?1 AND id = ?2",
            params![kind, id],
            |r| r.get(0),
        )
        .optional()?;
    if current != based_on {
        tx.execute(
            "INSERT INTO note_conflict (kind, id, text, saved_at) VALUES (?1, ?2, ?3, ?4)",
            params![kind, id, text, now()],
        )?;
        return Ok(Saved::Conflict);
    }
    let revision = current.unwrap_or(0) + 1;
    tx.execute(
        "INSERT INTO note (kind, id, text, revision, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (kind, id) DO UPDATE SET text = ?3, revision = ?4, updated_at = ?5",
        params![kind, id, text, revision, now()],
    )?;
    Ok(Saved::Saved(revision))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_saved_from_two_windows_at_once_keeps_both_versions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(super::super::FILE_NAME);
        let mut first = Store::open(&path).unwrap();
        let mut second = Store::open(&path).unwrap();
        assert_eq!(
            first
                .save_note("point", "BL40", "bleed visible veins", None)
                .unwrap(),
            Saved::Saved(1)
        );
        // Both windows read revision 1, then both save.
        let read = second.note("point", "BL40").unwrap().unwrap();
        assert_eq!(read.revision, 1);
        assert_eq!(
            first
                .save_note("point", "BL40", "first window's words", Some(1))
                .unwrap(),
            Saved::Saved(2)
        );
        assert_eq!(
            second
                .save_note("point", "BL40", "second window's words", Some(1))
                .unwrap(),
            Saved::Conflict,
            "the later save does not overwrite"
        );
        let kept = first.note("point", "BL40").unwrap().unwrap();
        assert_eq!(
            (kept.text.as_str(), kept.revision),
            ("first window's words", 2)
        );
        let copies = first.conflicts("point", "BL40").unwrap();
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].text, "second window's words");
        assert!(first.delete_note("point", "BL40").unwrap());
        assert!(first.note("point", "BL40").unwrap().is_none());
        assert!(first.conflicts("point", "BL40").unwrap().is_empty());
    }

    #[test]
    fn a_deleted_note_comes_back_with_its_copies_and_never_over_a_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join(super::super::FILE_NAME)).unwrap();
        store.save_note("point", "BL40", "mine", None).unwrap();
        store.save_note("point", "BL40", "theirs", None).unwrap();
        assert!(store.delete_note("point", "BL40").unwrap());
        let copies = vec!["theirs".to_string()];
        assert_eq!(
            store
                .restore_note("point", "BL40", "mine", &copies)
                .unwrap(),
            Saved::Saved(1)
        );
        assert_eq!(store.note("point", "BL40").unwrap().unwrap().text, "mine");
        assert_eq!(store.conflicts("point", "BL40").unwrap()[0].text, "theirs");
        // Written again since: what is put back stands beside it.
        store.delete_note("point", "BL40").unwrap();
        store.save_note("point", "BL40", "newer", None).unwrap();
        assert_eq!(
            store.restore_note("point", "BL40", "mine", &[]).unwrap(),
            Saved::Conflict
        );
        assert_eq!(store.note("point", "BL40").unwrap().unwrap().text, "newer");
    }
}
