//! Rules for catalogue text, and a safe way to show any text on a terminal.

/// The longest text a catalogue field may hold, in bytes: ample for the longest summary, and
/// a bound on what one field can cost to search and draw.
pub const MAX_TEXT_BYTES: usize = 4_000;

/// The most items one list of an entry may hold (indications, aliases, a rule's points...):
/// far above any real entry, and a bound on what one entry can cost to index and draw.
pub const MAX_LIST_ITEMS: usize = 1_000;

/// Why a piece of text is refused, if it is.
pub fn text_fault(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("empty text".to_string());
    }
    if text.len() > MAX_TEXT_BYTES {
        return Some(format!(
            "text of {} bytes, more than the {MAX_TEXT_BYTES}-byte limit",
            text.len()
        ));
    }
    let ascii = text.is_ascii();
    let control = if ascii {
        text.bytes().find(u8::is_ascii_control).map(char::from)
    } else {
        text.chars().find(|&c| is_forbidden(c))
    };
    if let Some(c) = control {
        let what = if c.is_control() {
            "control"
        } else {
            "invisible"
        };
        return Some(format!(
            "text contains the {what} character U+{:04X}",
            c as u32
        ));
    }
    // ASCII text is always NFC.
    if !ascii && !unicode_normalization::is_nfc(text) {
        return Some("text is not in Unicode NFC form".to_string());
    }
    None
}

/// Characters no catalogue text may hold: C0 and C1 controls (ESC, CSI, newline and tab
/// included), the bidirectional overrides and marks that can make text display differently
/// from what it says, and the invisible characters that corrupt a terminal's layout (zero
/// width spaces and joiners, word joiners, line and paragraph separators, the byte order
/// mark, tag characters).
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{2029}'
                | '\u{2060}'..='\u{2064}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{FEFF}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// The text with every forbidden character replaced by a visible `\u{..}` escape, so nothing
/// from a user or a file can drive the terminal.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(is_forbidden) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_forbidden(c) {
            out.push_str(&format!("\\u{{{:X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text cut to at most `max` characters, with `...` where it was cut: for echoing a user's
/// value in a message.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() > max {
        let cut: String = text.chars().take(max.saturating_sub(3)).collect();
        format!("{cut}...")
    } else {
        text.to_string()
    }
}

/// A user's value as a message echoes it: escaped and shortened.
pub fn echo(text: &str) -> String {
    escape_controls(&shorten(text, 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_controls_bidi_and_decomposed_text() {
        assert!(text_fault("Shènshū").is_none());
        assert_eq!(text_fault("  ").as_deref(), Some("empty text"));
        assert!(text_fault("red\u{1b}[31m").unwrap().contains("U+001B"));
        assert!(text_fault("a\u{9b}b").unwrap().contains("U+009B"));
        assert!(text_fault("a\u{202e}b").unwrap().contains("U+202E"));
        assert!(text_fault("line\nbreak").unwrap().contains("U+000A"));
        assert!(text_fault("Zu\u{301}").unwrap().contains("NFC"));
    }

    #[test]
    fn escapes_what_could_drive_a_terminal() {
        assert_eq!(escape_controls("BL23"), "BL23");
        assert_eq!(
            escape_controls("\u{1b}]52;c;aGk=\u{7}"),
            "\\u{1B}]52;c;aGk=\\u{7}"
        );
    }
}
