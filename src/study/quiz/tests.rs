use std::collections::HashSet;

use super::*;
use crate::study::fixture::fixture as builtin;

fn everything() -> Vec<&'static Card> {
    builtin().cards.iter().collect()
}

/// A question whose answer is the point, asked as `card_type` asks.
fn about(code: &str, card_type: CardType) -> Question {
    let f = builtin();
    let point = f.c.find(Kind::Point, code).unwrap();
    Question {
        card_id: format!("{code}:test"),
        card_type,
        prompt: String::new(),
        choices: vec![code.to_string()],
        points: vec![point],
        answer: 0,
        answer_text: String::new(),
    }
}

#[test]
fn choices_share_the_answers_channel_region_or_category_and_never_repeat_it() {
    let f = builtin();
    let cards = everything();
    let askable = cards
        .iter()
        .filter(|card| card.card_type.answer_is_point())
        .count();
    for seed in [1, 2, 3] {
        let questions = questions(&f.c, &cards, usize::MAX, seed);
        assert!(questions.len() * 100 >= askable * 99, "{}", questions.len());
        for q in &questions {
            let card = cards.iter().find(|card| card.id == q.card_id).unwrap();
            let answer = q.answer_point();
            assert_eq!(Some(answer), card.subject(), "{}", q.card_id);
            assert!((2..=CHOICES).contains(&q.choices.len()), "{}", q.card_id);
            assert_eq!(q.choices.len(), q.points.len());
            let points: HashSet<_> = q.points.iter().collect();
            assert_eq!(points.len(), q.points.len(), "{}: a point twice", q.card_id);
            let shown: HashSet<String> = q.choices.iter().map(|s| compact(s)).collect();
            assert_eq!(
                shown.len(),
                q.choices.len(),
                "{}: {:?}",
                q.card_id,
                q.choices
            );
            let a = &f.c.points[answer.index];
            for (i, other) in q.points.iter().enumerate() {
                if i == q.answer {
                    continue;
                }
                assert_ne!(*other, answer, "{}", q.card_id);
                let b = &f.c.points[other.index];
                assert!(
                    closeness(a, b) > 0,
                    "{}: {} shares nothing with {}",
                    q.card_id,
                    b.code.as_str(),
                    a.code.as_str()
                );
            }
        }
    }
}

#[test]
fn the_same_seed_asks_the_same_questions() {
    let f = builtin();
    let cards = everything();
    let once = questions(&f.c, &cards, 20, 42);
    assert_eq!(once.len(), 20);
    assert_eq!(once, questions(&f.c, &cards, 20, 42));
    assert_ne!(once, questions(&f.c, &cards, 20, 43));
    let subjects: HashSet<EntryRef> = once.iter().map(|q| q.answer_point()).collect();
    assert_eq!(subjects.len(), once.len(), "a point asked twice among 20");
}

#[test]
fn a_typed_answer_counts_in_every_spelling_search_takes() {
    let f = builtin();
    let st36 = about("ST36", CardType::WhichPoint);
    for typed in [
        "zusanli",
        "Zu San Li",
        "ZUSANLI",
        "Zúsānlǐ",
        "足三里",
        "Leg Three Miles",
        "st36",
        "ST 36",
        "St-36",
        "S36",
        "Stomach 36",
        " st36 ",
    ] {
        assert!(st36.accepts(&f.c, &f.index, typed), "{typed}");
    }
    for typed in ["", "ST35", "zusan", "LI4", "Zu San", "36", "sanli"] {
        assert!(!st36.accepts(&f.c, &f.index, typed), "{typed}");
    }
}

#[test]
fn a_name_card_wants_a_name_and_a_code_card_a_code() {
    let f = builtin();
    let name = about("ST36", CardType::Name);
    assert!(name.accepts(&f.c, &f.index, "Zu San Li"));
    assert!(!name.accepts(&f.c, &f.index, "st36"));
    let code = about("ST36", CardType::Code);
    assert!(code.accepts(&f.c, &f.index, "ST 36"));
    assert!(!code.accepts(&f.c, &f.index, "zusanli"));
}

#[test]
fn every_point_is_named_by_every_spelling_of_its_code_and_every_name() {
    let f = builtin();
    for p in f.c.points.all() {
        let q = about(p.code.as_str(), CardType::WhichPoint);
        let code = p.code.as_str();
        let mut spellings = vec![code.to_string(), code.to_lowercase()];
        if let (Some(channel), Some(number)) = (&p.channel, p.number) {
            spellings.push(format!("{} {number}", channel.as_str()));
            let ch = f.c.channels.get(channel).unwrap();
            for alias in &ch.code_aliases {
                spellings.push(format!("{alias}{number}"));
                spellings.push(format!("{} {number}", alias.to_lowercase()));
            }
        }
        let names = [
            &p.pinyin,
            &p.pinyin_tones,
            &p.hanzi,
            &p.hanzi_simplified,
            &p.english,
        ];
        spellings.extend(names.into_iter().chain(&p.alt_names).cloned());
        spellings.push(p.pinyin.to_lowercase());
        for typed in &spellings {
            assert!(q.accepts(&f.c, &f.index, typed), "{code}: {typed}");
        }
    }
}

#[test]
fn an_older_code_counts_unless_it_is_another_points_own() {
    let f = builtin();
    // WHO keeps Yintang as EX-HN3; the Chinese national standard numbers it GV29.
    let yintang = about("EX-HN3", CardType::WhichPoint);
    assert!(yintang.accepts(&f.c, &f.index, "EX-HN3"));
    assert!(yintang.accepts(&f.c, &f.index, "GV29"));
    // Older texts call Weizhong BL54, but BL54 is WHO's Zhibian.
    let weizhong = about("BL40", CardType::WhichPoint);
    assert!(!weizhong.accepts(&f.c, &f.index, "BL54"));
}

#[test]
fn a_choice_is_picked_by_its_number_or_its_text() {
    let f = builtin();
    let cards = everything();
    let q = &questions(&f.c, &cards, 1, 7)[0];
    assert_eq!(q.choice_typed("1"), Some(0));
    assert_eq!(
        q.choice_typed(&q.choices.len().to_string()),
        Some(q.choices.len() - 1)
    );
    assert_eq!(q.choice_typed("0"), None);
    assert_eq!(q.choice_typed("99"), None);
    assert_eq!(
        q.choice_typed(&q.choices[q.answer].to_uppercase()),
        Some(q.answer)
    );
}
