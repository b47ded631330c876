//! Cards of categories ("Luo-Connecting point of the Lung channel?"), conditions (their
//! prescriptions) and techniques (what each is, and the rules that cover it).

use std::collections::{BTreeMap, HashSet};

use super::point::detail;
use super::{Card, CardType, Maker, patient_cards, point_name};
use crate::catalogue::{EntryRef, Kind};

/// "Which point is the Luo-Connecting point of the Lung channel?": one card for each category
/// of one channel, vessel or organ that the catalogue gives to exactly one point. A category
/// some point holds for several channels at once (the meeting points) relates channels to
/// many points, so it makes no such card; neither does an extra point's category that names
/// no channel and no organ.
pub(super) fn category_cards(m: &Maker<'_>, cards: &mut Vec<Card>) {
    let c = m.c;
    let linking: HashSet<&str> = c
        .points
        .all()
        .flat_map(|p| &p.categories)
        .filter(|pc| pc.channels.len() > 1)
        .map(|pc| pc.category.as_str())
        .collect();
    // What a card would ask: a category, of a channel, of an organ or part (the detail).
    type Asked<'a> = (usize, Option<usize>, Option<&'a str>);
    // Each question -> its first point, where that point holds the category, and whether
    // another point holds it too.
    let mut asked: BTreeMap<Asked<'_>, (usize, usize, bool)> = BTreeMap::new();
    for (index, p) in c.points.all().enumerate() {
        for (at, pc) in p.categories.iter().enumerate() {
            if linking.contains(pc.category.as_str()) {
                continue;
            }
            let channel = match detail(pc) {
                Some(_) if pc.channels.is_empty() => None,
                _ => pc.channels.first().or(p.channel.as_ref()),
            };
            let channel = channel.and_then(|ch| c.channels.position(ch));
            if channel.is_none() && detail(pc).is_none() {
                continue;
            }
            let Some(category) = c.categories.position(&pc.category) else {
                continue;
            };
            asked
                .entry((category, channel, detail(pc)))
                .and_modify(|(first, _, several)| *several |= *first != index)
                .or_insert((index, at, false));
        }
    }
    for ((category, channel, detail), (index, at, several)) in asked {
        if several {
            continue;
        }
        let category_id = c.categories[category].id.as_str();
        let id = match (channel, detail) {
            (Some(ch), None) => format!("{}:{category_id}", c.channels[ch].id.as_str()),
            (Some(ch), Some(d)) => {
                format!("{}:{category_id}:{}", c.channels[ch].id.as_str(), slug(d))
            }
            (None, d) => format!("{category_id}:{}", slug(d.unwrap_or_default())),
        };
        let prompt = format!("Which point is the {}?", m.phrases[index][at]);
        let point = EntryRef {
            kind: Kind::Point,
            index,
        };
        let mut about = vec![
            point,
            EntryRef {
                kind: Kind::Category,
                index: category,
            },
        ];
        about.extend(channel.map(|index| EntryRef {
            kind: Kind::Channel,
            index,
        }));
        cards.push(Card {
            id,
            card_type: CardType::CategoryPoint,
            prompt,
            answer: c.title(point),
            about,
            tags: m.tags(point, CardType::CategoryPoint),
        });
    }
}

/// "Which points are prescribed for Sciatica?": every point of the prescription, with its
/// role and why, in the catalogue's order.
pub(super) fn condition_cards(m: &Maker<'_>, cards: &mut Vec<Card>) {
    let c = m.c;
    for (index, condition) in c.conditions.all().enumerate() {
        let entry = EntryRef {
            kind: Kind::Condition,
            index,
        };
        let mut about = vec![entry];
        let mut lines = Vec::new();
        for prescribed in &condition.points {
            let Some(p) = c.points.position(&prescribed.point) else {
                continue;
            };
            about.push(EntryRef {
                kind: Kind::Point,
                index: p,
            });
            lines.push(format!(
                "{} ({}): {}",
                point_name(c, p),
                prescribed.role.as_str(),
                prescribed.why
            ));
        }
        let mut tags = m.tags(entry, CardType::Prescription);
        tags.push(format!("condition::{}", condition.id.as_str()).into());
        cards.push(Card {
            id: format!("{}:points", condition.id.as_str()),
            card_type: CardType::Prescription,
            prompt: format!("Which points are prescribed for {}?", condition.name),
            answer: lines.join("\n"),
            about,
            tags,
        });
    }
}

/// "What is cupping?", "Which caution rules cover cupping?", and its verdict for each patient
/// state whose rules cover it.
pub(super) fn technique_cards(m: &Maker<'_>, cards: &mut Vec<Card>) {
    let c = m.c;
    for (index, technique) in c.techniques.all().enumerate() {
        let entry = EntryRef {
            kind: Kind::Technique,
            index,
        };
        let id = technique.id.as_str();
        let tags = |card_type: CardType| {
            let mut tags = m.tags(entry, card_type);
            tags.push(format!("technique::{id}").into());
            tags
        };
        cards.push(Card {
            id: format!("{id}:what"),
            card_type: CardType::Technique,
            prompt: format!("What is {}?", technique.name),
            answer: technique.summary.clone(),
            about: vec![entry],
            tags: tags(CardType::Technique),
        });
        let rules = c.rules_covering(entry);
        if !rules.is_empty() {
            cards.push(Card {
                id: format!("{id}:cautions"),
                card_type: CardType::TechniqueCautions,
                prompt: format!("Which caution rules cover {}?", technique.name),
                answer: m.rules_text(rules),
                about: vec![entry],
                tags: tags(CardType::TechniqueCautions),
            });
        }
        let first = cards.len();
        patient_cards(m, entry, &technique.name, cards);
        for card in &mut cards[first..] {
            card.tags.push(format!("technique::{id}").into());
        }
    }
}

/// A detail as an id part: "of the Large Intestine" becomes `large-intestine`.
fn slug(detail: &str) -> String {
    let detail = detail.trim();
    let detail = detail
        .strip_prefix("of the ")
        .or_else(|| detail.strip_prefix("of "))
        .unwrap_or(detail);
    let mut slug = String::new();
    for c in detail.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}
