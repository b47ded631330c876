//! `acuref study due` and `acuref study stats`: what is to be studied now and how far the user
//! has come, from the progress in the user's database, by the study clock (`ACUREF_NOW`
//! stands in for it). Reading only: a home without a database has every card new.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::user::failed;
use super::{Context, Status, diagnostic, json};
use crate::settings::Settings;
use crate::store::{Review, Store};
use crate::study::progress::state_of;
use crate::study::queue::{queue, started_today};
use crate::study::schedule::CardState;
use crate::study::stats::by_channel;
use crate::study::{Card, all_cards, clock};

/// What both commands read: the deck's cards, the progress kept, the time and the settings.
struct Progress<'a> {
    spec: String,
    dealt: Vec<&'a Card>,
    /// The kept state of each card the catalogue still makes, by its id.
    states: HashMap<&'a str, CardState>,
    reviews: Vec<Review>,
    now: i64,
    settings: Settings,
    retired: usize,
}

fn read<'a>(
    cx: &Context<'_>,
    deck: Option<&str>,
    cards: &'a [Card],
) -> Result<Progress<'a>, Status> {
    let now = clock::now().map_err(|e| {
        diagnostic(&e);
        Status::Error
    })?;
    let (settings, unused) = Settings::read(cx.settings);
    if let Some(warning) = unused {
        super::warnings(&[warning]);
    }
    let (deck, dealt) = super::study::dealt_deck(cx, deck, cards)?;
    let (kept, reviews) = match cx.database.map(Store::open_existing) {
        Some(Ok(Some(store))) => {
            let read = store.card_states().and_then(|s| Ok((s, store.reviews()?)));
            read.map_err(|e| failed(&e))?
        }
        Some(Err(e)) => return Err(failed(&e)),
        _ => (Vec::new(), Vec::new()),
    };
    let by_card: HashMap<&str, &crate::store::StoredCard> =
        kept.iter().map(|k| (k.card.as_str(), k)).collect();
    let states: HashMap<&'a str, CardState> = cards
        .iter()
        .filter_map(|c| Some((c.id.as_str(), state_of(by_card.get(c.id.as_str())?))))
        .collect();
    // A kept card the catalogue no longer makes is retired (its history stays).
    let retired = kept.len() - states.len();
    Ok(Progress {
        spec: deck.spec().to_string(),
        dealt,
        states,
        reviews,
        now,
        settings,
        retired,
    })
}

/// `acuref study due`.
pub(super) fn due(
    cx: &Context<'_>,
    deck: Option<&str>,
    as_json: bool,
    out: &mut impl Write,
) -> Result<Status> {
    let cards = all_cards(cx.c);
    let p = match read(cx, deck, &cards) {
        Ok(p) => p,
        Err(status) => return Ok(status),
    };
    let ids: Vec<&str> = p.dealt.iter().map(|c| c.id.as_str()).collect();
    let states = &p.states;
    let started = started_today(&p.reviews, p.now);
    let q = queue(&ids, states, p.now, p.settings.study.new_per_day, started);
    let by_id: HashMap<&str, &Card> = p.dealt.iter().map(|c| (c.id.as_str(), *c)).collect();
    let groups = [
        ("learning", &q.learning),
        ("review", &q.due),
        ("new", &q.new),
    ];
    if as_json {
        let item = |id: &&str| {
            let card = by_id[id];
            json!({
                "card": card.id,
                "type": card.card_type.name(),
                "prompt": card.prompt,
                "due": states.get(id).map(|s| s.due),
            })
        };
        let mut value = json!({
            "deck": p.spec,
            "now": p.now,
            "waiting": q.waiting,
            "new_later": q.new_later,
        });
        for (name, list) in groups {
            value[name] = list.iter().map(item).collect();
        }
        json::print(out, &value)?;
        return Ok(Status::Success);
    }
    writeln!(
        out,
        "deck {}: {} learning, {} to review, {} new now; {} later today, {} new after today's {}",
        crate::text::escape_controls(&p.spec),
        q.learning.len(),
        q.due.len(),
        q.new.len(),
        q.waiting,
        q.new_later,
        p.settings.study.new_per_day
    )?;
    for (name, list) in groups {
        for id in list.iter() {
            let card = by_id[id];
            let prompt = card.prompt.replace('\n', " ");
            writeln!(
                out,
                "{name:<9} {:<28} {}",
                crate::text::escape_controls(&card.id),
                crate::text::escape_controls(&prompt)
            )?;
        }
    }
    Ok(if q.is_empty() {
        Status::NothingFound
    } else {
        Status::Success
    })
}

/// `acuref study stats`.
pub(super) fn stats(
    cx: &Context<'_>,
    deck: Option<&str>,
    as_json: bool,
    out: &mut impl Write,
) -> Result<Status> {
    let cards = all_cards(cx.c);
    let p = match read(cx, deck, &cards) {
        Ok(p) => p,
        Err(status) => return Ok(status),
    };
    let s = by_channel(cx.c, p.dealt.iter().copied(), &p.states, &p.reviews, p.now);
    if as_json {
        let mastery: serde_json::Map<String, serde_json::Value> = s
            .mastery
            .iter()
            .map(|(g, (cards, mastered))| {
                (g.clone(), json!({"cards": cards, "mastered": mastered}))
            })
            .collect();
        json::print(
            out,
            &json!({
                "deck": p.spec,
                "cards": s.cards,
                "new": s.new,
                "learning": s.learning,
                "learned": s.learned,
                "due_today": s.due_today,
                "reviewed_today": s.reviewed_today,
                "retention_30_days": s.retention_30_days,
                "streak_days": s.streak_days,
                "retired": p.retired,
                "mastery": mastery,
            }),
        )?;
        return Ok(Status::Success);
    }
    writeln!(
        out,
        "deck {}: {} cards, {} new, {} learning, {} learnt; {} due today",
        crate::text::escape_controls(&p.spec),
        s.cards,
        s.new,
        s.learning,
        s.learned,
        s.due_today
    )?;
    let retention = s
        .retention_30_days
        .map_or("no reviews of learnt cards yet".to_string(), |r| {
            format!("{:.0}% remembered", r * 100.0)
        });
    writeln!(
        out,
        "today {} reviews · streak {} days · last 30 days: {retention}",
        s.reviewed_today, s.streak_days
    )?;
    if p.retired > 0 {
        writeln!(
            out,
            "{} cards you studied are retired (their fact left the catalogue); their history is kept",
            p.retired
        )?;
    }
    writeln!(
        out,
        "mastered (remembered for {} days or more), by channel:",
        crate::study::stats::MASTERED_DAYS
    )?;
    let width = s
        .mastery
        .keys()
        .map(|g| g.chars().count())
        .max()
        .unwrap_or(0);
    for (group, (cards, mastered)) in &s.mastery {
        let filled = if *cards == 0 {
            0
        } else {
            mastered * 20 / cards
        };
        writeln!(
            out,
            "  {group:<width$}  {}{}  {mastered}/{cards}",
            "█".repeat(filled),
            "░".repeat(20 - filled)
        )?;
    }
    Ok(Status::Success)
}
