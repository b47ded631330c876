//! `acuref study optimize`: the scheduler fitted to the user's own reviews, kept when it
//! predicts their recall better than the parameters in use.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::user::failed;
use super::{Context, Status, diagnostic, json};
use crate::store::{FittedParameters, Store};
use crate::study::clock;
use crate::study::optimize::{Accuracy, Fit, fit};

/// Runs `acuref study optimize`.
pub(super) fn optimize(cx: &Context<'_>, as_json: bool, out: &mut impl Write) -> Result<Status> {
    let now = match clock::now() {
        Ok(now) => now,
        Err(e) => {
            diagnostic(&e);
            return Ok(Status::Error);
        }
    };
    let mut store = match cx.database.map(Store::open_existing) {
        Some(Ok(Some(store))) => store,
        Some(Err(e)) => return Ok(failed(&e)),
        _ => {
            diagnostic("no reviews are kept yet: study first (`acuref study`), then fit");
            return Ok(Status::NothingFound);
        }
    };
    let read = store
        .reviews()
        .and_then(|reviews| Ok((reviews, store.fitted_parameters()?)));
    let (reviews, in_use) = match read {
        Ok(read) => read,
        Err(e) => return Ok(failed(&e)),
    };
    let current = in_use.map(|f| f.parameters).unwrap_or_default();
    let found = match fit(&reviews, &current) {
        Ok(found) => found,
        Err(e) => {
            diagnostic(&format!("{e}; the parameters in use stay"));
            return Ok(Status::Error);
        }
    };
    let Fit::Fitted {
        parameters,
        before,
        after,
        items,
        better,
    } = found
    else {
        diagnostic(&format!(
            "{} reviews are kept, none a day or more after the one before: FSRS learns from those; the parameters in use stay",
            reviews.len()
        ));
        return Ok(Status::NothingFound);
    };
    if better {
        let fitted = FittedParameters {
            parameters: parameters.clone(),
            reviews: reviews.len() as i64,
            fitted_at: now,
        };
        if let Err(e) = store.save_fitted_parameters(&fitted) {
            return Ok(failed(&e));
        }
    }
    if as_json {
        let measure = |a: &Accuracy| json!({"log_loss": a.log_loss, "rmse": a.rmse});
        json::print(
            out,
            &json!({
                "reviews": reviews.len(),
                "items": items,
                "in_use": if current.is_empty() { "default" } else { "fitted" },
                "before": measure(&before),
                "after": measure(&after),
                "kept": better,
                "parameters": parameters,
            }),
        )?;
        return Ok(Status::Success);
    }
    let which = if current.is_empty() {
        "the default parameters"
    } else {
        "the parameters fitted before"
    };
    writeln!(
        out,
        "fitted to {} reviews ({items} a day or more after the one before)",
        reviews.len()
    )?;
    writeln!(
        out,
        "{which}: log loss {:.4}, RMSE {:.2}%",
        before.log_loss,
        before.rmse * 100.0
    )?;
    writeln!(
        out,
        "fitted:{}log loss {:.4}, RMSE {:.2}%",
        " ".repeat(which.len().saturating_sub(6) + 1),
        after.log_loss,
        after.rmse * 100.0
    )?;
    if better {
        writeln!(
            out,
            "kept: study schedules with the fitted parameters from the next sitting"
        )?;
    } else {
        writeln!(
            out,
            "not kept: the fit predicts no better than {which}, which stay"
        )?;
    }
    Ok(Status::Success)
}
