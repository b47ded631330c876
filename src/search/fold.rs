//! Folding: case, tone marks and variant hanzi, one character for one character, so a match
//! position in folded text is a position in the displayed text.

/// Variant forms of characters in point names, folded to one form: WHO prints 兪 where most
/// texts write 俞, and sources differ on 沖/衝, 谿/溪, 戶/户 and a few others.
const VARIANTS: &[(char, char)] = &[
    ('兪', '俞'),
    ('沖', '衝'),
    ('谿', '溪'),
    ('戶', '户'),
    ('瘂', '啞'),
    ('顖', '囟'),
    ('蹺', '蹻'),
    ('霊', '靈'),
];

/// Folds one character: lower case, tone marks and other accents removed, variant hanzi
/// unified.
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    if let Some(&(_, to)) = VARIANTS.iter().find(|(from, _)| *from == lower) {
        return to;
    }
    let mut base = lower;
    let mut first = true;
    unicode_normalization::char::decompose_canonical(lower, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    base
}

/// Folds text one character for one character.
pub(crate) fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}
