//! `acuref protocol`: the user's named point sets, made, changed and shown with each point's
//! cautions (and, for a patient, its verdict).

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::json;

use super::args::ProtocolAction;
use super::user::{confirmed, database_for, failed, resolve};
use super::{Context, Status, card, diagnostic, json};
use crate::catalogue::{EntryRef, Kind};
use crate::store::{ProtocolError, Store};

/// Runs one protocol action.
pub(super) fn protocol(
    cx: &Context<'_>,
    database: Option<&Path>,
    action: &ProtocolAction,
    out: &mut impl Write,
) -> Result<Status> {
    let Some(database) = database_for(database, "keep protocols") else {
        return Ok(Status::Error);
    };
    let refused = |e: ProtocolError| {
        diagnostic(&e.to_string());
        Ok(Status::Error)
    };
    match action {
        ProtocolAction::List { json: as_json } => {
            let protocols = match Store::open_existing(database) {
                Ok(Some(store)) => match store.protocols() {
                    Ok(list) => list,
                    Err(e) => return Ok(failed(&e)),
                },
                Ok(None) => Vec::new(),
                Err(e) => return Ok(failed(&e)),
            };
            if *as_json {
                let rows: Vec<_> = protocols
                    .iter()
                    .map(|p| json!({"name": p.name, "points": p.points.iter().map(|(c, _)| c).collect::<Vec<_>>()}))
                    .collect();
                json::print(out, &serde_json::Value::Array(rows))?;
            } else {
                for p in &protocols {
                    let codes: Vec<&str> = p.points.iter().map(|(c, _)| c.as_str()).collect();
                    writeln!(
                        out,
                        "{}  ({})",
                        crate::text::escape_controls(&p.name),
                        codes.join(" ")
                    )?;
                }
            }
            Ok(Status::Success)
        }
        ProtocolAction::Show {
            name,
            json: as_json,
        } => {
            let found = match Store::open_existing(database) {
                Ok(Some(store)) => match store.protocols() {
                    Ok(list) => list.into_iter().find(|p| p.name == *name),
                    Err(e) => return Ok(failed(&e)),
                },
                Ok(None) => None,
                Err(e) => return Ok(failed(&e)),
            };
            let Some(protocol) = found else {
                return refused(ProtocolError::Missing(name.clone()));
            };
            if *as_json {
                show_json(cx, &protocol, out)?;
                return Ok(Status::Success);
            }
            writeln!(
                out,
                "{}",
                cx.style.bold(&crate::text::escape_controls(&protocol.name))
            )?;
            for (code, note) in &protocol.points {
                match cx.c.find(Kind::Point, code) {
                    Some(entry) => card::write_entry_line(out, cx.c, entry, cx.patient, cx.style)?,
                    None => writeln!(
                        out,
                        "{} (orphaned: the catalogue no longer has it)",
                        crate::text::escape_controls(code)
                    )?,
                }
                if let Some(note) = note {
                    writeln!(out, "            - {}", crate::text::escape_controls(note))?;
                }
            }
            if !cx.patient.is_empty() {
                writeln!(
                    out,
                    "\n[X] forbidden for this patient, [!] needs care: `acuref safety --patient ... CODE` says why."
                )?;
            }
            Ok(Status::Success)
        }
        ProtocolAction::New {
            name,
            points,
            json: as_json,
        } => {
            let Some(codes) = codes_of(cx, points) else {
                return Ok(Status::Error);
            };
            let mut store = match Store::open(database) {
                Ok(store) => store,
                Err(e) => return Ok(failed(&e)),
            };
            match store.new_protocol(name, &codes) {
                Ok(()) if *as_json => changed_json(cx, &store, name, out),
                Ok(()) => {
                    writeln!(
                        out,
                        "made protocol {} ({} points)",
                        crate::text::escape_controls(name),
                        codes.len()
                    )?;
                    Ok(Status::Success)
                }
                Err(e) => refused(e),
            }
        }
        ProtocolAction::Add {
            name,
            point,
            note,
            json: as_json,
        } => {
            let Some(codes) = codes_of(cx, std::slice::from_ref(point)) else {
                return Ok(Status::Error);
            };
            let mut store = match Store::open(database) {
                Ok(store) => store,
                Err(e) => return Ok(failed(&e)),
            };
            match store.add_to_protocol(name, &codes[0], note.as_deref()) {
                Ok(()) if *as_json => changed_json(cx, &store, name, out),
                Ok(()) => {
                    writeln!(
                        out,
                        "added {} to {}",
                        codes[0],
                        crate::text::escape_controls(name)
                    )?;
                    Ok(Status::Success)
                }
                Err(e) => refused(e),
            }
        }
        ProtocolAction::Remove {
            name,
            point,
            json: as_json,
        } => {
            let Some(codes) = codes_of(cx, std::slice::from_ref(point)) else {
                return Ok(Status::Error);
            };
            let mut store = match Store::open(database) {
                Ok(store) => store,
                Err(e) => return Ok(failed(&e)),
            };
            match store.remove_from_protocol(name, &codes[0]) {
                Ok(true) if *as_json => changed_json(cx, &store, name, out),
                Ok(true) => {
                    writeln!(
                        out,
                        "removed {} from {}",
                        codes[0],
                        crate::text::escape_controls(name)
                    )?;
                    Ok(Status::Success)
                }
                Ok(false) => {
                    diagnostic(&format!(
                        "{} is not in {}",
                        codes[0],
                        crate::text::escape_controls(name)
                    ));
                    Ok(Status::NothingFound)
                }
                Err(e) => refused(e),
            }
        }
        ProtocolAction::Delete {
            name,
            yes,
            json: as_json,
        } => {
            if !yes
                && !confirmed(&format!(
                    "delete the protocol {}?",
                    crate::text::escape_controls(name)
                ))?
            {
                diagnostic("nothing deleted (pass --yes to delete without asking)");
                return Ok(Status::Error);
            }
            let mut store = match Store::open(database) {
                Ok(store) => store,
                Err(e) => return Ok(failed(&e)),
            };
            match store.delete_protocol(name) {
                Ok(()) if *as_json => {
                    json::print(out, &json!({"deleted": name}))?;
                    Ok(Status::Success)
                }
                Ok(()) => {
                    writeln!(
                        out,
                        "deleted protocol {}",
                        crate::text::escape_controls(name)
                    )?;
                    Ok(Status::Success)
                }
                Err(e) => refused(e),
            }
        }
    }
}

/// A protocol as JSON: its name, and each point with its title, the note on it there, whether
/// cautions cover it, its verdict for the patient set (if any), and whether it is orphaned.
fn show_json(
    cx: &Context<'_>,
    protocol: &crate::store::Protocol,
    out: &mut impl Write,
) -> Result<()> {
    let points: Vec<_> = protocol
        .points
        .iter()
        .map(|(code, note)| {
            let entry = cx.c.find(Kind::Point, code);
            json!({
                "code": code,
                "title": entry.map(|e| cx.c.title(e)),
                "note": note,
                "caution": entry.is_some_and(|e| cx.c.has_caution(e)),
                "safety": entry.filter(|_| !cx.patient.is_empty()).map(|e| cx.c.verdict(e, cx.patient).level_name()),
                "orphaned": entry.is_none(),
            })
        })
        .collect();
    json::print(out, &json!({"name": protocol.name, "points": points}))
}

/// After a change asked for JSON: the protocol as it now is.
fn changed_json(
    cx: &Context<'_>,
    store: &Store,
    name: &str,
    out: &mut impl Write,
) -> Result<Status> {
    match store.protocols() {
        Ok(list) => match list.into_iter().find(|p| p.name == name) {
            Some(protocol) => {
                show_json(cx, &protocol, out)?;
                Ok(Status::Success)
            }
            None => {
                diagnostic(&ProtocolError::Missing(name.to_string()).to_string());
                Ok(Status::Error)
            }
        },
        Err(e) => Ok(failed(&e)),
    }
}

/// The point codes the queries name, each a point; the first that is none is said, and then
/// nothing is written.
fn codes_of(cx: &Context<'_>, queries: &[String]) -> Option<Vec<String>> {
    let mut codes = Vec::new();
    for query in queries {
        match resolve(cx, query).filter(|e: &EntryRef| e.kind == Kind::Point) {
            Some(entry) => codes.push(cx.c.id(entry).to_string()),
            None => {
                diagnostic(&format!(
                    "`{}` is no point code; give a code in any spelling (BL40, UB 40); nothing was changed",
                    crate::text::escape_controls(query)
                ));
                return None;
            }
        }
    }
    Some(codes)
}
