//! Everything the user made, as human-readable TOML (`acuref export`), and merged back
//! (`acuref import`). Importing is idempotent: a bookmark or note already there is left as it
//! is, a different note text is kept as a conflict copy, never written over the user's note.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{Review, Store, StoreError};

/// The export file's format version.
const FORMAT: i64 = 1;

/// The whole export file.
#[derive(Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// The format version (1).
    pub format: i64,
    /// Bookmarks, oldest first.
    #[serde(default, rename = "bookmark")]
    pub bookmarks: Vec<ExportedBookmark>,
    /// Notes.
    #[serde(default, rename = "note")]
    pub notes: Vec<ExportedNote>,
    /// Conflict copies of notes.
    #[serde(default, rename = "conflict")]
    pub conflicts: Vec<ExportedConflict>,
    /// Protocols.
    #[serde(default, rename = "protocol")]
    pub protocols: Vec<ExportedProtocol>,
    /// Study: each reviewed card's scheduling state.
    #[serde(default, rename = "card")]
    pub cards: Vec<super::StoredCard>,
    /// Study: every review, oldest first.
    #[serde(default, rename = "review")]
    pub reviews: Vec<Review>,
}

/// A protocol in the export file.
#[derive(Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ExportedProtocol {
    /// Its name.
    pub name: String,
    /// Its points, in order.
    #[serde(default)]
    pub points: Vec<ExportedPoint>,
}

/// A point of a protocol in the export file.
#[derive(Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ExportedPoint {
    /// The point's code.
    pub point: String,
    /// The note on it there.
    pub note: Option<String>,
}

/// A bookmark in the export file.
#[derive(Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ExportedBookmark {
    /// The entry's kind.
    pub kind: String,
    /// The entry's id.
    pub id: String,
    /// When it was made (seconds since the Unix epoch).
    pub created_at: i64,
}

/// A note in the export file.
#[derive(Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ExportedNote {
    /// The entry's kind.
    pub kind: String,
    /// The entry's id.
    pub id: String,
    /// The text.
    pub text: String,
    /// When it was last saved.
    pub updated_at: i64,
}

/// A conflict copy in the export file.
#[derive(Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ExportedConflict {
    /// The entry's kind.
    pub kind: String,
    /// The entry's id.
    pub id: String,
    /// The text that could not replace the note.
    pub text: String,
    /// When it was saved.
    pub saved_at: i64,
}

/// What an import changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Bookmarks added.
    pub bookmarks: usize,
    /// Notes added.
    pub notes: usize,
    /// Texts kept as conflict copies (an imported note that differs from the user's).
    pub conflicts: usize,
    /// Protocols added (one that differs from the user's of that name is added as
    /// "NAME (imported)").
    pub protocols: usize,
    /// Study reviews added (with the states of the cards they moved on).
    pub reviews: usize,
    /// Items that were there already.
    pub unchanged: usize,
}

impl Store {
    /// Everything the user made.
    pub fn export(&self) -> Result<Export, StoreError> {
        let bookmarks = self
            .bookmarks()?
            .into_iter()
            .map(|b| ExportedBookmark {
                kind: b.kind,
                id: b.id,
                created_at: b.created_at,
            })
            .collect();
        let notes = self
            .notes()?
            .into_iter()
            .map(|(kind, id, note)| ExportedNote {
                kind,
                id,
                text: note.text,
                updated_at: note.updated_at,
            })
            .collect();
        let conflicts = self
            .all_conflicts()?
            .into_iter()
            .map(|(kind, id, copy)| ExportedConflict {
                kind,
                id,
                text: copy.text,
                saved_at: copy.saved_at,
            })
            .collect();
        let protocols = self
            .protocols()?
            .into_iter()
            .map(|p| ExportedProtocol {
                name: p.name,
                points: p
                    .points
                    .into_iter()
                    .map(|(point, note)| ExportedPoint { point, note })
                    .collect(),
            })
            .collect();
        Ok(Export {
            format: FORMAT,
            bookmarks,
            notes,
            conflicts,
            protocols,
            cards: self.card_states()?,
            reviews: self.reviews()?,
        })
    }

    /// Merges an export in, as one transaction: all of it or, on failure, none of it.
    pub fn import(&mut self, data: &Export) -> Result<Imported, StoreError> {
        self.act(|tx| {
            let mut done = Imported::default();
            for b in &data.bookmarks {
                let added = tx.execute(
                    "INSERT OR IGNORE INTO bookmark (kind, id, created_at) VALUES (?1, ?2, ?3)",
                    params![b.kind, b.id, b.created_at],
                )?;
                if added > 0 {
                    done.bookmarks += 1;
                } else {
                    done.unchanged += 1;
                }
            }
            let keep_copy = |kind: &str, id: &str, text: &str, at: i64| {
                let known: Option<i64> = tx
                    .query_row(
                        "SELECT 1 FROM note_conflict WHERE kind = ?1 AND id = ?2 AND text = ?3",
                        params![kind, id, text],
                        |r| r.get(0),
                    )
                    .optional()?;
                if known.is_none() {
                    tx.execute(
                        "INSERT INTO note_conflict (kind, id, text, saved_at) VALUES (?1, ?2, ?3, ?4)",
                        params![kind, id, text, at],
                    )?;
                }
                Ok::<bool, rusqlite::Error>(known.is_none())
            };
            for n in &data.notes {
                let mine: Option<String> = tx
                    .query_row(
                        "SELECT text FROM note WHERE kind = ?1 AND id = ?2",
                        params![n.kind, n.id],
                        |r| r.get(0),
                    )
                    .optional()?;
                match mine {
                    None => {
                        tx.execute(
                            "INSERT INTO note (kind, id, text, revision, updated_at) VALUES (?1, ?2, ?3, 1, ?4)",
                            params![n.kind, n.id, n.text, n.updated_at],
                        )?;
                        done.notes += 1;
                    }
                    Some(text) if text == n.text => done.unchanged += 1,
                    Some(_) => {
                        if keep_copy(&n.kind, &n.id, &n.text, n.updated_at)? {
                            done.conflicts += 1;
                        } else {
                            done.unchanged += 1;
                        }
                    }
                }
            }
            for p in &data.protocols {
                let points: super::protocols::ProtocolPoints = p
                    .points
                    .iter()
                    .map(|x| (x.point.clone(), x.note.clone()))
                    .collect();
                let imported = format!("{} (imported)", p.name);
                let mut target = None;
                for name in [&p.name, &imported] {
                    match protocol_points(tx, name)? {
                        Some(existing) if existing == points => break,
                        Some(_) => continue,
                        None => {
                            target = Some(name.clone());
                            break;
                        }
                    }
                }
                let Some(name) = target else {
                    done.unchanged += 1;
                    continue;
                };
                super::protocols::insert_protocol(tx, &name, &points)?;
                done.protocols += 1;
            }
            for c in &data.conflicts {
                if keep_copy(&c.kind, &c.id, &c.text, c.saved_at)? {
                    done.conflicts += 1;
                } else {
                    done.unchanged += 1;
                }
            }
            let (added, there) = super::reviews::import_progress(tx, &data.cards, &data.reviews)?;
            done.reviews += added;
            done.unchanged += there;
            Ok(done)
        })
    }
}

/// The points of the protocol with this name, if there is one.
fn protocol_points(
    tx: &rusqlite::Transaction<'_>,
    name: &str,
) -> rusqlite::Result<Option<super::protocols::ProtocolPoints>> {
    let seq: Option<i64> = tx
        .query_row("SELECT seq FROM protocol WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(seq) = seq else {
        return Ok(None);
    };
    let mut statement =
        tx.prepare("SELECT point, note FROM protocol_point WHERE protocol = ?1 ORDER BY position")?;
    let points = statement
        .query_map([seq], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(points))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_then_import_reproduces_everything_and_twice_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut from = Store::open(&dir.path().join("a.sqlite3")).unwrap();
        from.add_bookmark("point", "BL40").unwrap();
        from.add_bookmark("condition", "sciatica").unwrap();
        from.save_note("point", "BL40", "line one\nline two", None)
            .unwrap();
        from.new_protocol("sciatica", &["GB30".into(), "BL40".into()])
            .unwrap();
        let text = toml::to_string(&from.export().unwrap()).unwrap();
        let read: Export = toml::from_str(&text).unwrap();

        let mut to = Store::open(&dir.path().join("b.sqlite3")).unwrap();
        let first = to.import(&read).unwrap();
        assert_eq!((first.bookmarks, first.notes, first.conflicts), (2, 1, 0));
        let second = to.import(&read).unwrap();
        assert_eq!(
            (second.bookmarks, second.notes, second.conflicts),
            (0, 0, 0)
        );
        assert_eq!((first.protocols, second.protocols), (1, 0));
        assert_eq!(second.unchanged, 4);
        let mut again = to.export().unwrap();
        let mut original = from.export().unwrap();
        again.bookmarks.iter_mut().for_each(|b| b.created_at = 0);
        original.bookmarks.iter_mut().for_each(|b| b.created_at = 0);
        assert_eq!(again, original, "the copy holds what the original held");

        // A different note on import is kept beside the user's, once.
        let mut other = read;
        other.notes[0].text = "another machine's words".into();
        assert_eq!(to.import(&other).unwrap().conflicts, 1);
        assert_eq!(to.import(&other).unwrap().conflicts, 0);
        assert_eq!(
            to.note("point", "BL40").unwrap().unwrap().text,
            "line one\nline two"
        );
        assert_eq!(to.conflicts("point", "BL40").unwrap().len(), 1);
    }
}
