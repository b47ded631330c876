//! Study in the interactive reference, from keys: the deck chooser, a card and its ratings,
//! the full card, the progress, the quiz and its wrong answers, over a real database file in
//! a temporary home and a fixed study clock.

use super::Session;
use acuref::store::Store;
use acuref::tui::app::Mode;
use acuref::tui::study::Overlay;

/// 2026-12-01 09:00 UTC, in milliseconds.
const NINE_AM: i64 = 1_796_115_600_000;

fn studying(width: u16, height: u16, home: &std::path::Path, keys: &str) -> Session {
    let mut s = Session::with_home(width, height, home);
    s.app.clock_ms = NINE_AM;
    s.press(keys);
    s
}

fn reviews_kept(home: &std::path::Path) -> usize {
    let store = Store::open_existing(&home.join(acuref::store::FILE_NAME))
        .unwrap()
        .expect("the first rating made the database");
    store.reviews().unwrap().len()
}

#[test]
fn s_offers_the_decks_of_the_list_on_screen_first() {
    let home = tempfile::tempdir().unwrap();
    let mut s = studying(80, 24, home.path(), "<Esc>c");
    s.press("j<Enter>s");
    assert_eq!(s.app.mode, Mode::Decks);
    let screen = s.screen();
    let first = screen
        .lines()
        .find(|l| l.contains("channel:"))
        .expect("a deck row");
    assert!(first.contains("Large Intestine channel"), "{screen}");
    insta::assert_snapshot!("deck_chooser_80x24", screen);
    // Typing narrows; a deck written as the command line writes it is offered first.
    s.press("region:hand,channel:lu");
    let screen = s.screen();
    assert!(
        screen.contains("Region: Hand + Lung channel"),
        "the written deck:\n{screen}"
    );
    s.press("<Esc>");
    assert_eq!(s.app.mode, Mode::Browse);
}

#[test]
fn a_card_shows_its_question_then_its_answer_with_the_wait_each_rating_gives() {
    let home = tempfile::tempdir().unwrap();
    let mut s = studying(80, 24, home.path(), "<Esc>c<Enter>");
    s.press("s<Enter>");
    assert_eq!(s.app.mode, Mode::Study);
    let study = s.app.study.as_ref().unwrap();
    let card = study.sitting.card(study.card.as_deref().unwrap()).unwrap();
    let (prompt, answer) = (card.prompt.clone(), card.answer.clone());
    let screen = s.screen();
    assert!(
        screen.contains("0 learning · 0 due · 20 new · Lung channel"),
        "{screen}"
    );
    assert!(screen.contains(&prompt[..30]), "{screen}");
    assert!(screen.contains("Space shows the answer"), "{screen}");
    let first_line = answer.lines().next().unwrap();
    assert!(
        !screen.contains(first_line),
        "the answer is hidden:\n{screen}"
    );
    insta::assert_snapshot!("study_question_80x24", screen);
    s.press(" ");
    let screen = s.screen();
    assert!(screen.contains(first_line), "{screen}");
    for shown in ["1 Again 1m", "2 Hard 6m", "3 Good 10m", "4 Easy"] {
        assert!(screen.contains(shown), "{shown}:\n{screen}");
    }
    insta::assert_snapshot!("study_answer_80x24", screen);
}

#[test]
fn each_rating_is_committed_as_it_is_made_and_the_card_comes_back_after_its_step() {
    let home = tempfile::tempdir().unwrap();
    let mut s = studying(80, 24, home.path(), "<Esc>s");
    s.press("<Enter>");
    let first = s.app.study.as_ref().unwrap().card.clone().unwrap();
    s.press(" 3");
    assert_eq!(reviews_kept(home.path()), 1, "kept before the next key");
    assert!(s.screen().contains(&format!("{first}: Good, again in 10m")));
    let second = s.app.study.as_ref().unwrap().card.clone().unwrap();
    s.press(" 1");
    assert_eq!(reviews_kept(home.path()), 2);
    // Ten minutes on, both steps are over: the cards in a step come before any new card,
    // the most overdue first.
    s.app.clock_ms += 601_000;
    s.press(" 3");
    assert_eq!(
        s.app.study.as_ref().unwrap().card.as_deref(),
        Some(second.as_str())
    );
    s.press(" 3");
    assert_eq!(
        s.app.study.as_ref().unwrap().card.as_deref(),
        Some(first.as_str())
    );
    assert_eq!(reviews_kept(home.path()), 4);
    // A new window over the same home reads the progress.
    let mut other = studying(80, 24, home.path(), "<Esc>s<Enter>");
    other.press("p");
    let screen = other.screen();
    assert!(screen.contains("reviewed today 4"), "{screen}");
    assert!(screen.contains("3 learning, 0 learnt"), "{screen}");
}

#[test]
fn the_full_card_is_one_key_away_and_shows_the_answer() {
    let home = tempfile::tempdir().unwrap();
    let mut s = studying(80, 24, home.path(), "<Esc>s<Enter>");
    s.press("o");
    let study = s.app.study.as_ref().unwrap();
    assert_eq!(study.overlay, Overlay::FullCard(0));
    assert!(study.revealed, "seeing the full card shows the answer");
    let card = study.sitting.card(study.card.as_deref().unwrap()).unwrap();
    let subject = card.subject().unwrap();
    let title = s.app.catalogue.title(subject);
    let screen = s.screen();
    assert!(screen.contains(&title), "{title}:\n{screen}");
    assert!(screen.contains("Location"), "{screen}");
    s.press("o");
    assert_eq!(s.app.study.as_ref().unwrap().overlay, Overlay::None);
}

#[test]
fn the_progress_shows_the_counts_and_a_mastery_bar_for_each_channel() {
    let home = tempfile::tempdir().unwrap();
    let mut s = studying(80, 24, home.path(), "lieque<Esc>s");
    s.press("<Down><Enter> 3p");
    let screen = s.screen();
    assert!(
        screen.contains("reviewed today 1 · streak 1 day"),
        "{screen}"
    );
    assert!(screen.contains("Mastered (remembered 21 days or more), by channel:"));
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Lung ") && l.contains("░")),
        "{screen}"
    );
    insta::assert_snapshot!("study_progress_all_80x24", screen);
    s.press("<Esc>");
    assert_eq!(s.app.study.as_ref().unwrap().overlay, Overlay::None);
    s.press("<Esc>");
    assert_eq!(s.app.mode, Mode::Browse);
}

#[test]
fn a_quiz_takes_numbers_and_typed_names_and_ends_with_the_score_and_the_wrong_answers() {
    let home = tempfile::tempdir().unwrap();
    let mut s = studying(80, 24, home.path(), "<Esc>c<Enter>s<Tab>");
    assert_eq!(s.app.mode, Mode::Quiz);
    let run = s.app.quiz.as_ref().unwrap();
    assert_eq!(run.questions.len(), 10);
    let (first, second) = (run.questions[0].clone(), run.questions[1].clone());
    insta::assert_snapshot!("quiz_question_80x24", s.screen());
    // The first answered by typing the answer's code in lower case.
    let code = s.app.catalogue.id(first.answer_point()).to_lowercase();
    s.press(&code).press("<Enter>");
    assert!(s.screen().contains("right: "), "{}", s.screen());
    // The second answered with a wrong choice's number.
    let wrong = (second.answer + 1) % second.choices.len();
    s.press("<Enter>").press(&(wrong + 1).to_string());
    let screen = s.screen();
    assert!(screen.contains("wrong: the answer is"), "{screen}");
    s.press("<Enter><Esc>");
    assert_eq!(s.app.mode, Mode::QuizResults);
    let screen = s.screen();
    assert!(screen.contains("Score 1/2"), "{screen}");
    assert!(
        screen.contains("stopped after 2 of 10 questions"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("you answered {}", second.choices[wrong])),
        "{screen}"
    );
    // The wrong ones asked again, then reviewed as cards.
    s.press("r");
    assert_eq!(
        s.app.quiz.as_ref().unwrap().questions,
        std::slice::from_ref(&second)
    );
    s.press(&(wrong + 1).to_string()).press("<Enter>");
    assert_eq!(s.app.mode, Mode::QuizResults, "the one question asked");
    assert!(s.screen().contains("Score 0/1"), "{}", s.screen());
    s.press("w");
    assert_eq!(s.app.mode, Mode::Study);
    let study = s.app.study.as_ref().unwrap();
    assert_eq!(study.card.as_deref(), Some(second.card_id.as_str()));
    assert_eq!(study.sitting.left(), Some(1));
    s.press(" 3");
    assert_eq!(reviews_kept(home.path()), 1);
    assert!(
        s.screen()
            .contains("Done: every card of the list was rated.")
    );
}

#[test]
fn study_fits_at_40x12() {
    let home = tempfile::tempdir().unwrap();
    let mut s = studying(40, 12, home.path(), "<Esc>c<Enter>s<Enter> ");
    let screen = s.screen();
    assert!(screen.contains("1 Again 1m"), "{screen}");
    assert!(screen.contains("4 Easy"), "the ratings wrap:\n{screen}");
    insta::assert_snapshot!("study_answer_40x12", screen);
    s.press("3t");
    insta::assert_snapshot!("quiz_question_40x12", s.screen());
}

/// Every card the catalogue makes, its answer shown at 80x24, scrolled page by page: every
/// word of the answer is on screen, in order, and no line of it is cut.
#[test]
fn every_card_shows_its_whole_answer_at_80x24() {
    let home = tempfile::tempdir().unwrap();
    let mut s = studying(80, 24, home.path(), "<Esc>s<Enter>");
    let ids: Vec<String> = {
        let study = s.app.study.as_ref().unwrap();
        study.sitting.cards().iter().map(|c| c.id.clone()).collect()
    };
    assert!(ids.len() > 2800);
    for id in &ids {
        {
            let study = s.app.study.as_mut().unwrap();
            study.card = Some(id.clone());
            study.revealed = true;
            study.scroll = 0;
        }
        let mut seen = String::new();
        for _ in 0..20 {
            s.draw();
            let screen = s.screen();
            let body: Vec<&str> = screen.lines().skip(2).take(21).collect();
            for line in &body {
                seen.push_str(line.trim_matches(|c| c == '│' || c == ' '));
                seen.push(' ');
            }
            if !screen.contains("more below") {
                break;
            }
            s.press("<PgDn>");
        }
        let answer = s
            .app
            .study
            .as_ref()
            .unwrap()
            .sitting
            .card(id)
            .unwrap()
            .answer
            .clone();
        let mut rest = seen.as_str();
        for word in answer.split_whitespace() {
            match rest.find(word) {
                Some(at) => rest = &rest[at + word.len()..],
                None => panic!("{id}: `{word}` of the answer is not on screen:\n{seen}"),
            }
        }
    }
}

mod random_keys {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use proptest::prelude::*;

    fn study_key() -> impl Strategy<Value = KeyEvent> {
        prop_oneof![
            prop::sample::select(vec![
                ' ', '1', '2', '3', '4', 'o', 'p', 't', 's', 'j', 'k', 'q', 'r', 'w', '?', 'z',
                'é', '足'
            ])
            .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            prop::sample::select(vec![
                KeyCode::Enter,
                KeyCode::Esc,
                KeyCode::Tab,
                KeyCode::Backspace,
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Left,
            ])
            .prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Any keys at any size, from a sitting: no panic, and a card on screen is one of
        /// the deck's.
        #[test]
        fn no_key_sequence_or_size_panics_in_study(
            keys in proptest::collection::vec(study_key(), 1..50),
            sizes in proptest::collection::vec((1u16..200, 1u16..50), 1..4),
        ) {
            let home = tempfile::tempdir().unwrap();
            let mut s = studying(80, 24, home.path(), "<Esc>c<Enter>s<Enter>");
            for (n, key) in keys.into_iter().enumerate() {
                let (w, h) = sizes[n % sizes.len()];
                s.resize(w, h);
                s.press_key(key);
                s.app.clock_ms += 7_000;
                if let Some(study) = &s.app.study && let Some(id) = &study.card {
                    prop_assert!(study.sitting.card(id).is_some());
                }
            }
        }
    }
}

#[test]
fn the_readme_study_screen_is_what_the_app_draws() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let home = tempfile::tempdir().unwrap();
    let script = "<Esc>c<Enter>s<Enter> 3 ";
    let s = studying(100, 16, home.path(), script);
    let screen = super::plain_text(s.frame().buffer());
    assert!(
        readme.contains(&screen),
        "README.md must show the study screen (keys `{script}`, 100x16) exactly as drawn:\n{screen}"
    );
}
