//! How a match is scored: every constant of the ranking, named and explained here.

use super::fields::FieldKind;

impl FieldKind {
    /// How much a match in this kind of field counts: codes above names, names above
    /// aliases, and the longer texts (categories, indications, actions, cautions, descriptions)
    /// below.
    pub(super) fn weight(self) -> i64 {
        match self {
            FieldKind::Code => 12,
            FieldKind::Name => 10,
            FieldKind::Alias => 9,
            FieldKind::Category => 5,
            FieldKind::Indication => 4,
            FieldKind::Action => 3,
            FieldKind::Caution => 2,
            FieldKind::Description => 2,
        }
    }
}

/// The score of a code hit: above any text match (those stay below a million), so a query
/// that is a code puts its point first; lowered by one per reading so the WHO reading comes
/// before older ones. Small enough to be exact in JavaScript's numbers (JSON output).
pub(super) const CODE_HIT: i64 = 1_000_000_000;

/// A fuzzy match scoring below this many points per pattern character is too scattered to
/// show (letters picked out of unrelated words).
pub(super) const MIN_FUZZY_PER_CHAR: i64 = 8;

/// Bonus for a name that, spaces aside, is exactly the pattern.
pub(super) const WHOLE_NAME_BONUS: i64 = 200;

/// Bonus for a name that, spaces aside, starts with the pattern.
pub(super) const NAME_PREFIX_BONUS: i64 = 80;

/// Bonus for a name that is the pattern once a doubled letter is typed once ("lingu" for
/// Linggu): the commonest slip in pinyin, so such a name comes before other fuzzy matches.
pub(super) const DOUBLED_LETTER_BONUS: i64 = 120;

/// Words shorter than this are never read as typos: too many words are one letter away.
pub(super) const TYPO_MIN_LETTERS: usize = 4;

/// A word matched with one typo scores this much times its field's weight: at most 24, below
/// the weakest match as typed (a word-start match of one letter in a description, 28 per
/// word even when averaged over several words), so typo hits always come last.
pub(super) const TYPO_SCORE: i64 = 2;

/// Words shorter than this are not counted when no entry holds every word of a query.
pub(super) const PARTIAL_MIN_LETTERS: usize = 3;

/// A word found at a word start scores like a fuzzy match: this much per character...
const WORD_CHAR_SCORE: i64 = 16;

/// ...plus this much per word.
const WORD_SCORE: i64 = 12;

/// Where a term occurs in the folded text, as a byte offset: at the start of a word, or
/// anywhere for a term that does not start with a letter or digit (hanzi have no word breaks).
fn find_word(folded: &str, term: &str) -> Option<usize> {
    let first = *term.as_bytes().first()?;
    if !first.is_ascii_alphanumeric() {
        return folded.find(term);
    }
    let bytes = folded.as_bytes();
    (0..bytes.len()).find(|&b| {
        bytes[b] == first
            && bytes[b..].starts_with(term.as_bytes())
            && (b == 0 || {
                let before = bytes[b - 1];
                if before.is_ascii() {
                    !before.is_ascii_alphanumeric()
                } else {
                    folded[..b]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
                }
            })
    })
}

/// Every term at the start of a word of the field; scored like a fuzzy match of the same
/// length.
pub(super) fn words_score(folded: &str, terms: &[String]) -> Option<i64> {
    terms.iter().try_fold(0, |score, term| {
        find_word(folded, term)?;
        Some(score + WORD_CHAR_SCORE * term.chars().count() as i64 + WORD_SCORE)
    })
}

/// The character positions of each term's first word-start occurrence in the field.
pub(super) fn words_positions(folded: &str, terms: &[String]) -> Vec<usize> {
    let mut positions = Vec::new();
    for term in terms {
        if let Some(byte) = find_word(folded, term) {
            let start = folded[..byte].chars().count();
            positions.extend(start..start + term.chars().count());
        }
    }
    positions.sort_unstable();
    positions.dedup();
    positions
}
