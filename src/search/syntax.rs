//! The query syntax fzf users know: `'exact`, `^prefix`, `suffix$`, `!not`, and a kind
//! prefix (`pt:`, `con:`...) that keeps one kind of entry. What is left is searched as typed.

use super::fold::fold;
use crate::catalogue::Kind;

/// The operators a query may use, as the `?` help and the README list them.
pub const SYNTAX: &[(&str, &str)] = &[
    (
        "pt: con: tec:",
        "only one kind of entry: its badge (or name) and a colon",
    ),
    ("'word", "the word as written, nothing fuzzy"),
    ("^word", "a name that starts with it"),
    ("word$", "a name that ends with it"),
    ("!word", "nothing that holds it"),
];

/// A query split into what is searched and what the results must satisfy.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Syntax {
    /// The words searched for, as typed (operators removed).
    pub(super) plain: String,
    /// Only entries of this kind (`pt:`, `point:`, `points:`).
    pub(super) kind: Option<Kind>,
    /// Folded texts some field must hold as written (`'word`).
    pub(super) exact: Vec<String>,
    /// Folded texts a name must start with (`^word`).
    pub(super) prefix: Vec<String>,
    /// Folded texts a name must end with (`word$`).
    pub(super) suffix: Vec<String>,
    /// Folded texts no field may hold (`!word`).
    pub(super) not: Vec<String>,
}

impl Syntax {
    /// Splits a query. A lone operator character (`!`, `'`, `^`, `$`) is searched as typed.
    pub(super) fn parse(query: &str) -> Syntax {
        let mut syntax = Syntax::default();
        let mut plain: Vec<&str> = Vec::new();
        for token in query.split_whitespace() {
            let mut token = token;
            if let Some((name, rest)) = token.split_once(':')
                && let Some(kind) = kind_named(name)
            {
                syntax.kind = Some(kind);
                token = rest;
            }
            if token.is_empty() {
                continue;
            }
            if let Some(rest) = token.strip_prefix('!').filter(|r| !r.is_empty()) {
                let rest = rest.trim_start_matches('\'');
                if !rest.is_empty() {
                    syntax.not.push(fold(rest));
                }
            } else if let Some(rest) = token.strip_prefix('\'').filter(|r| !r.is_empty()) {
                syntax.exact.push(fold(rest));
                plain.push(rest);
            } else if let Some(rest) = token.strip_prefix('^').filter(|r| !r.is_empty()) {
                let rest = rest
                    .strip_suffix('$')
                    .filter(|r| !r.is_empty())
                    .unwrap_or(rest);
                if token.len() > rest.len() + 1 {
                    syntax.suffix.push(fold(rest));
                }
                syntax.prefix.push(fold(rest));
                plain.push(rest);
            } else if let Some(rest) = token.strip_suffix('$').filter(|r| !r.is_empty()) {
                syntax.suffix.push(fold(rest));
                plain.push(rest);
            } else {
                plain.push(token);
            }
        }
        syntax.plain = plain.join(" ");
        syntax
    }

    /// Whether the query asks for anything beyond plain words.
    pub(super) fn constrains(&self) -> bool {
        !(self.exact.is_empty()
            && self.prefix.is_empty()
            && self.suffix.is_empty()
            && self.not.is_empty())
    }
}

/// The kind a prefix names: its badge (`pt`), its name (`point`) or its plural (`points`).
fn kind_named(name: &str) -> Option<Kind> {
    let name = name.to_ascii_lowercase().replace('-', "_");
    Kind::ALL
        .into_iter()
        .find(|k| k.badge() == name || k.name() == name || k.plural() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_are_taken_out_of_the_words() {
        let s = Syntax::parse("pt: 'Sciatica ^bl !pregnancy 23$");
        assert_eq!(s.kind, Some(Kind::Point));
        assert_eq!(s.plain, "Sciatica bl 23");
        assert_eq!(s.exact, ["sciatica"]);
        assert_eq!(s.prefix, ["bl"]);
        assert_eq!(s.suffix, ["23"]);
        assert_eq!(s.not, ["pregnancy"]);
    }

    #[test]
    fn a_kind_prefix_may_be_glued_to_the_word_and_plain_text_stays_plain() {
        let s = Syntax::parse("con:back");
        assert_eq!((s.kind, s.plain.as_str()), (Some(Kind::Condition), "back"));
        let s = Syntax::parse("! ' ^ $ a:b EX-HN3");
        assert_eq!(s.plain, "! ' ^ $ a:b EX-HN3");
        assert!(!s.constrains() && s.kind.is_none());
        assert_eq!(Syntax::parse("^bl23$").prefix, ["bl23"]);
        assert_eq!(Syntax::parse("^bl23$").suffix, ["bl23"]);
    }
}
