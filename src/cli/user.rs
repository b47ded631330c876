//! The user's own data on the command line: bookmarks.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::json;

use super::args::BookmarkAction;
use super::{Context, Status, card, diagnostic, json};
use crate::catalogue::{EntryRef, Kind};
use crate::store::{Store, StoreError};

/// `acuref bookmark add|remove|list`.
pub(super) fn bookmark(
    cx: &Context<'_>,
    database: Option<&Path>,
    action: &BookmarkAction,
    out: &mut impl Write,
) -> Result<Status> {
    let Some(database) = database else {
        diagnostic(
            "no user database: ACUREF_HOME is empty; set it (or --home DIR) to keep bookmarks",
        );
        return Ok(Status::Error);
    };
    match action {
        BookmarkAction::Add { ids } | BookmarkAction::Remove { ids } => {
            let adding = matches!(action, BookmarkAction::Add { .. });
            // Every id is resolved before anything is written: a typo writes nothing.
            let mut entries = Vec::new();
            for id in ids {
                match resolve(cx, id) {
                    Some(entry) => entries.push(entry),
                    None => {
                        diagnostic(&format!(
                            "no entry `{}`: give its code or id (`acuref search {}` finds it); nothing was changed",
                            crate::text::escape_controls(id),
                            crate::text::escape_controls(id)
                        ));
                        return Ok(Status::Error);
                    }
                }
            }
            let mut store = match Store::open(database) {
                Ok(store) => store,
                Err(e) => return Ok(failed(&e)),
            };
            for entry in entries {
                let (kind, id) = (entry.kind.name(), cx.c.id(entry));
                let changed = if adding {
                    store.add_bookmark(kind, id)
                } else {
                    store.remove_bookmark(kind, id)
                };
                let said = match (changed, adding) {
                    (Err(e), _) => return Ok(failed(&e)),
                    (Ok(true), true) => "starred",
                    (Ok(false), true) => "already starred",
                    (Ok(true), false) => "unstarred",
                    (Ok(false), false) => "was not starred",
                };
                // Said once committed, and flushed, so what was reported is kept.
                writeln!(out, "{said}  {}", cx.c.title(entry))?;
                out.flush()?;
            }
            Ok(Status::Success)
        }
        BookmarkAction::List { json: as_json } => {
            let bookmarks = match Store::open_existing(database) {
                Ok(Some(store)) => match store.bookmarks() {
                    Ok(list) => list,
                    Err(e) => return Ok(failed(&e)),
                },
                Ok(None) => Vec::new(),
                Err(e) => return Ok(failed(&e)),
            };
            let found = |b: &crate::store::Bookmark| {
                Kind::named(&b.kind).and_then(|kind| cx.c.find(kind, &b.id))
            };
            if *as_json {
                let rows: Vec<_> = bookmarks
                    .iter()
                    .map(|b| {
                        let entry = found(b);
                        json!({
                            "kind": b.kind,
                            "id": b.id,
                            "created_at": b.created_at,
                            "title": entry.map(|e| cx.c.title(e)),
                            "orphaned": entry.is_none(),
                        })
                    })
                    .collect();
                json::print(out, &serde_json::Value::Array(rows))?;
                return Ok(Status::Success);
            }
            for b in &bookmarks {
                match found(b) {
                    Some(entry) => card::write_entry_line(out, cx.c, entry, cx.patient, cx.style)?,
                    None => writeln!(
                        out,
                        "{:<18}{} (orphaned: the catalogue no longer has it; `acuref bookmark remove` unstars it)",
                        crate::text::escape_controls(&b.kind),
                        crate::text::escape_controls(&b.id)
                    )?,
                }
            }
            Ok(Status::Success)
        }
    }
}

/// Whether an entry is starred, for `show`: false when there is no database yet; a database
/// that cannot be read is said once on stderr, and the card is shown anyway.
pub(super) fn is_bookmarked(cx: &Context<'_>, database: Option<&Path>, entry: EntryRef) -> bool {
    let Some(database) = database else {
        return false;
    };
    match Store::open_existing(database) {
        Ok(Some(store)) => match store.bookmarks() {
            Ok(list) => list
                .iter()
                .any(|b| b.kind == entry.kind.name() && b.id == cx.c.id(entry)),
            Err(e) => {
                diagnostic(&format!("{e}; the reference works without it"));
                false
            }
        },
        Ok(None) => false,
        Err(e) => {
            diagnostic(&format!("{e}; the reference works without it"));
            false
        }
    }
}

/// The entry an id names: an id or a code in any spelling, never a fuzzy guess (a write must
/// not star the wrong entry).
fn resolve(cx: &Context<'_>, id: &str) -> Option<EntryRef> {
    cx.c.find_any(id).or_else(|| {
        cx.index
            .find(id, None)
            .hits
            .into_iter()
            .next()
            .filter(|hit| hit.reading.is_some())
            .map(|hit| hit.entry)
    })
}

/// Says why the database cannot be used; the exit status for it.
fn failed(e: &StoreError) -> Status {
    diagnostic(&e.to_string());
    Status::Error
}
