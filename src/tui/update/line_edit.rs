//! Editing one line of text at a cursor, as readline and fzf do: the cursor is a byte offset
//! on a character boundary, from 0 to the text's length.

/// Moves the cursor one character left.
pub fn left(text: &str, cursor: &mut usize) {
    *cursor = text[..*cursor]
        .char_indices()
        .next_back()
        .map_or(0, |(i, _)| i);
}

/// Moves the cursor one character right.
pub(crate) fn right(text: &str, cursor: &mut usize) {
    *cursor = text[*cursor..]
        .chars()
        .next()
        .map_or(text.len(), |c| *cursor + c.len_utf8());
}

/// Where the word before the cursor starts (spaces before it skipped).
fn word_start(text: &str, cursor: usize) -> usize {
    let before = text[..cursor].trim_end();
    before.len()
        - before
            .chars()
            .rev()
            .take_while(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum::<usize>()
}

/// Moves the cursor to the start of the word before it.
pub(crate) fn word_left(text: &str, cursor: &mut usize) {
    *cursor = word_start(text, *cursor);
}

/// Moves the cursor past the end of the word after it.
pub(crate) fn word_right(text: &str, cursor: &mut usize) {
    let after = &text[*cursor..];
    let spaces = after.len() - after.trim_start().len();
    let word: usize = after[spaces..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    *cursor += spaces + word;
}

/// Inserts text at the cursor and moves the cursor past it.
pub fn insert(text: &mut String, cursor: &mut usize, inserted: &str) {
    text.insert_str(*cursor, inserted);
    *cursor += inserted.len();
}

/// Deletes the character before the cursor.
pub(crate) fn delete_before(text: &mut String, cursor: &mut usize) {
    let end = *cursor;
    left(text, cursor);
    text.replace_range(*cursor..end, "");
}

/// Deletes the character under the cursor.
pub(crate) fn delete_under(text: &mut String, cursor: &mut usize) {
    let mut end = *cursor;
    right(text, &mut end);
    text.replace_range(*cursor..end, "");
}

/// Deletes the word before the cursor, and the spaces between it and the cursor.
pub(crate) fn delete_word_before(text: &mut String, cursor: &mut usize) {
    let start = word_start(text, *cursor);
    text.replace_range(start..*cursor, "");
    *cursor = start;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with `|` at the cursor.
    fn shown(text: &str, cursor: usize) -> String {
        format!("{}|{}", &text[..cursor], &text[cursor..])
    }

    #[test]
    fn moving_by_characters_and_words_over_hanzi_and_spaces() {
        let text = "足三里  leg pain";
        let mut at = 0;
        right(text, &mut at);
        assert_eq!(shown(text, at), "足|三里  leg pain");
        word_right(text, &mut at);
        assert_eq!(shown(text, at), "足三里|  leg pain");
        word_right(text, &mut at);
        assert_eq!(shown(text, at), "足三里  leg| pain");
        word_left(text, &mut at);
        assert_eq!(shown(text, at), "足三里  |leg pain");
        word_left(text, &mut at);
        assert_eq!(shown(text, at), "|足三里  leg pain");
        left(text, &mut at);
        assert_eq!(at, 0, "stays at the start");
        at = text.len();
        right(text, &mut at);
        assert_eq!(at, text.len(), "stays at the end");
    }

    #[test]
    fn editing_in_the_middle() {
        let mut text = String::from("lg pain");
        let mut at = 1;
        insert(&mut text, &mut at, "e");
        assert_eq!(shown(&text, at), "le|g pain");
        delete_before(&mut text, &mut at);
        assert_eq!(shown(&text, at), "l|g pain");
        delete_under(&mut text, &mut at);
        assert_eq!(shown(&text, at), "l| pain");
        at = text.len();
        delete_word_before(&mut text, &mut at);
        assert_eq!(shown(&text, at), "l |");
        delete_word_before(&mut text, &mut at);
        assert_eq!(shown(&text, at), "|");
        delete_before(&mut text, &mut at);
        delete_under(&mut text, &mut at);
        assert_eq!(shown(&text, at), "|", "nothing to delete is no error");
    }
}
