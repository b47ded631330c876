//! `acuref reattach OLD NEW`: what is kept on an orphaned id (its star, note, conflict copies
//! and places in protocols) moves onto an entry the catalogue has, in one transaction.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::json;

use super::orphans::is_orphaned;
use super::user::{database_for, failed, resolve};
use super::{Context, Status, diagnostic, json};
use crate::catalogue::{EntryRef, Kind};
use crate::store::{Kept, NoteMoved, Reattached, StarMoved, Store};
use crate::text::escape_controls;

/// `acuref reattach OLD NEW [--json]`. OLD is a stored id as `acuref orphans` prints it
/// (`KIND:ID` when the id is kept under more than one kind); NEW is resolved as other
/// commands resolve an entry.
pub(super) fn reattach(
    cx: &Context<'_>,
    database: Option<&Path>,
    (old, new): (&str, &str),
    as_json: bool,
    out: &mut impl Write,
) -> Result<Status> {
    let Some(database) = database_for(database, "use one") else {
        return Ok(Status::Error);
    };
    let Some(target) = resolve(cx, new) else {
        diagnostic(&format!(
            "no entry `{}`: give its code or id (`acuref search {}` finds it); nothing was changed",
            escape_controls(new),
            escape_controls(new)
        ));
        return Ok(Status::Error);
    };
    let mut store = match Store::open_existing(database) {
        Ok(Some(store)) => store,
        Ok(None) => return Ok(nothing_kept(old)),
        Err(e) => return Ok(failed(&e)),
    };
    let (kind, id) = match old.split_once(':') {
        Some((kind, id)) if Kind::named(kind).is_some() => (Some(kind), id),
        _ => (None, old),
    };
    let kept_on = |exact: bool| {
        store.kept(|k, i| {
            let same = if exact {
                i == id
            } else {
                i.eq_ignore_ascii_case(id)
            };
            same && kind.is_none_or(|kind| kind == k) && is_orphaned(cx, k, i)
        })
    };
    let found = kept_on(true).and_then(|found| {
        if found.is_empty() {
            kept_on(false)
        } else {
            Ok(found)
        }
    });
    let found = match found {
        Ok(found) => found,
        Err(e) => return Ok(failed(&e)),
    };
    let from = match found.as_slice() {
        [] => return Ok(not_orphaned(cx, old, id)),
        [one] => one,
        several => {
            let kinds: Vec<&str> = several.iter().map(|k| k.kind.as_str()).collect();
            diagnostic(&format!(
                "`{}` is kept under more than one kind ({}); name one, as in `acuref reattach {}:{} {}`; nothing was changed",
                escape_controls(old),
                escape_controls(&kinds.join(", ")),
                escape_controls(kinds[0]),
                escape_controls(id),
                escape_controls(new)
            ));
            return Ok(Status::Error);
        }
    };
    let protocols = protocol_names(from);
    if !protocols.is_empty() && target.kind != Kind::Point {
        diagnostic(&format!(
            "`{}` stands in protocols ({}), which hold points only: reattach it to a point; nothing was changed",
            escape_controls(&from.id),
            escape_controls(&protocols.join(", "))
        ));
        return Ok(Status::Error);
    }
    let to = (target.kind.name(), cx.c.id(target));
    let done = match store.reattach((&from.kind, &from.id), to) {
        Ok(done) if done.is_empty() => return Ok(nothing_kept(old)),
        Ok(done) => done,
        Err(e) => return Ok(failed(&e)),
    };
    if as_json {
        json::print(out, &moved_json(cx, from, target, &done))?;
    } else {
        write_moved(out, cx, from, target, &done, &protocols)?;
    }
    Ok(Status::Success)
}

/// The names of the protocols an id stands in, each once, in order.
fn protocol_names(kept: &Kept) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for place in &kept.places {
        if !names.contains(&place.protocol) {
            names.push(place.protocol.clone());
        }
    }
    names
}

/// Says that nothing is kept on OLD; the status for it.
fn nothing_kept(old: &str) -> Status {
    diagnostic(&format!(
        "nothing is kept on `{}`; `acuref orphans` lists the ids that can be reattached; nothing was changed",
        escape_controls(old)
    ));
    Status::NothingFound
}

/// Says why an OLD with nothing orphaned on it is refused: the catalogue has it, or nothing is
/// kept on it; the status for it.
fn not_orphaned(cx: &Context<'_>, old: &str, id: &str) -> Status {
    match cx.c.find_any(id) {
        Some(entry) => {
            diagnostic(&format!(
                "`{}` is in the catalogue ({}): reattach moves only what is kept on an id the catalogue does not have (`acuref orphans` lists them); nothing was changed",
                escape_controls(old),
                cx.c.title(entry)
            ));
            Status::Error
        }
        None => nothing_kept(old),
    }
}

/// What moved, as a line for each kind of thing.
fn write_moved(
    out: &mut impl Write,
    cx: &Context<'_>,
    from: &Kept,
    to: EntryRef,
    done: &Reattached,
    protocols: &[String],
) -> std::io::Result<()> {
    let new_id = cx.c.id(to);
    writeln!(
        out,
        "reattached {} {} to {}:",
        escape_controls(&from.kind),
        escape_controls(&from.id),
        cx.c.title(to)
    )?;
    match done.star {
        StarMoved::None => {}
        StarMoved::Moved => writeln!(out, "  its star")?,
        StarMoved::AlreadyStarred => writeln!(
            out,
            "  its star ({new_id} was starred already and stays starred)"
        )?,
    }
    match done.note {
        NoteMoved::None => {}
        NoteMoved::Moved => writeln!(out, "  its note")?,
        NoteMoved::ConflictCopy => writeln!(
            out,
            "  its note, as a conflict copy: {new_id} has a note of its own (`acuref note {new_id}` shows both)"
        )?,
        NoteMoved::SameText => writeln!(
            out,
            "  its note (the same text as {new_id}'s note: kept once)"
        )?,
    }
    match done.conflicts {
        0 => {}
        1 => writeln!(out, "  1 conflict copy")?,
        n => writeln!(out, "  {n} conflict copies")?,
    }
    if done.places > 0 {
        writeln!(
            out,
            "  {} place{} in protocols ({}), each in its place, with any note on it",
            done.places,
            if done.places == 1 { "" } else { "s" },
            escape_controls(&protocols.join(", "))
        )?;
    }
    Ok(())
}

/// What moved, as JSON.
fn moved_json(cx: &Context<'_>, from: &Kept, to: EntryRef, done: &Reattached) -> serde_json::Value {
    json!({
        "from": {"kind": from.kind, "id": from.id},
        "to": {"kind": to.kind.name(), "id": cx.c.id(to), "title": cx.c.title(to)},
        "star": match done.star {
            StarMoved::None => None,
            StarMoved::Moved => Some("moved"),
            StarMoved::AlreadyStarred => Some("already starred"),
        },
        "note": match done.note {
            NoteMoved::None => None,
            NoteMoved::Moved => Some("moved"),
            NoteMoved::ConflictCopy => Some("conflict copy"),
            NoteMoved::SameText => Some("same text"),
        },
        "conflicts": done.conflicts,
        "places": done.places,
    })
}
