//! What a query finds when it finds little as typed: words with one typo (two letters swapped
//! or one letter wrong), and, when no entry holds every word, the entries holding the most.

use super::filter::{Filter, Query};
use super::score::{PARTIAL_MIN_LETTERS, TYPO_MIN_LETTERS, TYPO_SCORE, words_score};
use super::{Doc, Hit, SearchIndex};

/// How the results were found, when not as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relaxed {
    /// Some words were read with one typo.
    Typos,
    /// No entry holds all `words` words; these hold `most` of them.
    SomeWords {
        /// Words in the query.
        words: usize,
        /// The most any entry holds.
        most: usize,
    },
}

/// Whether two words are one typo apart: the same length (four letters or more), and either
/// one letter differs or two neighbouring letters are swapped.
pub(super) fn one_typo(word: &str, typed: &str) -> bool {
    one_typo_chars(word.chars(), typed.chars())
}

/// [`one_typo`] over any two runs of characters, so that a name's letters can be compared
/// without building a string of them.
fn one_typo_chars(mut a: impl Iterator<Item = char>, mut b: impl Iterator<Item = char>) -> bool {
    let mut length = 0;
    let mut differ: [(usize, char, char); 2] = [(0, ' ', ' '); 2];
    let mut found = 0;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) => {
                if x != y {
                    if found == 2 {
                        return false;
                    }
                    differ[found] = (length, x, y);
                    found += 1;
                }
                length += 1;
            }
            (None, None) => break,
            _ => return false,
        }
    }
    let [(i, a1, b1), (j, a2, b2)] = differ;
    length >= TYPO_MIN_LETTERS
        && match found {
            1 => true,
            2 => j == i + 1 && a1 == b2 && a2 == b1,
            _ => false,
        }
}

impl SearchIndex {
    /// How well a document holds one typed word: as written at a word start in any field, or
    /// (four letters or more) one typo away from a word of a name. The score and whether it
    /// took a typo.
    fn term_in_doc(&self, doc: &Doc, term: &String, wanted: Filter) -> Option<(i64, bool)> {
        let filters = self.filters_of(doc);
        let as_written = filters
            .iter()
            .filter(|f| f.admits(wanted))
            .filter_map(|f| {
                words_score(self.text_of(f), std::slice::from_ref(term))
                    .map(|s| s * f.kind.weight())
            })
            .max();
        if let Some(score) = as_written {
            return Some((score, false));
        }
        if term.chars().count() < TYPO_MIN_LETTERS {
            return None;
        }
        filters
            .iter()
            .filter(|f| f.kind.is_name() && (wanted.chars & !f.chars).count_ones() <= 1)
            .filter(|f| {
                let text = self.text_of(f);
                let compact = text.chars().filter(|c| c.is_alphanumeric());
                one_typo_chars(compact, term.chars())
                    || text
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|word| one_typo(word, term))
            })
            .map(|f| TYPO_SCORE * f.kind.weight())
            .max()
            .map(|score| (score, true))
    }

    /// The documents that hold every word, some with a typo (those not already found); such a
    /// hit scores below any match as typed.
    pub(super) fn typo_hits(&self, docs: &[Doc], query: &Query, found: &[Hit]) -> Vec<Hit> {
        if query
            .terms
            .iter()
            .all(|t| t.chars().count() < TYPO_MIN_LETTERS)
        {
            return Vec::new();
        }
        docs.iter()
            .filter(|d| !found.iter().any(|h| h.entry == d.entry))
            .filter_map(|d| {
                let mut typo = false;
                let mut fields = Vec::new();
                for (term, &wanted) in query.terms.iter().zip(&query.term_filters) {
                    let (score, with_typo) = self.term_in_doc(d, term, wanted)?;
                    typo |= with_typo;
                    fields.push(score);
                }
                // The weakest word decides: a typo keeps the hit below any match as typed.
                typo.then(|| Hit {
                    entry: d.entry,
                    score: fields.iter().min().copied().unwrap_or(0),
                    field: self.best_name_field(d),
                    reading: None,
                    by_note: false,
                })
            })
            .collect()
    }

    /// When no document holds every word: the documents holding the most of them, and how
    /// many that is. Words under three letters ("at", "in") are not counted, and more than
    /// one counted word must be held when more than one was typed, so a sentence-like query
    /// finds what it is about, not every text with "all" in it.
    pub(super) fn most_words_hits(&self, docs: &[Doc], query: &Query) -> (Vec<Hit>, usize) {
        let counted: Vec<(&String, Filter)> = query
            .terms
            .iter()
            .zip(query.term_filters.iter().copied())
            .filter(|(term, _)| term.chars().count() >= PARTIAL_MIN_LETTERS)
            .collect();
        let mut most = counted.len().clamp(1, 2);
        let mut hits: Vec<(usize, Hit)> = Vec::new();
        for d in docs {
            let mut held = 0;
            let mut score = 0;
            for &(term, wanted) in &counted {
                if let Some((s, _)) = self.term_in_doc(d, term, wanted) {
                    held += 1;
                    score += s;
                }
            }
            if held >= most {
                most = held;
                hits.push((
                    held,
                    Hit {
                        entry: d.entry,
                        score: score / (2 * counted.len() as i64),
                        field: self.best_name_field(d),
                        reading: None,
                        by_note: false,
                    },
                ));
            }
        }
        let hits = hits
            .into_iter()
            .filter(|&(held, _)| held == most)
            .map(|(_, hit)| hit)
            .collect::<Vec<_>>();
        (hits, most)
    }

    /// The field a relaxed hit shows: the entry's first name.
    fn best_name_field(&self, doc: &Doc) -> usize {
        self.filters_of(doc)
            .iter()
            .position(|f| f.kind.is_name())
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::one_typo;

    #[test]
    fn one_typo_is_a_swap_of_neighbours_or_one_wrong_letter() {
        assert!(one_typo("zusanli", "zusnali"));
        assert!(one_typo("sciatica", "scaitica"));
        assert!(one_typo("hegu", "hagu"));
        assert!(!one_typo("hegu", "hegu"), "no typo");
        assert!(!one_typo("hegu", "ughe"), "more than one");
        assert!(!one_typo("bl2", "bl3"), "too short to guess");
        assert!(!one_typo("zusanli", "zusanl"), "lengths differ");
    }
}
