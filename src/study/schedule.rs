//! When a card is next shown: FSRS-6 (the `fsrs` crate, its default parameters) for the days
//! between reviews, and short same-day steps for new and forgotten cards, as Anki does. The
//! clock is a parameter: nothing here reads the time.

use fsrs::{FSRS, MemoryState, NextStates};

use super::clock::{DAY, day_of};

/// The user's answer to a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rating {
    /// Forgotten.
    Again = 1,
    /// Recalled with difficulty.
    Hard = 2,
    /// Recalled.
    Good = 3,
    /// Recalled at once.
    Easy = 4,
}

impl Rating {
    /// Every rating, Again first.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The rating numbered 1 to 4 (the keys and the review log use these numbers).
    pub fn from_number(n: i64) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| *r as i64 == n)
    }

    /// The rating's name, as the buttons show it.
    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }
}

/// Where a card is in its learning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Never reviewed.
    New,
    /// Being learnt today, at this step of the learning steps.
    Learning(usize),
    /// Learnt: shown again after days.
    Review,
    /// Forgotten after it was learnt, being learnt again at this step.
    Relearning(usize),
}

/// What the scheduler knows of a card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardState {
    /// Its phase.
    pub phase: Phase,
    /// FSRS's memory of it (none before the first review).
    pub memory: Option<MemoryState>,
    /// When it is due, in seconds since the epoch.
    pub due: i64,
    /// When it was last reviewed.
    pub last_review: Option<i64>,
    /// How many times it was reviewed.
    pub reps: u32,
    /// How many times it was forgotten after it was learnt.
    pub lapses: u32,
}

impl CardState {
    /// A card never reviewed.
    pub fn new_card() -> CardState {
        CardState {
            phase: Phase::New,
            memory: None,
            due: 0,
            last_review: None,
            reps: 0,
            lapses: 0,
        }
    }
}

/// The state a rating leads to, and the wait until the card is due again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// The rating.
    pub rating: Rating,
    /// The card's state after it.
    pub state: CardState,
    /// Seconds until it is due.
    pub wait: i64,
}

/// Why a card could not be scheduled.
#[derive(Debug)]
pub struct ScheduleError(pub String);

impl std::fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The scheduler: FSRS with its parameters, the retention asked for, and the same-day steps.
pub struct Scheduler {
    fsrs: FSRS,
    retention: f32,
    learning: Vec<i64>,
    relearning: Vec<i64>,
}

/// The learning steps of a new card: 1 minute, then 10 (Anki's default).
pub const LEARNING_STEPS: [i64; 2] = [60, 600];
/// The relearning step of a forgotten card: 10 minutes.
pub const RELEARNING_STEPS: [i64; 1] = [600];
/// The retention asked for unless the user sets another.
pub const DEFAULT_RETENTION: f32 = 0.9;

impl Scheduler {
    /// A scheduler with FSRS's default parameters, for this desired retention (0.70 to 0.99).
    pub fn new(retention: f32) -> Result<Scheduler, ScheduleError> {
        Scheduler::fitted(retention, &[])
    }

    /// A scheduler with these FSRS parameters (fitted to the user's reviews; none for the
    /// defaults), for this desired retention (0.70 to 0.99).
    pub fn fitted(retention: f32, parameters: &[f32]) -> Result<Scheduler, ScheduleError> {
        if !(0.7..=0.99).contains(&retention) {
            return Err(ScheduleError(format!(
                "a desired retention of {retention} is out of range: give one from 0.70 to 0.99 (0.90 is the default)"
            )));
        }
        let fsrs = FSRS::new(parameters).map_err(|e| ScheduleError(format!("FSRS: {e}")))?;
        Ok(Scheduler {
            fsrs,
            retention,
            learning: LEARNING_STEPS.to_vec(),
            relearning: RELEARNING_STEPS.to_vec(),
        })
    }

    /// What each rating would do to a card now, Again first: the intervals the buttons show.
    pub fn preview(&self, state: &CardState, now: i64) -> Result<[Outcome; 4], ScheduleError> {
        let next = self.next_states(state, now)?;
        Ok(Rating::ALL.map(|r| self.outcome(state, &next, r, now)))
    }

    /// The card's state after the user rated it now.
    pub fn review(
        &self,
        state: &CardState,
        rating: Rating,
        now: i64,
    ) -> Result<Outcome, ScheduleError> {
        let next = self.next_states(state, now)?;
        Ok(self.outcome(state, &next, rating, now))
    }

    fn next_states(&self, state: &CardState, now: i64) -> Result<NextStates, ScheduleError> {
        let elapsed = state
            .last_review
            .map_or(0, |last| (day_of(now) - day_of(last)).max(0)) as u32;
        self.fsrs
            .next_states(state.memory, self.retention, elapsed)
            .map_err(|e| ScheduleError(format!("FSRS: {e}")))
    }

    /// FSRS's interval for each rating, in whole days: at least a day, and Hard, Good and Easy
    /// in that order with a day between them.
    fn days(next: &NextStates) -> [i64; 4] {
        let round = |d: f32| (d.round() as i64).max(1);
        let again = round(next.again.interval);
        let hard = round(next.hard.interval);
        let good = round(next.good.interval).max(hard + 1);
        let easy = round(next.easy.interval).max(good + 1);
        [again, hard, good, easy]
    }

    fn outcome(&self, state: &CardState, next: &NextStates, rating: Rating, now: i64) -> Outcome {
        let memory = match rating {
            Rating::Again => next.again.memory,
            Rating::Hard => next.hard.memory,
            Rating::Good => next.good.memory,
            Rating::Easy => next.easy.memory,
        };
        let days = Scheduler::days(next);
        let in_days = |r: Rating| days[r as usize - 1] * DAY;
        let mut lapses = state.lapses;
        let steps = |phase: Phase| match phase {
            Phase::Relearning(_) => &self.relearning,
            _ => &self.learning,
        };
        let (phase, wait) = match (state.phase, rating) {
            (Phase::Review, Rating::Again) => {
                lapses += 1;
                match self.relearning.first() {
                    Some(&step) => (Phase::Relearning(0), step),
                    None => (Phase::Review, in_days(Rating::Again)),
                }
            }
            (Phase::Review, r) => (Phase::Review, in_days(r)),
            (Phase::New | Phase::Learning(_) | Phase::Relearning(_), Rating::Easy) => {
                (Phase::Review, in_days(Rating::Easy))
            }
            (learning, r) => {
                let at = match learning {
                    Phase::Learning(s) | Phase::Relearning(s) => s,
                    _ => 0,
                };
                let list = steps(learning);
                let again_phase = |s| match learning {
                    Phase::Relearning(_) => Phase::Relearning(s),
                    _ => Phase::Learning(s),
                };
                match r {
                    Rating::Again => (again_phase(0), list.first().copied().unwrap_or(60)),
                    Rating::Hard => {
                        let here = list.get(at).copied().unwrap_or(600);
                        // On the first step, Hard is halfway to the next one, as in Anki.
                        let wait = match (at, list.get(1)) {
                            (0, Some(&next)) => (here + next) / 2,
                            _ => here,
                        };
                        (again_phase(at), wait)
                    }
                    _ => match list.get(at + 1) {
                        Some(&step) => (again_phase(at + 1), step),
                        // Past the last step: learnt, for as long as FSRS says.
                        None => (Phase::Review, in_days(Rating::Good)),
                    },
                }
            }
        };
        Outcome {
            rating,
            state: CardState {
                phase,
                memory: Some(memory),
                due: now + wait,
                last_review: Some(now),
                reps: state.reps + 1,
                lapses,
            },
            wait,
        }
    }
}

/// A wait as the rating buttons show it: `1m`, `10m`, `3d`, `2.1mo`, `1.5y`.
pub fn wait_label(seconds: i64) -> String {
    let minutes = seconds as f64 / 60.0;
    let days = seconds as f64 / DAY as f64;
    if minutes < 60.0 {
        format!("{}m", minutes.round().max(1.0))
    } else if days < 1.0 {
        format!("{}h", (minutes / 60.0).round())
    } else if days < 30.0 {
        format!("{}d", days.round())
    } else if days < 365.0 {
        format!("{:.1}mo", days / 30.0)
    } else {
        format!("{:.1}y", days / 365.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: i64 = 1_796_083_200 + 9 * 3600; // 2026-12-01 09:00 UTC

    /// Rates a new card with `ratings`, each when it falls due; the waits.
    fn waits(ratings: &[Rating]) -> Vec<i64> {
        let s = Scheduler::new(DEFAULT_RETENTION).unwrap();
        let (mut state, mut now) = (CardState::new_card(), START);
        ratings
            .iter()
            .map(|&r| {
                let out = s.review(&state, r, now).unwrap();
                state = out.state;
                now = state.due;
                out.wait
            })
            .collect()
    }

    #[test]
    fn good_again_and_again_goes_through_the_steps_then_ever_longer_intervals() {
        let w = waits(&[Rating::Good; 7]);
        assert_eq!(
            w[0], 600,
            "Good on a new card moves it to the 10-minute step: {w:?}"
        );
        assert!(w[1] >= DAY, "the last step graduates the card: {w:?}");
        for pair in w[1..].windows(2) {
            assert!(pair[1] > pair[0], "intervals grow: {w:?}");
        }
    }

    #[test]
    fn again_shortens_the_interval_and_counts_a_lapse() {
        let s = Scheduler::new(DEFAULT_RETENTION).unwrap();
        let mut state = CardState::new_card();
        let mut now = START;
        for _ in 0..4 {
            let out = s.review(&state, Rating::Good, now).unwrap();
            state = out.state;
            now = state.due;
        }
        let before = s.preview(&state, now).unwrap();
        let forgot = s.review(&state, Rating::Again, now).unwrap();
        assert_eq!(forgot.state.phase, Phase::Relearning(0));
        assert_eq!(forgot.wait, 600);
        assert_eq!(forgot.state.lapses, 1);
        let relearnt = s
            .review(&forgot.state, Rating::Good, forgot.state.due)
            .unwrap();
        assert!(
            relearnt.wait < before[2].wait,
            "after a lapse the interval is shorter: {} then {}",
            before[2].wait,
            relearnt.wait
        );
    }

    #[test]
    fn review_intervals_are_the_fsrs_crates_own_for_the_same_history() {
        let s = Scheduler::new(DEFAULT_RETENTION).unwrap();
        let fsrs = FSRS::new(&[]).unwrap();
        let (mut state, mut now) = (CardState::new_card(), START);
        let mut memory: Option<MemoryState> = None;
        let mut last_day: Option<i64> = None;
        for _ in 0..6 {
            let elapsed = last_day.map_or(0, |d| (day_of(now) - d) as u32);
            let theirs = fsrs.next_states(memory, 0.9, elapsed).unwrap().good;
            let ours = s.review(&state, Rating::Good, now).unwrap();
            assert_eq!(
                ours.state.memory,
                Some(theirs.memory),
                "the same memory state"
            );
            if ours.state.phase == Phase::Review && state.phase == Phase::Review {
                assert_eq!(ours.wait / DAY, (theirs.interval.round() as i64).max(1));
            }
            memory = Some(theirs.memory);
            last_day = Some(day_of(now));
            state = ours.state;
            now = state.due;
        }
    }

    #[test]
    fn the_buttons_show_each_ratings_wait_in_order() {
        let s = Scheduler::new(DEFAULT_RETENTION).unwrap();
        let fresh = s.preview(&CardState::new_card(), START).unwrap();
        let labels: Vec<String> = fresh.iter().map(|o| wait_label(o.wait)).collect();
        assert_eq!(&labels[..3], &["1m", "6m", "10m"]);
        assert!(labels[3].ends_with('d'), "{labels:?}");
        assert!(Scheduler::new(0.5).is_err());
    }
}
