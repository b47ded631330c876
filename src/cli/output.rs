//! Plain or styled text for the command line. Piped output and NO_COLOR get no escape codes.

use std::io::IsTerminal;

/// Whether to emphasise text with terminal attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    styled: bool,
    /// Columns to wrap text at; `None` for no wrapping (piped output).
    pub width: Option<usize>,
}

impl Style {
    /// Styled and wrapped on a terminal (unless NO_COLOR is set); plain when piped.
    pub(crate) fn for_stdout() -> Style {
        let terminal = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let width = terminal
            .then(|| crossterm::terminal::size().ok())
            .flatten()
            .map(|(w, _)| (w as usize).clamp(40, 100));
        Style {
            styled: terminal && !no_color,
            width,
        }
    }

    /// Plain text, no wrapping.
    pub fn plain() -> Style {
        Style {
            styled: false,
            width: None,
        }
    }

    /// Whether text gets terminal attributes (a terminal, no NO_COLOR).
    pub(crate) fn is_styled(&self) -> bool {
        self.styled
    }

    /// Bold text.
    pub(crate) fn bold(&self, text: &str) -> String {
        self.wrap_attr("1", text)
    }

    /// Reverse-video text, for warnings.
    pub(crate) fn alert(&self, text: &str) -> String {
        self.wrap_attr("1;7", text)
    }

    /// Dim text, for secondary details.
    pub(crate) fn dim(&self, text: &str) -> String {
        self.wrap_attr("2", text)
    }

    fn wrap_attr(&self, code: &str, text: &str) -> String {
        if self.styled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Word-wraps text to the width by display width (hanzi take two columns), indenting
    /// continuation lines.
    pub(crate) fn wrap(&self, text: &str, indent: usize) -> String {
        let Some(width) = self.width else {
            return text.to_string();
        };
        let room = width.saturating_sub(indent).max(20);
        crate::text::wrap(text, room).join(&format!("\n{}", " ".repeat(indent)))
    }
}

/// Writes one diagnostic line to stderr, `acuref: ` first. A full or closed stderr is not
/// an error worth dying for (`eprintln!` would panic), so a failed write is dropped.
pub fn diagnostic(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "acuref: {message}");
}

/// Writes each warning of a load as a diagnostic.
pub fn warnings(lines: &[String]) {
    for line in lines {
        diagnostic(&format!("warning: {line}"));
    }
}

#[cfg(test)]
mod tests {
    use super::Style;

    #[test]
    fn plain_style_adds_nothing() {
        let s = Style::plain();
        assert_eq!(s.bold("BL23"), "BL23");
        assert_eq!(s.wrap("a b c", 2), "a b c");
    }

    #[test]
    fn wrapping_indents_continuation_lines() {
        let s = Style {
            styled: false,
            width: Some(24),
        };
        let wrapped = s.wrap("one two three four five six seven eight nine ten", 4);
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 24),
            "{wrapped}"
        );
        assert!(wrapped.lines().skip(1).all(|l| l.starts_with("    ")));
    }

    #[test]
    fn hanzi_wrap_by_display_width() {
        use unicode_width::UnicodeWidthStr;
        let s = Style {
            styled: false,
            width: Some(30),
        };
        let wrapped = s.wrap(&"腎俞 肾俞 委中 ".repeat(8), 4);
        assert!(wrapped.lines().count() > 2);
        assert!(wrapped.lines().all(|l| l.width() <= 30), "{wrapped}");
    }
}
