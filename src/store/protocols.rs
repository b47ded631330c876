//! Protocols: the point sets a practitioner uses ("my sciatica protocol"), each a name and an
//! ordered list of point codes, each point with an optional note ("bleed if visible veins").

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, now};

/// A protocol's points in order: each point's code and the note on it there.
pub type ProtocolPoints = Vec<(String, Option<String>)>;

/// A protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Protocol {
    /// Its row id: stable while it exists, whatever else is made or deleted.
    pub seq: i64,
    /// Its name, unique.
    pub name: String,
    /// Its points in order: the point's code and the note on it there.
    pub points: ProtocolPoints,
}

/// Why a protocol change was refused.
#[derive(Debug)]
pub enum ProtocolError {
    /// No protocol has this name.
    Missing(String),
    /// A protocol has this name already.
    Exists(String),
    /// The database failed.
    Store(StoreError),
}

impl From<StoreError> for ProtocolError {
    fn from(e: StoreError) -> ProtocolError {
        ProtocolError::Store(e)
    }
}

impl std::fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |n: &str| crate::text::escape_controls(n);
        match self {
            ProtocolError::Missing(n) => write!(
                f,
                "no protocol named `{}`; `acuref protocol list` shows them, `acuref protocol new` makes one",
                shown(n)
            ),
            ProtocolError::Exists(n) => write!(
                f,
                "a protocol named `{}` exists already; `acuref protocol add` adds points to it",
                shown(n)
            ),
            ProtocolError::Store(e) => e.fmt(f),
        }
    }
}

impl Store {
    /// Every protocol, in the order they were made.
    pub fn protocols(&self) -> Result<Vec<Protocol>, StoreError> {
        let fail = |e| StoreError::from_sqlite(&self.path, e);
        let mut names = self
            .conn
            .prepare("SELECT seq, name FROM protocol ORDER BY seq")
            .map_err(fail)?;
        let rows: Vec<(i64, String)> = names
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(fail)?
            .collect::<Result<_, _>>()
            .map_err(fail)?;
        let mut points = self
            .conn
            .prepare("SELECT point, note FROM protocol_point WHERE protocol = ?1 ORDER BY position")
            .map_err(fail)?;
        rows.into_iter()
            .map(|(seq, name)| {
                let list = points
                    .query_map([seq], |r| Ok((r.get(0)?, r.get(1)?)))
                    .map_err(fail)?
                    .collect::<Result<_, _>>()
                    .map_err(fail)?;
                Ok(Protocol {
                    seq,
                    name,
                    points: list,
                })
            })
            .collect()
    }

    /// Makes a protocol with these points, in order.
    pub fn new_protocol(&mut self, name: &str, points: &[String]) -> Result<(), ProtocolError> {
        let points: ProtocolPoints = points.iter().map(|p| (p.clone(), None)).collect();
        self.put_protocol(name, &points)
    }

    /// Adds a point at the end of a protocol, with an optional note.
    pub fn add_to_protocol(
        &mut self,
        name: &str,
        point: &str,
        note: Option<&str>,
    ) -> Result<(), ProtocolError> {
        let added = self.act(|tx| {
            let Some(seq) = protocol_seq(tx, name)? else {
                return Ok(false);
            };
            tx.execute(
                "INSERT INTO protocol_point (protocol, position, point, note)
                 VALUES (?1, (SELECT coalesce(max(position), -1) + 1 FROM protocol_point WHERE protocol = ?1), ?2, ?3)",
                params![seq, point, note],
            )?;
            Ok(true)
        })?;
        if added {
            Ok(())
        } else {
            Err(ProtocolError::Missing(name.to_string()))
        }
    }

    /// Removes a point from a protocol (every place it holds); returns whether it was there.
    pub fn remove_from_protocol(&mut self, name: &str, point: &str) -> Result<bool, ProtocolError> {
        let removed = self.act(|tx| {
            let Some(seq) = protocol_seq(tx, name)? else {
                return Ok(None);
            };
            let n = tx.execute(
                "DELETE FROM protocol_point WHERE protocol = ?1 AND point = ?2",
                params![seq, point],
            )?;
            Ok(Some(n > 0))
        })?;
        removed.ok_or_else(|| ProtocolError::Missing(name.to_string()))
    }

    /// Deletes a protocol and its points.
    pub fn delete_protocol(&mut self, name: &str) -> Result<(), ProtocolError> {
        let deleted = self.act(|tx| tx.execute("DELETE FROM protocol WHERE name = ?1", [name]))?;
        if deleted > 0 {
            Ok(())
        } else {
            Err(ProtocolError::Missing(name.to_string()))
        }
    }
}

impl Store {
    /// Removes the point at `nth` place (from 0, in order) of a protocol and returns it with
    /// its note; none when the protocol has fewer points.
    pub fn take_from_protocol(
        &mut self,
        name: &str,
        nth: usize,
    ) -> Result<Option<(String, Option<String>)>, ProtocolError> {
        let taken = self.act(|tx| {
            let Some(seq) = protocol_seq(tx, name)? else {
                return Ok(None);
            };
            let row: Option<(i64, String, Option<String>)> = tx
                .query_row(
                    "SELECT position, point, note FROM protocol_point WHERE protocol = ?1
                     ORDER BY position LIMIT 1 OFFSET ?2",
                    params![seq, nth as i64],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            if let Some((position, _, _)) = &row {
                tx.execute(
                    "DELETE FROM protocol_point WHERE protocol = ?1 AND position = ?2",
                    params![seq, position],
                )?;
            }
            Ok(Some(row.map(|(_, point, note)| (point, note))))
        })?;
        taken.ok_or_else(|| ProtocolError::Missing(name.to_string()))
    }

    /// Puts a point back at `nth` place (from 0) of a protocol, the points from there on
    /// moving down one; past the end, it goes last.
    pub fn put_in_protocol(
        &mut self,
        name: &str,
        nth: usize,
        point: &str,
        note: Option<&str>,
    ) -> Result<(), ProtocolError> {
        let put = self.act(|tx| {
            let Some(seq) = protocol_seq(tx, name)? else {
                return Ok(false);
            };
            let at: Option<i64> = tx
                .query_row(
                    "SELECT position FROM protocol_point WHERE protocol = ?1
                     ORDER BY position LIMIT 1 OFFSET ?2",
                    params![seq, nth as i64],
                    |r| r.get(0),
                )
                .optional()?;
            let position = match at {
                Some(at) => {
                    // Two steps, so no two rows hold one position in between.
                    tx.execute(
                        "UPDATE protocol_point SET position = -position - 2
                         WHERE protocol = ?1 AND position >= ?2",
                        params![seq, at],
                    )?;
                    tx.execute(
                        "UPDATE protocol_point SET position = -position - 1
                         WHERE protocol = ?1 AND position < 0",
                        params![seq],
                    )?;
                    at
                }
                None => tx.query_row(
                    "SELECT coalesce(max(position), -1) + 1 FROM protocol_point WHERE protocol = ?1",
                    [seq],
                    |r| r.get(0),
                )?,
            };
            tx.execute(
                "INSERT INTO protocol_point (protocol, position, point, note) VALUES (?1, ?2, ?3, ?4)",
                params![seq, position, point, note],
            )?;
            Ok(true)
        })?;
        if put {
            Ok(())
        } else {
            Err(ProtocolError::Missing(name.to_string()))
        }
    }

    /// Makes a protocol with these points and the notes on them, in one write (a deleted
    /// protocol put back, or a new one made with its first point).
    pub fn put_protocol(
        &mut self,
        name: &str,
        points: &ProtocolPoints,
    ) -> Result<(), ProtocolError> {
        let made = self.act(|tx| {
            if protocol_seq(tx, name)?.is_some() {
                return Ok(false);
            }
            insert_protocol(tx, name, points)?;
            Ok(true)
        })?;
        if made {
            Ok(())
        } else {
            Err(ProtocolError::Exists(name.to_string()))
        }
    }
}

/// Writes a new protocol with its points in order (the name is free: the caller checked).
pub(super) fn insert_protocol(
    tx: &rusqlite::Transaction<'_>,
    name: &str,
    points: &ProtocolPoints,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO protocol (name, created_at) VALUES (?1, ?2)",
        params![name, now()],
    )?;
    let seq = tx.last_insert_rowid();
    for (position, (point, note)) in points.iter().enumerate() {
        tx.execute(
            "INSERT INTO protocol_point (protocol, position, point, note) VALUES (?1, ?2, ?3, ?4)",
            params![seq, position as i64, point, note],
        )?;
    }
    Ok(())
}

/// The row id of the protocol with this name.
fn protocol_seq(tx: &rusqlite::Transaction<'_>, name: &str) -> rusqlite::Result<Option<i64>> {
    tx.query_row("SELECT seq FROM protocol WHERE name = ?1", [name], |r| {
        r.get(0)
    })
    .optional()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_protocol_keeps_its_points_in_order_with_their_notes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join(super::super::FILE_NAME)).unwrap();
        store
            .new_protocol("sciatica", &["GB30".into(), "BL40".into()])
            .unwrap();
        assert!(matches!(
            store.new_protocol("sciatica", &[]),
            Err(ProtocolError::Exists(_))
        ));
        store
            .add_to_protocol("sciatica", "BL60", Some("bleed if visible veins"))
            .unwrap();
        assert!(matches!(
            store.add_to_protocol("nope", "BL60", None),
            Err(ProtocolError::Missing(_))
        ));
        let all = store.protocols().unwrap();
        assert_eq!(all.len(), 1);
        let codes: Vec<&str> = all[0].points.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(codes, ["GB30", "BL40", "BL60"]);
        assert_eq!(
            all[0].points[2].1.as_deref(),
            Some("bleed if visible veins")
        );
        assert!(store.remove_from_protocol("sciatica", "BL40").unwrap());
        assert!(!store.remove_from_protocol("sciatica", "BL40").unwrap());
        let taken = store.take_from_protocol("sciatica", 0).unwrap();
        assert_eq!(taken, Some(("GB30".to_string(), None)));
        assert_eq!(store.take_from_protocol("sciatica", 5).unwrap(), None);
        store
            .put_in_protocol("sciatica", 0, "GB30", Some("first"))
            .unwrap();
        store.put_in_protocol("sciatica", 9, "BL23", None).unwrap();
        let kept = store.protocols().unwrap().remove(0);
        let codes: Vec<&str> = kept.points.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(codes, ["GB30", "BL60", "BL23"], "put back where it was");
        assert_eq!(kept.points[0].1.as_deref(), Some("first"));
        store.delete_protocol("sciatica").unwrap();
        store.put_protocol(&kept.name, &kept.points).unwrap();
        assert!(matches!(
            store.put_protocol(&kept.name, &kept.points),
            Err(ProtocolError::Exists(_))
        ));
        assert_eq!(store.protocols().unwrap()[0].points, kept.points);
        store.delete_protocol("sciatica").unwrap();
        assert!(store.protocols().unwrap().is_empty());
        let orphans: i64 = store
            .conn
            .query_row("SELECT count(*) FROM protocol_point", [], |r| r.get(0))
            .unwrap();
        assert_eq!(orphans, 0, "foreign keys cascade");
    }
}
