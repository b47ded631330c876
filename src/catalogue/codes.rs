//! Point codes in every spelling users type: `BL23`, `BL 23`, `bl-23`, `UB23`, `B23`,
//! `Bladder 23`, `EX-HN3`, `TUNG 22.05`, and codes from older numberings.

use super::Catalogue;

/// The normal form of something that may be a point code: lower case, letters and digits
/// only, with a `.` kept between digits (`TUNG-22.05` becomes `tung22.05`) and leading zeros
/// dropped from numbers (`BL023` becomes `bl23`).
pub(crate) fn code_key(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut key = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            let starts_number = c == '0'
                && !key.ends_with(|p: char| p.is_ascii_digit() || p == '.')
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !starts_number {
                key.push(c.to_ascii_lowercase());
            }
        } else if c == '.'
            && key.ends_with(|p: char| p.is_ascii_digit())
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
        {
            key.push('.');
        } else if !(c.is_whitespace() || c == '-' || c == '_' || c == '.') {
            return String::new();
        }
    }
    let has_digit = key.chars().any(|c| c.is_ascii_digit());
    let ends_in_digit = key.ends_with(|c: char| c.is_ascii_digit());
    if has_digit && ends_in_digit {
        key
    } else {
        String::new()
    }
}

/// How a code names a point.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub enum Reading {
    /// The point's own (WHO, or documented extra-point) code.
    Standard,
    /// A code from another numbering system, named.
    Other(String),
}

/// Every code key that names a point, with the point and the reading it follows.
///
/// A channel point is reachable through its channel's id and every alias of it (`ub23`,
/// `b23`, `bladder23`); a code from another system that starts with a channel id gets the
/// same treatment, so the older `BL54` is also `ub54`.
pub(crate) fn point_code_keys(catalogue: &Catalogue) -> Vec<(String, usize, Reading)> {
    let mut keys = Vec::new();
    for (index, point) in catalogue.points.all().enumerate() {
        for key in spellings(catalogue, point.code.as_str()) {
            keys.push((key, index, Reading::Standard));
        }
        for other in &point.other_codes {
            for key in spellings(catalogue, &other.code) {
                keys.push((key, index, Reading::Other(other.system.clone())));
            }
        }
    }
    keys
}

/// The keys of one code: itself, and, if it is a channel code, every alias spelling.
fn spellings(catalogue: &Catalogue, code: &str) -> Vec<String> {
    let key = code_key(code);
    let mut out = vec![key.clone()];
    let split = key.find(|c: char| c.is_ascii_digit()).unwrap_or(key.len());
    let (prefix, number) = key.split_at(split);
    if let Some(channel) = catalogue
        .channels
        .all()
        .find(|c| c.id.to_ascii_lowercase() == prefix)
    {
        for alias in &channel.code_aliases {
            let alias_key = code_key(&format!("{alias}{number}"));
            if !alias_key.is_empty() && !out.contains(&alias_key) {
                out.push(alias_key);
            }
        }
    }
    out
}

impl Catalogue {
    /// The channel a user names, by id, English name or any code alias (`BL`, `UB`,
    /// `Bladder`), case, spaces and punctuation ignored.
    pub fn find_channel(&self, name: &str) -> Option<usize> {
        let key = |s: &str| -> String {
            s.chars()
                .filter(|ch| ch.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let wanted = key(name);
        self.channels.all().position(|ch| {
            key(&ch.id) == wanted
                || key(&ch.name) == wanted
                || ch.code_aliases.iter().any(|a| key(a) == wanted)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::code_key;

    #[test]
    fn every_spelling_has_one_key() {
        for spelling in ["BL23", "bl23", "BL 23", "BL-23", "bl_23", " BL 023 "] {
            assert_eq!(code_key(spelling), "bl23", "{spelling}");
        }
        assert_eq!(code_key("Bladder 23"), "bladder23");
        assert_eq!(code_key("EX-HN3"), "exhn3");
        assert_eq!(code_key("ex hn 3"), "exhn3");
        assert_eq!(code_key("TUNG-22.05"), "tung22.05");
        assert_eq!(code_key("tung 22.05"), "tung22.05");
        assert_eq!(code_key("M-HN-3"), "mhn3");
        assert_eq!(code_key("BL10"), "bl10");
        assert_eq!(code_key("BL100"), "bl100");
    }

    #[test]
    fn text_that_is_not_a_code_has_no_key() {
        assert_eq!(code_key("zusanli"), "");
        assert_eq!(code_key("腎俞"), "");
        assert_eq!(code_key("low back pain"), "");
        assert_eq!(code_key("23 bl"), "");
    }
}
