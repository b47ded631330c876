//! History: the entries the user opened most recently (never the queries typed), newest first,
//! the last [`KEPT`] of them.

use rusqlite::params;

use super::{Store, StoreError, now};

/// How many opened entries are remembered.
pub const KEPT: usize = 100;

impl Store {
    /// Remembers that an entry was opened now (moving it to the top if it was there).
    pub fn record_opened(&mut self, kind: &str, id: &str) -> Result<(), StoreError> {
        self.act(|tx| {
            tx.execute(
                "INSERT INTO recent (kind, id, seq, opened_at)
                 VALUES (?1, ?2, (SELECT coalesce(max(seq), 0) + 1 FROM recent), ?3)
                 ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, opened_at = excluded.opened_at",
                params![kind, id, now()],
            )?;
            tx.execute(
                "DELETE FROM recent WHERE seq NOT IN (SELECT seq FROM recent ORDER BY seq DESC LIMIT ?1)",
                [KEPT as i64],
            )?;
            Ok(())
        })
    }

    /// The entries opened most recently, newest first, as (kind, id).
    pub fn recent(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.rows("SELECT kind, id FROM recent ORDER BY seq DESC", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_opened_come_first_and_only_the_last_hundred_stay() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join(super::super::FILE_NAME)).unwrap();
        for i in 0..(KEPT + 20) {
            store.record_opened("point", &format!("X{i}")).unwrap();
        }
        store.record_opened("point", "X50").unwrap();
        let recent = store.recent().unwrap();
        assert_eq!(recent.len(), KEPT);
        assert_eq!(recent[0].1, "X50", "opened again: at the top, once");
        assert_eq!(recent[1].1, format!("X{}", KEPT + 19));
        assert!(!recent.iter().any(|(_, id)| id == "X0"), "the oldest went");
    }
}
