//! `acuref note`: the user's notes on entries, and how the card shows them.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::json;

use super::user::{confirmed, database_for, failed, resolve};
use super::{Context, Status, diagnostic, json};
use crate::catalogue::{EntryRef, Kind};
use crate::store::{ConflictCopy, Note, Saved, Store};

/// What `acuref note` was asked to do.
pub(super) struct NoteRequest<'a> {
    /// The entry.
    pub(super) id: &'a str,
    /// The new text, word by word (`-` alone: read standard input); empty to show the note.
    pub(super) text: &'a [String],
    /// Delete the note.
    pub(super) delete: bool,
    /// Delete without asking.
    pub(super) yes: bool,
    /// Print JSON.
    pub(super) json: bool,
    /// Edit the note in the user's editor.
    pub(super) edit: bool,
}

/// The entry a note is on, as the store and the user name it.
pub(super) struct NoteOn<'a> {
    /// Its kind.
    pub(super) kind: &'static str,
    /// Its id.
    pub(super) id: &'a str,
    /// Its title, for messages.
    pub(super) title: String,
}

/// `acuref note ID [TEXT]`, `--delete`, `--edit`.
pub(super) fn note(
    cx: &Context<'_>,
    database: Option<&Path>,
    request: &NoteRequest<'_>,
    out: &mut impl Write,
) -> Result<Status> {
    let Some(database) = database_for(database, "keep notes") else {
        return Ok(Status::Error);
    };
    let Some(entry) = resolve(cx, request.id) else {
        diagnostic(&format!(
            "no entry `{}`: give its code or id (`acuref search {}` finds it)",
            crate::text::escape_controls(request.id),
            crate::text::escape_controls(request.id)
        ));
        return Ok(Status::Error);
    };
    let (kind, id) = (entry.kind.name(), cx.c.id(entry));
    let title = cx.c.title(entry);
    if request.edit {
        let on = NoteOn { kind, id, title };
        return super::note_edit::edit_note(database, &on, out);
    }
    if request.delete {
        if !request.yes && !confirmed(&format!("delete your note on {title}?"))? {
            diagnostic("nothing deleted (pass --yes to delete without asking)");
            return Ok(Status::Error);
        }
        let mut store = match Store::open(database) {
            Ok(store) => store,
            Err(e) => return Ok(failed(&e)),
        };
        return Ok(match store.delete_note(kind, id) {
            Ok(true) => {
                writeln!(out, "deleted your note on {title}")?;
                Status::Success
            }
            Ok(false) => {
                diagnostic(&format!("there is no note on {title}"));
                Status::NothingFound
            }
            Err(e) => failed(&e),
        });
    }
    if request.text.is_empty() {
        let store = match Store::open_existing(database) {
            Ok(store) => store,
            Err(e) => return Ok(failed(&e)),
        };
        let (note, copies) = match &store {
            Some(store) => match (store.note(kind, id), store.conflicts(kind, id)) {
                (Ok(note), Ok(copies)) => (note, copies),
                (Err(e), _) | (_, Err(e)) => return Ok(failed(&e)),
            },
            None => (None, Vec::new()),
        };
        if request.json {
            json::print(
                out,
                &json!({
                    "kind": kind,
                    "id": id,
                    "note": note_json(note.as_ref()),
                    "conflicts": conflicts_json(&copies),
                }),
            )?;
        } else {
            write_note(out, note.as_ref().map(|n| n.text.as_str()), &copies)?;
        }
        if note.is_none() && copies.is_empty() {
            diagnostic(&format!(
                "no note on {title}; `acuref note {id} TEXT` writes one"
            ));
            return Ok(Status::NothingFound);
        }
        return Ok(Status::Success);
    }
    let text = if request.text.len() == 1 && request.text[0] == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)?;
        text.trim_end().to_string()
    } else {
        request.text.join(" ")
    };
    if let Err(why) = check_text(&text) {
        diagnostic(&why);
        return Ok(Status::Error);
    }
    let mut store = match Store::open(database) {
        Ok(store) => store,
        Err(e) => return Ok(failed(&e)),
    };
    let based_on = match store.note(kind, id) {
        Ok(note) => note.map(|n| n.revision),
        Err(e) => return Ok(failed(&e)),
    };
    save(
        &mut store,
        &NoteOn { kind, id, title },
        &text,
        based_on,
        out,
    )
}

/// Whether a note's text may be saved; why not, as a line to say.
pub(super) fn check_text(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("the note is empty; `--delete` removes a note".to_string());
    }
    match text
        .chars()
        .find(|&c| crate::text::is_forbidden(c) && c != '\n' && c != '\t')
    {
        Some(bad) => Err(format!(
            "the note holds a control character (U+{:04X}); write plain text",
            bad as u32
        )),
        None => Ok(()),
    }
}

/// Saves a note's text, based on the revision the writer read (`None`: it read no note), and
/// says what became of it: saved, or kept as a conflict copy when another save came first.
pub(super) fn save(
    store: &mut Store,
    on: &NoteOn<'_>,
    text: &str,
    based_on: Option<i64>,
    out: &mut impl Write,
) -> Result<Status> {
    let NoteOn { kind, id, title } = on;
    match store.save_note(kind, id, text, based_on) {
        Ok(Saved::Saved(revision)) => {
            writeln!(out, "saved your note on {title} (revision {revision})")?;
            Ok(Status::Success)
        }
        Ok(Saved::Conflict) => {
            diagnostic(&format!(
                "another acuref saved a note on {title} first; yours is kept beside it as a conflict copy (`acuref note {id}` shows both)"
            ));
            Ok(Status::Success)
        }
        Err(e) => Ok(failed(&e)),
    }
}

/// A note and its conflict copies, as the card and `acuref note` print them.
pub(super) fn write_note(
    out: &mut impl Write,
    note: Option<&str>,
    copies: &[ConflictCopy],
) -> std::io::Result<()> {
    write_note_indented(out, "", note, copies)
}

/// [`write_note`] with every line indented by `indent`.
pub(super) fn write_note_indented(
    out: &mut impl Write,
    indent: &str,
    note: Option<&str>,
    copies: &[ConflictCopy],
) -> std::io::Result<()> {
    let mut block = |heading: &str, text: &str| -> std::io::Result<()> {
        writeln!(out, "{indent}{heading}")?;
        for line in text.lines() {
            writeln!(out, "{indent}  {}", crate::text::escape_controls(line))?;
        }
        Ok(())
    };
    if let Some(text) = note {
        block("Your note", text)?;
    }
    for copy in copies {
        block(
            "Conflict copy (saved while another acuref saved first)",
            &copy.text,
        )?;
    }
    Ok(())
}

/// A note as JSON: `{text, revision, updated_at}`, or null.
pub(super) fn note_json(note: Option<&Note>) -> serde_json::Value {
    note.map_or(
        serde_json::Value::Null,
        |n| json!({"text": n.text, "revision": n.revision, "updated_at": n.updated_at}),
    )
}

/// Conflict copies as JSON: `[{text, saved_at}]`, oldest first.
pub(super) fn conflicts_json(copies: &[ConflictCopy]) -> serde_json::Value {
    copies
        .iter()
        .map(|c| json!({"text": c.text, "saved_at": c.saved_at}))
        .collect()
}

/// Every note on an entry the catalogue has, for searching them (none without a database).
pub(super) fn all_notes(cx: &Context<'_>, database: Option<&Path>) -> Vec<(EntryRef, String)> {
    let Some(Ok(Some(store))) = database.map(Store::open_existing) else {
        return Vec::new();
    };
    store
        .notes()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(kind, id, note)| {
            let entry = Kind::named(&kind).and_then(|k| cx.c.find(k, &id))?;
            Some((entry, note.text))
        })
        .collect()
}
