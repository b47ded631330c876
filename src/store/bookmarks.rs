//! Bookmarks: a star on an entry, kept by the entry's kind and id. An id the catalogue no
//! longer has keeps its star (it is shown as orphaned) until the user removes it.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, now};

/// One bookmark, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bookmark {
    /// The entry's kind, as the catalogue names it (`point`, `condition`...).
    pub kind: String,
    /// The entry's id.
    pub id: String,
    /// When it was made, in seconds since the Unix epoch.
    pub created_at: i64,
}

impl Store {
    /// Every bookmark, oldest first.
    pub fn bookmarks(&self) -> Result<Vec<Bookmark>, StoreError> {
        self.rows(
            "SELECT kind, id, created_at FROM bookmark ORDER BY seq",
            [],
            |r| {
                Ok(Bookmark {
                    kind: r.get(0)?,
                    id: r.get(1)?,
                    created_at: r.get(2)?,
                })
            },
        )
    }

    /// Whether an entry is starred.
    pub fn is_bookmarked(&self, kind: &str, id: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM bookmark WHERE kind = ?1 AND id = ?2",
                params![kind, id],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| StoreError::from_sqlite(&self.path, e))
    }

    /// Stars an entry; returns whether it was new.
    pub fn add_bookmark(&mut self, kind: &str, id: &str) -> Result<bool, StoreError> {
        self.act(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO bookmark (kind, id, created_at) VALUES (?1, ?2, ?3)",
                params![kind, id, now()],
            )
            .map(|n| n > 0)
        })
    }

    /// Removes an entry's star; returns whether it had one.
    pub fn remove_bookmark(&mut self, kind: &str, id: &str) -> Result<bool, StoreError> {
        self.act(|tx| {
            tx.execute(
                "DELETE FROM bookmark WHERE kind = ?1 AND id = ?2",
                params![kind, id],
            )
            .map(|n| n > 0)
        })
    }

    /// Stars an entry, or removes its star; returns whether it is starred now. One
    /// transaction, so two windows toggling at once each see a consistent state.
    pub fn toggle_bookmark(&mut self, kind: &str, id: &str) -> Result<bool, StoreError> {
        self.act(|tx| {
            let had = tx
                .query_row(
                    "SELECT 1 FROM bookmark WHERE kind = ?1 AND id = ?2",
                    params![kind, id],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            if had {
                tx.execute(
                    "DELETE FROM bookmark WHERE kind = ?1 AND id = ?2",
                    params![kind, id],
                )?;
            } else {
                tx.execute(
                    "INSERT INTO bookmark (kind, id, created_at) VALUES (?1, ?2, ?3)",
                    params![kind, id, now()],
                )?;
            }
            Ok(!had)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmarks_are_added_toggled_and_removed_in_one_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("home").join(super::super::FILE_NAME);
        let mut store = Store::open(&path).unwrap();
        assert!(store.add_bookmark("point", "BL40").unwrap());
        assert!(!store.add_bookmark("point", "BL40").unwrap(), "once only");
        assert!(store.toggle_bookmark("condition", "sciatica").unwrap());
        assert!(!store.toggle_bookmark("condition", "sciatica").unwrap());
        drop(store);
        let mut again = Store::open(&path).unwrap();
        let ids: Vec<String> = again
            .bookmarks()
            .unwrap()
            .into_iter()
            .map(|b| b.id)
            .collect();
        assert_eq!(ids, ["BL40"]);
        assert!(again.remove_bookmark("point", "BL40").unwrap());
        assert!(again.bookmarks().unwrap().is_empty());
        assert!(again.integrity_ok().unwrap());
    }
}
