//! Cheap tests that rule most fields out of a query before any text is read.

use super::fields::FieldKind;
use super::fold::fold;

/// What characters a field holds, as bit sets: enough to rule most fields out of a query
/// without reading their text.
#[derive(Clone, Copy, Debug, Default, serde::Deserialize, serde::Serialize)]
pub(super) struct Filter {
    /// What the field is: names are matched fuzzily, other texts word by word.
    pub(super) kind: FieldKind,
    /// Where the field's folded text lies in [`SearchIndex::folded`].
    pub(super) start: u32,
    /// Where it ends there.
    pub(super) end: u32,
    /// Every character of the field (see [`char_bit`]).
    pub(super) chars: u64,
    /// The first letter or digit of every word (hanzi, which match anywhere, are left out).
    pub(super) initials: u64,
}

impl Filter {
    pub(super) fn of(folded: &str, kind: FieldKind) -> Filter {
        let mut filter = Filter {
            kind,
            ..Filter::default()
        };
        let mut previous = ' ';
        for c in folded.chars() {
            let bit = char_bit(c);
            filter.chars |= bit;
            if c.is_ascii_alphanumeric() && !previous.is_alphanumeric() {
                filter.initials |= bit;
            }
            previous = c;
        }
        filter
    }

    /// Whether a field with this filter could hold a text with the `wanted` one.
    pub(super) fn admits(self, wanted: Filter) -> bool {
        self.chars & wanted.chars == wanted.chars
            && self.initials & wanted.initials == wanted.initials
    }
}

/// The bit a folded character sets in a [`Filter`]: one per ASCII letter and digit, none for
/// spaces and punctuation, and one of 28 shared bits for any other character (hanzi...).
pub(super) fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        c if c.is_whitespace() || c.is_ascii_punctuation() => 0,
        c => 1 << (36 + c as u32 % 28),
    }
}

/// A query folded and split once, for matching against every document.
pub(super) struct Query {
    /// The words typed, folded.
    pub(super) terms: Vec<String>,
    /// The words run together, for matching names.
    pub(super) compact: String,
    /// What a name must hold to match the whole query fuzzily.
    pub(super) name_filter: Filter,
    /// What a text must hold to have every word of the query at a word start.
    pub(super) words_filter: Filter,
    /// The same for each word alone.
    pub(super) term_filters: Vec<Filter>,
}

impl Query {
    pub(super) fn new(text: &str) -> Query {
        let folded = fold(text);
        let terms: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
        let compact = terms.concat();
        let term_filters: Vec<Filter> = terms
            .iter()
            .map(|t| Filter::of(t, FieldKind::Description))
            .collect();
        let words_filter = term_filters
            .iter()
            .fold(Filter::default(), |all, f| Filter {
                chars: all.chars | f.chars,
                initials: all.initials | f.initials,
                ..all
            });
        Query {
            name_filter: Filter {
                kind: FieldKind::Name,
                chars: words_filter.chars,
                ..Filter::default()
            },
            words_filter,
            term_filters,
            terms,
            compact,
        }
    }
}

/// Whether the pattern's characters occur in the text in order (what any fuzzy match needs,
/// checked cheaply before scoring).
pub(super) fn is_subsequence(text: &str, pattern: &str) -> bool {
    let mut wanted = pattern.chars().peekable();
    for c in text.chars() {
        if wanted.peek() == Some(&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}
