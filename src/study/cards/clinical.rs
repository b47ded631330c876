//! Cards of categories ("Luo-Connecting point of the Lung channel?"), conditions (their
//! prescriptions) and techniques (what each is, and the rules that cover it).

use std::collections::{BTreeMap, HashSet};

use super::point::{category_phrase, detail};
use super::{Card, CardType, entry_tags, patient_cards, point_name, rules_text};
use crate::catalogue::{Catalogue, EntryRef, Kind};

/// "Which point is the Luo-Connecting point of the Lung channel?": one card for each category
/// of one channel, vessel or organ that the catalogue gives to exactly one point. A category
/// some point holds for several channels at once (the meeting points) relates channels to
/// many points, so it makes no such card; neither does an extra point's category that names
/// no channel and no organ.
pub(super) fn category_cards(c: &Catalogue, cards: &mut Vec<Card>) {
    let linking: HashSet<&str> = c
        .points
        .all()
        .iter()
        .flat_map(|p| &p.categories)
        .filter(|pc| pc.channels.len() > 1)
        .map(|pc| pc.category.as_str())
        .collect();
    // Card id -> (the question, its points, the category, the channel it names).
    let mut asked: BTreeMap<String, (String, Vec<usize>, usize, Option<usize>)> = BTreeMap::new();
    for (index, p) in c.points.all().iter().enumerate() {
        for pc in &p.categories {
            if linking.contains(pc.category.as_str()) {
                continue;
            }
            let channel = pc.channels.first().or(p.channel.as_ref());
            let channel = match detail(pc) {
                Some(_) if pc.channels.is_empty() => None,
                _ => channel,
            };
            let id = match (channel, detail(pc)) {
                (Some(ch), None) => format!("{}:{}", ch.as_str(), pc.category.as_str()),
                (Some(ch), Some(d)) => {
                    format!("{}:{}:{}", ch.as_str(), pc.category.as_str(), slug(d))
                }
                (None, Some(d)) => format!("{}:{}", pc.category.as_str(), slug(d)),
                (None, None) => continue,
            };
            let (Some(category), channel) = (
                c.categories.position(&pc.category),
                channel.and_then(|ch| c.channels.position(ch)),
            ) else {
                continue;
            };
            let question = format!("Which point is the {}?", category_phrase(c, p, pc));
            let (_, points, _, _) = asked
                .entry(id)
                .or_insert_with(|| (question, Vec::new(), category, channel));
            if !points.contains(&index) {
                points.push(index);
            }
        }
    }
    for (id, (prompt, points, category, channel)) in asked {
        let [index] = points[..] else {
            continue;
        };
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
            tags: entry_tags(c, point, CardType::CategoryPoint),
        });
    }
}

/// "Which points are prescribed for Sciatica?": every point of the prescription, with its
/// role and why, in the catalogue's order.
pub(super) fn condition_cards(c: &Catalogue, cards: &mut Vec<Card>) {
    for (index, condition) in c.conditions.all().iter().enumerate() {
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
        let mut tags = entry_tags(c, entry, CardType::Prescription);
        tags.push(format!("condition::{}", condition.id.as_str()));
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
pub(super) fn technique_cards(c: &Catalogue, cards: &mut Vec<Card>) {
    for (index, technique) in c.techniques.all().iter().enumerate() {
        let entry = EntryRef {
            kind: Kind::Technique,
            index,
        };
        let id = technique.id.as_str();
        let tags = |card_type: CardType| {
            let mut tags = entry_tags(c, entry, card_type);
            tags.push(format!("technique::{id}"));
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
                answer: rules_text(c, rules),
                about: vec![entry],
                tags: tags(CardType::TechniqueCautions),
            });
        }
        let first = cards.len();
        patient_cards(c, entry, &technique.name, cards);
        for card in &mut cards[first..] {
            card.tags.push(format!("technique::{id}"));
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
