//! The Anki export: one note per card in a UTF-8 tab-separated file with the headers Anki's
//! importer reads (`#separator:tab`, `#html:true`, `#notetype:Basic`, `#deck:`, `#columns:`,
//! `#guid column:`, `#tags column:`).
//!
//! Each note's guid comes from its card's id (`acuref-LI4-name`), so importing an updated
//! export updates the notes in place and keeps the student's Anki history. Tags are
//! hierarchical under `acuref::` (`acuref::channel::LI`, `acuref::caution::pregnancy`,
//! `acuref::type::name`). Fields are HTML (special characters escaped, line breaks as `<br>`)
//! and a field holding a tab, a quote or a line break is quoted, its quotes doubled, as
//! Anki's CSV reader expects.

use super::cards::Card;
use super::deck::Deck;

/// The columns, in order: the guid first, so no note's line can start with `#` (which
/// Anki's reader takes for a comment), then the Basic note type's two fields, then the tags.
pub const COLUMNS: [&str; 4] = ["GUID", "Front", "Back", "Tags"];

/// The Anki deck the notes go to: `acuref` for the whole catalogue, `acuref::` and the
/// deck's spelling for a deck (`acuref::channel:LU`).
pub fn deck_name(deck: &Deck) -> String {
    match deck.spec() {
        "all" => "acuref".to_string(),
        spec => format!("acuref::{spec}"),
    }
}

/// A card's note guid: `acuref-` and the card's id with `:` as `-` (`acuref-LI4-name`), any
/// character but ASCII letters, digits, `.`, `-` and `_` as `_`.
pub fn guid(card: &Card) -> String {
    let id: String = card
        .id
        .chars()
        .map(|c| match c {
            ':' => '-',
            c if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') => c,
            _ => '_',
        })
        .collect();
    format!("acuref-{id}")
}

/// A card's tags as Anki writes them: each under `acuref::`, separated by spaces.
pub fn tags(card: &Card) -> String {
    card.tags
        .iter()
        .map(|t| format!("acuref::{}", t.replace(char::is_whitespace, "_")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The whole file: the headers, then one note per card, each line ended by `\n`.
pub fn notes_text(cards: &[&Card], deck: &str) -> String {
    let mut text = String::with_capacity(cards.len() * 400);
    text.push_str("#separator:tab\n#html:true\n#notetype:Basic\n");
    text.push_str(&format!("#deck:{}\n", one_line(deck)));
    text.push_str(&format!("#columns:{}\n", COLUMNS.join("\t")));
    text.push_str("#guid column:1\n#tags column:4\n");
    for card in cards {
        let fields = [
            guid(card),
            html(&card.prompt),
            html(&card.answer),
            tags(card),
        ];
        let fields: Vec<String> = fields.iter().map(|f| quoted(f)).collect();
        text.push_str(&fields.join("\t"));
        text.push('\n');
    }
    text
}

/// Text as an HTML field: `&`, `<` and `>` escaped, each line break a `<br>`.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// A field as the tab-separated file holds it: as it is, or, when it holds a tab, a quote or
/// a line break, between quotes with its quotes doubled.
pub fn quoted(field: &str) -> String {
    if field.contains(['\t', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A header's value on one line: line breaks and tabs become spaces.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::CardType;

    fn card(id: &str, prompt: &str, answer: &str) -> Card {
        Card {
            id: id.to_string(),
            card_type: CardType::Name,
            prompt: prompt.to_string(),
            answer: answer.to_string(),
            about: Vec::new(),
            tags: vec!["type::name".into(), "channel::LI".into()],
        }
    }

    #[test]
    fn guids_come_from_card_ids_in_safe_characters() {
        assert_eq!(guid(&card("LI4:name", "", "")), "acuref-LI4-name");
        assert_eq!(
            guid(&card("TUNG-22.05:location", "", "")),
            "acuref-TUNG-22.05-location"
        );
        assert_eq!(guid(&card("a b\"c:x", "", "")), "acuref-a_b_c-x");
    }

    #[test]
    fn fields_are_escaped_for_anki_with_html_on() {
        assert_eq!(html("a < b & c > d"), "a &lt; b &amp; c &gt; d");
        assert_eq!(html("one\ntwo\r\nthree"), "one<br>two<br>three");
        assert_eq!(html("合谷"), "合谷");
        assert_eq!(quoted("plain"), "plain");
        assert_eq!(quoted("say \"de qi\""), "\"say \"\"de qi\"\"\"");
        assert_eq!(quoted("a\tb"), "\"a\tb\"");
    }

    #[test]
    fn the_file_starts_with_anki_headers_and_holds_one_line_a_note() {
        let one = card("LI4:name", "What is LI4?", "Hegu 合谷\nAlso \"Hoku\"");
        let text = notes_text(&[&one], "acuref");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            &lines[..7],
            [
                "#separator:tab",
                "#html:true",
                "#notetype:Basic",
                "#deck:acuref",
                "#columns:GUID\tFront\tBack\tTags",
                "#guid column:1",
                "#tags column:4",
            ]
        );
        assert_eq!(
            lines[7],
            "acuref-LI4-name\tWhat is LI4?\t\"Hegu 合谷<br>Also \"\"Hoku\"\"\"\tacuref::type::name acuref::channel::LI"
        );
        assert_eq!(lines.len(), 8);
    }
}
