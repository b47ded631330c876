//! acuref: an offline acupuncture point reference.
//!
//! [`catalogue`] loads and checks the TOML catalogue and computes the links between its
//! entries; [`search`] finds entries by any name a user might type; [`entry_view`] says what an entry shows; [`cli`] holds the
//! command-line interface and its non-interactive commands; [`tui`] is the interactive reference;
//! [`body`] is the body map's model (frames, outlines, landmarks, point positions) and its drawing;
//! [`study`] makes cards, decks, quizzes and the Anki export from the catalogue; [`editor`] runs the user's own editor on a text.

pub mod body;
pub mod builtin;
pub mod catalogue;
pub mod cli;
mod cores;
pub mod editor;
pub mod entry_view;
pub mod paths;
pub mod search;
pub mod settings;
pub mod store;
pub mod study;
pub mod text;
pub mod tui;
