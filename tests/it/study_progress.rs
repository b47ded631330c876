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
