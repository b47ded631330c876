//! Study: cards generated from the catalogue's own fields (never hand-written), decks as
//! filters over them, multiple-choice quizzes and the Anki export.
//!
//! Uses the catalogue, the search's folding and code matching, and text; knows no terminal
//! and never opens the user's database: the user's bookmarks and protocols come in as plain
//! lists ([`deck::UserLists`]).

pub mod anki;
pub mod cards;
pub mod deck;
#[cfg(test)]
mod fixture;
mod order;
pub mod quiz;

pub use cards::{Card, CardType, all_cards};
pub use deck::{Deck, DeckError, DeckPart, UserLists};
pub use quiz::Question;
