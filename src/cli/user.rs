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
    let Some(database) = database_for(database, "keep bookmarks") else {
        return Ok(Status::Error);
    };
    match action {
        BookmarkAction::Add { ids, json } | BookmarkAction::Remove { ids, json } => {
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
                if *json {
                    let line = serde_json::json!({
                        "kind": kind,
                        "id": id,
                        "title": cx.c.title(entry),
                        "starred": adding,
                        "changed": matches!(said, "starred" | "unstarred"),
                    });
                    writeln!(out, "{line}")?;
                } else {
                    writeln!(out, "{said}  {}", cx.c.title(entry))?;
                }
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

/// Asks on the terminal; anything but y or yes is no, and so is a stdin that is no terminal.
pub(super) fn confirmed(question: &str) -> Result<bool> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    let mut err = std::io::stderr().lock();
    write!(err, "{question} [y/N] ")?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}

/// `acuref export [FILE]`: everything the user made, as TOML; a file is written whole or not
/// at all (a temporary file renamed over it).
pub(super) fn export(
    database: Option<&Path>,
    file: Option<&Path>,
    out: &mut impl Write,
) -> Result<Status> {
    let data = match database.map(Store::open_existing) {
        Some(Ok(Some(store))) => match store.export() {
            Ok(data) => data,
            Err(e) => return Ok(failed(&e)),
        },
        Some(Err(e)) => return Ok(failed(&e)),
        Some(Ok(None)) | None => crate::store::Export {
            format: 1,
            ..Default::default()
        },
    };
    let text = format!(
        "# Everything you made in acuref: `acuref import` merges it back.\n{}",
        toml::to_string(&data)?
    );
    match file {
        None => out.write_all(text.as_bytes())?,
        Some(file) => {
            if let Err(e) = super::files::write_whole(file, text.as_bytes()) {
                diagnostic(&format!(
                    "cannot write {}: {e}; nothing was written",
                    crate::text::escape_controls(&file.display().to_string())
                ));
                return Ok(Status::Error);
            }
            writeln!(
                out,
                "exported {} bookmarks, {} notes, {} protocols, {} conflict copies and {} study reviews to {}",
                data.bookmarks.len(),
                data.notes.len(),
                data.protocols.len(),
                data.conflicts.len(),
                data.reviews.len(),
                crate::text::escape_controls(&file.display().to_string())
            )?;
        }
    }
    Ok(Status::Success)
}

/// `acuref import FILE`: merges an export in, in one transaction.
pub(super) fn import(database: Option<&Path>, file: &Path, out: &mut impl Write) -> Result<Status> {
    let shown = crate::text::escape_controls(&file.display().to_string());
    let Some(database) = database_for(database, "import") else {
        return Ok(Status::Error);
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            diagnostic(&format!("cannot read {shown}: {e}"));
            return Ok(Status::Error);
        }
    };
    let data: crate::store::Export = match toml::from_str(&text) {
        Ok(data) => data,
        Err(e) => {
            let (line, column) = e
                .span()
                .map_or((1, 1), |s| crate::catalogue::line_column(&text, s.start));
            diagnostic(&format!(
                "{shown}:{line}:{column}: {}; nothing was imported (is it a file `acuref export` wrote?)",
                crate::text::escape_controls(e.message())
            ));
            return Ok(Status::Error);
        }
    };
    if data.format != 1 {
        diagnostic(&format!(
            "{shown} is in export format {}, which this acuref does not know; update acuref",
            data.format
        ));
        return Ok(Status::Error);
    }
    let mut store = match Store::open(database) {
        Ok(store) => store,
        Err(e) => return Ok(failed(&e)),
    };
    match store.import(&data) {
        Ok(done) => {
            writeln!(
                out,
                "imported {} bookmarks, {} notes, {} protocols and {} study reviews; {} kept as conflict copies; {} already there",
                done.bookmarks,
                done.notes,
                done.protocols,
                done.reviews,
                done.conflicts,
                done.unchanged
            )?;
            Ok(Status::Success)
        }
        Err(e) => Ok(failed(&e)),
    }
}

/// What the user keeps on an entry, for `show`: whether it is starred and its note, read
/// with one opening of the database. Nothing without a database yet; a database that cannot
/// be read is said once on stderr, and the card is shown anyway.
pub(super) fn kept_on(
    cx: &Context<'_>,
    database: Option<&Path>,
    entry: EntryRef,
) -> (bool, Option<String>) {
    let Some(database) = database else {
        return (false, None);
    };
    let (kind, id) = (entry.kind.name(), cx.c.id(entry));
    let read = Store::open_existing(database).and_then(|store| match store {
        Some(store) => Ok((
            store.is_bookmarked(kind, id)?,
            store.note(kind, id)?.map(|n| n.text),
        )),
        None => Ok((false, None)),
    });
    read.unwrap_or_else(|e| {
        diagnostic(&format!("{e}; the reference works without it"));
        (false, None)
    })
}

/// The entry an id names: an id or a code in any spelling, never a fuzzy guess (a write must
/// not star the wrong entry).
pub(super) fn resolve(cx: &Context<'_>, id: &str) -> Option<EntryRef> {
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

/// The user database's file; or, when none is configured (an empty `ACUREF_HOME`), `None`
/// after saying so, with what the command wanted it `to` do ("keep notes").
pub(super) fn database_for<'a>(database: Option<&'a Path>, to: &str) -> Option<&'a Path> {
    if database.is_none() {
        diagnostic(&format!(
            "no user database: ACUREF_HOME is empty; set it (or --home DIR) to {to}"
        ));
    }
    database
}

/// Says why the database cannot be used; the exit status for it.
pub(super) fn failed(e: &StoreError) -> Status {
    diagnostic(&e.to_string());
    Status::Error
}
