//! Protocols: the point sets a practitioner uses ("my sciatica protocol"), each a name and an
//! ordered list of point codes, each point with an optional note ("bleed if visible veins").

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, now};

/// A protocol's points in order: each point's code and the note on it there.
pub type ProtocolPoints = Vec<(String, Option<String>)>;

/// A protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Protocol {
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
                Ok(Protocol { name, points: list })
            })
            .collect()
    }

    /// Makes a protocol with these points, in order.
    pub fn new_protocol(&mut self, name: &str, points: &[String]) -> Result<(), ProtocolError> {
        let made = self.act(|tx| {
            let taken = tx
                .query_row("SELECT 1 FROM protocol WHERE name = ?1", [name], |_| Ok(()))
                .optional()?
                .is_some();
            if taken {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO protocol (name, created_at) VALUES (?1, ?2)",
                params![name, now()],
            )?;
            let seq = tx.last_insert_rowid();
            for (position, point) in points.iter().enumerate() {
                tx.execute(
                    "INSERT INTO protocol_point (protocol, position, point) VALUES (?1, ?2, ?3)",
                    params![seq, position as i64, point],
                )?;
            }
            Ok(true)
        })?;
        if made {
            Ok(())
        } else {
            Err(ProtocolError::Exists(name.to_string()))
        }
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
        store.delete_protocol("sciatica").unwrap();
        assert!(store.protocols().unwrap().is_empty());
        let orphans: i64 = store
            .conn
            .query_row("SELECT count(*) FROM protocol_point", [], |r| r.get(0))
            .unwrap();
        assert_eq!(orphans, 0, "foreign keys cascade");
    }
}
