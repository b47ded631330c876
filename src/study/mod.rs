//! Study: cards generated from the catalogue, scheduled by FSRS, with the user's progress in
//! the user's database.

pub mod clock;
pub mod progress;
pub mod queue;
pub mod schedule;
pub mod stats;
