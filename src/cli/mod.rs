//! The command line: arguments, where the catalogue comes from, and the non-interactive
//! commands (show, search, list, links, check, paths, completions).

mod args;
mod body;
mod card;
mod database;
mod files;
mod json;
mod lists;
mod map;
mod note_edit;
mod notes;
mod orphans;
mod output;
mod protocol;
mod quiz;
mod reattach;
mod safety;
mod study;
mod study_optimize;
mod study_progress;
mod user;

pub use args::{Args, Command, KindArg, QuizArgs, StudyAction, ThemeArg};

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::catalogue::cautions::Patient;
use crate::catalogue::{Catalogue, EntryRef, Kind};
use crate::paths::{DataPaths, Loaded, load_catalogue, load_strict};
use crate::search::{Hit, SearchIndex};

pub use output::{Style, diagnostic, warnings};

/// How a command ended, as its exit status says (as grep's does: 0 found, 1 nothing found,
/// 2 an error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// It did what was asked (0).
    Success = 0,
    /// Nothing matched (1).
    NothingFound = 1,
    /// Any error: bad arguments, a bad catalogue, an unknown patient state or entry, a
    /// failed write (2).
    Error = 2,
    /// `acuref safety` found an entry forbidden for the patient (3).
    Forbidden = 3,
}

impl From<Status> for std::process::ExitCode {
    fn from(status: Status) -> Self {
        std::process::ExitCode::from(status as u8)
    }
}

/// What every query command reads.
struct Context<'a> {
    c: &'a Catalogue,
    index: &'a SearchIndex,
    patient: &'a Patient,
    style: Style,
    /// The user's database file, if one is configured (it need not exist).
    database: Option<&'a std::path::Path>,
    /// The user's settings file, if one is configured (it need not exist).
    settings: Option<&'a std::path::Path>,
    /// The catalogue directory in use instead of the built-in one, if any (its `body/` folder
    /// holds its own body map).
    base: Option<&'a std::path::Path>,
}

/// Runs a non-interactive command. Returns the process exit status.
pub fn run(args: &Args, command: &Command) -> Result<Status> {
    let style = Style::for_stdout();
    let mut out = std::io::stdout().lock();
    match command {
        Command::Paths => {
            let paths = DataPaths::from_env(args.data.clone(), args.home.clone());
            write!(out, "{}", paths.describe())?;
            Ok(Status::Success)
        }
        Command::Completions { shell } => {
            // Generated into memory first: clap_complete panics on a failed write.
            let mut script = Vec::new();
            clap_complete::generate(
                *shell,
                &mut lists::completed_command(),
                "acuref",
                &mut script,
            );
            out.write_all(&script)?;
            Ok(Status::Success)
        }
        Command::Check { dir } => check(args, dir.clone(), &mut out),
        Command::Export { file } => {
            let paths = DataPaths::from_env(args.data.clone(), args.home.clone());
            user::export(paths.database.as_deref(), file.as_deref(), &mut out)
        }
        Command::Import { file } => {
            let paths = DataPaths::from_env(args.data.clone(), args.home.clone());
            user::import(paths.database.as_deref(), file, &mut out)
        }
        Command::NewDatabase { yes } => {
            let paths = DataPaths::from_env(args.data.clone(), args.home.clone());
            database::new_database(paths.database.as_deref(), *yes, &mut out)
        }
        _ => {
            let paths = DataPaths::from_env(args.data.clone(), args.home.clone());
            let loaded = load_catalogue(&paths)?;
            warnings(&loaded.warnings);
            let index = loaded.search_index();
            let catalogue = loaded.catalogue;
            let patient = match Patient::parse(&catalogue, args.patient.as_deref().unwrap_or("")) {
                Ok(p) => p,
                Err(message) => {
                    diagnostic(&message);
                    return Ok(Status::Error);
                }
            };
            let context = Context {
                c: &catalogue,
                index: &index,
                patient: &patient,
                style,
                database: paths.database.as_deref(),
                settings: paths.settings.as_deref(),
                base: paths.base.as_deref(),
            };
            let status = run_query_command(&context, command, &mut out);
            leave_to_exit(catalogue, index);
            status
        }
    }
}

/// Leaves the catalogue and its index for the process's exit to reclaim: freeing them entry by
/// entry takes longer than a whole lookup, and the process ends just after.
pub fn leave_to_exit(catalogue: Catalogue, index: SearchIndex) {
    std::mem::forget(catalogue);
    std::mem::forget(index);
}

fn check(args: &Args, dir: Option<PathBuf>, out: &mut impl Write) -> Result<Status> {
    let mut paths = DataPaths::from_env(args.data.clone(), args.home.clone());
    if let Some(dir) = dir {
        paths.base = Some(dir);
        paths.user = None;
    }
    match load_strict(&paths) {
        Ok(Loaded {
            catalogue: c,
            warnings: notes,
            ..
        }) => {
            warnings(&notes);
            writeln!(out, "catalogue is clean: {} files", c.files.len())?;
            for kind in Kind::ALL {
                writeln!(out, "  {:<18} {}", kind.plural(), c.count(kind))?;
            }
            let channel_points = c.points.all().filter(|p| p.channel.is_some()).count();
            writeln!(
                out,
                "  ({channel_points} channel points, {} extra points)",
                c.points.len() - channel_points
            )?;
            check_body(&c, paths.base.as_deref(), out)
        }
        Err(e) => Err(e.into()),
    }
}

/// The body map's part of `acuref check`: the model loads (every position in a known frame,
/// inside its figure, from known names) and, when it is the catalogue's own (the built-in one,
/// or a `body/` folder in the catalogue directory), places only the catalogue's points.
fn check_body(
    c: &Catalogue,
    base: Option<&std::path::Path>,
    out: &mut impl Write,
) -> Result<Status> {
    let (body, own) = match body::load(base) {
        Ok(found) => found,
        Err(e) => {
            diagnostic(&format!("the body map could not be loaded\n{e}"));
            return Ok(Status::Error);
        }
    };
    let unknown = if own {
        body.unknown_codes(c)
    } else {
        Vec::new()
    };
    if !unknown.is_empty() {
        let error = crate::body::BodyError { problems: unknown };
        diagnostic(&format!(
            "the body map places points the catalogue lacks\n{error}"
        ));
        return Ok(Status::Error);
    }
    let placed = c.points.len() - body.unplaced(c).len();
    writeln!(
        out,
        "body map is clean: {} positions in {} frames and {} views",
        body.positions.len(),
        body.frames.len(),
        body.views.len()
    )?;
    writeln!(out, "  {placed} of {} points placed", c.points.len())?;
    Ok(Status::Success)
}

fn joined(words: &[String]) -> Result<String> {
    let query = words.join(" ");
    if query.trim().is_empty() {
        bail!(
            "the query is empty; give a code, a name or a condition, for example `acuref show bl40`"
        );
    }
    Ok(query)
}

fn run_query_command(cx: &Context<'_>, command: &Command, out: &mut impl Write) -> Result<Status> {
    let (c, index, patient, style) = (cx.c, cx.index, cx.patient, cx.style);
    match command {
        Command::Show { query, kind, json } => {
            let query = joined(query)?;
            let found = index.find(&query, kind.map(Kind::from));
            let hits = &found.hits;
            let Some(first) = hits.first() else {
                return Ok(no_match(&query));
            };
            if let Some(note) = found.note() {
                diagnostic(&note);
            }
            let others = alternatives(hits);
            let (starred, note) = user::kept_on(cx, cx.database, first.entry);
            if *json {
                let mut shown = json::show(c, first, &others, patient);
                shown["bookmarked"] = serde_json::Value::Bool(starred);
                shown["note"] = note.map_or(serde_json::Value::Null, serde_json::Value::String);
                json::print(out, &shown)?;
            } else {
                card::write_card(out, c, first.entry, patient, style)?;
                if let Some(text) = &note {
                    writeln!(out)?;
                    notes::write_note(out, Some(text), &[])?;
                }
                if starred {
                    writeln!(
                        out,
                        "\nBookmarked  (`acuref bookmark remove {}` unstars it)",
                        c.id(first.entry)
                    )?;
                }
                card::write_alternatives(out, c, &others, patient, style)?;
            }
            Ok(Status::Success)
        }
        Command::Search {
            query,
            kind,
            limit,
            json,
        } => {
            let query = joined(query)?;
            let notes = notes::all_notes(cx, cx.database);
            let note_index =
                crate::search::NoteIndex::new(notes.iter().map(|(e, t)| (*e, t.as_str())));
            let found = index.find_with_notes(&query, kind.map(Kind::from), &note_index);
            if let Some(note) = found.note() {
                diagnostic(&note);
            }
            let mut hits: Vec<Hit> = found.hits;
            let more = hits.len().saturating_sub(usize::from(*limit));
            hits.truncate(usize::from(*limit));
            if *json {
                json::print(out, &json::hits(c, index, &hits, patient))?;
                return Ok(if hits.is_empty() {
                    Status::NothingFound
                } else {
                    Status::Success
                });
            }
            if hits.is_empty() {
                return Ok(no_match(&query));
            }
            for hit in &hits {
                let note = notes
                    .iter()
                    .find(|(e, _)| *e == hit.entry)
                    .map(|(_, t)| t.as_str());
                let found = card::Found {
                    hit,
                    query: &query,
                    note,
                };
                card::write_hit_line(out, c, index, &found, patient, style)?;
            }
            if more > 0 {
                diagnostic(&format!(
                    "... {more} more match{}; --limit N shows more",
                    if more == 1 { "" } else { "es" }
                ));
            }
            Ok(Status::Success)
        }
        Command::List {
            kind,
            channel,
            region,
            category,
            caution,
            json,
        } => {
            if let Some(id) = caution {
                return safety::list_caution(cx, (*kind).into(), id, *json, out);
            }
            let entries = lists::list_entries(
                c,
                (*kind).into(),
                channel.as_deref(),
                region.as_deref(),
                category.as_deref(),
            )?;
            if *json {
                json::print(out, &json::entries(c, &entries, patient))?;
            } else {
                for &entry in &entries {
                    card::write_entry_line(out, c, entry, patient, style)?;
                }
            }
            Ok(Status::Success)
        }
        Command::Links { id, json } => {
            let query = joined(id)?;
            let Some(entry) = find_entry(cx, &query, None) else {
                return Ok(no_match(&query));
            };
            if *json {
                json::print(out, &json::links(c, entry, patient))?;
            } else {
                card::write_links(out, c, entry, patient, style)?;
            }
            Ok(Status::Success)
        }
        Command::Safety { entries, json } => safety::safety(cx, entries, *json, out),
        Command::Bookmark { action } => user::bookmark(cx, cx.database, action, out),
        Command::Protocol { action } => protocol::protocol(cx, cx.database, action, out),
        Command::Note {
            id,
            text,
            delete,
            yes,
            json,
            edit,
        } => notes::note(
            cx,
            cx.database,
            &notes::NoteRequest {
                id,
                text,
                delete: *delete,
                yes: *yes,
                json: *json,
                edit: *edit,
            },
            out,
        ),
        Command::Orphans { json } => orphans::orphans(cx, cx.database, *json, out),
        Command::Reattach { old, new, json } => {
            reattach::reattach(cx, cx.database, (old, new), *json, out)
        }
        Command::Study {
            action: Some(action),
            ..
        } => study::study(cx, action, out),
        // `acuref study` alone is interactive: main opens the reference on study.
        Command::Study { action: None, .. } => Ok(Status::Success),
        Command::Quiz(request) => quiz::quiz(cx, request, out),
        Command::Map {
            query,
            view,
            size,
            blocks,
            json,
        } => map::map(
            cx,
            &map::MapArgs {
                query,
                view: view.as_deref(),
                size: size.as_deref(),
                blocks: *blocks,
                json: *json,
            },
            out,
        ),
        Command::Check { .. }
        | Command::Paths
        | Command::Completions { .. }
        | Command::Export { .. }
        | Command::Import { .. }
        | Command::NewDatabase { .. } => Ok(Status::Success),
    }
}

/// The entry an id names exactly, or else the best match for it (of the kinds given).
fn find_entry(cx: &Context<'_>, query: &str, kinds: Option<&[Kind]>) -> Option<EntryRef> {
    let allowed = |e: &EntryRef| kinds.is_none_or(|k| k.contains(&e.kind));
    cx.c.find_any(query).filter(allowed).or_else(|| {
        cx.index
            .search(query, None)
            .into_iter()
            .map(|h| h.entry)
            .find(allowed)
    })
}

/// Hits a user should be told about besides the first: the other readings of a code, and
/// entries matching exactly as well as the first (homonyms).
fn alternatives(hits: &[Hit]) -> Vec<Hit> {
    let Some(first) = hits.first() else {
        return Vec::new();
    };
    hits[1..]
        .iter()
        .filter(|h| h.reading.is_some() || h.score == first.score)
        .cloned()
        .collect()
}

fn no_match(query: &str) -> Status {
    diagnostic(&format!(
        "nothing matches \"{}\"; try a code (bl40), a pinyin or English name, or `acuref search` for a ranked list",
        crate::text::echo(query)
    ));
    Status::NothingFound
}
