//! Cheap tests that rule most fields out of a query before any text is read.

use super::fields::FieldKind;
use super::fold::fold;

/// What characters a field holds, as bit sets: enough to rule most fields out of a query
/// without reading their text.
#[derive(Clone, Copy, Debug, Default)]
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

    /// The bytes an archive keeps of the filter: [`Filter::BYTES`] of them.
    fn to_bytes(self) -> [u8; Filter::BYTES] {
        let mut bytes = [0; Filter::BYTES];
        bytes[0] = FieldKind::ALL
            .iter()
            .position(|&k| k == self.kind)
            .unwrap_or(0) as u8;
        bytes[1..5].copy_from_slice(&self.start.to_le_bytes());
        bytes[5..9].copy_from_slice(&self.end.to_le_bytes());
        bytes[9..17].copy_from_slice(&self.chars.to_le_bytes());
        bytes[17..25].copy_from_slice(&self.initials.to_le_bytes());
        bytes
    }

    /// The filter these bytes (from [`Filter::to_bytes`]) keep.
    fn from_bytes(bytes: &[u8]) -> Option<Filter> {
        let u32_at = |at: usize| {
            bytes
                .get(at..at + 4)?
                .try_into()
                .ok()
                .map(u32::from_le_bytes)
        };
        let u64_at = |at: usize| {
            bytes
                .get(at..at + 8)?
                .try_into()
                .ok()
                .map(u64::from_le_bytes)
        };
        Some(Filter {
            kind: *FieldKind::ALL.get(usize::from(*bytes.first()?))?,
            start: u32_at(1)?,
            end: u32_at(5)?,
            chars: u64_at(9)?,
            initials: u64_at(17)?,
        })
    }

    const BYTES: usize = 25;

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

/// The archive keeps every filter as [`Filter::BYTES`] little-endian bytes, one after another,
/// in one byte string: read back by slicing, with no decoding field by field.
pub(super) mod as_bytes {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Filter;

    pub(in crate::search) fn serialize<S: Serializer>(
        filters: &[Filter],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = filters.iter().flat_map(|f| f.to_bytes()).collect();
        serializer.serialize_bytes(&bytes)
    }

    pub(in crate::search) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Filter>, D::Error> {
        let bytes = <&[u8]>::deserialize(deserializer)?;
        bytes
            .chunks(Filter::BYTES)
            .map(|chunk| {
                Filter::from_bytes(chunk)
                    .ok_or_else(|| serde::de::Error::custom("a filter of the archive is cut short"))
            })
            .collect()
    }
}
