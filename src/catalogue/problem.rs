//! Problems found while loading a catalogue, each tied to a place in a file.

use std::fmt;

/// One problem in a catalogue file, with where it is and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, as the user named it (or `data/...` for the built-in catalogue).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}\n  help: {}",
            self.file, self.line, self.column, self.message, self.help
        )
    }
}

/// The most problems printed; the rest are counted.
pub const MAX_SHOWN: usize = 50;

/// A catalogue that could not be loaded: every problem found, in file order.
#[derive(Clone, Debug)]
pub struct CatalogueError {
    /// The problems, sorted by file, line and column.
    pub problems: Vec<Problem>,
}

impl CatalogueError {
    /// The problems, one (two-line) entry each, at most `MAX_SHOWN` (50) of them and a count of
    /// the rest.
    pub(crate) fn problem_lines(&self) -> String {
        let mut out = String::new();
        for problem in self.problems.iter().take(MAX_SHOWN) {
            out.push_str(&format!("{problem}\n"));
        }
        let n = self.problems.len();
        if n > MAX_SHOWN {
            out.push_str(&format!(
                "... and {} more problems: fix these, then run `acuref check` again\n",
                n - MAX_SHOWN
            ));
        }
        out
    }
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.problem_lines())?;
        let n = self.problems.len();
        write!(
            f,
            "the catalogue has {n} problem{}; nothing was loaded",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for CatalogueError {}

/// The text of one catalogue file, able to turn byte offsets into lines and columns.
#[derive(Debug)]
pub struct SourceText<'a> {
    /// The file name shown in problems.
    pub name: &'a str,
    /// The whole text.
    pub text: &'a str,
}

impl SourceText<'_> {
    /// A problem at a byte offset of this file.
    pub fn problem(&self, offset: usize, message: String, help: &str) -> Problem {
        let (line, column) = line_column(self.text, offset);
        Problem {
            file: self.name.to_string(),
            line,
            column,
            message,
            help: help.to_string(),
        }
    }
}

/// 1-based line and character column of a byte offset (clamped to the text).
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // "bé = " is 6 bytes but 5 characters.
        assert_eq!(line_column(text, 12), (2, 6));
        assert_eq!(line_column(text, 999), (3, 1));
    }
}
