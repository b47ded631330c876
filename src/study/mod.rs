//! Study: cards generated from the catalogue's own fields (never hand-written).
//!
//! Uses the catalogue, the search's folding and code matching, and text; knows no terminal
//! and never opens the user's database.

pub mod cards;

pub use cards::{Card, CardType, all_cards};
