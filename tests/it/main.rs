//! The integration tests, built as one test binary so that `cargo test` links the library once
//! rather than once per file. Each module is one area of behaviour.

mod common;

mod body;
mod builtin;
mod catalogue_errors;
mod catalogue_integrity;
mod cautions;
mod cli;
mod hostile;
mod new_database;
mod note_edit;
mod orphans;
mod readme;
mod search_table;
mod store;
mod store_limits;
mod study_cli;
mod study_progress;
mod terminal;
mod tui;
mod user_files;
mod user_json;
