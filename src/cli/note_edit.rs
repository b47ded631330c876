//! `acuref note ID --edit`: the note opened in the user's own editor (`$VISUAL`, `$EDITOR`,
//! vi), saved when it changed. The save is based on the revision read before the editor
//! opened, so a note another acuref saved meanwhile stays, and this one becomes a conflict
//! copy beside it.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::notes::{NoteOn, check_text, save};
use super::user::failed;
use super::{Status, diagnostic};
use crate::store::Store;

/// Edits the note on an entry in the user's editor, in a temporary file beside the database
/// (removed afterwards); saves it if it changed.
pub(super) fn edit_note(database: &Path, on: &NoteOn<'_>, out: &mut impl Write) -> Result<Status> {
    let before = match Store::open_existing(database) {
        Ok(Some(store)) => match store.note(on.kind, on.id) {
            Ok(note) => note,
            Err(e) => return Ok(failed(&e)),
        },
        Ok(None) => None,
        Err(e) => return Ok(failed(&e)),
    };
    let initial = before.as_ref().map_or("", |n| n.text.as_str());
    let folder = database.parent().unwrap_or(Path::new("."));
    let edited = match crate::editor::edit_in_external_editor(initial, folder) {
        Ok(text) => text,
        Err(e) => {
            diagnostic(&format!("{e}; your note was not changed"));
            return Ok(Status::Error);
        }
    };
    let text = edited.trim_end();
    let title = &on.title;
    if text == initial.trim_end() {
        writeln!(out, "your note on {title} is unchanged; nothing was saved")?;
        return Ok(Status::Success);
    }
    if text.trim().is_empty() {
        diagnostic(&format!(
            "the note came back empty, so nothing was saved; `acuref note {} --delete` removes it",
            on.id
        ));
        return Ok(Status::Error);
    }
    if let Err(why) = check_text(text) {
        diagnostic(&format!("{why}; nothing was saved"));
        return Ok(Status::Error);
    }
    let mut store = match Store::open(database) {
        Ok(store) => store,
        Err(e) => return Ok(failed(&e)),
    };
    save(&mut store, on, text, before.map(|n| n.revision), out)
}
