//! What the user keeps on each entry, gathered by the entry's kind and id: its star, its note,
//! the note's conflict copies and its places in protocols. The store knows no catalogue, so
//! the caller says which ids it wants (those the catalogue no longer has, for `acuref
//! orphans`).

use std::collections::BTreeMap;

use super::{ConflictCopy, Note, Store, StoreError};

/// The kind protocol points are kept as: protocols hold points only.
pub(super) const POINT: &str = "point";

/// Everything kept on one entry id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    /// The entry's kind, as stored (`point`, `condition`...).
    pub kind: String,
    /// The entry's id, as stored.
    pub id: String,
    /// When it was starred (seconds since the Unix epoch), if it is.
    pub starred_at: Option<i64>,
    /// The note on it.
    pub note: Option<Note>,
    /// The note's conflict copies, oldest first.
    pub conflicts: Vec<ConflictCopy>,
    /// The places it holds in protocols, in the order the protocols were made.
    pub places: Vec<ProtocolPlace>,
}

/// One place a point holds in a protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolPlace {
    /// The protocol's name.
    pub protocol: String,
    /// Its place in the protocol's list, 1 for the first.
    pub place: usize,
    /// The note on the point there.
    pub note: Option<String>,
}

impl Store {
    /// Everything kept on the ids `wanted` picks (by kind and id), one [`Kept`] per id that
    /// holds anything, in kind and id order.
    pub fn kept(&self, wanted: impl Fn(&str, &str) -> bool) -> Result<Vec<Kept>, StoreError> {
        let mut found = Gathered::default();
        for b in self.bookmarks()? {
            if let Some(kept) = found.slot(&wanted, b.kind, b.id) {
                kept.starred_at = Some(b.created_at);
            }
        }
        for (kind, id, note) in self.notes()? {
            if let Some(kept) = found.slot(&wanted, kind, id) {
                kept.note = Some(note);
            }
        }
        for (kind, id, copy) in self.all_conflicts()? {
            if let Some(kept) = found.slot(&wanted, kind, id) {
                kept.conflicts.push(copy);
            }
        }
        for protocol in self.protocols()? {
            for (index, (code, note)) in protocol.points.into_iter().enumerate() {
                if let Some(kept) = found.slot(&wanted, POINT.to_string(), code) {
                    kept.places.push(ProtocolPlace {
                        protocol: protocol.name.clone(),
                        place: index + 1,
                        note,
                    });
                }
            }
        }
        Ok(found.0.into_values().collect())
    }
}

/// What is kept, by kind and id, while it is gathered.
#[derive(Default)]
struct Gathered(BTreeMap<(String, String), Kept>);

impl Gathered {
    /// Where what is kept on this id goes, if it is wanted.
    fn slot(
        &mut self,
        wanted: &impl Fn(&str, &str) -> bool,
        kind: String,
        id: String,
    ) -> Option<&mut Kept> {
        if !wanted(&kind, &id) {
            return None;
        }
        let key = (kind.clone(), id.clone());
        Some(self.0.entry(key).or_insert_with(|| Kept {
            kind,
            id,
            ..Kept::default()
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_kept_is_gathered_by_entry_for_the_ids_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join(super::super::FILE_NAME)).unwrap();
        store.add_bookmark("point", "BL99").unwrap();
        store.add_bookmark("point", "BL40").unwrap();
        store.save_note("point", "BL99", "mine", None).unwrap();
        store.save_note("point", "BL99", "overtaken", None).unwrap();
        store
            .save_note("condition", "gone", "a note", None)
            .unwrap();
        store
            .new_protocol("knee", &["BL40".into(), "BL99".into()])
            .unwrap();
        store
            .add_to_protocol("knee", "BL99", Some("again, deeper"))
            .unwrap();
        let kept = store.kept(|_, id| id != "BL40").unwrap();
        assert_eq!(kept.len(), 2);
        assert_eq!(
            (kept[0].kind.as_str(), kept[0].id.as_str()),
            ("condition", "gone")
        );
        assert_eq!(kept[0].note.as_ref().unwrap().text, "a note");
        assert_eq!(kept[0].starred_at, None);
        let bl99 = &kept[1];
        assert!(bl99.starred_at.is_some());
        assert_eq!(bl99.note.as_ref().unwrap().text, "mine");
        assert_eq!(bl99.conflicts.len(), 1);
        assert_eq!(bl99.conflicts[0].text, "overtaken");
        let places: Vec<(usize, Option<&str>)> = bl99
            .places
            .iter()
            .map(|p| (p.place, p.note.as_deref()))
            .collect();
        assert_eq!(places, [(2, None), (3, Some("again, deeper"))]);
        assert!(store.kept(|_, _| false).unwrap().is_empty());
    }
}
