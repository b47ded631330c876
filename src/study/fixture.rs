//! For the tests: the built-in catalogue, its search index and its cards, built once.

use std::sync::OnceLock;

use crate::catalogue::Catalogue;
use crate::search::SearchIndex;
use crate::study::{Card, all_cards};

/// The built-in catalogue with what the study tests read of it.
pub(crate) struct Fixture {
    /// The catalogue.
    pub(crate) c: Catalogue,
    /// Its search index.
    pub(crate) index: SearchIndex,
    /// Every card of it.
    pub(crate) cards: Vec<Card>,
}

/// The fixture, built on first use.
pub(crate) fn fixture() -> &'static Fixture {
    static BUILTIN: OnceLock<Fixture> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        let c = Catalogue::builtin();
        let index = SearchIndex::new(&c);
        let cards = all_cards(&c);
        Fixture { c, index, cards }
    })
}

/// The built-in catalogue and its cards.
pub(crate) fn builtin() -> (&'static Catalogue, &'static Vec<Card>) {
    let f = fixture();
    (&f.c, &f.cards)
}
