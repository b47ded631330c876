//! Quizzes: multiple-choice questions from the cards whose answer is one point, the other
//! choices drawn from points that share the answer's channel, region or category (never the
//! answer itself, never two choices that read the same), the same questions for the same
//! seed; and typed answers taken as search takes them: a code in any spelling (`st36`,
//! `ST 36`, `Stomach 36`) or a name folded as search folds it (`zusanli`, `Zu San Li`,
//! `Zúsānlǐ`, `足三里`).

use super::cards::{Card, CardType};
use super::deck::interleave;
use super::order::Rng;
use crate::catalogue::codes::Reading;
use crate::catalogue::{Catalogue, EntryRef, Kind, Point};
use crate::search::{SearchIndex, fold};

/// The most choices a question offers: the answer and three others.
pub const CHOICES: usize = 4;

/// One multiple-choice question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The id of the card it asks.
    pub card_id: String,
    /// What the card asks.
    pub card_type: CardType,
    /// The question.
    pub prompt: String,
    /// The choices, as shown.
    pub choices: Vec<String>,
    /// The point each choice stands for, in the same order.
    pub points: Vec<EntryRef>,
    /// Which choice is right.
    pub answer: usize,
    /// The card's whole answer.
    pub answer_text: String,
}

/// Up to `count` questions from a deck's cards (those whose answer is one point and that
/// have at least one fitting wrong choice), the same for the same seed. Each point is asked
/// about once before any is asked twice, and the questions are dealt as decks are: no two of
/// one channel in a row where avoidable.
pub fn questions(c: &Catalogue, cards: &[&Card], count: usize, seed: u64) -> Vec<Question> {
    let mut rng = Rng::new(seed);
    let mut askable: Vec<&Card> = cards
        .iter()
        .copied()
        .filter(|card| card.card_type.answer_is_point())
        .filter(|card| card.subject().is_some_and(|s| s.kind == Kind::Point))
        .collect();
    rng.shuffle(&mut askable);
    // Each point first once, then again.
    let mut seen = std::collections::HashSet::new();
    let (first, again): (Vec<&Card>, Vec<&Card>) = askable
        .into_iter()
        .partition(|card| seen.insert(card.subject()));
    let mut chosen = Vec::with_capacity(count.min(first.len() + again.len()));
    for card in first.into_iter().chain(again) {
        if chosen.len() == count {
            break;
        }
        if !distractors(c, card, &mut rng.clone()).is_empty() {
            chosen.push(card);
        }
    }
    interleave(c, chosen)
        .into_iter()
        .map(|card| question(c, card, &mut rng))
        .collect()
}

/// The question a card makes, its choices in a seeded order.
fn question(c: &Catalogue, card: &Card, rng: &mut Rng) -> Question {
    let answer = card.subject().expect("a point card has a subject");
    let mut points = distractors(c, card, rng);
    let at = rng.below(points.len() + 1);
    points.insert(at, answer);
    Question {
        card_id: card.id.clone(),
        card_type: card.card_type,
        prompt: card.prompt.clone(),
        choices: points
            .iter()
            .map(|p| label(c, card.card_type, p.index))
            .collect(),
        points,
        answer: at,
        answer_text: card.answer.clone(),
    }
}

/// Up to three wrong choices for a card: points that share the answer's channel, region or
/// category, the closest first (sharing two of them before one), in a seeded order among
/// equals; none that reads as the answer or as another choice.
fn distractors(c: &Catalogue, card: &Card, rng: &mut Rng) -> Vec<EntryRef> {
    let Some(answer) = card.subject() else {
        return Vec::new();
    };
    let p = &c.points[answer.index];
    let mut pool: Vec<(usize, usize)> = c
        .points
        .all()
        .enumerate()
        .filter(|&(i, _)| i != answer.index)
        .map(|(i, q)| (i, closeness(p, q)))
        .filter(|&(_, close)| close > 0)
        .collect();
    rng.shuffle(&mut pool);
    pool.sort_by_key(|&(_, close)| std::cmp::Reverse(close.min(2)));
    let mut labels = vec![compact(&label(c, card.card_type, answer.index))];
    let mut chosen = Vec::new();
    for (i, _) in pool {
        if chosen.len() == CHOICES - 1 {
            break;
        }
        let shown = compact(&label(c, card.card_type, i));
        if !labels.contains(&shown) {
            labels.push(shown);
            chosen.push(EntryRef {
                kind: Kind::Point,
                index: i,
            });
        }
    }
    chosen
}

/// How many of channel, region and category two points share (0 to 3).
pub fn closeness(a: &Point, b: &Point) -> usize {
    let channel = a.channel.is_some() && a.channel == b.channel;
    let region = a.regions.iter().any(|r| b.regions.contains(r));
    let category = a
        .categories
        .iter()
        .any(|x| b.categories.iter().any(|y| x.category == y.category));
    usize::from(channel) + usize::from(region) + usize::from(category)
}

/// A point as a choice of a question of this type: its names for a code-to-name card, its
/// code for a name-to-code card, else its title.
fn label(c: &Catalogue, card_type: CardType, index: usize) -> String {
    let p = &c.points[index];
    match card_type {
        CardType::Name => format!("{} {} ({})", p.pinyin, p.hanzi, p.english),
        CardType::Code => p.code.to_string(),
        _ => c.title(EntryRef {
            kind: Kind::Point,
            index,
        }),
    }
}

/// Folded as search folds (case, tone marks, variant hanzi), letters and digits only.
fn compact(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A time as a person reads it: `42s`, `3m 05s`.
pub fn duration_label(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    if seconds < 60 {
        format!("{seconds}s")
    } else {
        format!("{}m {:02}s", seconds / 60, seconds % 60)
    }
}

impl Question {
    /// The point the answer is.
    pub fn answer_point(&self) -> EntryRef {
        self.points[self.answer]
    }

    /// Whether a typed answer names the answer's point as this question asks for it: by a
    /// name for a code-to-name card, by a code for a name-to-code card, by either otherwise.
    /// A code counts in any spelling search takes (`st36`, `ST 36`, `S36`, `Stomach 36`, a
    /// documented code of another standard) unless it is another point's own code; a name
    /// counts when, folded as search folds it and spaces and marks aside, it is one of the
    /// point's names (pinyin with or without tones, hanzi either form, English, other names).
    pub fn accepts(&self, c: &Catalogue, index: &SearchIndex, typed: &str) -> bool {
        let point = self.answer_point();
        let typed = typed.trim();
        if typed.is_empty() {
            return false;
        }
        match self.card_type {
            CardType::Name => names_point(c, point, typed),
            CardType::Code => codes_point(index, point, typed),
            _ => codes_point(index, point, typed) || names_point(c, point, typed),
        }
    }

    /// Checks an answer as given: a choice's number or text, else a code or name typed (see
    /// [`Question::accepts`]). Says whether it is right and what was given (the choice's
    /// text for a choice; none for nothing typed, a skip).
    pub fn check(&self, c: &Catalogue, index: &SearchIndex, typed: &str) -> (bool, Option<String>) {
        let typed = typed.trim();
        match self.choice_typed(typed) {
            Some(choice) => (choice == self.answer, Some(self.choices[choice].clone())),
            None => (
                self.accepts(c, index, typed),
                (!typed.is_empty()).then(|| typed.to_string()),
            ),
        }
    }

    /// The choice a typed answer picks: its number (1 for the first), or its text as shown,
    /// folded.
    pub fn choice_typed(&self, typed: &str) -> Option<usize> {
        let typed = typed.trim();
        if let Ok(n) = typed.parse::<usize>() {
            return (1..=self.choices.len()).contains(&n).then(|| n - 1);
        }
        let wanted = compact(typed);
        self.choices
            .iter()
            .position(|choice| compact(choice) == wanted)
    }
}

/// Whether `typed` is a code, in a spelling search reads as one, of the point.
fn codes_point(index: &SearchIndex, point: EntryRef, typed: &str) -> bool {
    let hits = index.search(typed, Some(Kind::Point));
    let codes: Vec<_> = hits.iter().filter(|h| h.reading.is_some()).collect();
    let someone_elses = codes
        .iter()
        .any(|h| h.entry != point && h.reading == Some(Reading::Standard));
    !someone_elses && codes.iter().any(|h| h.entry == point)
}

/// Whether `typed` is one of the point's names, folded.
fn names_point(c: &Catalogue, point: EntryRef, typed: &str) -> bool {
    let p = &c.points[point.index];
    let wanted = compact(typed);
    !wanted.is_empty()
        && [
            &p.pinyin,
            &p.pinyin_tones,
            &p.hanzi,
            &p.hanzi_simplified,
            &p.english,
        ]
        .into_iter()
        .chain(&p.alt_names)
        .any(|name| compact(name) == wanted)
}

#[cfg(test)]
mod tests;
