//! Decks are filters, not lists: `all`, `channel:LU`, `region:ID`, `category:ID`,
//! `condition:ID`, `caution:ID`, `bookmarks`, `protocol:NAME`, several joined with commas
//! (the union). A deck picks the cards whose subject passes, and deals them so that cards of
//! one channel are spread among the others, never in channel order.

use std::collections::HashSet;

use super::cards::Card;
use super::order::stable_hash;
use crate::catalogue::cautions::find_state;
use crate::catalogue::{Catalogue, EntryRef, Kind};

/// The forms a deck is written in, for error messages and help.
pub const FORMS: &str = "all, channel:CODE (LU, UB, Bladder...), region:ID, category:ID, \
condition:ID, caution:ID, bookmarks, protocol:NAME; several joined with commas";

/// One part of a deck.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeckPart {
    /// Every card.
    All,
    /// The cards of a channel's points (for a vessel without points of its own, its
    /// confluent point and the points on its course), by channel position.
    Channel(usize),
    /// The cards of a region's points, by region position.
    Region(usize),
    /// The cards of a category's points, by category position.
    Category(usize),
    /// A condition's card and the cards of its prescribed points, by condition position.
    Condition(usize),
    /// The cards of everything a contraindication's rules cover, and of the contraindication,
    /// by contraindication position.
    Caution(usize),
    /// The cards of the user's bookmarked entries (a bookmarked channel, region, category,
    /// condition or contraindication stands for its deck).
    Bookmarks,
    /// The cards of the points of the user's protocol of this name.
    Protocol(String),
}

/// A deck: the union of its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deck {
    parts: Vec<DeckPart>,
    spec: String,
}

/// What the user keeps that a deck can name, read from their database by the caller: this
/// module never opens it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserLists {
    /// The bookmarked entries.
    pub bookmarks: Vec<EntryRef>,
    /// Each protocol's name and its points' codes, in order.
    pub protocols: Vec<(String, Vec<String>)>,
}

/// A deck that cannot be read or dealt: what was wrong, with the forms a deck takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeckError(String);

impl std::fmt::Display for DeckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeckError {}

impl Deck {
    /// Reads a deck written as the command line takes it. The error names the part that is
    /// wrong and lists the forms.
    pub fn parse(c: &Catalogue, spec: &str) -> Result<Deck, DeckError> {
        let mut parts = Vec::new();
        let mut written = Vec::new();
        for part in spec.split(',').map(str::trim) {
            if part.is_empty() {
                continue;
            }
            let parsed = parse_part(c, part)?;
            written.push(canonical(c, &parsed));
            if !parts.contains(&parsed) {
                parts.push(parsed);
            }
        }
        if parts.is_empty() {
            return Err(DeckError(format!("the deck is empty; a deck is {FORMS}")));
        }
        Ok(Deck {
            parts,
            spec: written.join(","),
        })
    }

    /// The whole catalogue.
    pub fn all() -> Deck {
        Deck {
            parts: vec![DeckPart::All],
            spec: "all".to_string(),
        }
    }

    /// The deck of one part.
    pub fn of_part(c: &Catalogue, part: DeckPart) -> Deck {
        Deck {
            spec: canonical(c, &part),
            parts: vec![part],
        }
    }

    /// The deck an entry stands for (a channel's, a region's, a category's, a condition's, a
    /// contraindication's), if it is such an entry.
    pub fn of_entry(c: &Catalogue, entry: EntryRef) -> Option<Deck> {
        part_of_entry(entry).map(|part| Deck::of_part(c, part))
    }

    /// The deck as a person reads it: "Lung channel", "Protocol: Sciatica", "All cards".
    pub fn title(&self, c: &Catalogue) -> String {
        let titles: Vec<String> = self
            .parts
            .iter()
            .map(|part| match part {
                DeckPart::All => "All cards".to_string(),
                DeckPart::Channel(i) => format!("{} channel", c.channels[*i].name),
                DeckPart::Region(i) => format!("Region: {}", c.regions[*i].name),
                DeckPart::Category(i) => c.categories[*i].name.clone(),
                DeckPart::Condition(i) => format!("Condition: {}", c.conditions[*i].name),
                DeckPart::Caution(i) => format!("Caution: {}", c.contraindications[*i].name),
                DeckPart::Bookmarks => "Your bookmarks".to_string(),
                DeckPart::Protocol(name) => format!("Protocol: {name}"),
            })
            .collect();
        titles.join(" + ")
    }

    /// The parts, each once.
    pub fn parts(&self) -> &[DeckPart] {
        &self.parts
    }

    /// The deck as written, each part in its standard spelling (`channel:BL` for `channel:ub`).
    pub fn spec(&self) -> &str {
        &self.spec
    }

    /// Whether dealing the deck needs the user's bookmarks or protocols.
    pub fn needs_user_lists(&self) -> bool {
        self.parts
            .iter()
            .any(|p| matches!(p, DeckPart::Bookmarks | DeckPart::Protocol(_)))
    }

    /// The deck's cards, dealt: each card once, cards of one channel spread among the others
    /// (see [`interleave`]). A protocol the user does not have is an error.
    pub fn deal<'a>(
        &self,
        c: &Catalogue,
        cards: &'a [Card],
        user: &UserLists,
    ) -> Result<Vec<&'a Card>, DeckError> {
        let mut subjects: HashSet<EntryRef> = HashSet::new();
        let mut everything = false;
        for part in &self.parts {
            match part {
                DeckPart::All => everything = true,
                DeckPart::Bookmarks => {
                    for &entry in &user.bookmarks {
                        subjects.insert(entry);
                        if let Some(stands_for) = part_of_entry(entry) {
                            subjects.extend(part_subjects(c, &stands_for));
                        }
                    }
                }
                DeckPart::Protocol(name) => {
                    subjects.extend(protocol_points(c, user, name)?);
                }
                other => subjects.extend(part_subjects(c, other)),
            }
        }
        let chosen = cards
            .iter()
            .filter(|card| everything || card.subject().is_some_and(|s| subjects.contains(&s)))
            .collect();
        Ok(interleave(c, chosen))
    }
}

/// One part of a deck, as written.
fn parse_part(c: &Catalogue, part: &str) -> Result<DeckPart, DeckError> {
    let (form, value) = match part.split_once(':') {
        Some((form, value)) => (form.trim().to_ascii_lowercase(), Some(value.trim())),
        None => (part.to_ascii_lowercase(), None),
    };
    let shown = crate::text::echo(part);
    let missing = |what: &str, list: &str| {
        DeckError(format!(
            "no {what} `{}` in the deck part `{shown}`; `acuref list {list}` shows them",
            crate::text::echo(value.unwrap_or_default())
        ))
    };
    let parsed = match (form.as_str(), value) {
        ("all", None) => DeckPart::All,
        ("bookmarks", None) => DeckPart::Bookmarks,
        ("channel", Some(v)) => DeckPart::Channel(
            c.find_channel(v)
                .ok_or_else(|| missing("channel", "channels"))?,
        ),
        ("region", Some(v)) => DeckPart::Region(
            position(v, |id| c.regions.position(id)).ok_or_else(|| missing("region", "regions"))?,
        ),
        ("category", Some(v)) => DeckPart::Category(
            position(v, |id| c.categories.position(id))
                .ok_or_else(|| missing("category", "categories"))?,
        ),
        ("condition", Some(v)) => DeckPart::Condition(
            position(v, |id| c.conditions.position(id))
                .ok_or_else(|| missing("condition", "conditions"))?,
        ),
        ("caution", Some(v)) => DeckPart::Caution(
            position(v, |id| c.contraindications.position(id))
                .or_else(|| find_state(c, v).map(|s| s.contraindication))
                .ok_or_else(|| missing("contraindication", "contraindications"))?,
        ),
        ("protocol", Some(v)) if !v.is_empty() => DeckPart::Protocol(v.to_string()),
        _ => {
            return Err(DeckError(format!(
                "`{shown}` is not a deck; a deck is {FORMS}"
            )));
        }
    };
    Ok(parsed)
}

/// The position of an id as written, or else in lower case (ids are slugs).
fn position(id: &str, find: impl Fn(&str) -> Option<usize>) -> Option<usize> {
    find(id).or_else(|| find(&id.to_ascii_lowercase()))
}

/// A part in its standard spelling: `channel:BL`, `caution:pregnancy`.
fn canonical(c: &Catalogue, part: &DeckPart) -> String {
    match part {
        DeckPart::All => "all".to_string(),
        DeckPart::Channel(i) => format!("channel:{}", c.channels[*i].id.as_str()),
        DeckPart::Region(i) => format!("region:{}", c.regions[*i].id.as_str()),
        DeckPart::Category(i) => format!("category:{}", c.categories[*i].id.as_str()),
        DeckPart::Condition(i) => format!("condition:{}", c.conditions[*i].id.as_str()),
        DeckPart::Caution(i) => format!("caution:{}", c.contraindications[*i].id.as_str()),
        DeckPart::Bookmarks => "bookmarks".to_string(),
        DeckPart::Protocol(name) => format!("protocol:{name}"),
    }
}

/// The deck a bookmarked entry stands for, if it is a kind of entry a deck can name.
fn part_of_entry(entry: EntryRef) -> Option<DeckPart> {
    let i = entry.index;
    match entry.kind {
        Kind::Channel => Some(DeckPart::Channel(i)),
        Kind::Region => Some(DeckPart::Region(i)),
        Kind::Category => Some(DeckPart::Category(i)),
        Kind::Condition => Some(DeckPart::Condition(i)),
        Kind::Contraindication => Some(DeckPart::Caution(i)),
        _ => None,
    }
}

/// The subjects whose cards a catalogue part holds.
fn part_subjects(c: &Catalogue, part: &DeckPart) -> Vec<EntryRef> {
    let points = |list: Vec<usize>| -> Vec<EntryRef> {
        list.into_iter()
            .map(|index| EntryRef {
                kind: Kind::Point,
                index,
            })
            .collect()
    };
    match part {
        DeckPart::Channel(ch) => points(c.channel_points(*ch)),
        DeckPart::Region(r) => points(c.backlinks.region_points[*r].clone()),
        DeckPart::Category(k) => points(c.backlinks.category_points[*k].clone()),
        DeckPart::Condition(i) => {
            let mut subjects = points(
                c.conditions[*i]
                    .points
                    .iter()
                    .filter_map(|p| c.points.position(&p.point))
                    .collect(),
            );
            subjects.push(EntryRef {
                kind: Kind::Condition,
                index: *i,
            });
            subjects
        }
        DeckPart::Caution(i) => {
            let mut subjects: Vec<EntryRef> =
                c.covered_by(*i).into_iter().map(|(e, _)| e).collect();
            subjects.push(EntryRef {
                kind: Kind::Contraindication,
                index: *i,
            });
            subjects
        }
        DeckPart::All | DeckPart::Bookmarks | DeckPart::Protocol(_) => Vec::new(),
    }
}

/// The points of the user's protocol of this name (case ignored if no name matches exactly).
fn protocol_points(
    c: &Catalogue,
    user: &UserLists,
    name: &str,
) -> Result<Vec<EntryRef>, DeckError> {
    let found = user.protocols.iter().find(|(n, _)| n == name).or_else(|| {
        user.protocols
            .iter()
            .find(|(n, _)| n.to_lowercase() == name.to_lowercase())
    });
    let Some((_, codes)) = found else {
        let names: Vec<String> = user
            .protocols
            .iter()
            .map(|(n, _)| crate::text::echo(n))
            .collect();
        let yours = if names.is_empty() {
            "you have none yet (`acuref protocol new NAME CODES...` makes one)".to_string()
        } else {
            format!("yours are: {}", names.join(", "))
        };
        return Err(DeckError(format!(
            "no protocol `{}` for the deck part `protocol:{}`; {yours}",
            crate::text::echo(name),
            crate::text::echo(name)
        )));
    };
    Ok(codes
        .iter()
        .filter_map(|code| c.points.position(code))
        .map(|index| EntryRef {
            kind: Kind::Point,
            index,
        })
        .collect())
}

/// Cards dealt so that no two cards in a row come from one channel where that can be avoided,
/// and a channel's cards are not in point order: within each channel (and among the cards
/// whose subject has none) the cards go in the order of a stable hash of their ids; then,
/// card by card, the next one comes from the channel with the most cards left that is not the
/// channel just dealt (ties to the channel first in the catalogue). The same cards always
/// come out in the same order.
pub fn interleave<'a>(c: &Catalogue, cards: Vec<&'a Card>) -> Vec<&'a Card> {
    let mut groups: Vec<(Option<usize>, Vec<&'a Card>)> = Vec::new();
    for card in cards {
        let channel = channel_of(c, card);
        match groups.iter_mut().find(|(ch, _)| *ch == channel) {
            Some((_, list)) => list.push(card),
            None => groups.push((channel, vec![card])),
        }
    }
    groups.sort_by_key(|(ch, _)| ch.map_or(usize::MAX, |i| i));
    for (_, list) in &mut groups {
        list.sort_by_cached_key(|card| stable_hash(&card.id));
        // Dealt from the end: pop() gives the first.
        list.reverse();
    }
    let total = groups.iter().map(|(_, l)| l.len()).sum();
    let mut dealt = Vec::with_capacity(total);
    let mut last: Option<usize> = None;
    while dealt.len() < total {
        let pick = groups
            .iter()
            .enumerate()
            .filter(|(g, (_, list))| !list.is_empty() && Some(*g) != last)
            .max_by(|(a, (_, x)), (b, (_, y))| x.len().cmp(&y.len()).then(b.cmp(a)))
            .map(|(g, _)| g)
            .or(last)
            .expect("cards are left");
        dealt.push(groups[pick].1.pop().expect("a group with cards"));
        last = Some(pick);
    }
    dealt
}

/// The channel of a card's subject, for dealing: a point's channel; none for other subjects
/// and extra points.
pub fn channel_of(c: &Catalogue, card: &Card) -> Option<usize> {
    let subject = card.subject()?;
    (subject.kind == Kind::Point)
        .then(|| c.points[subject.index].channel.as_ref())
        .flatten()
        .and_then(|ch| c.channels.position(ch))
}

#[cfg(test)]
mod tests;
