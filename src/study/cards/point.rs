//! A point's cards: name, code, location both ways, categories, needling, cautions, and its
//! verdict for each patient state whose rules cover it.

use super::{Card, CardType, Maker, point_name};
use crate::catalogue::{Catalogue, EntryRef, Kind, Point, PointCategory};

/// Every card of the point at `index`, appended to `cards`.
pub(super) fn point_cards(m: &Maker<'_>, index: usize, cards: &mut Vec<Card>) {
    let c = m.c;
    let p = &c.points[index];
    let entry = EntryRef {
        kind: Kind::Point,
        index,
    };
    let code = p.code.as_str();
    let name = point_name(c, index);
    let card = |card_type: CardType, what: &str, prompt: String, answer: String| Card {
        id: [code, ":", what].concat(),
        card_type,
        prompt,
        answer,
        about: vec![entry],
        tags: m.tags(entry, card_type),
    };
    cards.push(card(
        CardType::Name,
        "name",
        ["What is the name of ", code, "?"].concat(),
        names(p),
    ));
    if !m.same_names[index] {
        cards.push(card(
            CardType::Code,
            "code",
            [
                "What is the code of ",
                &p.pinyin,
                " ",
                &p.hanzi,
                " (",
                &p.english,
                ")?",
            ]
            .concat(),
            codes(p),
        ));
    }
    cards.push(card(
        CardType::Location,
        "location",
        ["Where is ", &name, "?"].concat(),
        p.location.clone(),
    ));
    let gives_itself_away = mentions(&p.location, code) || mentions(&p.location, &p.pinyin);
    if !m.same_location[index] && !gives_itself_away {
        cards.push(card(
            CardType::WhichPoint,
            "which-point",
            ["Which point is here? ", &p.location].concat(),
            c.title(entry),
        ));
    }
    if !p.categories.is_empty() {
        cards.push(card(
            CardType::Categories,
            "categories",
            ["Which point categories is ", &name, " in?"].concat(),
            m.phrases[index].join("\n"),
        ));
    }
    let (needling, asks) = match &p.avoid {
        Some(avoid) => (
            [
                "Depth: ",
                &p.depth,
                "\nAngle: ",
                &p.angle,
                "\nAvoid: ",
                avoid,
            ]
            .concat(),
            [
                "How is ",
                &name,
                " needled, and what must the needle not reach?",
            ]
            .concat(),
        ),
        None => (
            ["Depth: ", &p.depth, "\nAngle: ", &p.angle].concat(),
            ["How is ", &name, " needled?"].concat(),
        ),
    };
    cards.push(card(CardType::Needling, "needling", asks, needling));
    let rules = c.rules_covering(entry);
    if !rules.is_empty() {
        cards.push(card(
            CardType::Cautions,
            "cautions",
            ["Which caution rules cover ", &name, "?"].concat(),
            m.rules_text(rules),
        ));
    }
    super::patient_cards(m, entry, &name, cards);
}

/// A point's names: "Hegu (Hégǔ) 合谷, Joining Valley", the simplified characters where they
/// differ, and its other names.
fn names(p: &Point) -> String {
    let mut text = String::with_capacity(128);
    for part in [p.pinyin.as_str(), " (", &p.pinyin_tones, ") ", &p.hanzi] {
        text.push_str(part);
    }
    if p.hanzi_simplified != p.hanzi {
        text.push_str(" (simplified ");
        text.push_str(&p.hanzi_simplified);
        text.push(')');
    }
    text.push_str(", ");
    text.push_str(&p.english);
    if !p.alt_names.is_empty() {
        text.push_str("\nAlso called ");
        text.push_str(&p.alt_names.join(", "));
    }
    text
}

/// A point's code, and the codes other numberings give it.
fn codes(p: &Point) -> String {
    let mut text = p.code.to_string();
    for other in &p.other_codes {
        text.push_str(&format!("\n{} in {}", other.code, other.system));
    }
    text
}

/// A point's category as a card names it: the catalogue's label, with the point's own channel
/// where the category names no channel and no detail ("Luo-Connecting point of the Lung
/// channel").
pub(super) fn category_phrase(c: &Catalogue, p: &Point, pc: &PointCategory) -> String {
    if pc.channels.is_empty()
        && detail(pc).is_none()
        && let Some(channel) = &p.channel
    {
        let with_channel = PointCategory {
            category: pc.category.clone(),
            channels: vec![channel.clone()],
            detail: None,
        };
        return c.category_label(&with_channel);
    }
    c.category_label(pc)
}

/// The category's detail, if it says anything.
pub(super) fn detail(pc: &PointCategory) -> Option<&str> {
    pc.detail
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
}

/// Whether `text` holds `word` as a whole word, as written: a location that names its own
/// point (by its code or its pinyin) would give the answer away.
fn mentions(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}
