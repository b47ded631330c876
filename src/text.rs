//! Terminal-safe text, for every front end: escaping what a terminal would act on, and
//! wrapping and truncating by display width (a hanzi takes two columns).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters no catalogue text may hold and no screen may show raw: C0 and C1 controls (ESC, CSI, newline and tab
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

/// Splits text into lines of at most `width` columns, breaking at spaces where it can and
/// inside a word only when the word alone is too wide.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ') {
        let w = word.width();
        if used > 0 && used + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        if w <= width - used {
            line.push_str(word);
            used += w;
            continue;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    lines.push(line);
    lines
}

/// Cuts text to at most `width` columns, ending in `…` when cut.
pub(crate) fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > width {
            break;
        }
        out.push(c);
        used += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Text padded with spaces to `width` columns by display width (a hanzi takes two), so
/// columns line up; text already as wide or wider is left as it is.
pub(crate) fn pad(text: &str, width: usize) -> String {
    let used = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// A user's value as a message echoes it: escaped and cut to 60 columns.
pub fn echo(text: &str) -> String {
    escape_controls(&truncate(text, 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_counts_hanzi_as_two_columns() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("腎俞腎俞", 4), vec!["腎俞", "腎俞"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert!(wrap("abcdefghij", 3).iter().all(|l| l.width() <= 3));
        assert_eq!(wrap("x", 0), vec!["x"]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Shenshu", 10), "Shenshu");
        assert_eq!(truncate("Shenshu", 5), "Shen…");
        assert_eq!(truncate("腎俞腎俞", 5), "腎俞…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn escapes_what_could_drive_a_terminal() {
        assert_eq!(escape_controls("BL23"), "BL23");
        assert_eq!(
            escape_controls("\u{1b}]52;c;aGk=\u{7}"),
            "\\u{1B}]52;c;aGk=\\u{7}"
        );
    }

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad("腎兪", 6), "腎兪  ");
        assert_eq!(pad("三陰交", 6), "三陰交");
        assert_eq!(pad("BL23", 6), "BL23  ");
    }
}
