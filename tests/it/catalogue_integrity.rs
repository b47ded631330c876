//! The built-in catalogue is complete and consistent: what a student or practitioner relies on.

use acuref::catalogue::text::text_fault;
use acuref::catalogue::{Catalogue, EntryRef, Kind, Relation};

fn catalogue() -> Catalogue {
    Catalogue::builtin()
}

#[test]
fn every_channel_has_its_who_point_count_numbered_without_gaps() {
    let c = catalogue();
    let expected = [
        ("LU", 11),
        ("LI", 20),
        ("ST", 45),
        ("SP", 21),
        ("HT", 9),
        ("SI", 19),
        ("BL", 67),
        ("KI", 27),
        ("PC", 9),
        ("TE", 23),
        ("GB", 44),
        ("LR", 14),
        ("GV", 28),
        ("CV", 24),
    ];
    let mut total = 0;
    for (channel, count) in expected {
        let index = c
            .channels
            .position(channel)
            .unwrap_or_else(|| panic!("channel {channel}"));
        let points = &c.backlinks.channel_points[index];
        let numbers: Vec<u16> = points
            .iter()
            .map(|&p| c.points[p].number.unwrap())
            .collect();
        let wanted: Vec<u16> = (1..=count).collect();
        assert_eq!(numbers, wanted, "{channel} points 1..{count} in order");
        total += count as usize;
    }
    assert_eq!(total, 361);
    let channel_points = c.points.all().filter(|p| p.channel.is_some()).count();
    assert_eq!(
        channel_points, 361,
        "no channel point outside the 14 channels"
    );
}

#[test]
fn every_point_is_complete_and_cites_two_sources() {
    let c = catalogue();
    for p in c.points.all() {
        let code = p.code.as_str();
        for (field, text) in [
            ("pinyin", &p.pinyin),
            ("pinyin_tones", &p.pinyin_tones),
            ("hanzi", &p.hanzi),
            ("hanzi_simplified", &p.hanzi_simplified),
            ("english", &p.english),
            ("location", &p.location),
            ("depth", &p.depth),
            ("angle", &p.angle),
        ] {
            assert!(!text.trim().is_empty(), "{code} {field}");
            assert!(!text.contains("TODO"), "{code} {field}");
        }
        assert!(
            !p.actions.is_empty() && !p.indications.is_empty() && !p.regions.is_empty(),
            "{code}"
        );
        let mut sources: Vec<&str> = p.sources.iter().map(|s| s.source.as_str()).collect();
        sources.sort_unstable();
        sources.dedup();
        assert!(sources.len() >= 2, "{code} cites {sources:?}");
        if p.channel.is_some() {
            assert!(
                sources.contains(&"who-2008"),
                "{code}'s location follows WHO 2008 and cites it"
            );
        }
    }
}

#[test]
fn every_condition_prescribes_at_least_three_points_and_names_red_flags() {
    let c = catalogue();
    assert!(c.conditions.len() >= 26);
    for cond in c.conditions.all() {
        assert!(
            cond.points.len() >= 3,
            "{} has {} points",
            cond.id.as_str(),
            cond.points.len()
        );
        assert!(!cond.red_flags.is_empty(), "{}", cond.id.as_str());
        for p in &cond.points {
            assert!(!p.why.trim().is_empty());
        }
    }
}

#[test]
fn all_text_is_nfc_and_free_of_control_characters() {
    let c = catalogue();
    fn walk(value: &serde_json::Value, path: &str) {
        match value {
            serde_json::Value::String(s) => assert!(text_fault(s).is_none(), "{path}: {s:?}"),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, path)),
            serde_json::Value::Object(map) => map
                .iter()
                .for_each(|(k, v)| walk(v, &format!("{path}.{k}"))),
            _ => {}
        }
    }
    for p in c.points.all() {
        walk(&serde_json::to_value(p).unwrap(), p.code.as_str());
    }
    for x in c.conditions.all() {
        walk(&serde_json::to_value(x).unwrap(), x.id.as_str());
    }
    for x in c.sources.all() {
        walk(&serde_json::to_value(x).unwrap(), x.id.as_str());
    }
}

#[test]
fn key_extra_points_are_their_own_entries() {
    let c = catalogue();
    for code in [
        "EX-HN3",
        "EX-B2",
        "EX-B7",
        "EX-B8",
        "EX-UE7",
        "TUNG-22.04",
        "TUNG-22.05",
    ] {
        let p = c.points.get(code).unwrap_or_else(|| panic!("{code}"));
        assert!(
            p.channel.is_none() && p.number.is_none(),
            "{code} is an extra point"
        );
    }
    let ling_gu = c.points.get("TUNG-22.05").unwrap();
    assert_eq!(ling_gu.pinyin, "Linggu");
    assert!(
        !ling_gu.alt_names.iter().any(|n| n.contains("Hegu")),
        "Ling Gu is not LI4"
    );
    let yintang = c.points.get("EX-HN3").unwrap();
    assert!(
        yintang.other_codes.iter().any(|o| o.code == "GV29"),
        "Yintang is findable as GV29"
    );
    assert_eq!(
        c.points.all().filter(|p| p.pinyin == "Yintang").count(),
        1,
        "recorded once"
    );
    let gv26 = c.points.get("GV26").unwrap();
    assert!(gv26.alt_names.iter().any(|n| n == "Renzhong"));
}

#[test]
fn the_eight_extraordinary_vessels_have_their_confluent_points_and_couples() {
    let c = catalogue();
    for (vessel, confluent, couple) in [
        ("GV", "SI3", "YANGQIAO"),
        ("CV", "LU7", "YINQIAO"),
        ("CHONG", "SP4", "YINWEI"),
        ("DAI", "GB41", "YANGWEI"),
        ("YANGQIAO", "BL62", "GV"),
        ("YINQIAO", "KI6", "CV"),
        ("YINWEI", "PC6", "CHONG"),
        ("YANGWEI", "TE5", "DAI"),
    ] {
        let ch = c.channels.get(vessel).unwrap_or_else(|| panic!("{vessel}"));
        assert_eq!(
            ch.confluent_point.as_deref(),
            Some(confluent),
            "{vessel} confluent point"
        );
        let index = c.channels.position(vessel).unwrap();
        let links = c.links(EntryRef {
            kind: Kind::Channel,
            index,
        });
        let partner = c.channels.position(couple).unwrap();
        assert!(
            links
                .iter()
                .any(|l| l.relation == Relation::Partner && l.target.index == partner),
            "{vessel} couples with {couple}"
        );
    }
}

#[test]
fn study_sources_state_what_they_found() {
    let c = catalogue();
    for id in [
        "thomas-2006",
        "cho-2013",
        "ji-2015",
        "vickers-2012",
        "lee-2013",
        "liu-2015",
    ] {
        let s = c.sources.get(id).unwrap_or_else(|| panic!("{id}"));
        assert!(
            s.finding.as_deref().is_some_and(|f| f.len() > 40),
            "{id} has a finding"
        );
        assert!(s.year.is_some(), "{id} has a year");
    }
    let vickers = c.sources.get("vickers-2012").unwrap();
    assert!(
        vickers.claim_note.is_some(),
        "the popular '50 percent' gloss is checked"
    );
}

#[test]
fn no_data_line_is_longer_than_120_characters_so_diffs_show_what_changed() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut stack = vec![data];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (n, line) in text.lines().enumerate() {
                    // A URL cannot be broken.
                    let url = line.trim_start().starts_with("http") || line.contains("url = ");
                    assert!(
                        line.chars().count() <= 120 || url,
                        "{}:{}: {} characters",
                        path.display(),
                        n + 1,
                        line.chars().count()
                    );
                }
            }
        }
    }
}
