//! Cards generated from the catalogue's fields, never hand-written: every prompt and answer is
//! put together from what an entry holds (names, location, needling, categories, caution
//! rules, prescriptions, technique summaries), so the cards are as correct and complete as
//! the reference and change when the data does.
//!
//! A card's id says what it asks (`LI4:name`, `LU:luo-connecting`, `sciatica:points`,
//! `LI4:pregnancy`), not how: rewording the data keeps the id, and so the student's progress.

mod clinical;
mod point;

use crate::catalogue::cautions::{Patient, PatientStateRef, RuleRef, patient_contraindications};
use std::sync::Arc;

use crate::catalogue::{Catalogue, EntryRef, Kind, Level, Point};

/// What a card asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CardType {
    /// A point's code; answer: its names (pinyin, hanzi, English).
    Name,
    /// A point's names; answer: its code.
    Code,
    /// A point; answer: where it is (self-graded: reveal, then rate).
    Location,
    /// A location; answer: the point there.
    WhichPoint,
    /// A point; answer: its categories.
    Categories,
    /// A category of a channel, vessel or organ; answer: the one point that is it.
    CategoryPoint,
    /// A point; answer: its needling depth and angle, and what the needle must not reach.
    Needling,
    /// A point; answer: every caution rule that covers it.
    Cautions,
    /// A point or technique for a patient state ("is LI4 safe in pregnancy?"); answer: the
    /// catalogue's verdict for that state, read in its strictest form, and the rules behind it.
    PatientSafety,
    /// A condition; answer: its prescribed points (several answers).
    Prescription,
    /// A technique; answer: what it is.
    Technique,
    /// A technique; answer: the caution rules that cover it.
    TechniqueCautions,
}

impl CardType {
    /// Every card type.
    pub const ALL: [CardType; 12] = [
        CardType::Name,
        CardType::Code,
        CardType::Location,
        CardType::WhichPoint,
        CardType::Categories,
        CardType::CategoryPoint,
        CardType::Needling,
        CardType::Cautions,
        CardType::PatientSafety,
        CardType::Prescription,
        CardType::Technique,
        CardType::TechniqueCautions,
    ];

    /// The type's name, as tags (`type::name`) and JSON write it.
    pub fn name(self) -> &'static str {
        match self {
            CardType::Name => "name",
            CardType::Code => "code",
            CardType::Location => "location",
            CardType::WhichPoint => "which-point",
            CardType::Categories => "categories",
            CardType::CategoryPoint => "category-point",
            CardType::Needling => "needling",
            CardType::Cautions => "cautions",
            CardType::PatientSafety => "patient-safety",
            CardType::Prescription => "prescription",
            CardType::Technique => "technique",
            CardType::TechniqueCautions => "technique-cautions",
        }
    }

    /// Whether the answer is one point (the card's subject), so a quiz can offer other points
    /// as choices and take a typed code or name.
    pub fn answer_is_point(self) -> bool {
        matches!(
            self,
            CardType::Name | CardType::Code | CardType::WhichPoint | CardType::CategoryPoint
        )
    }
}

/// One card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// Stable id, derived from what the card asks: `LI4:name`, `LU:luo-connecting`.
    pub id: String,
    /// What it asks.
    pub card_type: CardType,
    /// The question.
    pub prompt: String,
    /// The whole answer, never cut; items of a list on lines of their own (`\n`).
    pub answer: String,
    /// The entries it is about, its subject first (the point asked about or answered, the
    /// condition, the technique): each one key away from the card.
    pub about: Vec<EntryRef>,
    /// Hierarchical tags, without the `acuref::` root: `type::name`, `channel::LI`,
    /// `region::hand`, `category::yuan-source`, `caution::pregnancy` (each text shared among
    /// the cards that carry it).
    pub tags: Vec<Arc<str>>,
}

impl Card {
    /// The entry the card is about first: the point asked about or answered, the condition,
    /// the technique.
    pub fn subject(&self) -> Option<EntryRef> {
        self.about.first().copied()
    }

    /// Whether the card carries this tag (`caution::pregnancy`).
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| &**t == tag)
    }
}

/// Every card of a catalogue, in a fixed order: each point's cards in catalogue order, then
/// the category cards, the conditions' and the techniques'.
pub fn all_cards(c: &Catalogue) -> Vec<Card> {
    let m = Maker::new(c);
    let mut cards = Vec::with_capacity(c.points.len() * 8);
    for index in 0..c.points.len() {
        point::point_cards(&m, index, &mut cards);
    }
    clinical::category_cards(&m, &mut cards);
    clinical::condition_cards(&m, &mut cards);
    clinical::technique_cards(&m, &mut cards);
    cards
}

/// What building the cards reads again and again, worked out once.
struct Maker<'c> {
    c: &'c Catalogue,
    /// Each rule as a sentence with its sources, by contraindication and rule.
    rule_texts: Vec<Vec<String>>,
    /// Each card type's tag, in [`CardType::ALL`] order.
    type_tags: Vec<Arc<str>>,
    /// The tag of each channel, region, category and contraindication, by position.
    named: NamedTags,
    /// Each point's tags, all but the card type's.
    point_tags: Vec<Vec<Arc<str>>>,
    /// Each point's categories as cards name them, in its order.
    phrases: Vec<Vec<String>>,
    /// For each point, whether another has the same names (pinyin, hanzi, English): a
    /// name-to-code card is asked only where the names pick out one point.
    same_names: Vec<bool>,
    /// For each point, whether another has the same location text.
    same_location: Vec<bool>,
}

impl<'c> Maker<'c> {
    fn new(c: &'c Catalogue) -> Maker<'c> {
        let rule_texts = c.rule_texts();
        let named = NamedTags::new(c);
        let point_tags = (0..c.points.len())
            .map(|index| {
                named.of(
                    c,
                    EntryRef {
                        kind: Kind::Point,
                        index,
                    },
                )
            })
            .collect();
        let phrases = c
            .points
            .all()
            .map(|p| {
                p.categories
                    .iter()
                    .map(|pc| point::category_phrase(c, p, pc))
                    .collect()
            })
            .collect();
        let points: Vec<&Point> = c.points.all().collect();
        let same_names = shared(&points, |p| {
            (p.pinyin.as_str(), p.hanzi.as_str(), p.english.as_str())
        });
        let same_location = shared(&points, |p| p.location.as_str());
        Maker {
            c,
            type_tags: CardType::ALL
                .iter()
                .map(|t| Arc::from(format!("type::{}", t.name())))
                .collect(),
            named,
            rule_texts,
            point_tags,
            phrases,
            same_names,
            same_location,
        }
    }

    /// The tags of a card of this type about an entry: its type, then the entry's own.
    fn tags(&self, entry: EntryRef, card_type: CardType) -> Vec<Arc<str>> {
        let computed;
        let own = match entry.kind {
            Kind::Point => &self.point_tags[entry.index],
            _ => {
                computed = self.named.of(self.c, entry);
                &computed
            }
        };
        let mut tags = Vec::with_capacity(own.len() + 2);
        tags.push(self.type_tags[card_type as usize].clone());
        tags.extend(own.iter().cloned());
        tags
    }

    /// Rules, strictest first, then in catalogue order, one line each with its sources.
    fn rules_text(&self, rules: &[RuleRef]) -> String {
        let mut rules = rules.to_vec();
        rules.sort_by_key(|&r| std::cmp::Reverse(self.c.rule(r).level));
        rules
            .iter()
            .map(|r| self.rule_texts[r.contraindication][r.rule].as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// For each item, whether another has the same key.
fn shared<'a, T, K: Ord>(items: &'a [T], key: impl Fn(&'a T) -> K) -> Vec<bool> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| key(&items[a]).cmp(&key(&items[b])));
    let mut shared = vec![false; items.len()];
    for pair in order.windows(2) {
        if key(&items[pair[0]]) == key(&items[pair[1]]) {
            shared[pair[0]] = true;
            shared[pair[1]] = true;
        }
    }
    shared
}

/// A point as cards name it: `LI4 Hegu`.
fn point_name(c: &Catalogue, index: usize) -> String {
    let p = &c.points[index];
    [p.code.as_str(), " ", &p.pinyin].concat()
}

/// The tags that name entries (`channel::LU`, `region::hand`, `category::he-sea`,
/// `caution::pregnancy`), each made once and shared by every card that carries it.
struct NamedTags {
    channel: Vec<Arc<str>>,
    region: Vec<Arc<str>>,
    category: Vec<Arc<str>>,
    caution: Vec<Arc<str>>,
}

impl NamedTags {
    fn new(c: &Catalogue) -> NamedTags {
        let tags = |prefix: &str, kind: Kind| -> Vec<Arc<str>> {
            (0..c.count(kind))
                .map(|index| Arc::from(format!("{prefix}::{}", c.id(EntryRef { kind, index }))))
                .collect()
        };
        NamedTags {
            channel: tags("channel", Kind::Channel),
            region: tags("region", Kind::Region),
            category: tags("category", Kind::Category),
            caution: tags("caution", Kind::Contraindication),
        }
    }

    /// The tags of every card about an entry (but the card type's): its channel, regions and
    /// categories (points), and the contraindications whose rules cover it (points and
    /// techniques), each once.
    fn of(&self, c: &Catalogue, entry: EntryRef) -> Vec<Arc<str>> {
        let mut tags: Vec<Arc<str>> = Vec::new();
        let mut add = |tag: &Arc<str>| {
            if !tags.iter().any(|t| Arc::ptr_eq(t, tag)) {
                tags.push(tag.clone());
            }
        };
        if entry.kind == Kind::Point {
            let p = &c.points[entry.index];
            if let Some(ch) = p.channel.as_ref().and_then(|ch| c.channels.position(ch)) {
                add(&self.channel[ch]);
            }
            for r in p.regions.iter().filter_map(|r| c.regions.position(r)) {
                add(&self.region[r]);
            }
            for pc in &p.categories {
                if let Some(k) = c.categories.position(&pc.category) {
                    add(&self.category[k]);
                }
            }
        }
        for r in c.rules_covering(entry) {
            add(&self.caution[r.contraindication]);
        }
        tags
    }
}

/// For each patient state whose rules cover the entry (a point or a technique), the card
/// "Pregnancy: is LI4 Hegu safe?", answered with the catalogue's verdict for that state with
/// no stage given: every stage's rules apply, the strictest reading.
fn patient_cards(m: &Maker<'_>, entry: EntryRef, name: &str, cards: &mut Vec<Card>) {
    let c = m.c;
    let rules = c.rules_covering(entry);
    for (ci, contra) in patient_contraindications(c) {
        if !rules.iter().any(|r| r.contraindication == ci) {
            continue;
        }
        let Some(state) = &contra.patient else {
            continue;
        };
        let mut patient = Patient::default();
        patient.set(PatientStateRef {
            contraindication: ci,
            stage: None,
        });
        let verdict = c.verdict(entry, &patient);
        let mut answer = verdict_line(verdict.level).to_string();
        if verdict.level != Some(Level::Forbidden) {
            // The entry is usable with care, but some ways of using it are forbidden: say so
            // first, never only in the rules below.
            let mut forbidden: Vec<&str> = Vec::new();
            for &r in &verdict.rules {
                let rule = c.rule(r);
                if rule.level == Level::Forbidden && !forbidden.contains(&rule.method.phrase()) {
                    forbidden.push(rule.method.phrase());
                }
            }
            if !forbidden.is_empty() {
                answer.push_str(&format!(" Forbidden: {}.", forbidden.join(", ")));
            }
        }
        if !state.stages.is_empty() {
            let stages: Vec<&str> = state.stages.iter().map(|s| s.as_str()).collect();
            answer.push_str(&format!(
                " Read for any stage ({}): the rules of every stage apply.",
                stages.join(", ")
            ));
        }
        answer.push('\n');
        answer.push_str(&m.rules_text(&verdict.rules));
        let card_type = CardType::PatientSafety;
        cards.push(Card {
            id: format!("{}:{}", c.id(entry), state.alias.as_str()),
            card_type,
            prompt: format!("{}: is {name} safe?", contra.name),
            answer,
            about: vec![
                entry,
                EntryRef {
                    kind: Kind::Contraindication,
                    index: ci,
                },
            ],
            tags: m.tags(entry, card_type),
        });
    }
}

/// The first line of a patient-state card's answer: the verdict's level, said plainly.
fn verdict_line(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Forbidden) => "No: forbidden.",
        Some(_) => "Only with care: caution.",
        None => "No rule forbids it or asks for care; the rules that apply:",
    }
}

#[cfg(test)]
mod tests;
