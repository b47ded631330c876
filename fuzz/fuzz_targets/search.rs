//! Any bytes as a query on the built-in catalogue: hits come best first, highlighted positions
//! lie inside the text shown, and nothing panics.
#![no_main]

use std::sync::OnceLock;

use acuref::catalogue::Catalogue;
use acuref::search::SearchIndex;
use libfuzzer_sys::fuzz_target;

fn builtin() -> &'static (Catalogue, SearchIndex) {
    static BUILTIN: OnceLock<(Catalogue, SearchIndex)> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        let catalogue = Catalogue::builtin();
        let index = SearchIndex::new(&catalogue);
        (catalogue, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (_, index) = builtin();
    let hits = index.search(&query, None);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    for hit in hits.iter().take(20) {
        let field = index.field(hit).expect("a hit's field is indexed");
        let length = field.text.chars().count();
        assert!(index.positions(hit, &query).iter().all(|&p| p < length));
    }
});
