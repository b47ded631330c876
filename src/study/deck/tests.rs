use super::*;
use crate::study::fixture::builtin;

fn deal(spec: &str, user: &UserLists) -> Vec<&'static Card> {
    let (c, cards) = builtin();
    let deck = Deck::parse(c, spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
    deck.deal(c, cards, user)
        .unwrap_or_else(|e| panic!("{spec}: {e}"))
}

fn ids(cards: &[&Card]) -> Vec<String> {
    cards.iter().map(|card| card.id.clone()).collect()
}

fn point(code: &str) -> EntryRef {
    let (c, _) = builtin();
    c.find(Kind::Point, code).unwrap()
}

#[test]
fn every_form_reads_and_is_written_back_in_its_standard_spelling() {
    let (c, _) = builtin();
    let deck = Deck::parse(
        c,
        "channel:ub, region:lower-back,category:luo-connecting,condition:sciatica,\
         caution:pregnancy,bookmarks,protocol:my back,all",
    )
    .unwrap();
    assert_eq!(
        deck.spec(),
        "channel:BL,region:lower-back,category:luo-connecting,condition:sciatica,\
         caution:pregnancy,bookmarks,protocol:my back,all"
    );
    assert!(deck.needs_user_lists());
    assert!(!Deck::parse(c, "all").unwrap().needs_user_lists());
    for spelling in ["LU", "lu", "L", "Lung"] {
        let deck = Deck::parse(c, &format!("channel:{spelling}")).unwrap();
        assert_eq!(deck.spec(), "channel:LU", "{spelling}");
    }
}

#[test]
fn a_bad_deck_names_the_part_and_lists_the_forms() {
    let (c, _) = builtin();
    let e = Deck::parse(c, "channel:LU,chanel:ST")
        .unwrap_err()
        .to_string();
    assert!(e.contains("`chanel:ST` is not a deck"), "{e}");
    assert!(
        e.contains("channel:CODE") && e.contains("protocol:NAME"),
        "{e}"
    );
    let e = Deck::parse(c, "channel:XX").unwrap_err().to_string();
    assert!(
        e.contains("no channel `XX`") && e.contains("acuref list channels"),
        "{e}"
    );
    let e = Deck::parse(c, "region:nowhere").unwrap_err().to_string();
    assert!(e.contains("no region `nowhere`"), "{e}");
    assert!(Deck::parse(c, " , ").is_err());
    assert!(Deck::parse(c, "all:LU").is_err());
    assert!(Deck::parse(c, "protocol:").is_err());
}

#[test]
fn a_channel_deck_holds_its_points_cards() {
    let (c, _) = builtin();
    let cards = deal("channel:LU", &UserLists::default());
    let lu = c.find(Kind::Channel, "LU").unwrap().index;
    assert!(cards.iter().all(|card| channel_of(c, card) == Some(lu)));
    let ids = ids(&cards);
    for id in ["LU7:name", "LU:luo-connecting", "LU11:location"] {
        assert!(ids.contains(&id.to_string()), "{id}");
    }
    // A vessel without points of its own holds its confluent point.
    let chong = ids_of("channel:CHONG");
    assert!(chong.contains(&"SP4:name".to_string()));
}

fn ids_of(spec: &str) -> Vec<String> {
    ids(&deal(spec, &UserLists::default()))
}

#[test]
fn region_category_condition_and_caution_decks() {
    assert!(ids_of("region:lower-back").contains(&"BL23:name".to_string()));
    let luo = ids_of("category:luo-connecting");
    assert!(luo.contains(&"LU7:location".to_string()));
    assert!(!luo.contains(&"LU1:location".to_string()));
    let sciatica = ids_of("condition:sciatica");
    assert!(sciatica.contains(&"sciatica:points".to_string()));
    assert!(sciatica.contains(&"GB30:location".to_string()));
    let pregnancy = ids_of("caution:pregnancy");
    for id in ["LI4:pregnancy", "LI4:name", "SP6:location"] {
        assert!(pregnancy.contains(&id.to_string()), "{id}");
    }
    assert!(!pregnancy.contains(&"LU1:name".to_string()));
}

#[test]
fn several_parts_make_their_union_each_card_once() {
    let both = ids_of("channel:LU,category:luo-connecting,channel:lu");
    let mut unique = both.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(both.len(), unique.len());
    assert!(both.contains(&"LU1:name".to_string()));
    assert!(both.contains(&"ST40:name".to_string()));
}

#[test]
fn bookmarks_and_protocols_come_from_the_caller() {
    let (c, _) = builtin();
    let user = UserLists {
        bookmarks: vec![point("LI4"), c.find(Kind::Channel, "HT").unwrap()],
        protocols: vec![("My back".to_string(), vec!["BL23".into(), "BL40".into()])],
    };
    let starred = ids(&deal("bookmarks", &user));
    assert!(starred.contains(&"LI4:name".to_string()));
    assert!(starred.contains(&"HT7:name".to_string()));
    assert!(!starred.contains(&"LI5:name".to_string()));
    let back = deal("protocol:my back", &user);
    assert!(ids(&back).contains(&"BL23:location".to_string()));
    let protocol = [point("BL23"), point("BL40")];
    assert!(
        back.iter()
            .all(|card| protocol.contains(&card.subject().unwrap()))
    );
    let (c, cards) = builtin();
    let e = Deck::parse(c, "protocol:neck")
        .unwrap()
        .deal(c, cards, &user)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("no protocol `neck`") && e.contains("My back"),
        "{e}"
    );
}

#[test]
fn cards_of_several_channels_never_follow_their_own_channel_where_avoidable() {
    let (c, _) = builtin();
    for spec in [
        "all",
        "channel:LU,channel:BL",
        "caution:pregnancy",
        "region:lower-back",
    ] {
        let cards = deal(spec, &UserLists::default());
        let channels: Vec<Option<usize>> = cards.iter().map(|card| channel_of(c, card)).collect();
        for i in 1..channels.len() {
            if channels[i] == channels[i - 1] {
                assert!(
                    channels[i..].iter().all(|ch| *ch == channels[i]),
                    "{spec}: cards {} and {} share a channel though others are left",
                    cards[i - 1].id,
                    cards[i].id
                );
            }
        }
    }
}

#[test]
fn a_channel_is_not_dealt_in_point_order_and_the_deal_is_the_same_every_time() {
    let lu = ids_of("channel:LU");
    assert_eq!(lu, ids_of("channel:LU"));
    let names: Vec<&String> = lu.iter().filter(|id| id.ends_with(":name")).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|id| {
        id.trim_start_matches("LU")
            .trim_end_matches(":name")
            .parse::<u32>()
            .unwrap_or(0)
    });
    assert_ne!(names, sorted);
}
