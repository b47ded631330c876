//! Unit tests of [`super`].

use super::*;
use crate::catalogue::{Catalogue, Kind};
use crate::search::SearchIndex;
use crate::tui::theme::Theme;
use std::sync::OnceLock;

fn app() -> App<'static> {
    static C: OnceLock<(Catalogue, SearchIndex)> = OnceLock::new();
    let (c, i) = C.get_or_init(|| {
        let c = Catalogue::builtin();
        let i = SearchIndex::new(&c);
        (c, i)
    });
    App::new(c, i, Theme::mono())
}

fn typed(text: &str) -> App<'static> {
    let mut a = app();
    for ch in text.chars() {
        update(&mut a, Action::Insert(ch));
    }
    a
}

fn shown(a: &App<'_>) -> String {
    a.catalogue.id(a.shown().unwrap()).to_string()
}

#[test]
fn quit_and_help() {
    let mut a = app();
    update(&mut a, Action::ToggleHelp);
    assert!(a.help);
    update(&mut a, Action::ToggleHelp);
    assert!(!a.help);
    update(&mut a, Action::Quit);
    assert!(a.quit);
}

#[test]
fn query_editing_narrows_and_widens_the_list() {
    let mut a = typed("bl40");
    assert_eq!(shown(&a), "BL40");
    update(&mut a, Action::DeleteChar);
    assert_eq!(a.view.query, "bl4");
    let mut a = typed("low back");
    update(&mut a, Action::DeleteWord);
    assert_eq!(a.view.query, "low ");
    update(&mut a, Action::ClearQuery);
    assert_eq!(a.view.query, "");
    assert_eq!(
        a.rows.len(),
        a.index.len(),
        "an empty query lists everything"
    );
}

#[test]
fn leaving_and_entering_search_keeps_the_query() {
    let mut a = typed("weizhong");
    update(&mut a, Action::LeaveSearch);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(a.view.query, "weizhong");
    update(&mut a, Action::EnterSearch);
    assert_eq!(a.mode, Mode::Search);
    assert_eq!(a.view.query, "weizhong");
}

#[test]
fn accept_opens_the_selected_result_in_the_detail_pane() {
    let mut a = typed("sciatica");
    update(&mut a, Action::Accept);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(a.view.focus, Focus::Detail);
    assert_eq!(a.view.link, None, "the entry opens at its top");
}

#[test]
fn moving_in_the_list() {
    let mut a = app();
    update(&mut a, Action::Down);
    assert_eq!(a.view.selected, 1);
    update(&mut a, Action::Up);
    update(&mut a, Action::Up);
    assert_eq!(a.view.selected, 0, "clamped at the top");
    a.page = 10;
    update(&mut a, Action::PageDown);
    assert_eq!(a.view.selected, 10);
    update(&mut a, Action::PageUp);
    assert_eq!(a.view.selected, 0);
    update(&mut a, Action::Bottom);
    assert_eq!(a.view.selected, a.rows.len() - 1);
    update(&mut a, Action::Top);
    assert_eq!(a.view.selected, 0);
}

#[test]
fn moving_through_links_and_following_one() {
    let mut a = typed("bl40");
    update(&mut a, Action::NextPane);
    assert_eq!(a.view.focus, Focus::Detail);
    update(&mut a, Action::Open);
    assert_eq!(
        a.view.link,
        Some(0),
        "the first Enter selects the first link"
    );
    let condition = a
        .links
        .iter()
        .position(|l| l.target.kind == Kind::Condition)
        .unwrap();
    for _ in 0..condition {
        update(&mut a, Action::Down);
    }
    let target = a.links[condition].target;
    update(&mut a, Action::Open);
    assert_eq!(a.shown(), Some(target), "the second follows it");
    update(&mut a, Action::Back);
    assert_eq!(shown(&a), "BL40");
    update(&mut a, Action::Forward);
    assert_eq!(a.shown(), Some(target));
    update(&mut a, Action::PrevPane);
    assert_eq!(a.view.focus, Focus::List);
}

#[test]
fn browsing_channels_and_regions() {
    let mut a = app();
    update(&mut a, Action::BrowseChannels);
    assert_eq!(a.view.source, ListSource::Channels);
    assert!(a.rows.iter().all(|h| h.entry.kind == Kind::Channel));
    update(&mut a, Action::Open);
    assert_eq!(a.view.source, ListSource::ChannelPoints(0));
    assert_eq!(shown(&a), "LU1");
    update(&mut a, Action::Back);
    assert_eq!(a.view.source, ListSource::Channels);
    update(&mut a, Action::BrowseRegions);
    assert_eq!(a.view.source, ListSource::Regions);
    update(&mut a, Action::Open);
    assert!(matches!(a.view.source, ListSource::RegionPoints(_)));
    assert!(a.rows.iter().all(|h| h.entry.kind == Kind::Point));
}

#[test]
fn following_a_channel_link_lists_its_points_with_the_point_selected() {
    let mut a = typed("bl23");
    update(&mut a, Action::Accept);
    let channel = a
        .links
        .iter()
        .position(|l| l.target.kind == Kind::Channel)
        .unwrap();
    a.view.link = Some(channel);
    update(&mut a, Action::Open);
    assert!(matches!(a.view.source, ListSource::ChannelPoints(_)));
    assert_eq!(shown(&a), "BL23");
}

#[test]
fn back_with_no_history_returns_to_the_list() {
    let mut a = typed("bl23");
    update(&mut a, Action::Accept);
    update(&mut a, Action::Back);
    assert_eq!(a.view.focus, Focus::List);
}

#[test]
fn the_help_scrolls_and_any_other_key_closes_it() {
    let mut a = app();
    a.mode = Mode::Browse;
    update(&mut a, Action::ToggleHelp);
    handle_key(
        &mut a,
        KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE),
    );
    assert_eq!(a.help_scroll, 1);
    handle_key(
        &mut a,
        KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE),
    );
    assert!(!a.help);
    update(&mut a, Action::ToggleHelp);
    handle_key(
        &mut a,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert!(a.quit, "Ctrl-c quits even from the help");
}

#[test]
fn the_patient_panel_sets_stages_and_clears() {
    let mut a = typed("li4");
    update(&mut a, Action::LeaveSearch);
    update(&mut a, Action::OpenPatient);
    assert_eq!(a.mode, Mode::Patient);
    update(&mut a, Action::SetStage(9));
    assert!(a.patient.is_empty(), "a stage the state lacks is ignored");
    update(&mut a, Action::SetStage(2));
    assert_eq!(a.patient.label(a.catalogue), "pregnancy T2");
    update(&mut a, Action::Down);
    update(&mut a, Action::TogglePatientState);
    assert_eq!(a.patient.states().len(), 2);
    update(&mut a, Action::TogglePatientState);
    assert_eq!(a.patient.states().len(), 1, "a second toggle clears it");
    update(&mut a, Action::ClosePatient);
    assert_eq!(a.mode, Mode::Browse);
    assert!(!a.patient.is_empty(), "closing keeps the states");
    update(&mut a, Action::OpenPatient);
    update(&mut a, Action::ClearPatient);
    assert!(a.patient.is_empty());
}

#[test]
fn a_contraindication_lists_what_its_rules_cover_strictest_first() {
    let mut a = typed("bl23");
    update(&mut a, Action::Accept);
    let pregnancy = a
        .links
        .iter()
        .position(|l| a.catalogue.id(l.target) == "pregnancy")
        .expect("BL23 links the pregnancy caution");
    a.view.link = Some(pregnancy);
    update(&mut a, Action::Open);
    assert!(matches!(a.view.source, ListSource::Covered(_)));
    assert_eq!(shown(&a), "BL23", "the point followed from stays selected");
    assert_eq!(
        a.catalogue.id(a.rows[0].entry),
        "pregnancy",
        "the caution itself first"
    );
    let c = a.catalogue;
    let ci = c.find(Kind::Contraindication, "pregnancy").unwrap().index;
    assert!(a.rows[1..].iter().all(|h| {
        c.rules_covering(h.entry)
            .iter()
            .any(|r| r.contraindication == ci)
    }));
    let forbidden_first = a.rows[1..]
        .iter()
        .position(|h| c.id(h.entry) == "LU3")
        .unwrap()
        > a.rows[1..]
            .iter()
            .position(|h| c.id(h.entry) == "LI4")
            .unwrap();
    assert!(
        forbidden_first,
        "LI4 (forbidden) before LU3 (moxibustion only)"
    );
}

#[test]
fn esc_then_a_key_read_as_alt_leaves_the_query_then_acts() {
    let mut a = typed("li4");
    handle_key(&mut a, KeyEvent::new(KeyCode::Char('p'), KeyModifiers::ALT));
    assert_eq!(a.mode, Mode::Patient, "Esc then p opens the patient panel");
    assert_eq!(a.view.query, "li4", "the query is kept");
}

#[test]
fn a_multi_line_paste_lands_in_the_query_and_runs_nothing() {
    let mut a = app();
    handle_paste(&mut a, "headache\nfrequent in the morning\n");
    assert_eq!(a.view.query, "headache frequent in the morning");
    assert!(!a.quit);
    assert_eq!(a.mode, Mode::Search);
    handle_paste(&mut a, "\u{1b}[31m\u{202e}x");
    assert_eq!(a.view.query, "headache frequent in the morning [31mx");
    update(&mut a, Action::LeaveSearch);
    handle_paste(&mut a, "q");
    assert!(!a.quit, "a paste in browse mode is ignored, never a key");
}
