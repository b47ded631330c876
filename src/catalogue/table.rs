//! The entries of one kind: in catalogue order, with an index by id, each either in memory or
//! still in the built-in archive, read the first time it is asked for.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use super::Entry;

/// The entries of one kind, in catalogue order, with an index by id.
#[derive(Debug)]
pub struct Table<T> {
    entries: Vec<OnceLock<T>>,
    /// Where the entries not yet read lie, for a table read from an archive.
    archived: Option<Archived>,
    /// For each entry, which of [`super::Catalogue::files`] wrote it.
    files: Vec<usize>,
    /// Position by id; an archived table's ids stay in the archive.
    index: HashMap<Cow<'static, str>, usize>,
}

/// The entries of a table as the archive holds them, one after another, each encoded alone.
#[derive(Debug)]
pub(super) struct Archived {
    /// The encoded entries: borrowed from the binary's archive.
    pub(super) bytes: Cow<'static, [u8]>,
    /// Where each entry ends in `bytes` (it starts where the one before ends).
    pub(super) ends: Vec<usize>,
}

impl<T: Entry + DeserializeOwned> Table<T> {
    /// A table of entries in memory.
    pub(super) fn new(items: Vec<T>, files: Vec<usize>) -> Self {
        let index = items
            .iter()
            .enumerate()
            .map(|(i, item)| (Cow::Owned(item.id().to_string()), i))
            .collect();
        Table {
            entries: items.into_iter().map(OnceLock::from).collect(),
            archived: None,
            files,
            index,
        }
    }

    /// A table whose entries stay in the archive until asked for.
    pub(super) fn archived(
        ids: Vec<Cow<'static, str>>,
        files: Vec<usize>,
        archived: Archived,
    ) -> Self {
        let index = ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect();
        Table {
            entries: (0..files.len()).map(|_| OnceLock::new()).collect(),
            archived: Some(archived),
            files,
            index,
        }
    }

    /// The entry at a position, read from the archive if it is not in memory yet.
    fn entry(&self, i: usize) -> &T {
        self.entries[i].get_or_init(|| {
            let archived = self
                .archived
                .as_ref()
                .expect("an entry not in memory is in the archive");
            let start = if i == 0 { 0 } else { archived.ends[i - 1] };
            postcard::from_bytes(&archived.bytes[start..archived.ends[i]])
                .expect("build.rs wrote this archive with this code")
        })
    }

    /// The entry with this exact id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.position(id).map(|i| self.entry(i))
    }

    /// The position of the entry with this exact id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Every entry, in catalogue order.
    pub fn all(&self) -> impl ExactSizeIterator<Item = &T> + DoubleEndedIterator + Clone + '_ {
        (0..self.entries.len()).map(|i| self.entry(i))
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Which of [`super::Catalogue::files`] wrote each entry, in catalogue order.
    pub(super) fn files(&self) -> &[usize] {
        &self.files
    }

    /// The entries, all in memory, and the files that wrote them.
    pub(super) fn into_parts(self) -> (Vec<T>, Vec<usize>) {
        for i in 0..self.entries.len() {
            self.entry(i);
        }
        let items = self
            .entries
            .into_iter()
            .map(|cell| cell.into_inner().expect("every entry was just read"))
            .collect();
        (items, self.files)
    }
}

impl<T: Entry + DeserializeOwned> std::ops::Index<usize> for Table<T> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        self.entry(i)
    }
}
