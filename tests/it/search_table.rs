//! What a user types, and what must come first. Runs on the built-in catalogue.

use acuref::catalogue::codes::Reading;
use acuref::catalogue::{Catalogue, Kind};
use acuref::search::SearchIndex;

fn first_id(c: &Catalogue, index: &SearchIndex, query: &str) -> String {
    let hits = index.search(query, None);
    let first = hits
        .first()
        .unwrap_or_else(|| panic!("no hit for {query:?}"));
    c.id(first.entry).to_string()
}

#[test]
fn the_first_hit_is_what_the_user_meant() {
    let c = Catalogue::builtin();
    let index = SearchIndex::new(&c);
    let table: &[(&str, &str)] = &[
        // Codes in every spelling.
        ("BL23", "BL23"),
        ("bl23", "BL23"),
        ("BL 23", "BL23"),
        ("BL-23", "BL23"),
        ("ub23", "BL23"),
        ("UB 23", "BL23"),
        ("b23", "BL23"),
        ("Bladder 23", "BL23"),
        ("urinary bladder 23", "BL23"),
        ("bl023", "BL23"),
        ("sj5", "TE5"),
        ("SJ 5", "TE5"),
        ("tw5", "TE5"),
        ("san jiao 5", "TE5"),
        ("th5", "TE5"),
        ("tb 5", "TE5"),
        ("triple heater 5", "TE5"),
        ("Liv3", "LR3"),
        ("lv3", "LR3"),
        ("liver 3", "LR3"),
        ("du4", "GV4"),
        ("du 26", "GV26"),
        ("ren6", "CV6"),
        ("ren 12", "CV12"),
        ("rn12", "CV12"),
        ("kid1", "KI1"),
        ("k 3", "KI3"),
        ("p6", "PC6"),
        ("hc6", "PC6"),
        ("he7", "HT7"),
        ("h7", "HT7"),
        ("spl6", "SP6"),
        ("co4", "LI4"),
        ("s36", "ST36"),
        ("st 36", "ST36"),
        ("l7", "LU7"),
        ("g34", "GB34"),
        ("gall bladder 34", "GB34"),
        ("si3", "SI3"),
        ("EX-HN3", "EX-HN3"),
        // The older M- codes of extra points (O'Connor and Bensky).
        ("M-HN-3", "EX-HN3"),
        ("m-bw-35", "EX-B2"),
        ("M HN 9", "EX-HN5"),
        ("ex hn 3", "EX-HN3"),
        ("gv29", "EX-HN3"),
        ("ex-b2", "EX-B2"),
        ("tung 22.05", "TUNG-22.05"),
        // Pinyin, with and without tones and spaces.
        ("zusanli", "ST36"),
        ("Zu San Li", "ST36"),
        ("Zúsānlǐ", "ST36"),
        ("shenshu", "BL23"),
        ("Shen Shu", "BL23"),
        ("weizhong", "BL40"),
        ("huantiao", "GB30"),
        ("ling gu", "TUNG-22.05"),
        ("linggu", "TUNG-22.05"),
        ("da bai", "TUNG-22.04"),
        ("yaotongdian", "EX-UE7"),
        ("huatuojiaji", "EX-B2"),
        // Hanzi, traditional and simplified.
        ("腎俞", "BL23"),
        ("肾俞", "BL23"),
        ("委中", "BL40"),
        ("足三里", "ST36"),
        ("靈骨", "TUNG-22.05"),
        ("灵骨", "TUNG-22.05"),
        // English names and aliases.
        ("Kidney Shu", "BL23"),
        ("leg three miles", "ST36"),
        ("renzhong", "GV26"),
        ("shuigou", "GV26"),
        ("Union Valley", "LI4"),
        // Typos within fuzzy reach.
        ("sciatca", "sciatica"),
        ("zusnli", "ST36"),
        // Two letters swapped or one wrong, where nothing matches as typed.
        ("zusnali", "ST36"),
        ("scaitica", "sciatica"),
        ("zsuanli", "ST36"),
        // A doubled letter typed once: Linggu before Lingxu.
        ("lingu", "TUNG-22.05"),
        // fzf's syntax: a kind prefix, exact, prefix and suffix.
        ("spasm", "TE18"),
        ("con: spasm", "lower-back-spasm"),
        ("pt:pregnancy", "LU3"),
        ("'sciatica ^gb", "GB29"),
        ("^shen shu$", "BL23"),
        // Conditions, techniques, contraindications, channels.
        ("sciatica", "sciatica"),
        // A name matches with its words in any order.
        ("lower back pain", "chronic-low-back-pain"),
        ("pain lower back", "chronic-low-back-pain"),
        ("back pain chronic", "chronic-low-back-pain"),
        ("fibromyalgia", "fibromyalgia"),
        ("carpal tunnel", "carpal-tunnel-syndrome"),
        ("electroacupuncture", "electroacupuncture"),
        ("moxibustion", "moxibustion"),
        ("cupping", "cupping"),
        ("pregnancy", "pregnancy"),
        ("pacemaker", "cardiac-pacemaker"),
        ("dai mai", "GB26"),
        ("girdle vessel", "DAI"),
        ("belt vessel", "DAI"),
    ];
    let mut failures = Vec::new();
    for (query, expected) in table {
        let got = first_id(&c, &index, query);
        if got != *expected {
            failures.push(format!("{query:?}: expected {expected}, got {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} queries wrong:\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
}

#[test]
fn sources_come_after_the_other_kinds_unless_asked_for() {
    let c = Catalogue::builtin();
    let index = SearchIndex::new(&c);
    let hits = index.search("pregnancy", None);
    let first_source = hits
        .iter()
        .position(|h| h.entry.kind == Kind::Source)
        .expect("sources mention pregnancy");
    assert!(first_source > 20, "at {first_source}");
    assert!(
        hits[first_source..]
            .iter()
            .all(|h| h.entry.kind == Kind::Source)
    );
    let asked = index.search("src: pregnancy", None);
    assert!(!asked.is_empty() && asked.iter().all(|h| h.entry.kind == Kind::Source));
}

#[test]
fn a_negated_word_leaves_out_every_entry_holding_it() {
    let c = Catalogue::builtin();
    let index = SearchIndex::new(&c);
    let all = index.search("pt: sciatica", None);
    let without = index.search("pt: sciatica !bl", None);
    assert!(!without.is_empty() && without.len() < all.len());
    for hit in &without {
        let point = &c.points[hit.entry.index];
        assert_ne!(
            point.channel.as_deref(),
            Some("BL"),
            "{}",
            point.code.as_str()
        );
    }
}

#[test]
fn a_query_no_entry_holds_whole_finds_those_holding_most_of_its_words() {
    let c = Catalogue::builtin();
    let index = SearchIndex::new(&c);
    let found = index.find("headache nausea insomnia dizziness", None);
    assert!(!found.hits.is_empty());
    let note = found.note().expect("says how it was found");
    assert!(
        note.starts_with("no entry has all 4 words;") && note.ends_with("have 3"),
        "{note}"
    );
    assert_eq!(
        index.find("zusnali", None).label().as_deref(),
        Some("one letter off")
    );
    assert_eq!(index.find("zusanli", None).relaxed, None);
}

#[test]
fn homonyms_are_both_found_and_told_apart() {
    let c = Catalogue::builtin();
    let index = SearchIndex::new(&c);
    for (name, a, b) in [
        ("futu", "LI18", "ST32"),
        ("juliao", "ST3", "GB29"),
        ("wangu", "SI4", "GB12"),
        ("zhongzhu", "KI15", "TE3"),
        ("zhongdu", "LR6", "GB32"),
        ("yinjiao", "CV7", "GV28"),
    ] {
        let hits = index.search(name, Some(Kind::Point));
        let top: Vec<&str> = hits.iter().take(2).map(|h| c.id(h.entry)).collect();
        assert!(
            top.contains(&a) && top.contains(&b),
            "{name}: top two are {top:?}"
        );
        assert_eq!(
            hits[0].score, hits[1].score,
            "{name}: both match equally well"
        );
        assert_ne!(
            c.points.get(a).unwrap().hanzi,
            c.points.get(b).unwrap().hanzi,
            "{name}: the hanzi tell them apart"
        );
    }
}

#[test]
fn a_legacy_bladder_code_returns_both_readings_labelled() {
    let c = Catalogue::builtin();
    let index = SearchIndex::new(&c);
    let hits = index.search("BL54", None);
    assert_eq!(c.id(hits[0].entry), "BL54", "WHO's BL54 (Zhibian) first");
    assert_eq!(hits[0].reading, Some(Reading::Standard));
    assert_eq!(
        c.id(hits[1].entry),
        "BL40",
        "then the point older texts call BL54 (Weizhong)"
    );
    assert!(matches!(&hits[1].reading, Some(Reading::Other(system)) if system.contains("older")));
    let hits = index.search("ub 47", None);
    let ids: Vec<&str> = hits.iter().take(2).map(|h| c.id(h.entry)).collect();
    assert_eq!(ids, ["BL47", "BL52"], "old BL47 is Zhishi, WHO BL52");
    let hits = index.search("bl 38", None);
    let ids: Vec<&str> = hits.iter().take(2).map(|h| c.id(h.entry)).collect();
    assert_eq!(ids, ["BL38", "BL43"], "old BL38 is Gaohuang, WHO BL43");
}

#[test]
fn names_rank_above_indications_and_positions_point_at_the_shown_text() {
    let c = Catalogue::builtin();
    let index = SearchIndex::new(&c);
    let hits = index.search("sciatica", None);
    assert_eq!(c.id(hits[0].entry), "sciatica");
    assert!(
        hits.iter().skip(1).any(|h| h.entry.kind == Kind::Point),
        "points indicated for sciatica follow"
    );
    let hits = index.search("Zúsānlǐ", None);
    let field = index.field(&hits[0]).expect("a hit's field is indexed");
    let shown: String = index
        .positions(&hits[0], "Zúsānlǐ")
        .iter()
        .map(|&i| field.text.chars().nth(i).unwrap())
        .collect();
    assert_eq!(
        shown.to_lowercase(),
        field.text.to_lowercase(),
        "every character of the name is highlighted"
    );
}

#[test]
fn a_kind_filter_keeps_only_that_kind() {
    let c = Catalogue::builtin();
    let index = SearchIndex::new(&c);
    let hits = index.search("back", Some(Kind::Condition));
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.entry.kind == Kind::Condition));
}
