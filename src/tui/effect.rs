//! Changes to the user's database that keys ask for, the questions asked before one deletes
//! anything, and what a deletion keeps so that `u` can undo it until acuref ends. Actions
//! stay pure: they push an [`Effect`]; the event loop makes the change
//! ([`super::user_data::UserData::apply`]) and sets what it read back.

use crate::catalogue::EntryRef;
use crate::store::Protocol;

/// A change to the user's database.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Star the entry, or remove its star.
    ToggleBookmark(EntryRef),
    /// Remember that the entry was opened.
    Opened(EntryRef),
    /// Save a note on the entry, based on the revision the editor started from.
    SaveNote {
        /// The entry.
        entry: EntryRef,
        /// The text.
        text: String,
        /// The revision the editor started from.
        based_on: Option<i64>,
        /// Whether the text merged the note's conflict copies (saving lets them go).
        merged: bool,
    },
    /// Delete the note on the entry (the user said yes); `u` brings it back.
    DeleteNote(EntryRef),
    /// Add a point at the end of a protocol, making the protocol first when asked.
    AddToProtocol {
        /// The protocol's name.
        protocol: String,
        /// Whether to make it (it is new).
        create: bool,
        /// The point.
        point: EntryRef,
        /// The note on the point in this protocol.
        note: Option<String>,
    },
    /// Take the point at `nth` place (from 0, orphaned points counted) out of a protocol.
    TakeFromProtocol {
        /// The protocol's name.
        protocol: String,
        /// Its place.
        nth: usize,
    },
    /// Delete a protocol (the user said yes); `u` brings it back.
    DeleteProtocol(String),
    /// Undo the last deletion.
    Undo(Undo),
    /// Open a study sitting over the deck written `spec`, with the progress kept (by the
    /// schedule, or through the `listed` cards once each).
    OpenStudy {
        /// The deck, as the command line writes it.
        spec: String,
        /// The cards to go through once each, instead of the schedule.
        listed: Option<Vec<String>>,
    },
    /// Keep a rating: the review for the log and the card's new state, in one transaction.
    Review {
        /// The review.
        review: crate::store::Review,
        /// The card's state after it.
        stored: crate::store::StoredCard,
    },
}

/// What a deletion took, kept in memory until acuref ends so that it can be put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    /// A note: its entry, its text, and the copies that were kept beside it.
    Note {
        /// The entry.
        entry: EntryRef,
        /// The text.
        text: String,
        /// Its conflict copies.
        copies: Vec<String>,
    },
    /// A point taken out of a protocol, and where it was.
    Point {
        /// The protocol's name.
        protocol: String,
        /// Its place (from 0).
        nth: usize,
        /// The point's code.
        code: String,
        /// The note on it there.
        note: Option<String>,
    },
    /// A deleted protocol, whole.
    Protocol(Protocol),
}

/// A deletion waiting for the user's yes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// Delete the note on this entry?
    DeleteNote(EntryRef),
    /// Delete this protocol?
    DeleteProtocol(String),
}
