//! The built-in catalogue and index, read from the archives build.rs wrote, are what parsing
//! data/ and indexing it give; an overlay merged onto the archive is what parsing both gives.

use std::borrow::Cow;

use acuref::builtin;
use acuref::catalogue::{Catalogue, CatalogueFile};
use acuref::search::SearchIndex;

/// The catalogue's whole content (entries, where each was written, backlinks, files), in a
/// form two catalogues can be compared by: its archive.
fn content(c: &Catalogue) -> Vec<u8> {
    c.archive()
}

fn file(name: &str, text: &'static str) -> CatalogueFile {
    CatalogueFile {
        name: name.into(),
        text: Cow::Borrowed(text),
    }
}

#[test]
fn the_archive_holds_what_parsing_the_data_gives() {
    let parsed = Catalogue::load(&builtin::files(), &[]).expect("data/ loads");
    assert_eq!(content(&Catalogue::builtin()), content(&parsed));
    assert!(Catalogue::builtin().points.get("BL23").is_some());
}

#[test]
fn an_overlay_on_the_archive_is_an_overlay_on_the_data() {
    let overlay = [file(
        "mine.toml",
        "[[region]]\nid = \"hand\"\nname = \"Hand and fingers\"\n\n[[region]]\nid = \"scalp\"\nname = \"Scalp\"\n",
    )];
    let parsed = Catalogue::load(&builtin::files(), &overlay).expect("loads");
    let merged = Catalogue::builtin()
        .with_overlay(&builtin::files(), &overlay)
        .expect("loads");
    assert_eq!(content(&merged), content(&parsed));
    assert_eq!(merged.regions.get("hand").unwrap().name, "Hand and fingers");
    assert!(merged.regions.get("scalp").is_some());
}

#[test]
fn an_overlay_problem_is_reported_as_parsing_both_reports_it() {
    let overlay = [file(
        "mine.toml",
        "[[category]]\nid = \"mine\"\nname = \"Mine\"\nsummary = \"Mine.\"\nsources = [\"nowhere\"]\n",
    )];
    let parsed = Catalogue::load(&builtin::files(), &overlay).unwrap_err();
    let merged = Catalogue::builtin()
        .with_overlay(&builtin::files(), &overlay)
        .unwrap_err();
    assert_eq!(merged.problems, parsed.problems);
    let p = &merged.problems[0];
    assert_eq!((p.file.as_str(), p.line), ("mine.toml", 5));
    assert!(p.message.contains("`nowhere`"), "{}", p.message);
}

#[test]
fn the_archived_index_finds_what_a_new_index_finds() {
    let c = Catalogue::builtin();
    let built = SearchIndex::new(&c);
    let archived = SearchIndex::builtin();
    for query in [
        "BL23", "ub23", "zusanli", "headache", "preg", "k", "肾俞", "ling gu",
    ] {
        let hits = archived.search(query, None);
        assert!(!hits.is_empty(), "{query} finds something");
        assert_eq!(hits, built.search(query, None), "{query}");
        for hit in hits.iter().take(20) {
            assert_eq!(archived.field(hit), built.field(hit), "{query}");
            assert_eq!(archived.positions(hit, query), built.positions(hit, query));
        }
    }
}
