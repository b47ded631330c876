//! The protocol chooser: `a` on a point asks which protocol to add it to. Typing narrows the
//! user's protocols by name; a name that is none of them makes a new one. A second line takes
//! an optional note on the point in that protocol ("bleed if visible veins").

use crate::catalogue::EntryRef;
use crate::search::fold;
use crate::store::Protocol;

/// Which line of the chooser typing edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The protocol's name.
    Name,
    /// The note on the point there.
    Note,
}

/// One row the chooser offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// A protocol the user has (its index in the app's protocols).
    Existing(usize),
    /// A new protocol of this name.
    New(String),
}

/// The chooser's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chooser {
    /// The point to add.
    pub point: EntryRef,
    /// The name typed.
    pub name: String,
    /// The note typed.
    pub note: String,
    /// Where typing edits each line: byte offsets on character boundaries.
    pub name_cursor: usize,
    /// Where typing edits the note.
    pub note_cursor: usize,
    /// Which line typing edits.
    pub field: Field,
    /// The row selected among the choices.
    pub selected: usize,
}

impl Chooser {
    /// A chooser for `point`, nothing typed.
    pub fn new(point: EntryRef) -> Chooser {
        Chooser {
            point,
            name: String::new(),
            note: String::new(),
            name_cursor: 0,
            note_cursor: 0,
            field: Field::Name,
            selected: 0,
        }
    }

    /// The rows offered: the protocols whose name holds what was typed (letters folded as
    /// the search folds them), then a new protocol of the typed name when none has it.
    pub fn choices(&self, protocols: &[Protocol]) -> Vec<Choice> {
        let typed = self.name.trim();
        let wanted = fold(typed);
        let mut rows: Vec<Choice> = protocols
            .iter()
            .enumerate()
            .filter(|(_, p)| fold(&p.name).contains(&wanted))
            .map(|(i, _)| Choice::Existing(i))
            .collect();
        if !typed.is_empty() && !protocols.iter().any(|p| p.name == typed) {
            rows.push(Choice::New(typed.to_string()));
        }
        rows
    }

    /// The line typing edits, and its cursor.
    pub fn line_mut(&mut self) -> (&mut String, &mut usize) {
        match self.field {
            Field::Name => (&mut self.name, &mut self.name_cursor),
            Field::Note => (&mut self.note, &mut self.note_cursor),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Kind;

    fn protocol(seq: i64, name: &str) -> Protocol {
        Protocol {
            seq,
            name: name.to_string(),
            points: Vec::new(),
        }
    }

    #[test]
    fn typing_narrows_the_protocols_and_offers_a_new_one_by_that_name() {
        let all = [protocol(1, "Sciatica"), protocol(2, "Low back pain")];
        let mut chooser = Chooser::new(EntryRef {
            kind: Kind::Point,
            index: 0,
        });
        assert_eq!(
            chooser.choices(&all),
            [Choice::Existing(0), Choice::Existing(1)]
        );
        chooser.name = "sciat".into();
        assert_eq!(
            chooser.choices(&all),
            [Choice::Existing(0), Choice::New("sciat".into())]
        );
        chooser.name = "Sciatica ".into();
        assert_eq!(chooser.choices(&all), [Choice::Existing(0)]);
    }
}
