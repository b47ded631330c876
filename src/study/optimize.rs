//! Fitting the scheduler to the user's own memory: FSRS's optimiser over the review log, the
//! result kept only when it predicts the user's recall better than the parameters in use (as
//! Anki does). Pure: the reviews and the parameters in use come in; the caller keeps the fit.

use std::collections::HashMap;

use fsrs::{ComputeParametersInput, FSRS, FSRSItem, FSRSReview, compute_parameters};

use super::clock::day_of;
use super::order::stable_hash;
use super::schedule::RELEARNING_STEPS;
use crate::store::Review;

/// How well a set of parameters predicts the user's recall on their own reviews.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Accuracy {
    /// Log loss of the predicted recall (lower is better).
    pub log_loss: f32,
    /// Root mean square error between predicted and actual recall, binned (lower is better).
    pub rmse: f32,
}

/// What fitting found.
#[derive(Clone, Debug, PartialEq)]
pub enum Fit {
    /// No review came after a day or more: nothing to fit to yet.
    TooFew {
        /// The reviews logged.
        reviews: usize,
    },
    /// Parameters were fitted; `better` says whether they beat those in use.
    Fitted {
        /// The fitted parameters.
        parameters: Vec<f32>,
        /// The parameters in use, on the user's reviews.
        before: Accuracy,
        /// The fitted ones, on the same reviews.
        after: Accuracy,
        /// Reviews that came a day or more after the one before (what the fit learns from).
        items: usize,
        /// Whether the fitted parameters predict better (lower log loss).
        better: bool,
    },
}

/// The review log as FSRS's training items: for each card, each review a day or more after
/// the one before it, with the card's history up to it (oldest first); and each item's card.
pub fn items(reviews: &[Review]) -> (Vec<FSRSItem>, Vec<i64>) {
    let mut by_card: HashMap<&str, Vec<&Review>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for r in reviews {
        let list = by_card.entry(r.card.as_str()).or_default();
        if list.is_empty() {
            order.push(r.card.as_str());
        }
        list.push(r);
    }
    let mut items = Vec::new();
    let mut cards = Vec::new();
    for card in order {
        let list = &by_card[card];
        let mut history: Vec<FSRSReview> = Vec::with_capacity(list.len());
        let mut last: Option<i64> = None;
        for r in list {
            let delta_t = last.map_or(0, |t| (day_of(r.at) - day_of(t)).max(0)) as u32;
            last = Some(r.at);
            history.push(FSRSReview {
                rating: r.rating.clamp(1, 4) as u32,
                delta_t,
            });
            if history.len() > 1 && delta_t > 0 {
                items.push(FSRSItem {
                    reviews: history.clone(),
                });
                cards.push(stable_hash(card) as i64);
            }
        }
    }
    (items, cards)
}

fn accuracy(parameters: &[f32], items: &[FSRSItem]) -> Result<Accuracy, String> {
    let fsrs = FSRS::new(parameters).map_err(|e| format!("FSRS: {e}"))?;
    let evaluation = fsrs
        .evaluate(items.to_vec(), |_| true)
        .map_err(|e| format!("FSRS could not evaluate the parameters: {e}"))?;
    Ok(Accuracy {
        log_loss: evaluation.log_loss,
        rmse: evaluation.rmse_bins,
    })
}

/// Fits FSRS's parameters to the reviews, and measures them and those in use (`current`;
/// none for the defaults) on the same reviews.
pub fn fit(reviews: &[Review], current: &[f32]) -> Result<Fit, String> {
    let (train_set, card_ids) = items(reviews);
    if train_set.is_empty() {
        return Ok(Fit::TooFew {
            reviews: reviews.len(),
        });
    }
    let in_use: Vec<f32> = if current.is_empty() {
        fsrs::DEFAULT_PARAMETERS.to_vec()
    } else {
        current.to_vec()
    };
    let before = accuracy(&in_use, &train_set)?;
    let parameters = compute_parameters(ComputeParametersInput {
        train_set: train_set.clone(),
        card_ids: Some(card_ids),
        num_relearning_steps: Some(RELEARNING_STEPS.len()),
        ..ComputeParametersInput::default()
    })
    .map_err(|e| format!("FSRS could not fit the parameters: {e}"))?;
    let after = accuracy(&parameters, &train_set)?;
    Ok(Fit::Fitted {
        better: after.log_loss < before.log_loss,
        parameters,
        before,
        after,
        items: train_set.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::clock::DAY;

    fn review(card: &str, day: i64, rating: i64) -> Review {
        Review {
            card: card.into(),
            at: 1_796_083_200 + day * DAY + 3600,
            rating,
            elapsed_days: 0,
            answer_ms: 900,
            wait: DAY,
        }
    }

    #[test]
    fn items_are_the_reviews_a_day_or_more_after_the_one_before_with_their_history() {
        let log = [
            review("a", 0, 3),
            review("a", 0, 3),
            review("b", 0, 1),
            review("a", 2, 3),
            review("b", 1, 3),
            review("a", 9, 1),
        ];
        let (items, cards) = items(&log);
        let shape: Vec<Vec<(u32, u32)>> = items
            .iter()
            .map(|i| i.reviews.iter().map(|r| (r.rating, r.delta_t)).collect())
            .collect();
        assert_eq!(
            shape,
            [
                vec![(3, 0), (3, 0), (3, 2)],
                vec![(3, 0), (3, 0), (3, 2), (1, 7)],
                vec![(1, 0), (3, 1)],
            ]
        );
        assert_eq!(cards[0], cards[1]);
        assert_ne!(cards[1], cards[2]);
    }

    #[test]
    fn a_log_without_a_later_review_is_too_few_and_a_long_one_is_fitted_and_measured() {
        assert_eq!(
            fit(&[review("a", 0, 3)], &[]).unwrap(),
            Fit::TooFew { reviews: 1 }
        );
        // 120 cards, each reviewed on days 0, 1, 4 and 12; the hard ones (a fifth) forgotten
        // at the last review.
        let mut log = Vec::new();
        for card in 0..120 {
            let id = format!("c{card}");
            for (day, rating) in [(0, 3), (1, 3), (4, 3), (12, 3)] {
                let rating = if day == 12 && card % 5 == 0 {
                    1
                } else {
                    rating
                };
                log.push(review(&id, day, rating));
            }
        }
        log.sort_by_key(|r| r.at);
        let Fit::Fitted {
            parameters,
            before,
            after,
            items,
            better,
        } = fit(&log, &[]).unwrap()
        else {
            panic!("fitted");
        };
        assert_eq!(items, 360);
        assert_eq!(parameters.len(), fsrs::DEFAULT_PARAMETERS.len());
        assert!(parameters.iter().all(|p| p.is_finite()));
        assert_ne!(
            parameters,
            fsrs::DEFAULT_PARAMETERS,
            "the optimiser ran on this log"
        );
        assert!(before.log_loss.is_finite() && after.log_loss.is_finite());
        // Fitted to a log this regular, the fit predicts it better than the defaults.
        assert!(
            better && after.log_loss < before.log_loss,
            "{before:?} -> {after:?}"
        );
    }
}
