//! The user's notes, searched beside the catalogue: a note that holds every word of a query
//! finds its entry, ranked as a match in the entry's name would be. Notes change while acuref
//! runs, so they are indexed apart from the catalogue and rebuilt when one is saved.

use super::filter::{Filter, Query};
use super::fold::fold;
use super::score::words_score;
use super::{FieldKind, Hit};
use crate::catalogue::{EntryRef, Kind};

/// How much a note's match counts: as much as the entry's name.
const NOTE_WEIGHT: i64 = 10;

/// The notes, folded once.
#[derive(Debug, Default)]
pub struct NoteIndex {
    notes: Vec<(EntryRef, String, Filter)>,
}

impl NoteIndex {
    /// Indexes the user's notes, each on its entry.
    pub fn new<'a>(notes: impl IntoIterator<Item = (EntryRef, &'a str)>) -> NoteIndex {
        NoteIndex {
            notes: notes
                .into_iter()
                .map(|(entry, text)| {
                    let folded = fold(text);
                    let filter = Filter::of(&folded, FieldKind::Description);
                    (entry, folded, filter)
                })
                .collect(),
        }
    }

    /// Whether there are no notes.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// The entries whose note holds every word of the query (of `kind` if given), merged
    /// into `hits`: an entry found already keeps the better of its two scores.
    pub(super) fn merge(&self, query: &Query, kind: Option<Kind>, hits: &mut Vec<Hit>) {
        for (entry, folded, filter) in &self.notes {
            if kind.is_some_and(|k| k != entry.kind) || !filter.admits(query.words_filter) {
                continue;
            }
            let Some(score) = words_score(folded, &query.terms).map(|s| s * NOTE_WEIGHT) else {
                continue;
            };
            match hits.iter_mut().find(|h| h.entry == *entry) {
                Some(hit) if hit.score >= score => {}
                Some(hit) => {
                    hit.score = score;
                    hit.by_note = true;
                }
                None => hits.push(Hit {
                    entry: *entry,
                    score,
                    field: 0,
                    reading: None,
                    by_note: true,
                }),
            }
        }
    }
}
