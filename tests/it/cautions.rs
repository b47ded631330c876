//! Cautions as rules: what a practitioner relies on when a patient is set, checked on the
//! built-in catalogue.

use crate::common::builtin;
use acuref::catalogue::cautions::{Patient, find_state};
use acuref::catalogue::{Catalogue, EntryRef, Kind, Level, Method};
use acuref::entry_view::entry_view;

fn c() -> &'static Catalogue {
    &builtin().0
}

fn point(id: &str) -> EntryRef {
    c().find(Kind::Point, id)
        .unwrap_or_else(|| panic!("no point {id}"))
}

fn patient(spec: &str) -> Patient {
    Patient::parse(c(), spec).expect("a valid state")
}

/// Codes `CH a..=b`.
fn range(channel: &str, a: u16, b: u16) -> Vec<String> {
    (a..=b).map(|n| format!("{channel}{n}")).collect()
}

#[test]
fn every_point_a_rule_covers_shows_that_rule_on_its_card() {
    let c = c();
    for (ci, contra) in c.contraindications.all().enumerate() {
        for (ri, rule) in contra.rules.iter().enumerate() {
            for (p, pt) in c.points.all().enumerate() {
                let in_region = pt.regions.iter().any(|r| rule.regions.contains(r));
                let named = rule.points.iter().any(|id| id.as_str() == pt.code.as_str());
                if !(in_region || named) {
                    continue;
                }
                let entry = EntryRef {
                    kind: Kind::Point,
                    index: p,
                };
                let shown: Vec<String> = entry_view(c, entry, &Patient::default())
                    .warnings
                    .into_iter()
                    .flat_map(|w| w.items)
                    .collect();
                // A rule naming the point replaces a region rule of the same method.
                let replaced = !named
                    && contra.rules.iter().any(|other| {
                        other.method == rule.method
                            && other
                                .points
                                .iter()
                                .any(|id| id.as_str() == pt.code.as_str())
                    });
                if replaced {
                    continue;
                }
                let text = c.rule_text(acuref::catalogue::cautions::RuleRef {
                    contraindication: ci,
                    rule: ri,
                });
                assert!(
                    shown.contains(&text),
                    "{} shows the {} rule: {text}",
                    pt.code.as_str(),
                    contra.id.as_str()
                );
            }
        }
    }
}

#[test]
fn the_pregnancy_rules_cover_the_regions_the_sources_name() {
    let t1 = patient("pregnancy:1");
    let t2 = patient("pregnancy:2");
    let lower: Vec<String> = [
        range("CV", 2, 8),
        range("KI", 11, 16),
        range("ST", 25, 30),
        range("SP", 12, 15),
        vec!["GB27".into(), "GB28".into(), "LR12".into(), "CV1".into()],
    ]
    .concat();
    let lumbosacral: Vec<String> =
        [range("BL", 22, 35), range("GV", 2, 5), vec!["EX-B7".into()]].concat();
    for code in lower.iter().chain(&lumbosacral) {
        for p in [&t1, &t2] {
            assert!(
                c().verdict(point(code), p).is_forbidden(),
                "{code} is forbidden from the first trimester"
            );
        }
    }
    let upper: Vec<String> =
        [range("CV", 9, 15), range("KI", 17, 21), range("ST", 19, 24)].concat();
    for code in &upper {
        assert!(
            c().verdict(point(code), &t2).is_forbidden(),
            "{code} is forbidden after the third month"
        );
        assert_eq!(
            c().verdict(point(code), &t1).level,
            Some(Level::Caution),
            "{code} needs care in the first trimester (one source restricts it then)"
        );
        assert!(
            c().verdict(point(code), &patient("pregnancy"))
                .is_forbidden(),
            "with no trimester given, the stricter reading applies to {code}"
        );
    }
}

#[test]
fn the_classical_pregnancy_points_and_the_breech_exception() {
    let pregnant = patient("pregnancy");
    for code in [
        "LI4",
        "SP6",
        "BL60",
        "BL67",
        "GB21",
        "TUNG-22.05",
        "TUNG-22.04",
    ] {
        assert!(
            c().verdict(point(code), &pregnant).is_forbidden(),
            "{code} is forbidden in pregnancy"
        );
    }
    let bl67 = c().verdict(point("BL67"), &pregnant);
    let methods: Vec<(Level, Method)> = bl67
        .rules
        .iter()
        .map(|&r| (c().rule(r).level, c().rule(r).method))
        .collect();
    assert!(methods.contains(&(Level::Forbidden, Method::Needling)));
    assert!(
        methods.contains(&(Level::Note, Method::Moxibustion)),
        "BL67 moxibustion for breech is a separate use: {methods:?}"
    );
    assert_eq!(
        c().verdict(point("ST36"), &pregnant).level,
        None,
        "no source restricts ST36 in pregnancy"
    );
    // KI21 is indicated for morning sickness; it sits on the upper abdomen.
    assert_eq!(
        c().verdict(point("KI21"), &patient("pregnancy:1")).level,
        Some(Level::Caution)
    );
}

#[test]
fn a_rule_that_forbids_one_method_leaves_the_point_usable_with_care() {
    let pregnant = patient("pregnancy");
    let lu3 = c().verdict(point("LU3"), &pregnant);
    assert_eq!(lu3.level, Some(Level::Caution));
    assert!(lu3.rules.iter().any(|&r| {
        let rule = c().rule(r);
        rule.level == Level::Forbidden && rule.method == Method::Moxibustion
    }));
}

#[test]
fn technique_rules_for_each_patient_state() {
    let c = c();
    let technique = |id: &str| c.find(Kind::Technique, id).unwrap();
    assert!(
        c.verdict(technique("electroacupuncture"), &patient("pacemaker"))
            .is_forbidden()
    );
    assert_eq!(
        c.verdict(technique("filiform-needling"), &patient("pacemaker"))
            .level,
        None,
        "needling without current is not restricted by the device"
    );
    assert_eq!(
        c.verdict(technique("cupping"), &patient("anticoagulants"))
            .level,
        Some(Level::Caution),
        "dry cupping needs care; wet cupping is forbidden"
    );
    assert!(
        c.verdict(point("EX-HN13"), &patient("anticoagulants"))
            .rules
            .iter()
            .any(|&r| c.rule(r).method == Method::Bleeding && c.rule(r).level == Level::Forbidden)
    );
    assert!(c.verdict(point("GV22"), &patient("infant")).is_forbidden());
    assert_eq!(c.verdict(point("GV22"), &patient("pacemaker")).level, None);
}

#[test]
fn organ_vessel_and_classical_cautions_apply_to_every_patient() {
    let anyone = Patient::default();
    for code in [
        "GB21", "LU1", "BL13", "ST13", "KI25", "BL23", "CV17", "SI9", "SI10", "KI1", "CV18",
        "CV21", "LR10", "LR11", "GV15", "ST9",
    ] {
        assert!(
            !c().verdict(point(code), &anyone).rules.is_empty(),
            "{code} carries a caution for every patient"
        );
    }
    assert!(
        c().verdict(point("CV8"), &anyone).is_forbidden(),
        "the navel is not needled"
    );
    let rules = |code: &str| -> Vec<(Level, Method)> {
        c().verdict(point(code), &anyone)
            .rules
            .iter()
            .map(|&r| (c().rule(r).level, c().rule(r).method))
            .collect()
    };
    assert!(rules("LU3").contains(&(Level::Forbidden, Method::Moxibustion)));
    assert!(rules("LI19").contains(&(Level::Forbidden, Method::Moxibustion)));
    assert!(rules("TE19").contains(&(Level::Forbidden, Method::Bleeding)));
}

#[test]
fn the_reviewed_point_facts() {
    let c = c();
    let p = |code: &str| &c.points[point(code).index];
    assert!(p("LI19").location.contains("midpoint of the philtrum"));
    assert!(p("GV26").location.contains("midpoint of the philtrum"));
    assert!(
        p("KI10")
            .location
            .contains("just lateral to the semitendinosus tendon")
    );
    let sp13: Vec<String> = p("SP13")
        .categories
        .iter()
        .map(|pc| c.category_label(pc))
        .collect();
    assert_eq!(
        sp13,
        vec!["Meeting point of the Spleen and Liver channels and Yin Wei Mai"]
    );
    assert_eq!(p("LR10").depth, "0.5-1 cun");
    assert_eq!(p("LR11").depth, "0.5-1 cun");
    let bl54 = entry_view(c, point("BL54"), &Patient::default());
    assert!(
        bl54.fields
            .iter()
            .any(|(label, value)| *label == "Code clash" && value.contains("BL40 Weizhong")),
        "WHO BL54 says older texts' BL54 is Weizhong"
    );
}

#[test]
fn caution_text_reads_as_sentences_with_named_sources() {
    let c = c();
    for (i, contra) in c.contraindications.all().enumerate() {
        for rule in 0..contra.rules.len() {
            let text = c.rule_text(acuref::catalogue::cautions::RuleRef {
                contraindication: i,
                rule,
            });
            assert!(text.starts_with(&format!("{}: ", contra.name)), "{text}");
            assert!(text.contains(". Sources: "), "{text}");
            assert!(!text.contains("(source"), "no inline source ids: {text}");
            assert!(!text.contains("((") && !text.contains("))"), "{text}");
            for id in [
                "who-1999-safety",
                "gv-tcm-kb-flashcards",
                "takoda-pregnancy",
            ] {
                assert!(!text.contains(id), "no internal ids: {text}");
            }
        }
    }
}

#[test]
fn patient_states_come_from_the_catalogue_with_stages() {
    let c = c();
    let names = acuref::catalogue::cautions::state_names(c);
    for name in [
        "pregnancy",
        "pregnancy:1",
        "pregnancy:3",
        "anticoagulants",
        "pacemaker",
        "metal-allergy",
        "infection",
        "infant",
    ] {
        assert!(names.contains(&name.to_string()), "{name} in {names:?}");
    }
    assert_eq!(find_state(c, "Pregnancy:T2"), find_state(c, "pregnancy:2"));
    assert!(find_state(c, "pregnancy:4").is_none());
    let err = Patient::parse(c, "pregnant").unwrap_err();
    assert!(err.contains("pregnancy, pregnancy:1"), "{err}");
    let p = patient("pregnancy:2, anticoagulants");
    assert_eq!(p.label(c), "pregnancy T2 · anticoagulants");
}

#[test]
fn searching_a_contraindication_by_name_finds_every_point_it_covers() {
    let (c, index) = builtin();
    for (ci, contra) in c.contraindications.all().enumerate() {
        let found: Vec<EntryRef> = index
            .search(&contra.name, Some(Kind::Point))
            .iter()
            .map(|h| h.entry)
            .collect();
        for (entry, _) in c.covered_by(ci) {
            if entry.kind != Kind::Point {
                continue;
            }
            assert!(
                found.contains(&entry),
                "searching {:?} among points misses {}",
                contra.name,
                c.points[entry.index].code.as_str()
            );
        }
    }
}
