//! Keys on what is the user's own: notes, stars, protocols, and deleting and undoing. Each
//! change is an [`Effect`] for the event loop to make; a deletion of more than one point's
//! worth (a note, a protocol) asks first, and every deletion can be undone until acuref ends.

use super::super::app::{App, Effect, Focus, ListSource, Mode, NoteEditor, OutsideEdit, Question};
use super::super::chooser::{Choice, Chooser, Field};
use crate::catalogue::Kind;

/// What an editor on `entry`'s note starts with: its draft, or the note with the copies kept
/// beside it (for the user to merge), and the revision it is based on.
fn note_to_edit(app: &mut App<'_>, entry: crate::catalogue::EntryRef) -> OutsideEdit {
    let kept = app.notes.get(&entry);
    let based_on = kept.map(|n| n.revision);
    if let Some(draft) = app.drafts.remove(&entry) {
        return OutsideEdit {
            entry,
            text: draft,
            based_on,
            merged: false,
        };
    }
    let mut text = kept.map(|n| n.text.clone()).unwrap_or_default();
    let copies = kept.map(|n| n.conflicts.clone()).unwrap_or_default();
    for copy in &copies {
        text.push_str("\n\n--- kept from another window's save ---\n");
        text.push_str(copy);
    }
    if !copies.is_empty() {
        app.notice = Some(
            "the copies kept beside the note are in the text: what you save replaces them".into(),
        );
    }
    OutsideEdit {
        entry,
        text,
        based_on,
        merged: !copies.is_empty(),
    }
}

/// Opens the note editor on the shown entry, with its draft or its note.
pub(super) fn edit_note(app: &mut App<'_>) {
    let Some(entry) = app.shown() else {
        return;
    };
    let start = note_to_edit(app, entry);
    app.editor = Some(NoteEditor::new(
        entry,
        &start.text,
        start.based_on,
        start.merged,
    ));
    app.mode = Mode::Note;
}

/// Asks the event loop to open the shown entry's note (or draft) in the user's own editor.
pub(super) fn edit_note_outside(app: &mut App<'_>) {
    if let Some(entry) = app.shown() {
        app.outside = Some(note_to_edit(app, entry));
    }
}

/// What the user's editor gave back: a changed text is saved, the same text is not, and a
/// failure is said (with the text kept as a draft).
pub fn outside_edited(
    app: &mut App<'_>,
    asked: OutsideEdit,
    result: Result<String, crate::editor::EditorError>,
) {
    let id = app.catalogue.id(asked.entry).to_string();
    // Editors end a text file with a newline; the note does not keep it.
    let result = result.map(|text| text.trim_end_matches('\n').to_string());
    match result {
        Ok(text) if text == asked.text => {
            app.notice = Some(format!("your note on {id} is unchanged"));
        }
        Ok(text) => app.effects.push(Effect::SaveNote {
            entry: asked.entry,
            text,
            based_on: asked.based_on,
            merged: asked.merged,
        }),
        Err(e) => {
            if !asked.text.is_empty()
                && app.notes.get(&asked.entry).map(|n| &n.text) != Some(&asked.text)
            {
                app.drafts.insert(asked.entry, asked.text);
            }
            app.notice = Some(format!("{e}"));
        }
    }
}

/// Saves the note being written.
pub(super) fn save_note(app: &mut App<'_>) {
    if let Some(editor) = app.editor.take() {
        app.effects.push(Effect::SaveNote {
            entry: editor.entry,
            text: editor.written(),
            based_on: editor.based_on,
            merged: editor.merged,
        });
    }
    app.mode = Mode::Browse;
}

/// Closes the editor; text that differs from the stored note is kept as a draft.
pub(super) fn cancel_note(app: &mut App<'_>) {
    if let Some(editor) = app.editor.take() {
        let written = editor.written();
        let kept = app.notes.get(&editor.entry).map(|n| n.text.as_str());
        if written != kept.unwrap_or("") {
            app.drafts.insert(editor.entry, written);
            app.notice = Some("not saved: n reopens your draft (until acuref ends)".into());
        }
    }
    app.mode = Mode::Browse;
}

/// Deletes what is the user's own where the cursor is: in the Protocols browser the
/// protocol, in a protocol's list the point from it, elsewhere the note on the shown entry.
pub(super) fn delete(app: &mut App<'_>) {
    let in_list = app.view.focus == Focus::List && app.view.pinned.is_none();
    if in_list && let Some(protocol) = app.selected_protocol() {
        ask(app, Question::DeleteProtocol(protocol.name.clone()));
        return;
    }
    if in_list
        && let ListSource::ProtocolPoints(seq) = app.view.source
        && let Some((nth, _)) = app.protocol_place(app.view.selected)
        && let Some(protocol) = app.protocol(seq)
    {
        let protocol = protocol.name.clone();
        app.effects.push(Effect::TakeFromProtocol { protocol, nth });
        return;
    }
    match app.shown() {
        Some(entry) if app.notes.contains_key(&entry) => ask(app, Question::DeleteNote(entry)),
        Some(entry) => {
            app.notice = Some(format!(
                "{} has no note of yours to delete; in P, d deletes a protocol or a point from one",
                app.catalogue.id(entry)
            ));
        }
        None => {}
    }
}

fn ask(app: &mut App<'_>, question: Question) {
    app.question = Some(question);
    app.mode = Mode::Confirm;
}

/// Answers the question asked: yes makes the deletion, no keeps everything.
pub(super) fn answer(app: &mut App<'_>, yes: bool) {
    let question = app.question.take();
    app.mode = Mode::Browse;
    if !yes {
        app.notice = Some("nothing deleted".into());
        return;
    }
    match question {
        Some(Question::DeleteNote(entry)) => app.effects.push(Effect::DeleteNote(entry)),
        Some(Question::DeleteProtocol(name)) => app.effects.push(Effect::DeleteProtocol(name)),
        None => {}
    }
}

/// Puts back what was deleted last.
pub(super) fn undo(app: &mut App<'_>) {
    match app.undo.pop() {
        Some(undo) => app.effects.push(Effect::Undo(undo)),
        None => app.notice = Some("nothing deleted to put back".into()),
    }
}

/// Opens the chooser for the shown point.
pub(super) fn add_to_protocol(app: &mut App<'_>) {
    match app.shown() {
        Some(point) if point.kind == Kind::Point => {
            app.chooser = Some(Chooser::new(point));
            app.mode = Mode::Chooser;
        }
        Some(entry) => {
            app.notice = Some(format!(
                "only points go in a protocol; this is a {}",
                entry.kind.name()
            ));
        }
        None => {}
    }
}

/// Adds the chooser's point to the protocol it has selected, or to a new one of the name
/// typed.
pub(super) fn choose(app: &mut App<'_>) {
    let Some(chooser) = &app.chooser else {
        return;
    };
    let choices = chooser.choices(&app.protocols);
    let Some(choice) = choices.get(chooser.selected.min(choices.len().saturating_sub(1))) else {
        app.notice = Some("type a name for the new protocol".into());
        return;
    };
    let (protocol, create) = match choice {
        Choice::Existing(i) => (app.protocols[*i].name.clone(), false),
        Choice::New(name) => (name.clone(), true),
    };
    let note = chooser.note.trim();
    app.effects.push(Effect::AddToProtocol {
        protocol,
        create,
        point: chooser.point,
        note: (!note.is_empty()).then(|| note.to_string()),
    });
    close_chooser(app);
}

/// Closes the chooser without adding.
pub(super) fn close_chooser(app: &mut App<'_>) {
    app.chooser = None;
    app.mode = Mode::Browse;
}

/// Moves the chooser's selection.
pub(super) fn chooser_step(app: &mut App<'_>, delta: isize) {
    if let Some(chooser) = &mut app.chooser {
        let len = chooser.choices(&app.protocols).len();
        chooser.selected = (chooser.selected as isize)
            .saturating_add(delta)
            .clamp(0, len.saturating_sub(1) as isize) as usize;
    }
}

/// Moves typing to the other line.
pub(super) fn switch_field(app: &mut App<'_>) {
    if let Some(chooser) = &mut app.chooser {
        chooser.field = match chooser.field {
            Field::Name => Field::Note,
            Field::Note => Field::Name,
        };
    }
}

/// Edits the chooser's line at its cursor; a new name selects the first choice again.
pub(super) fn edit_chooser(app: &mut App<'_>, edit: impl FnOnce(&mut String, &mut usize)) {
    if let Some(chooser) = &mut app.chooser {
        let field = chooser.field;
        let (line, cursor) = chooser.line_mut();
        *cursor = (*cursor).min(line.len());
        let before = line.clone();
        edit(line, cursor);
        if field == Field::Name && *line != before {
            chooser.selected = 0;
        }
    }
}
