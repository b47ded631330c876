//! Word-wrapping by display width (hanzi take two columns), so the detail pane knows on which
//! screen line each link lands.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Splits text into lines of at most `width` columns, breaking at spaces where it can and
/// inside a word only when the word alone is too wide.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
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
pub fn truncate(text: &str, width: usize) -> String {
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
}
