//! Moving what is kept on one id onto another (`acuref reattach`): when an entry's id left
//! the catalogue (a code renamed, an overlay removed), its star, note, conflict copies and
//! protocol places move onto the entry the user names, in one transaction. Nothing is lost:
//! a note that would replace one already there becomes a conflict copy beside it.

use rusqlite::{OptionalExtension, params};

use super::kept::POINT;
use super::{Store, StoreError};

/// What became of the star.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StarMoved {
    /// The old id had none.
    None,
    /// It moved (keeping its place among the bookmarks).
    Moved,
    /// The new entry was starred already: its star stays, the old one went.
    AlreadyStarred,
}

/// What became of the note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteMoved {
    /// The old id had none.
    None,
    /// It moved, with its revision and time.
    Moved,
    /// The new entry had a note of its own: the moved one is a conflict copy beside it.
    ConflictCopy,
    /// The new entry's note holds the same text: it is kept once.
    SameText,
}

/// What a reattach moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reattached {
    /// The star.
    pub star: StarMoved,
    /// The note.
    pub note: NoteMoved,
    /// Conflict copies moved.
    pub conflicts: usize,
    /// Places in protocols moved (each keeps its position and its note).
    pub places: usize,
}

impl Reattached {
    /// Whether nothing was kept on the old id (and so nothing changed).
    pub fn is_empty(&self) -> bool {
        self.star == StarMoved::None
            && self.note == NoteMoved::None
            && self.conflicts == 0
            && self.places == 0
    }
}

impl Store {
    /// Moves everything kept on `from` (kind, id) onto `to`, as one transaction. Protocol
    /// places move only when both are points (protocols hold points only); otherwise they
    /// stay where they are.
    pub fn reattach(
        &mut self,
        from: (&str, &str),
        to: (&str, &str),
    ) -> Result<Reattached, StoreError> {
        self.act(|tx| {
            let star = move_star(tx, from, to)?;
            let note = move_note(tx, from, to)?;
            let conflicts = tx.execute(
                "UPDATE note_conflict SET kind = ?3, id = ?4 WHERE kind = ?1 AND id = ?2",
                params![from.0, from.1, to.0, to.1],
            )?;
            let places = if from.0 == POINT && to.0 == POINT {
                tx.execute(
                    "UPDATE protocol_point SET point = ?2 WHERE point = ?1",
                    params![from.1, to.1],
                )?
            } else {
                0
            };
            Ok(Reattached {
                star,
                note,
                conflicts,
                places,
            })
        })
    }
}

/// Moves the star, unless the new entry has one.
fn move_star(
    tx: &rusqlite::Transaction<'_>,
    from: (&str, &str),
    to: (&str, &str),
) -> rusqlite::Result<StarMoved> {
    let moved = tx.execute(
        "UPDATE OR IGNORE bookmark SET kind = ?3, id = ?4 WHERE kind = ?1 AND id = ?2",
        params![from.0, from.1, to.0, to.1],
    )?;
    if moved > 0 {
        return Ok(StarMoved::Moved);
    }
    // Ignored (the new entry is starred) or there was none.
    let removed = tx.execute(
        "DELETE FROM bookmark WHERE kind = ?1 AND id = ?2",
        params![from.0, from.1],
    )?;
    Ok(if removed > 0 {
        StarMoved::AlreadyStarred
    } else {
        StarMoved::None
    })
}

/// Moves the note; when the new entry has one, the moved text becomes a conflict copy there.
fn move_note(
    tx: &rusqlite::Transaction<'_>,
    from: (&str, &str),
    to: (&str, &str),
) -> rusqlite::Result<NoteMoved> {
    let text_of = |(kind, id): (&str, &str)| {
        tx.query_row(
            "SELECT text, updated_at FROM note WHERE kind = ?1 AND id = ?2",
            params![kind, id],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
        )
        .optional()
    };
    let Some((text, updated_at)) = text_of(from)? else {
        return Ok(NoteMoved::None);
    };
    let moved = match text_of(to)? {
        None => {
            tx.execute(
                "UPDATE note SET kind = ?3, id = ?4 WHERE kind = ?1 AND id = ?2",
                params![from.0, from.1, to.0, to.1],
            )?;
            return Ok(NoteMoved::Moved);
        }
        Some((theirs, _)) if theirs == text => NoteMoved::SameText,
        Some(_) => {
            tx.execute(
                "INSERT INTO note_conflict (kind, id, text, saved_at) VALUES (?1, ?2, ?3, ?4)",
                params![to.0, to.1, text, updated_at],
            )?;
            NoteMoved::ConflictCopy
        }
    };
    tx.execute(
        "DELETE FROM note WHERE kind = ?1 AND id = ?2",
        params![from.0, from.1],
    )?;
    Ok(moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join(super::super::FILE_NAME)).unwrap();
        (dir, store)
    }

    #[test]
    fn everything_on_the_old_id_moves_and_keeps_its_places() {
        let (_dir, mut store) = store();
        store.add_bookmark("point", "BL40").unwrap();
        store.add_bookmark("point", "BL99").unwrap();
        store.add_bookmark("point", "BL23").unwrap();
        store.save_note("point", "BL99", "mine", None).unwrap();
        store.save_note("point", "BL99", "overtaken", None).unwrap();
        store
            .new_protocol("knee", &["BL40".into(), "BL99".into(), "BL23".into()])
            .unwrap();
        store
            .add_to_protocol("knee", "BL99", Some("deeper"))
            .unwrap();
        let done = store
            .reattach(("point", "BL99"), ("point", "ST36"))
            .unwrap();
        assert_eq!(
            done,
            Reattached {
                star: StarMoved::Moved,
                note: NoteMoved::Moved,
                conflicts: 1,
                places: 2
            }
        );
        let starred: Vec<String> = store
            .bookmarks()
            .unwrap()
            .into_iter()
            .map(|b| b.id)
            .collect();
        assert_eq!(
            starred,
            ["BL40", "ST36", "BL23"],
            "the star keeps its place"
        );
        let note = store.note("point", "ST36").unwrap().unwrap();
        assert_eq!((note.text.as_str(), note.revision), ("mine", 1));
        assert_eq!(
            store.conflicts("point", "ST36").unwrap()[0].text,
            "overtaken"
        );
        let points = &store.protocols().unwrap()[0].points;
        assert_eq!(
            points,
            &[
                ("BL40".to_string(), None),
                ("ST36".to_string(), None),
                ("BL23".to_string(), None),
                ("ST36".to_string(), Some("deeper".to_string())),
            ]
        );
        assert!(store.kept(|_, id| id == "BL99").unwrap().is_empty());
        let again = store
            .reattach(("point", "BL99"), ("point", "ST36"))
            .unwrap();
        assert!(again.is_empty(), "nothing left to move");
    }

    #[test]
    fn a_note_onto_a_note_becomes_a_conflict_copy_and_a_star_onto_a_star_stays_one() {
        let (_dir, mut store) = store();
        for id in ["BL99", "ST36"] {
            store.add_bookmark("point", id).unwrap();
        }
        store
            .save_note("point", "BL99", "the old words", None)
            .unwrap();
        store
            .save_note("point", "ST36", "the new words", None)
            .unwrap();
        let done = store
            .reattach(("point", "BL99"), ("point", "ST36"))
            .unwrap();
        assert_eq!(done.star, StarMoved::AlreadyStarred);
        assert_eq!(done.note, NoteMoved::ConflictCopy);
        assert_eq!(store.bookmarks().unwrap().len(), 1);
        assert_eq!(
            store.note("point", "ST36").unwrap().unwrap().text,
            "the new words"
        );
        let copies = store.conflicts("point", "ST36").unwrap();
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].text, "the old words");
        assert!(store.note("point", "BL99").unwrap().is_none());
        // The same text on both is kept once.
        store
            .save_note("point", "BL98", "the new words", None)
            .unwrap();
        let same = store
            .reattach(("point", "BL98"), ("point", "ST36"))
            .unwrap();
        assert_eq!(same.note, NoteMoved::SameText);
        assert_eq!(store.conflicts("point", "ST36").unwrap().len(), 1);
    }

    #[test]
    fn protocol_places_stay_unless_both_are_points() {
        let (_dir, mut store) = store();
        store.new_protocol("knee", &["BL99".into()]).unwrap();
        store.save_note("point", "BL99", "words", None).unwrap();
        let done = store
            .reattach(("point", "BL99"), ("condition", "sciatica"))
            .unwrap();
        assert_eq!((done.note, done.places), (NoteMoved::Moved, 0));
        assert_eq!(store.protocols().unwrap()[0].points[0].0, "BL99");
    }
}
