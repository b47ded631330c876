//! Which card comes next: learning cards whose step is over, then the cards due today, then
//! new cards up to the day's limit, each group in the deck's own order (which interleaves the
//! channels). Pure: the cards, their states and the clock are parameters.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

use super::clock::day_of;
use super::schedule::{CardState, Phase};
use crate::store::Review;

/// New cards a day unless the user sets another number.
pub const DEFAULT_NEW_PER_DAY: usize = 20;

/// What a deck holds now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Queue<'a> {
    /// Cards in a same-day step whose wait is over, soonest first.
    pub learning: Vec<&'a str>,
    /// Learnt cards due today or before, most overdue first.
    pub due: Vec<&'a str>,
    /// New cards that may be started today, in deck order.
    pub new: Vec<&'a str>,
    /// Cards in a same-day step still waiting (they come back later today).
    pub waiting: usize,
    /// New cards beyond today's limit.
    pub new_later: usize,
}

impl<'a> Queue<'a> {
    /// The next card to show, if any.
    pub fn next(&self) -> Option<&'a str> {
        self.learning
            .first()
            .or(self.due.first())
            .or(self.new.first())
            .copied()
    }

    /// How many cards are to be done now.
    pub fn len(&self) -> usize {
        self.learning.len() + self.due.len() + self.new.len()
    }

    /// Whether nothing is to be done now.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Sorts a deck's cards (in deck order) into what is to be done now. `started_today` is how
/// many new cards were started today already; `new_per_day` limits them.
pub fn queue<'a, K: Borrow<str> + Hash + Eq>(
    deck: &[&'a str],
    states: &HashMap<K, CardState>,
    now: i64,
    new_per_day: usize,
    started_today: usize,
) -> Queue<'a> {
    let today = day_of(now);
    let mut out = Queue::default();
    let mut learning: Vec<(i64, &str)> = Vec::new();
    let mut due: Vec<(i64, &str)> = Vec::new();
    let mut room = new_per_day.saturating_sub(started_today);
    for &card in deck {
        match states.get(card) {
            None => {
                if room > 0 {
                    out.new.push(card);
                    room -= 1;
                } else {
                    out.new_later += 1;
                }
            }
            Some(state) => match state.phase {
                Phase::New if room > 0 => {
                    out.new.push(card);
                    room -= 1;
                }
                Phase::New => out.new_later += 1,
                Phase::Learning(_) | Phase::Relearning(_) if state.due <= now => {
                    learning.push((state.due, card));
                }
                Phase::Learning(_) | Phase::Relearning(_) => out.waiting += 1,
                Phase::Review if day_of(state.due) <= today => due.push((state.due, card)),
                Phase::Review => {}
            },
        }
    }
    learning.sort_by_key(|&(at, _)| at);
    due.sort_by_key(|&(at, _)| at);
    out.learning = learning.into_iter().map(|(_, c)| c).collect();
    out.due = due.into_iter().map(|(_, c)| c).collect();
    out
}

/// How many cards had their first review today (they count against the day's new cards).
pub fn started_today(reviews: &[Review], now: i64) -> usize {
    let today = day_of(now);
    let mut seen = std::collections::HashSet::new();
    reviews
        .iter()
        .filter(|r| seen.insert(r.card.as_str()) && day_of(r.at) == today)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_796_083_200 + 12 * 3600;

    fn state(phase: Phase, due: i64) -> CardState {
        CardState {
            phase,
            due,
            ..CardState::new_card()
        }
    }

    #[test]
    fn learning_then_due_then_new_up_to_the_days_limit() {
        let deck = ["a", "b", "c", "d", "e", "f", "g"];
        let states: HashMap<&str, CardState> = [
            ("b", state(Phase::Review, NOW - 3 * 86_400)),
            ("c", state(Phase::Review, NOW + 3600)),
            ("d", state(Phase::Review, NOW + 5 * 86_400)),
            ("e", state(Phase::Learning(1), NOW - 60)),
            ("f", state(Phase::Relearning(0), NOW + 300)),
        ]
        .into_iter()
        .collect();
        let q = queue(&deck, &states, NOW, 2, 1);
        assert_eq!(q.learning, ["e"]);
        assert_eq!(q.due, ["b", "c"], "due today, most overdue first");
        assert_eq!(q.new, ["a"], "one more new card today");
        assert_eq!((q.waiting, q.new_later), (1, 1));
        assert_eq!(q.next(), Some("e"));
    }
}
