//! Study's cost over the built-in catalogue: building every card (what opening study mode or
//! an export starts with), and dealing the whole deck from them.

use std::hint::black_box;

use acuref::catalogue::Catalogue;
use acuref::study::{Deck, UserLists, all_cards};
use criterion::{Criterion, criterion_group, criterion_main};

fn study(c: &mut Criterion) {
    let builtin = Catalogue::builtin().expect("the built-in catalogue is valid");
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

criterion_group!(benches, study);
criterion_main!(benches);
