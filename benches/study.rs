//! Study's cost over the built-in catalogue: building every card (what opening study mode or
//! an export starts with), and dealing the whole deck from them.

use std::hint::black_box;

use acuref::catalogue::Catalogue;
use acuref::study::{Deck, UserLists, all_cards};
use criterion::{Criterion, criterion_group, criterion_main};

fn study(c: &mut Criterion) {
    let builtin = Catalogue::builtin();
    c.bench_function("study/cards/builtin", |b| {
        b.iter(|| all_cards(black_box(&builtin)))
    });
    let cards = all_cards(&builtin);
    let deck = Deck::all();
    let user = UserLists::default();
    c.bench_function("study/deal-all/builtin", |b| {
        b.iter(|| {
            deck.deal(&builtin, black_box(&cards), &user)
                .expect("the whole deck deals")
                .len()
        })
    });
}

/// What starting a study session costs: every card built, the whole deck dealt, and the next
/// due card chosen among them (half of them reviewed, some due).
fn next_due(c: &mut Criterion) {
    use acuref::study::queue::queue;
    use acuref::study::schedule::{CardState, Phase};
    let builtin = Catalogue::builtin();
    let now = 1_796_083_200;
    let cards = all_cards(&builtin);
    let states: std::collections::HashMap<&str, CardState> = cards
        .iter()
        .step_by(2)
        .enumerate()
        .map(|(i, card)| {
            let state = CardState {
                phase: Phase::Review,
                due: now + (i as i64 % 7 - 3) * 86_400,
                ..CardState::new_card()
            };
            (card.id.as_str(), state)
        })
        .collect();
    c.bench_function("study/cards-deal-and-next-due/builtin", |b| {
        b.iter(|| {
            let cards = all_cards(black_box(&builtin));
            let dealt = Deck::all()
                .deal(&builtin, &cards, &UserLists::default())
                .expect("the whole deck deals");
            let ids: Vec<&str> = dealt.iter().map(|card| card.id.as_str()).collect();
            queue(&ids, &states, now, 20, 0).next().map(str::len)
        })
    });
}

criterion_group!(benches, study, next_due);
criterion_main!(benches);
