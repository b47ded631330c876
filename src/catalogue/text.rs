//! What catalogue text may be: its size limits, and why a text is refused.

use crate::text::is_forbidden;

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
}
