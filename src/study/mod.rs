//! Study: cards generated from the catalogue's own fields (never hand-written), decks as
//! filters over them, multiple-choice quizzes and the Anki export; and the schedule of each
//! card (FSRS) with the user's progress, kept in the user's database.
//!
//! The cards, decks and quizzes know no terminal and never open the user's database: the
//! user's bookmarks and protocols come in as plain lists ([`deck::UserLists`]). Only
//! [`progress`] reads and writes the user's progress, through the store.

pub mod anki;
pub mod cards;
pub mod clock;
pub mod deck;
#[cfg(test)]
mod fixture;
pub mod optimize;
mod order;
pub mod progress;
pub mod queue;
pub mod quiz;
pub mod schedule;
pub mod session;
pub mod stats;

pub use cards::{Card, CardType, all_cards};
pub use deck::{Deck, DeckError, DeckPart, UserLists};
pub use quiz::Question;
