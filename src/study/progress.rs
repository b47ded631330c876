//! The user's progress on cards: the scheduler's state of each card as the user's database
//! keeps it, read back, and a rating made: the review and the state to commit, or committed
//! in one step.

use fsrs::MemoryState;

use super::clock::day_of;
use super::schedule::{CardState, Outcome, Phase, Rating, ScheduleError, Scheduler};
use crate::store::{Review, Store, StoreError, StoredCard};

/// Why a rating could not be kept.
#[derive(Debug)]
pub enum ProgressError {
    /// The scheduler refused.
    Schedule(ScheduleError),
    /// The database failed.
    Store(StoreError),
}

impl std::fmt::Display for ProgressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgressError::Schedule(e) => e.fmt(f),
            ProgressError::Store(e) => e.fmt(f),
        }
    }
}

/// The scheduler's state as the database keeps it.
pub fn stored(card: &str, state: &CardState) -> StoredCard {
    let (phase, step) = match state.phase {
        Phase::New => ("new", 0),
        Phase::Learning(s) => ("learning", s as i64),
        Phase::Review => ("review", 0),
        Phase::Relearning(s) => ("relearning", s as i64),
    };
    StoredCard {
        card: card.to_string(),
        phase: phase.to_string(),
        step,
        stability: state.memory.map(|m| f64::from(m.stability)),
        difficulty: state.memory.map(|m| f64::from(m.difficulty)),
        due: state.due,
        last_review: state.last_review,
        reps: i64::from(state.reps),
        lapses: i64::from(state.lapses),
        retired_at: None,
    }
}

/// The scheduler's state from what the database keeps; a phase it does not know reads as a
/// new card (so a damaged row costs the card's schedule, never the session).
pub fn state_of(kept: &StoredCard) -> CardState {
    let step = kept.step.max(0) as usize;
    let phase = match kept.phase.as_str() {
        "learning" => Phase::Learning(step),
        "review" => Phase::Review,
        "relearning" => Phase::Relearning(step),
        _ => Phase::New,
    };
    let memory = match (kept.stability, kept.difficulty) {
        (Some(s), Some(d)) if s > 0.0 && (1.0..=10.0).contains(&d) => Some(MemoryState {
            stability: s as f32,
            difficulty: d as f32,
        }),
        _ => None,
    };
    CardState {
        phase: if memory.is_none() { Phase::New } else { phase },
        memory,
        due: kept.due,
        last_review: kept.last_review,
        reps: kept.reps.clamp(0, i64::from(u32::MAX)) as u32,
        lapses: kept.lapses.clamp(0, i64::from(u32::MAX)) as u32,
    }
}

/// A rating made now: the card's new state, and the review and the state to commit.
#[derive(Clone, Debug, PartialEq)]
pub struct Rated {
    /// What the rating did.
    pub outcome: Outcome,
    /// The review, for the log.
    pub review: Review,
    /// The card's new state, as the database keeps it.
    pub stored: StoredCard,
}

/// Rates a card now, without committing anything: the caller commits the review with the
/// card's new state (`Store::record_review`, one transaction).
pub fn record(
    scheduler: &Scheduler,
    card: &str,
    state: &CardState,
    rating: Rating,
    now: i64,
    answer_ms: i64,
) -> Result<Rated, ScheduleError> {
    let outcome = scheduler.review(state, rating, now)?;
    let review = Review {
        card: card.to_string(),
        at: now,
        rating: rating as i64,
        elapsed_days: state
            .last_review
            .map_or(0, |t| (day_of(now) - day_of(t)).max(0)),
        answer_ms,
        wait: outcome.wait,
    };
    let stored = stored(card, &outcome.state);
    Ok(Rated {
        outcome,
        review,
        stored,
    })
}

/// Rates a card now and commits the review with the card's new state before returning.
pub fn rate(
    store: &mut Store,
    scheduler: &Scheduler,
    card: &str,
    state: &CardState,
    rating: Rating,
    now: i64,
    answer_ms: i64,
) -> Result<Outcome, ProgressError> {
    let rated =
        record(scheduler, card, state, rating, now, answer_ms).map_err(ProgressError::Schedule)?;
    store
        .record_review(&rated.review, &rated.stored)
        .map_err(ProgressError::Store)?;
    Ok(rated.outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::study::schedule::DEFAULT_RETENTION;

    #[test]
    fn a_rating_is_committed_and_read_back_as_the_same_state() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join(crate::store::FILE_NAME)).unwrap();
        let scheduler = Scheduler::new(DEFAULT_RETENTION).unwrap();
        let now = 1_796_083_200;
        let good = |store: &mut Store, state: &CardState, at: i64, ms: i64| {
            rate(store, &scheduler, "LI4:name", state, Rating::Good, at, ms).unwrap()
        };
        let first = good(&mut store, &CardState::new_card(), now, 1200);
        let kept = store.card_states().unwrap();
        assert_eq!(state_of(&kept[0]), first.state);
        let again = good(&mut store, &state_of(&kept[0]), first.state.due, 900);
        assert_eq!(again.state.phase, Phase::Review);
        let log = store.reviews().unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!((log[1].rating, log[1].answer_ms), (3, 900));
    }
}
