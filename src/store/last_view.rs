//! Where the interactive reference was left, kept only for a user who asked to come back to it
//! (`restore_last_view` in the settings): the list, the query, the selected row and the entry
//! shown, each as text the catalogue can look up again. Patient states are never part of it.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, now};

/// A view as the database keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastView {
    /// What the list showed: `search`, `channel:LU`, `protocol:NAME`...
    pub list: String,
    /// The query typed.
    pub query: String,
    /// The selected row's entry, as `kind:id`.
    pub selected: Option<String>,
    /// The entry shown in the detail pane when a link was followed, as `kind:id`.
    pub shown: Option<String>,
}

impl Store {
    /// Keeps the view, replacing the one kept before.
    pub fn save_last_view(&mut self, view: &LastView) -> Result<(), StoreError> {
        self.act(|tx| {
            tx.execute(
                "INSERT INTO last_view (id, list, query, selected, shown, saved_at)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET list = excluded.list, query = excluded.query,
                   selected = excluded.selected, shown = excluded.shown, saved_at = excluded.saved_at",
                params![view.list, view.query, view.selected, view.shown, now()],
            )?;
            Ok(())
        })
    }

    /// The view kept last, if any.
    pub fn last_view(&self) -> Result<Option<LastView>, StoreError> {
        self.conn
            .query_row(
                "SELECT list, query, selected, shown FROM last_view WHERE id = 1",
                [],
                |r| {
                    Ok(LastView {
                        list: r.get(0)?,
                        query: r.get(1)?,
                        selected: r.get(2)?,
                        shown: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(|e| StoreError::from_sqlite(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_kept_is_the_last_one_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join(super::super::FILE_NAME)).unwrap();
        assert_eq!(store.last_view().unwrap(), None);
        let mut view = LastView {
            list: "channel:LU".into(),
            query: "lung".into(),
            selected: Some("point:LU7".into()),
            shown: None,
        };
        store.save_last_view(&view).unwrap();
        view.list = "protocols".into();
        view.shown = Some("condition:sciatica".into());
        store.save_last_view(&view).unwrap();
        assert_eq!(store.last_view().unwrap(), Some(view));
    }
}
