use std::collections::HashSet;

use super::*;
use crate::catalogue::cautions::{Patient, PatientStateRef, find_state};
use crate::study::fixture::builtin;

fn card(id: &str) -> &'static Card {
    let (_, cards) = builtin();
    cards
        .iter()
        .find(|card| card.id == id)
        .unwrap_or_else(|| panic!("no card {id}"))
}

#[test]
fn card_ids_are_unique_across_the_full_catalogue() {
    let (_, cards) = builtin();
    let mut seen = HashSet::new();
    for card in cards {
        assert!(seen.insert(card.id.as_str()), "two cards are {}", card.id);
    }
    assert!(cards.len() > 2500, "{} cards", cards.len());
}

#[test]
fn the_cards_are_the_same_every_time() {
    let (c, cards) = builtin();
    assert_eq!(&all_cards(c), cards);
}

#[test]
fn the_luo_connecting_point_of_the_lung_channel_is_lu7() {
    let luo = card("LU:luo-connecting");
    assert_eq!(luo.card_type, CardType::CategoryPoint);
    assert_eq!(
        luo.prompt,
        "Which point is the Luo-Connecting point of the Lung channel?"
    );
    assert!(luo.answer.starts_with("LU7 Lieque"), "{}", luo.answer);
}

#[test]
fn the_xi_cleft_point_of_the_stomach_channel_is_st34() {
    let xi = card("ST:xi-cleft");
    assert!(xi.answer.starts_with("ST34 Liangqiu"), "{}", xi.answer);
    let (c, _) = builtin();
    assert_eq!(c.id(xi.subject().unwrap()), "ST34");
}

#[test]
fn a_category_shared_by_points_of_one_channel_asks_nothing() {
    let (_, cards) = builtin();
    // The Bladder channel holds every Back-Shu point: "the Back-Shu point of the Bladder
    // channel" has no one answer, but "the Back-Shu point of the Lung" has.
    assert!(!cards.iter().any(|card| card.id == "BL:back-shu"));
    assert!(card("back-shu:lung").answer.starts_with("BL13 "));
    // Meeting points relate channels to many points: no card asks for one.
    assert!(!cards.iter().any(|card| card.id.contains(":meeting")));
}

#[test]
fn li4_in_pregnancy_is_forbidden() {
    let li4 = card("LI4:pregnancy");
    assert_eq!(li4.card_type, CardType::PatientSafety);
    assert_eq!(li4.prompt, "Pregnancy: is LI4 Hegu safe?");
    assert!(li4.answer.starts_with("No: forbidden."), "{}", li4.answer);
    assert!(li4.has_tag("caution::pregnancy"));
}

#[test]
fn a_patient_card_reads_the_strictest_stage() {
    let (c, cards) = builtin();
    let pregnancy = find_state(c, "pregnancy").expect("the pregnancy state");
    let stages = c.contraindications[pregnancy.contraindication]
        .patient
        .as_ref()
        .map_or(0, |p| p.stages.len());
    for card in cards.iter().filter(|card| card.id.ends_with(":pregnancy")) {
        let entry = card.subject().unwrap();
        let strictest = (0..stages)
            .map(|stage| {
                let mut patient = Patient::default();
                patient.set(PatientStateRef {
                    stage: Some(stage),
                    ..pregnancy
                });
                c.verdict(entry, &patient).level
            })
            .max()
            .flatten();
        assert!(
            card.answer.starts_with(verdict_line(strictest)),
            "{}: {}",
            card.id,
            card.answer
        );
    }
}

#[test]
fn a_patient_card_says_first_what_is_forbidden() {
    let (c, cards) = builtin();
    for card in cards
        .iter()
        .filter(|k| k.card_type == CardType::PatientSafety)
    {
        let Some(contra) = card.about.get(1) else {
            panic!("{} names no state", card.id);
        };
        let forbids = c.contraindications[contra.index]
            .rules
            .iter()
            .any(|r| r.level == Level::Forbidden);
        let first = card.answer.lines().next().unwrap();
        if forbids && card.answer.contains(": forbidden (") {
            assert!(first.contains("orbidden"), "{}: {first}", card.id);
        }
    }
    let cupping = card("cupping:anticoagulants");
    assert!(
        cupping
            .answer
            .starts_with("Only with care: caution. Forbidden: bleeding."),
        "{}",
        cupping.answer
    );
}

#[test]
fn every_point_has_name_and_location_cards() {
    let (c, cards) = builtin();
    let ids: HashSet<&str> = cards.iter().map(|card| card.id.as_str()).collect();
    for p in c.points.all() {
        for what in ["name", "location", "needling"] {
            let id = format!("{}:{what}", p.code.as_str());
            assert!(ids.contains(id.as_str()), "no card {id}");
        }
    }
}

#[test]
fn answers_are_whole_catalogue_text() {
    let (c, cards) = builtin();
    for card in cards {
        assert!(!card.prompt.trim().is_empty(), "{}", card.id);
        assert!(!card.answer.trim().is_empty(), "{}", card.id);
        assert!(card.subject().is_some(), "{}", card.id);
        let type_tag = format!("type::{}", card.card_type.name());
        assert!(card.has_tag(&type_tag), "{}", card.id);
        assert!(card.tags.iter().all(|t| !t.contains(char::is_whitespace)));
    }
    for (index, p) in c.points.all().enumerate() {
        let location = card(&format!("{}:location", p.code.as_str()));
        assert_eq!(location.answer, p.location);
        let needling = card(&format!("{}:needling", p.code.as_str()));
        assert!(needling.answer.contains(&p.depth));
        assert!(needling.answer.contains(&p.angle));
        if let Some(avoid) = &p.avoid {
            assert!(
                needling.answer.contains(avoid.as_str()),
                "{}",
                p.code.as_str()
            );
        }
        let entry = EntryRef {
            kind: Kind::Point,
            index,
        };
        if let Some(cautions) = cards
            .iter()
            .find(|card| card.id == format!("{}:cautions", p.code.as_str()))
        {
            for &rule in c.rules_covering(entry) {
                assert!(cautions.answer.contains(&c.rule_text(rule)));
            }
        }
    }
}

#[test]
fn a_prescription_card_lists_every_prescribed_point() {
    let sciatica = card("sciatica:points");
    assert_eq!(sciatica.card_type, CardType::Prescription);
    let (c, _) = builtin();
    let condition = c.conditions.get("sciatica").unwrap();
    assert_eq!(sciatica.answer.lines().count(), condition.points.len());
    assert_eq!(sciatica.about.len(), condition.points.len() + 1);
    for p in &condition.points {
        assert!(sciatica.answer.contains(&p.why));
    }
}

#[test]
fn techniques_say_what_they_are_and_what_covers_them() {
    let (c, _) = builtin();
    let electro = c.techniques.get("electroacupuncture").unwrap();
    assert_eq!(card("electroacupuncture:what").answer, electro.summary);
    assert!(
        card("electroacupuncture:cautions")
            .answer
            .contains("acemaker")
    );
}

#[test]
fn a_location_that_names_its_own_point_asks_nothing() {
    let (c, cards) = builtin();
    for card in cards.iter().filter(|k| k.card_type == CardType::WhichPoint) {
        let p = &c.points[card.subject().unwrap().index];
        assert!(!card.prompt.contains(p.code.as_str()), "{}", card.id);
    }
}
