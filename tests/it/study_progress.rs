//! `acuref study due` and `study stats` over a real database, by an injected clock: cards
//! rated come back when FSRS says, new cards stop at the day's limit, and the numbers add up.

use acuref::store::{FILE_NAME, Store};
use acuref::study::progress::{rate, state_of};
use acuref::study::schedule::{CardState, Rating, Scheduler};

use crate::common::acuref_at;

const MORNING: &str = "2026-12-01T09:00:00Z";

fn at(home: &std::path::Path, now: &str, args: &[&str]) -> String {
    let out = acuref_at(home)
        .env("ACUREF_NOW", now)
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn rated_cards_come_due_when_the_scheduler_says_and_new_ones_stop_at_the_limit() {
    let home = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("config.toml"),
        "[study]\nnew_per_day = 3\n",
    )
    .unwrap();
    let due = |now: &str| -> serde_json::Value {
        let out = acuref_at(home.path())
            .env("ACUREF_NOW", now)
            .env("ACUREF_CONFIG_DIR", config.path())
            .args(["study", "due", "--deck", "channel:LU", "--json"])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let first = due(MORNING);
    assert_eq!(first["new"].as_array().unwrap().len(), 3, "{first}");
    let card = first["new"][0]["card"].as_str().unwrap().to_string();

    // The student rates that card Good twice (its 10-minute step, then it graduates).
    let now = acuref::study::clock::parse_rfc3339(MORNING).unwrap();
    let mut store = Store::open(&home.path().join(FILE_NAME)).unwrap();
    let s = Scheduler::new(0.9).unwrap();
    let one = rate(
        &mut store,
        &s,
        &card,
        &CardState::new_card(),
        Rating::Good,
        now,
        3000,
    )
    .unwrap();
    let after_step = due("2026-12-01T09:11:00Z");
    assert_eq!(
        after_step["learning"][0]["card"],
        card.as_str(),
        "{after_step}"
    );
    assert_eq!(
        after_step["new"].as_array().unwrap().len(),
        2,
        "one of today's 3 is started"
    );
    let kept = state_of(&store.card_states().unwrap()[0]);
    let two = rate(
        &mut store,
        &s,
        &card,
        &kept,
        Rating::Good,
        one.state.due,
        2000,
    )
    .unwrap();
    drop(store);
    let days = two.wait / 86_400;
    assert!(days >= 1, "graduated for days: {}", two.wait);

    let next_day = due("2026-12-02T09:00:00Z");
    let reviews: Vec<&str> = next_day["review"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["card"].as_str().unwrap())
        .collect();
    assert_eq!(reviews.contains(&card.as_str()), days == 1, "{next_day}");
    let when_due = format!("2026-12-{:02}T09:00:00Z", 1 + days);
    let later = due(&when_due);
    assert_eq!(later["review"][0]["card"], card.as_str(), "{later}");

    // A card whose fact left the catalogue is counted as retired, its history kept.
    let mut store = Store::open(&home.path().join(FILE_NAME)).unwrap();
    rate(
        &mut store,
        &s,
        "XX99:name",
        &CardState::new_card(),
        Rating::Good,
        now,
        1000,
    )
    .unwrap();
    drop(store);
    let stats: serde_json::Value = serde_json::from_str(&at(
        home.path(),
        &when_due,
        &["study", "stats", "--deck", "channel:LU", "--json"],
    ))
    .unwrap();
    assert_eq!(stats["learned"], 1);
    assert_eq!(stats["retired"], 1, "{stats}");
    assert_eq!(
        stats["new"].as_u64().unwrap() + 1,
        stats["cards"].as_u64().unwrap()
    );
    assert_eq!(stats["mastery"]["Lung"]["cards"], stats["cards"]);
    let text = at(
        home.path(),
        &when_due,
        &["study", "stats", "--deck", "channel:LU"],
    );
    assert!(text.contains("1 learnt; 1 due today"), "{text}");
}

#[test]
fn study_optimize_fits_the_scheduler_to_the_users_reviews_and_keeps_it_only_when_better() {
    let home = tempfile::tempdir().unwrap();
    let optimize = |args: &[&str]| {
        acuref_at(home.path())
            .env("ACUREF_NOW", "2027-01-01T09:00:00Z")
            .args(["study", "optimize"])
            .args(args)
            .output()
            .unwrap()
    };
    let none = optimize(&[]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no reviews are kept yet"));

    // 150 cards studied over a month as a student would: days 0, 1, 4 and 12, the hard ones
    // (one in six) forgotten at the last review.
    let start = acuref::study::clock::parse_rfc3339(MORNING).unwrap();
    let mut store = Store::open(&home.path().join(FILE_NAME)).unwrap();
    let s = Scheduler::new(0.9).unwrap();
    let mut states: Vec<CardState> = vec![CardState::new_card(); 150];
    for day in [0, 1, 4, 12] {
        for (card, state) in states.iter_mut().enumerate() {
            let rating = if day == 12 && card % 6 == 0 {
                Rating::Again
            } else {
                Rating::Good
            };
            let at = start + day * 86_400 + card as i64 * 10;
            let id = format!("LU{}:name", card);
            *state = rate(&mut store, &s, &id, state, rating, at, 2000)
                .unwrap()
                .state;
        }
    }
    drop(store);
    let out = optimize(&["--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fit: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(fit["reviews"], 600);
    assert_eq!(fit["items"], 450, "each review after the first day");
    assert_eq!(fit["in_use"], "default");
    let (before, after) = (
        fit["before"]["log_loss"].as_f64().unwrap(),
        fit["after"]["log_loss"].as_f64().unwrap(),
    );
    assert_eq!(fit["kept"], after < before, "{fit}");
    let kept = Store::open(&home.path().join(FILE_NAME))
        .unwrap()
        .fitted_parameters()
        .unwrap();
    assert_eq!(kept.is_some(), after < before);
    if let Some(kept) = kept {
        assert_eq!(kept.reviews, 600);
        let fitted: Vec<f64> = fit["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_f64().unwrap())
            .collect();
        let stored: Vec<f64> = kept.parameters.iter().map(|&p| f64::from(p)).collect();
        assert_eq!(fitted.len(), stored.len());
        assert!(
            fitted
                .iter()
                .zip(&stored)
                .all(|(a, b)| (a - b).abs() < 1e-4)
        );
        // Run again: the fitted parameters are now the ones in use.
        let again: serde_json::Value =
            serde_json::from_slice(&optimize(&["--json"]).stdout).unwrap();
        assert_eq!(again["in_use"], "fitted");
    }
    let text = String::from_utf8(optimize(&[]).stdout).unwrap();
    assert!(
        text.contains("fitted to 600 reviews (450 a day or more after the one before)"),
        "{text}"
    );
}

#[test]
fn a_study_day_runs_from_4_am_to_4_am_local_time() {
    let home = tempfile::tempdir().unwrap();
    let mut store = Store::open(&home.path().join(FILE_NAME)).unwrap();
    let s = Scheduler::new(0.9).unwrap();
    // 15:00 UTC is 01:00 the next morning ten hours east of Greenwich: still that zone's 1
    // December study day, which ends at 04:00 local (18:00 UTC).
    let at = acuref::study::clock::parse_rfc3339("2026-12-01T15:00:00Z").unwrap();
    rate(
        &mut store,
        &s,
        "LU7:name",
        &CardState::new_card(),
        Rating::Good,
        at,
        900,
    )
    .unwrap();
    drop(store);
    let reviewed_today = |tz: &str, now: &str| -> serde_json::Value {
        let out = acuref_at(home.path())
            .env("TZ", tz)
            .env("ACUREF_NOW", now)
            .args(["study", "stats", "--json"])
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["reviewed_today"].clone()
    };
    // POSIX TZ: "UTC-10" is ten hours east.
    assert_eq!(
        reviewed_today("UTC-10", "2026-12-01T17:59:00Z"),
        1,
        "03:59 local"
    );
    assert_eq!(
        reviewed_today("UTC-10", "2026-12-01T18:00:00Z"),
        0,
        "04:00: a new day"
    );
    assert_eq!(
        reviewed_today("UTC", "2026-12-01T18:00:00Z"),
        1,
        "18:00 in UTC"
    );
    assert_eq!(
        reviewed_today("UTC", "2026-12-02T03:59:00Z"),
        1,
        "before 4 am"
    );
    assert_eq!(reviewed_today("UTC", "2026-12-02T04:00:00Z"), 0);
}
