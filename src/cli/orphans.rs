//! `acuref orphans`: what the user keeps (stars, notes, protocol points) on ids the loaded
//! catalogue does not have: a user overlay removed the entry, a code was renamed, another
//! `--data` catalogue is in use. Nothing is dropped; this lists it, with every note in full.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::json;

use super::notes::{conflicts_json, note_json, write_note_indented};
use super::user::{database_for, failed};
use super::{Context, Status, json};
use crate::catalogue::Kind;
use crate::store::{Kept, Store, StoreError};
use crate::text::escape_controls;

/// Whether the catalogue has no entry of this stored kind and id.
pub(super) fn is_orphaned(cx: &Context<'_>, kind: &str, id: &str) -> bool {
    Kind::named(kind)
        .and_then(|kind| cx.c.find(kind, id))
        .is_none()
}

/// What is kept on ids the catalogue does not have (none without a database file).
pub(super) fn orphans_in(cx: &Context<'_>, database: &Path) -> Result<Vec<Kept>, StoreError> {
    match Store::open_existing(database)? {
        Some(store) => store.kept(|kind, id| is_orphaned(cx, kind, id)),
        None => Ok(Vec::new()),
    }
}

/// `acuref orphans [--json]`.
pub(super) fn orphans(
    cx: &Context<'_>,
    database: Option<&Path>,
    as_json: bool,
    out: &mut impl Write,
) -> Result<Status> {
    let Some(database) = database_for(database, "use one") else {
        return Ok(Status::Error);
    };
    let orphans = match orphans_in(cx, database) {
        Ok(list) => list,
        Err(e) => return Ok(failed(&e)),
    };
    if as_json {
        let rows: Vec<_> = orphans.iter().map(kept_json).collect();
        json::print(out, &serde_json::Value::Array(rows))?;
        return Ok(Status::Success);
    }
    if orphans.is_empty() {
        writeln!(out, "nothing orphaned")?;
        return Ok(Status::Success);
    }
    for (n, kept) in orphans.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        write_kept(out, kept)?;
    }
    writeln!(
        out,
        "\nThe catalogue in use has none of these ids; what is kept on them stays. \
         `acuref reattach ID NEW` moves it onto an entry (NEW: a code or an id)."
    )?;
    Ok(Status::Success)
}

/// One id and everything kept on it, as `orphans` prints it.
fn write_kept(out: &mut impl Write, kept: &Kept) -> std::io::Result<()> {
    writeln!(
        out,
        "{} {}{}",
        escape_controls(&kept.kind),
        escape_controls(&kept.id),
        if kept.starred_at.is_some() {
            "  (starred)"
        } else {
            ""
        }
    )?;
    write_note_indented(
        out,
        "  ",
        kept.note.as_ref().map(|n| n.text.as_str()),
        &kept.conflicts,
    )?;
    for place in &kept.places {
        write!(
            out,
            "  In protocol {}, point {}",
            escape_controls(&place.protocol),
            place.place
        )?;
        match &place.note {
            Some(note) => writeln!(out, ": {}", escape_controls(note))?,
            None => writeln!(out)?,
        }
    }
    Ok(())
}

/// One id and everything kept on it, as JSON.
fn kept_json(kept: &Kept) -> serde_json::Value {
    json!({
        "kind": kept.kind,
        "id": kept.id,
        "starred": kept.starred_at.is_some(),
        "starred_at": kept.starred_at,
        "note": note_json(kept.note.as_ref()),
        "conflicts": conflicts_json(&kept.conflicts),
        "protocols": kept.places.iter().map(|p| json!({
            "name": p.protocol, "place": p.place, "note": p.note
        })).collect::<Vec<_>>(),
    })
}
