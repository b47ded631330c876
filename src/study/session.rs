//! A sitting of study over one deck: its cards in deck order, what the user's progress says of
//! each, and the card to show next by the clock. A sitting either follows the schedule (due
//! cards, then new ones up to the day's limit) or goes through a list of cards once, due or
//! not (the wrong answers of a quiz), a card rated Again coming back at the end. Pure: the
//! caller reads the progress in and commits each rating it returns.

use std::collections::{HashMap, VecDeque};

use super::cards::Card;
use super::progress::{Rated, record, state_of};
use super::queue::{Queue, queue, started_today};
use super::schedule::{CardState, Outcome, Phase, Rating, ScheduleError, Scheduler};
use super::stats::{Stats, by_channel};
use crate::catalogue::Catalogue;
use crate::store::{Review, StoredCard};

/// A sitting of study.
pub struct Sitting {
    cards: Vec<Card>,
    /// Each card's place in `cards`, by id.
    at: HashMap<String, usize>,
    /// The deck's cards (indices into `cards`), in deck order.
    dealt: Vec<usize>,
    states: HashMap<String, CardState>,
    reviews: Vec<Review>,
    scheduler: Scheduler,
    new_per_day: usize,
    /// The cards still to go through, for a sitting over a list rather than the schedule.
    listed: Option<VecDeque<usize>>,
}

/// How a sitting is set up: the scheduler's desired retention and parameters, and the day's
/// new cards.
#[derive(Clone, Debug, PartialEq)]
pub struct Limits {
    /// The share of cards to be remembered when they come due.
    pub retention: f32,
    /// FSRS's parameters fitted to the user's reviews (none: the defaults).
    pub parameters: Vec<f32>,
    /// New cards started a day, at most.
    pub new_per_day: usize,
}

impl Sitting {
    /// A sitting over `dealt` (the ids of the deck's cards, in deck order) of `cards`, with the
    /// progress kept: each card's stored state and the review log. Kept states of cards the
    /// catalogue no longer makes are left out (they are retired, and stay in the database).
    pub fn new(
        cards: Vec<Card>,
        dealt: &[&str],
        kept: &[StoredCard],
        reviews: Vec<Review>,
        limits: Limits,
    ) -> Result<Sitting, ScheduleError> {
        let at: HashMap<String, usize> = cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let dealt: Vec<usize> = dealt.iter().filter_map(|&id| at.get(id).copied()).collect();
        let states = kept
            .iter()
            .filter(|k| at.contains_key(k.card.as_str()))
            .map(|k| (k.card.clone(), state_of(k)))
            .collect();
        Ok(Sitting {
            scheduler: Scheduler::fitted(limits.retention, &limits.parameters)?,
            new_per_day: limits.new_per_day,
            cards,
            at,
            dealt,
            states,
            reviews,
            listed: None,
        })
    }

    /// The same sitting made to go through the deck's cards once each, in deck order, due or
    /// not (a card rated Again comes back at the end).
    pub fn listed(mut self) -> Sitting {
        self.listed = Some(self.dealt.iter().copied().collect());
        self
    }

    /// Whether the sitting goes through a list rather than the schedule.
    pub fn is_listed(&self) -> bool {
        self.listed.is_some()
    }

    /// The deck's cards, in deck order.
    pub fn dealt(&self) -> impl Iterator<Item = &Card> {
        self.dealt.iter().map(|&i| &self.cards[i])
    }

    /// Every card the catalogue makes (the deck's and the others).
    pub fn cards(&self) -> &[Card] {
        &self.cards
    }

    /// A card of the catalogue by its id.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.at.get(id).map(|&i| &self.cards[i])
    }

    /// The scheduler's state of a card (new when it was never reviewed).
    pub fn state(&self, id: &str) -> CardState {
        self.states
            .get(id)
            .copied()
            .unwrap_or_else(CardState::new_card)
    }

    /// What the schedule holds now.
    pub fn queue(&self, now: i64) -> Queue<'_> {
        let ids: Vec<&str> = self.dealt().map(|c| c.id.as_str()).collect();
        queue(
            &ids,
            &self.states,
            now,
            self.new_per_day,
            started_today(&self.reviews, now),
        )
    }

    /// The card to show now, if any.
    pub fn next(&self, now: i64) -> Option<&Card> {
        match &self.listed {
            Some(list) => list.front().map(|&i| &self.cards[i]),
            None => {
                let id = self.queue(now).next()?;
                self.card(id)
            }
        }
    }

    /// Cards still to go through in a listed sitting (none for the schedule).
    pub fn left(&self) -> Option<usize> {
        self.listed.as_ref().map(VecDeque::len)
    }

    /// When the first card in a same-day step comes back, if one is waiting.
    pub fn next_wait(&self, now: i64) -> Option<i64> {
        self.dealt()
            .filter_map(|c| self.states.get(c.id.as_str()))
            .filter(|s| matches!(s.phase, Phase::Learning(_) | Phase::Relearning(_)))
            .map(|s| s.due)
            .filter(|&due| due > now)
            .min()
    }

    /// What each rating would do to a card now, Again first.
    pub fn preview(&self, id: &str, now: i64) -> Result<[Outcome; 4], ScheduleError> {
        self.scheduler.preview(&self.state(id), now)
    }

    /// Rates a card now: its state moves on here, and the review and the state to commit are
    /// returned. In a listed sitting the card leaves the list (to its end, if rated Again).
    pub fn rate(
        &mut self,
        id: &str,
        rating: Rating,
        now: i64,
        answer_ms: i64,
    ) -> Result<Rated, ScheduleError> {
        let rated = record(&self.scheduler, id, &self.state(id), rating, now, answer_ms)?;
        self.states.insert(id.to_string(), rated.outcome.state);
        self.reviews.push(rated.review.clone());
        if let Some(list) = &mut self.listed
            && let Some(&card) = self.at.get(id)
            && let Some(place) = list.iter().position(|&i| i == card)
            && let Some(card) = list.remove(place)
            && rating == Rating::Again
        {
            list.push_back(card);
        }
        Ok(rated)
    }

    /// The progress on the deck now, mastery by channel (cards of no channel grouped as
    /// "other cards").
    pub fn stats(&self, c: &Catalogue, now: i64) -> Stats {
        by_channel(c, self.dealt(), &self.states, &self.reviews, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::fixture::fixture;

    const NOW: i64 = 1_796_083_200 + 9 * 3600;

    fn limits() -> Limits {
        Limits {
            retention: 0.9,
            parameters: Vec::new(),
            new_per_day: 3,
        }
    }

    #[test]
    fn new_cards_come_in_deck_order_up_to_the_days_limit_and_learning_cards_come_back() {
        let f = fixture();
        let (c, cards) = (&f.c, &f.cards);
        let ids: Vec<String> = cards.iter().take(5).map(|c| c.id.clone()).collect();
        let dealt: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut s = Sitting::new(cards.clone(), &dealt, &[], Vec::new(), limits()).unwrap();
        assert_eq!(s.queue(NOW).new.len(), 3, "the day's limit");
        let first = s.next(NOW).unwrap().id.clone();
        assert_eq!(first, ids[0]);
        s.rate(&first, Rating::Good, NOW, 900).unwrap();
        // In its 10-minute step: the next card is the second, and the first waits.
        assert_eq!(s.next(NOW).unwrap().id, ids[1]);
        assert_eq!(s.next_wait(NOW), Some(NOW + 600));
        assert_eq!(
            s.next(NOW + 601).unwrap().id,
            first,
            "back once its step is over"
        );
        assert_eq!(s.stats(c, NOW).reviewed_today, 1);
    }

    #[test]
    fn a_listed_sitting_goes_through_each_card_once_and_again_brings_one_back() {
        let cards = &fixture().cards;
        let ids: Vec<String> = cards.iter().take(2).map(|c| c.id.clone()).collect();
        let dealt: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut s = Sitting::new(cards.clone(), &dealt, &[], Vec::new(), limits())
            .unwrap()
            .listed();
        s.rate(&ids[0], Rating::Again, NOW, 500).unwrap();
        assert_eq!(s.next(NOW).unwrap().id, ids[1]);
        s.rate(&ids[1], Rating::Good, NOW, 500).unwrap();
        assert_eq!(s.next(NOW).unwrap().id, ids[0], "Again puts it at the end");
        s.rate(&ids[0], Rating::Good, NOW, 500).unwrap();
        assert!(s.next(NOW).is_none());
        assert_eq!(s.left(), Some(0));
    }
}
