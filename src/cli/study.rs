//! `acuref study`: the catalogue's cards, dealt by deck, exported for Anki.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::args::StudyAction;
use super::user::failed;
use super::{Context, Status, diagnostic};
use crate::catalogue::{EntryRef, Kind};
use crate::store::Store;
use crate::study::{Card, Deck, UserLists, all_cards, anki};

/// Runs one study action.
pub(super) fn study(
    cx: &Context<'_>,
    action: &StudyAction,
    out: &mut impl Write,
) -> Result<Status> {
    match action {
        StudyAction::Export { anki, deck } => export_anki(cx, anki, deck.as_deref(), out),
        StudyAction::Due { deck, json } => {
            super::study_progress::due(cx, deck.as_deref(), *json, out)
        }
        StudyAction::Stats { deck, json } => {
            super::study_progress::stats(cx, deck.as_deref(), *json, out)
        }
        StudyAction::Optimize { json } => super::study_optimize::optimize(cx, *json, out),
    }
}

/// `acuref study export --anki FILE [--deck SPEC]`: the deck's cards as Anki notes, the file
/// written whole or not at all.
fn export_anki(
    cx: &Context<'_>,
    file: &Path,
    deck: Option<&str>,
    out: &mut impl Write,
) -> Result<Status> {
    let cards = all_cards(cx.c);
    let (deck, dealt) = match dealt_deck(cx, deck, &cards) {
        Ok(found) => found,
        Err(status) => return Ok(status),
    };
    let shown = crate::text::escape_controls(&file.display().to_string());
    if dealt.is_empty() {
        diagnostic(&format!(
            "the deck `{}` holds no cards; nothing was written to {shown}",
            crate::text::echo(deck.spec())
        ));
        return Ok(Status::NothingFound);
    }
    let name = anki::deck_name(&deck);
    let text = anki::notes_text(&dealt, &name);
    if let Err(e) = super::files::write_whole(file, text.as_bytes()) {
        diagnostic(&format!("cannot write {shown}: {e}; nothing was written"));
        return Ok(Status::Error);
    }
    writeln!(
        out,
        "exported {} notes to {shown} (Anki deck {}); in Anki, File > Import reads it, and \
         importing a newer export updates the same notes",
        dealt.len(),
        crate::text::escape_controls(&name)
    )?;
    Ok(Status::Success)
}

/// The deck a command names (all when none is given), dealt from `cards`. A deck that cannot
/// be read or dealt has been reported; its exit status is the error.
pub(super) fn dealt_deck<'a>(
    cx: &Context<'_>,
    spec: Option<&str>,
    cards: &'a [Card],
) -> Result<(Deck, Vec<&'a Card>), Status> {
    let deck = match spec {
        None => Deck::all(),
        Some(spec) => Deck::parse(cx.c, spec).map_err(|e| {
            diagnostic(&format!("{e}"));
            Status::Error
        })?,
    };
    let user = if deck.needs_user_lists() {
        user_lists(cx)?
    } else {
        UserLists::default()
    };
    let dealt = deck.deal(cx.c, cards, &user).map_err(|e| {
        diagnostic(&format!("{e}"));
        Status::Error
    })?;
    Ok((deck, dealt))
}

/// The user's bookmarks (those the catalogue has) and protocols, read from their database;
/// none when there is no database yet.
fn user_lists(cx: &Context<'_>) -> Result<UserLists, Status> {
    let Some(database) = cx.database else {
        return Ok(UserLists::default());
    };
    let store = match Store::open_existing(database) {
        Ok(Some(store)) => store,
        Ok(None) => return Ok(UserLists::default()),
        Err(e) => return Err(failed(&e)),
    };
    let read = store.bookmarks().and_then(|b| Ok((b, store.protocols()?)));
    let (bookmarks, protocols) = read.map_err(|e| failed(&e))?;
    Ok(UserLists {
        bookmarks: bookmarks
            .iter()
            .filter_map(|b| {
                let kind = Kind::named(&b.kind)?;
                cx.c.find(kind, &b.id)
            })
            .collect::<Vec<EntryRef>>(),
        protocols: protocols
            .into_iter()
            .map(|p| (p.name, p.points.into_iter().map(|(code, _)| code).collect()))
            .collect(),
    })
}
