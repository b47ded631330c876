//! Progress in numbers: what is due today, what is new and what is learnt, how much of what
//! came due was remembered over the last 30 days, the streak of days studied, and mastery by
//! group (by channel, for the points' cards).

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;

use super::cards::Card;
use super::clock::day_of;
use super::deck::channel_of;
use super::schedule::{CardState, Phase};
use crate::catalogue::Catalogue;
use crate::store::Review;

/// A card is mastered once FSRS expects it to be remembered this many days.
pub const MASTERED_DAYS: f32 = 21.0;

/// Progress on a deck.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Cards in the deck.
    pub cards: usize,
    /// Cards never reviewed.
    pub new: usize,
    /// Cards being learnt today (in a same-day step).
    pub learning: usize,
    /// Learnt cards (in review).
    pub learned: usize,
    /// Learnt cards due today or before, and learning cards whose step is over.
    pub due_today: usize,
    /// Of the reviews of learnt cards over the last 30 days, the share not rated Again (none
    /// when there were none).
    pub retention_30_days: Option<f64>,
    /// Reviews made today.
    pub reviewed_today: usize,
    /// Days in a row with a review, up to today (or up to yesterday, when none yet today).
    pub streak_days: usize,
    /// By group: (cards, mastered).
    pub mastery: BTreeMap<String, (usize, usize)>,
}

/// The progress on `deck` (each card's id and group), from the states and the review log.
pub fn stats<K: Borrow<str> + Hash + Eq>(
    deck: &[(&str, &str)],
    states: &HashMap<K, CardState>,
    reviews: &[Review],
    now: i64,
) -> Stats {
    let today = day_of(now);
    let mut out = Stats {
        cards: deck.len(),
        ..Stats::default()
    };
    let in_deck: HashSet<&str> = deck.iter().map(|(c, _)| *c).collect();
    for &(card, group) in deck {
        let entry = out.mastery.entry(group.to_string()).or_default();
        entry.0 += 1;
        match states.get(card) {
            None => out.new += 1,
            Some(state) => match state.phase {
                Phase::New => out.new += 1,
                Phase::Learning(_) | Phase::Relearning(_) => {
                    out.learning += 1;
                    out.due_today += usize::from(state.due <= now);
                }
                Phase::Review => {
                    out.learned += 1;
                    out.due_today += usize::from(day_of(state.due) <= today);
                    if state.memory.is_some_and(|m| m.stability >= MASTERED_DAYS) {
                        entry.1 += 1;
                    }
                }
            },
        }
    }
    let recent: Vec<&Review> = reviews
        .iter()
        .filter(|r| in_deck.contains(r.card.as_str()))
        .collect();
    let month: Vec<&&Review> = recent
        .iter()
        .filter(|r| r.elapsed_days > 0 && today - day_of(r.at) < 30)
        .collect();
    if !month.is_empty() {
        let kept = month.iter().filter(|r| r.rating > 1).count();
        out.retention_30_days = Some(kept as f64 / month.len() as f64);
    }
    let days: HashSet<i64> = recent.iter().map(|r| day_of(r.at)).collect();
    out.reviewed_today = recent.iter().filter(|r| day_of(r.at) == today).count();
    let mut day = if days.contains(&today) {
        today
    } else {
        today - 1
    };
    while days.contains(&day) {
        out.streak_days += 1;
        day -= 1;
    }
    out
}

/// The progress on a deck's cards, mastery grouped by channel (the channel's name; cards of
/// no channel are "other cards").
pub fn by_channel<'a, K: Borrow<str> + Hash + Eq>(
    c: &Catalogue,
    cards: impl Iterator<Item = &'a Card>,
    states: &HashMap<K, CardState>,
    reviews: &[Review],
    now: i64,
) -> Stats {
    let groups: Vec<(&str, String)> = cards
        .map(|card| {
            let group = channel_of(c, card)
                .map(|ch| c.channels[ch].name.clone())
                .unwrap_or_else(|| "other cards".to_string());
            (card.id.as_str(), group)
        })
        .collect();
    let deck: Vec<(&str, &str)> = groups.iter().map(|(c, g)| (*c, g.as_str())).collect();
    stats(&deck, states, reviews, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::clock::DAY;

    const NOW: i64 = 1_796_083_200 + 12 * 3600;

    fn review(card: &str, days_ago: i64, rating: i64, elapsed: i64) -> Review {
        Review {
            card: card.into(),
            at: NOW - days_ago * DAY,
            rating,
            elapsed_days: elapsed,
            answer_ms: 1000,
            wait: DAY,
        }
    }

    #[test]
    fn counts_retention_streak_and_mastery() {
        let deck = [("LU7:name", "LU"), ("LU9:name", "LU"), ("ST36:name", "ST")];
        let learnt = CardState {
            phase: Phase::Review,
            memory: Some(fsrs::MemoryState {
                stability: 30.0,
                difficulty: 5.0,
            }),
            due: NOW - DAY,
            ..CardState::new_card()
        };
        let states: HashMap<&str, CardState> = [("LU7:name", learnt)].into_iter().collect();
        let reviews = [
            review("LU7:name", 3, 3, 0),
            review("LU7:name", 2, 1, 1),
            review("LU7:name", 1, 3, 1),
            review("LU7:name", 0, 3, 1),
            review("GONE:name", 0, 3, 1),
        ];
        let s = stats(&deck, &states, &reviews, NOW);
        assert_eq!((s.cards, s.new, s.learned, s.due_today), (3, 2, 1, 1));
        assert_eq!(s.retention_30_days, Some(2.0 / 3.0));
        assert_eq!((s.streak_days, s.reviewed_today), (4, 1));
        assert_eq!(s.mastery["LU"], (2, 1));
        assert_eq!(s.mastery["ST"], (1, 0));
    }
}
