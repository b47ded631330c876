//! Study progress: each card's scheduling state, by the card's stable id, and the log of every
//! review. A review is one transaction: the log line and the card's new state are committed
//! together when the user rates the card, so a kill loses at most the card on screen. Nothing
//! here is ever deleted: a card whose fact left the catalogue keeps its state and history
//! (`acuref study stats` counts it as retired).

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

/// A card's scheduling state as the database keeps it (the study room gives it meaning), and
/// as the export file writes it.
#[derive(Clone, Debug, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct StoredCard {
    /// The card's stable id, such as `LI4:name`.
    pub card: String,
    /// `new`, `learning`, `review` or `relearning`.
    pub phase: String,
    /// The same-day step, in the learning phases.
    pub step: i64,
    /// FSRS's stability, once reviewed.
    pub stability: Option<f64>,
    /// FSRS's difficulty, once reviewed.
    pub difficulty: Option<f64>,
    /// When it is due, in seconds since the epoch.
    pub due: i64,
    /// When it was last reviewed.
    pub last_review: Option<i64>,
    /// How many times it was reviewed.
    pub reps: i64,
    /// How many times it was forgotten after it was learnt.
    pub lapses: i64,
    /// When its fact left the catalogue, if it did.
    #[serde(default)]
    pub retired_at: Option<i64>,
}

/// The scheduler's parameters fitted to the user's own reviews.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedParameters {
    /// FSRS's parameters, in its order.
    pub parameters: Vec<f32>,
    /// How many reviews they were fitted to.
    pub reviews: i64,
    /// When (seconds since the epoch).
    pub fitted_at: i64,
}

/// One review, as the log keeps it (and the export file writes it).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The card's id.
    pub card: String,
    /// When, in seconds since the epoch.
    pub at: i64,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    pub rating: i64,
    /// Days since the card's review before (0 for its first).
    pub elapsed_days: i64,
    /// How long the user took to answer, in milliseconds.
    pub answer_ms: i64,
    /// Seconds until it is due again.
    pub wait: i64,
}

impl Store {
    /// Every card that has been reviewed, retired ones included.
    pub fn card_states(&self) -> Result<Vec<StoredCard>, StoreError> {
        self.rows(
            "SELECT card, phase, step, stability, difficulty, due, last_review, reps, lapses, retired_at
             FROM card_state ORDER BY card",
            [],
            |r| {
                Ok(StoredCard {
                    card: r.get(0)?,
                    phase: r.get(1)?,
                    step: r.get(2)?,
                    stability: r.get(3)?,
                    difficulty: r.get(4)?,
                    due: r.get(5)?,
                    last_review: r.get(6)?,
                    reps: r.get(7)?,
                    lapses: r.get(8)?,
                    retired_at: r.get(9)?,
                })
            },
        )
    }

    /// Logs a review and keeps the card's new state, in one committed transaction.
    pub fn record_review(&mut self, review: &Review, state: &StoredCard) -> Result<(), StoreError> {
        self.act(|tx| {
            tx.execute(
                "INSERT INTO review_log (card, reviewed_at, rating, elapsed_days, answer_ms, wait)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    review.card,
                    review.at,
                    review.rating,
                    review.elapsed_days,
                    review.answer_ms,
                    review.wait
                ],
            )?;
            tx.execute(
                "INSERT INTO card_state (card, phase, step, stability, difficulty, due, last_review, reps, lapses, retired_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL)
                 ON CONFLICT (card) DO UPDATE SET phase = ?2, step = ?3, stability = ?4,
                   difficulty = ?5, due = ?6, last_review = ?7, reps = ?8, lapses = ?9, retired_at = NULL",
                params![
                    state.card,
                    state.phase,
                    state.step,
                    state.stability,
                    state.difficulty,
                    state.due,
                    state.last_review,
                    state.reps,
                    state.lapses
                ],
            )?;
            Ok(())
        })
    }

    /// The scheduler's parameters fitted to the user's reviews, if they were (`acuref study
    /// optimize`); parameters that do not read as numbers are none (the defaults serve).
    pub fn fitted_parameters(&self) -> Result<Option<FittedParameters>, StoreError> {
        let row = self.rows(
            "SELECT parameters, reviews, fitted_at FROM fsrs_parameters WHERE id = 1",
            [],
            |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(row.into_iter().next().and_then(|(text, reviews, at)| {
            let parameters: Result<Vec<f32>, _> =
                text.split_whitespace().map(str::parse::<f32>).collect();
            Some(FittedParameters {
                parameters: parameters.ok()?,
                reviews,
                fitted_at: at,
            })
        }))
    }

    /// Keeps fitted parameters in place of any kept before, committed.
    pub fn save_fitted_parameters(&mut self, fitted: &FittedParameters) -> Result<(), StoreError> {
        let text: Vec<String> = fitted.parameters.iter().map(f32::to_string).collect();
        self.act(|tx| {
            tx.execute(
                "INSERT INTO fsrs_parameters (id, parameters, reviews, fitted_at) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET parameters = ?1, reviews = ?2, fitted_at = ?3",
                params![text.join(" "), fitted.reviews, fitted.fitted_at],
            )?;
            Ok(())
        })
    }

    /// The reviews logged, oldest first (for statistics and for fitting the parameters).
    pub fn reviews(&self) -> Result<Vec<Review>, StoreError> {
        self.rows(
            "SELECT card, reviewed_at, rating, elapsed_days, answer_ms, wait FROM review_log ORDER BY seq",
            [],
            |r| {
                Ok(Review {
                    card: r.get(0)?,
                    at: r.get(1)?,
                    rating: r.get(2)?,
                    elapsed_days: r.get(3)?,
                    answer_ms: r.get(4)?,
                    wait: r.get(5)?,
                })
            },
        )
    }
}

/// Merges exported study progress in, inside the import's transaction: a review already in
/// the log (the same card, time and rating) is skipped; a card's state is taken when the
/// database has none or an older one (by last review). Returns (added, already there).
pub(super) fn import_progress(
    tx: &rusqlite::Transaction<'_>,
    cards: &[StoredCard],
    reviews: &[Review],
) -> rusqlite::Result<(usize, usize)> {
    let (mut added, mut there) = (0, 0);
    for r in reviews {
        let known: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM review_log WHERE card = ?1 AND reviewed_at = ?2 AND rating = ?3",
                params![r.card, r.at, r.rating],
                |row| row.get(0),
            )
            .optional()?;
        if known.is_some() {
            there += 1;
            continue;
        }
        tx.execute(
            "INSERT INTO review_log (card, reviewed_at, rating, elapsed_days, answer_ms, wait)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![r.card, r.at, r.rating, r.elapsed_days, r.answer_ms, r.wait],
        )?;
        added += 1;
    }
    for c in cards {
        tx.execute(
            "INSERT INTO card_state (card, phase, step, stability, difficulty, due, last_review, reps, lapses, retired_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL)
             ON CONFLICT (card) DO UPDATE SET phase = ?2, step = ?3, stability = ?4,
               difficulty = ?5, due = ?6, last_review = ?7, reps = ?8, lapses = ?9
             WHERE coalesce(card_state.last_review, 0) < coalesce(?7, 0)",
            params![
                c.card,
                c.phase,
                c.step,
                c.stability,
                c.difficulty,
                c.due,
                c.last_review,
                c.reps,
                c.lapses
            ],
        )?;
    }
    Ok((added, there))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(card: &str, due: i64) -> StoredCard {
        StoredCard {
            card: card.to_string(),
            phase: "review".into(),
            step: 0,
            stability: Some(2.3),
            difficulty: Some(5.0),
            due,
            last_review: Some(100),
            reps: 1,
            lapses: 0,
            retired_at: None,
        }
    }

    #[test]
    fn a_review_keeps_its_log_line_and_the_cards_state_together() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join(super::super::FILE_NAME)).unwrap();
        let review = Review {
            card: "LI4:name".into(),
            at: 100,
            rating: 3,
            elapsed_days: 0,
            answer_ms: 2500,
            wait: 600,
        };
        store
            .record_review(&review, &stored("LI4:name", 700))
            .unwrap();
        store
            .record_review(
                &Review {
                    at: 700,
                    ..review.clone()
                },
                &stored("LI4:name", 90_000),
            )
            .unwrap();
        assert_eq!(store.reviews().unwrap().len(), 2);
        let states = store.card_states().unwrap();
        assert_eq!(states.len(), 1);
        assert_eq!(states[0].due, 90_000);
    }

    #[test]
    fn study_progress_is_exported_and_imported_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut from = Store::open(&dir.path().join("a.sqlite3")).unwrap();
        let review = Review {
            card: "LU7:name".into(),
            at: 100,
            rating: 3,
            elapsed_days: 0,
            answer_ms: 2500,
            wait: 600,
        };
        from.record_review(&review, &stored("LU7:name", 700))
            .unwrap();
        let text = toml::to_string(&from.export().unwrap()).unwrap();
        assert!(
            text.contains("[[review]]") && text.contains("[[card]]"),
            "{text}"
        );
        let read: crate::store::Export = toml::from_str(&text).unwrap();
        let mut to = Store::open(&dir.path().join("b.sqlite3")).unwrap();
        assert_eq!(to.import(&read).unwrap().reviews, 1);
        assert_eq!(
            to.import(&read).unwrap().reviews,
            0,
            "importing twice changes nothing"
        );
        assert_eq!(to.reviews().unwrap(), vec![review]);
        assert_eq!(to.card_states().unwrap(), from.card_states().unwrap());
    }
}
