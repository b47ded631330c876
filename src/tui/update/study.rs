//! Study's keys: the deck chooser, the cards and their ratings, the full card and the
//! progress, the quiz and its score. Pure: the clock is the app's (set by the event loop), and
//! what is to be kept goes out as an [`Effect`].

use super::super::app::{App, Effect, ListSource, Mode};
use super::super::keymap::Action;
use super::super::study::{Checked, DeckPicker, Overlay, QUIZ_LENGTH, QuizRun, StudyScreen};
use super::line_edit;
use crate::catalogue::{EntryRef, Kind};
use crate::store::{Review, StoredCard};
use crate::study::schedule::{Rating, wait_label};
use crate::study::session::{Limits, Sitting};
use crate::study::{Deck, DeckPart, UserLists, all_cards, quiz};

/// Handles an action that belongs to study (in any mode, `s`; in study's modes, all of
/// theirs); returns whether it did.
pub(super) fn update(app: &mut App<'_>, action: Action) -> bool {
    if matches!(action, Action::ToggleHelp | Action::Quit | Action::Suspend) {
        return false;
    }
    match (app.mode, action) {
        (Mode::Browse | Mode::Study, Action::OpenStudy) => open_decks(app),
        (Mode::Decks, _) => decks_key(app, action),
        (Mode::Study, _) => study_key(app, action),
        (Mode::Quiz, _) => quiz_key(app, action),
        (Mode::QuizResults, _) => results_key(app, action),
        _ => return false,
    }
    true
}

/// Opens study as `acuref study` does: this deck's sitting, or the deck chooser.
pub fn start_study(app: &mut App<'_>, deck: Option<String>) {
    match deck {
        Some(spec) => app.effects.push(Effect::OpenStudy { spec, listed: None }),
        None => open_decks(app),
    }
}

/// The study clock in whole seconds.
fn now(app: &App<'_>) -> i64 {
    app.clock_ms.div_euclid(1000)
}

/// Opens the deck chooser, offering the decks of the list and the entry on screen first.
fn open_decks(app: &mut App<'_>) {
    let c = app.catalogue;
    let mut first: Vec<Deck> = Vec::new();
    if let Some(study) = &app.study
        && let Ok(deck) = Deck::parse(c, &study.spec)
    {
        first.push(deck);
    }
    let entry = |kind: Kind, index: usize| Deck::of_entry(c, EntryRef { kind, index });
    let listed = match app.view.source {
        ListSource::ChannelPoints(i) => entry(Kind::Channel, i),
        ListSource::RegionPoints(i) => entry(Kind::Region, i),
        ListSource::CategoryPoints(i) => entry(Kind::Category, i),
        ListSource::Covered(i) => entry(Kind::Contraindication, i),
        ListSource::Bookmarks => Some(Deck::of_part(c, DeckPart::Bookmarks)),
        ListSource::ProtocolPoints(seq) => app
            .protocol(seq)
            .map(|p| Deck::of_part(c, DeckPart::Protocol(p.name.clone()))),
        ListSource::Protocols => app
            .selected_protocol()
            .map(|p| Deck::of_part(c, DeckPart::Protocol(p.name.clone()))),
        _ => None,
    };
    first.extend(listed);
    if let Some(shown) = app.shown() {
        let point_channel = (shown.kind == Kind::Point)
            .then(|| c.points[shown.index].channel.as_ref())
            .flatten()
            .and_then(|ch| c.find(Kind::Channel, ch.as_str()));
        first.extend(Deck::of_entry(c, shown).or_else(|| Deck::of_entry(c, point_channel?)));
    }
    app.decks = Some(DeckPicker::new(
        c,
        first,
        !app.bookmarks.is_empty(),
        &app.protocols,
    ));
    app.mode = Mode::Decks;
}

/// The user's lists, as decks read them.
fn user_lists(app: &App<'_>) -> UserLists {
    UserLists {
        bookmarks: app.bookmarks.clone(),
        protocols: app
            .protocols
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    p.points.iter().map(|(c, _)| c.clone()).collect(),
                )
            })
            .collect(),
    }
}

fn decks_key(app: &mut App<'_>, action: Action) {
    let Some(picker) = &mut app.decks else {
        app.mode = Mode::Browse;
        return;
    };
    if action.edits_a_line() {
        edit_line(&mut picker.typed, &mut picker.cursor, action);
        picker.selected = 0;
        return;
    }
    let count = picker.choices(app.catalogue).len();
    match action {
        Action::Down => picker.selected = (picker.selected + 1).min(count.saturating_sub(1)),
        Action::Up => picker.selected = picker.selected.saturating_sub(1),
        Action::CloseDecks => close_decks(app),
        Action::StudyDeck | Action::QuizDeck => {
            let Some(choice) = picker
                .choices(app.catalogue)
                .into_iter()
                .nth(picker.selected)
            else {
                app.notice =
                    Some("no deck is selected: type less, or write one as channel:LU".into());
                return;
            };
            if action == Action::QuizDeck {
                start_quiz(app, &choice.spec);
            } else {
                app.effects.push(Effect::OpenStudy {
                    spec: choice.spec,
                    listed: None,
                });
            }
        }
        _ => {}
    }
}

fn close_decks(app: &mut App<'_>) {
    app.decks = None;
    app.mode = if app.study.is_some() {
        Mode::Study
    } else {
        Mode::Browse
    };
}

/// An edit of a line of text (the deck chooser's, the quiz's answer) at its cursor.
fn edit_line(line: &mut String, at: &mut usize, action: Action) {
    *at = (*at).min(line.len());
    match action {
        Action::Insert(c) => line_edit::insert(line, at, c.encode_utf8(&mut [0; 4])),
        Action::DeleteChar => line_edit::delete_before(line, at),
        Action::DeleteUnder => line_edit::delete_under(line, at),
        Action::DeleteWord => line_edit::delete_word_before(line, at),
        Action::ClearQuery => {
            line.clear();
            *at = 0;
        }
        Action::CursorLeft => line_edit::left(line, at),
        Action::CursorRight => line_edit::right(line, at),
        Action::WordLeft => line_edit::word_left(line, at),
        Action::WordRight => line_edit::word_right(line, at),
        Action::CursorStart => *at = 0,
        Action::CursorEnd => *at = line.len(),
        _ => {}
    }
}

/// The progress kept in the user's database, as a sitting starts from it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeptProgress {
    /// Each card's stored state.
    pub states: Vec<StoredCard>,
    /// The review log.
    pub reviews: Vec<Review>,
    /// The scheduler's parameters fitted to the reviews (none: the defaults).
    pub parameters: Vec<f32>,
    /// Why ratings will not be kept, when they cannot be.
    pub unkept: Option<String>,
}

/// Opens a sitting over `spec` with the progress the caller read from the user's database.
/// `listed` makes it go through those cards once each rather than by the schedule.
pub fn open_study(app: &mut App<'_>, spec: &str, listed: Option<Vec<String>>, kept: KeptProgress) {
    let KeptProgress {
        states: kept,
        reviews,
        parameters,
        unkept,
    } = kept;
    let kept = &kept[..];
    let c = app.catalogue;
    let deck = match Deck::parse(c, spec) {
        Ok(deck) => deck,
        Err(e) => {
            app.notice = Some(e.to_string());
            return;
        }
    };
    let cards = all_cards(c);
    let ids: Vec<String> = match &listed {
        Some(ids) => ids.clone(),
        None => match deck.deal(c, &cards, &user_lists(app)) {
            Ok(dealt) => dealt.iter().map(|card| card.id.clone()).collect(),
            Err(e) => {
                app.notice = Some(e.to_string());
                return;
            }
        },
    };
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let limits = Limits {
        retention: app.study_settings.desired_retention,
        parameters,
        new_per_day: app.study_settings.new_per_day,
    };
    let sitting = match Sitting::new(cards, &ids, kept, reviews, limits) {
        Ok(sitting) if listed.is_some() => sitting.listed(),
        Ok(sitting) => sitting,
        Err(e) => {
            app.notice = Some(format!("{e} (in the settings file's [study] table)"));
            return;
        }
    };
    let title = match listed {
        Some(_) => format!("{}: the wrong answers", deck.title(c)),
        None => deck.title(c),
    };
    app.study = Some(StudyScreen {
        sitting,
        spec: deck.spec().to_string(),
        title,
        card: None,
        revealed: false,
        shown_at: app.clock_ms,
        scroll: 0,
        overlay: Overlay::None,
        rated: 0,
        unkept,
    });
    app.decks = None;
    app.quiz = None;
    app.mode = Mode::Study;
    show_next(app);
}

/// Puts the next card on screen, its answer hidden (none when nothing is due now).
fn show_next(app: &mut App<'_>) {
    let now = now(app);
    let at = app.clock_ms;
    if let Some(study) = &mut app.study {
        study.card = study.sitting.next(now).map(|card| card.id.clone());
        study.revealed = false;
        study.shown_at = at;
        study.scroll = 0;
        if let Overlay::FullCard(_) = study.overlay {
            study.overlay = Overlay::None;
        }
    }
}

/// When the clock has moved: a card whose same-day step is over comes on screen if none is.
pub fn clock_moved(app: &mut App<'_>) {
    let now = now(app);
    if app.mode == Mode::Study
        && let Some(study) = &app.study
        && study.card.is_none()
        && study.sitting.next(now).is_some()
    {
        show_next(app);
    }
}

fn study_key(app: &mut App<'_>, action: Action) {
    let Some(study) = &mut app.study else {
        app.mode = Mode::Browse;
        return;
    };
    let page = app.page.max(1);
    let scroll = |study: &mut StudyScreen, by: isize| match &mut study.overlay {
        Overlay::FullCard(at) => *at = at.saturating_add_signed(by),
        _ => study.scroll = study.scroll.saturating_add_signed(by),
    };
    match action {
        Action::RevealOrGood if !study.revealed && study.card.is_some() => study.revealed = true,
        Action::RevealOrGood => rate(app, Rating::Good),
        Action::RateAgain => rate(app, Rating::Again),
        Action::RateHard => rate(app, Rating::Hard),
        Action::RateGood => rate(app, Rating::Good),
        Action::RateEasy => rate(app, Rating::Easy),
        Action::Down => scroll(study, 1),
        Action::Up => scroll(study, -1),
        Action::PageDown => scroll(study, page as isize),
        Action::PageUp => scroll(study, -(page as isize)),
        Action::ShowFullCard => {
            let about = study
                .card
                .as_deref()
                .and_then(|id| study.sitting.card(id))
                .and_then(|card| card.subject());
            study.overlay = match (study.overlay, about) {
                (Overlay::FullCard(_), _) => Overlay::None,
                // The full card holds the answer: once seen, the answer counts as shown.
                (_, Some(_)) => {
                    study.revealed = true;
                    Overlay::FullCard(0)
                }
                (overlay, None) => {
                    app.notice = Some("no card is on screen".into());
                    overlay
                }
            };
        }
        Action::ShowProgress => {
            study.overlay = match study.overlay {
                Overlay::Progress => Overlay::None,
                _ => Overlay::Progress,
            }
        }
        Action::LeaveStudy if study.overlay != Overlay::None => study.overlay = Overlay::None,
        Action::LeaveStudy => {
            app.study = None;
            app.mode = Mode::Browse;
        }
        Action::QuizDeck => {
            let spec = study.spec.clone();
            start_quiz(app, &spec);
        }
        _ => {}
    }
}

/// Rates the card on screen (once its answer is shown), keeps the rating, and shows the next.
fn rate(app: &mut App<'_>, rating: Rating) {
    let now = now(app);
    let at = app.clock_ms;
    let Some(study) = &mut app.study else {
        return;
    };
    let Some(id) = study.card.clone() else {
        app.notice = Some("nothing is due now".into());
        return;
    };
    if !study.revealed {
        app.notice = Some("show the answer first: Space".into());
        return;
    }
    match study.sitting.rate(&id, rating, now, at - study.shown_at) {
        Ok(rated) => {
            study.rated += 1;
            app.notice = Some(format!(
                "{id}: {}, again in {}",
                rating.name(),
                wait_label(rated.outcome.wait)
            ));
            app.effects.push(Effect::Review {
                review: rated.review,
                stored: rated.stored,
            });
            show_next(app);
        }
        Err(e) => app.notice = Some(e.to_string()),
    }
}

/// Starts a quiz of [`QUIZ_LENGTH`] questions on the deck written `spec`.
fn start_quiz(app: &mut App<'_>, spec: &str) {
    let c = app.catalogue;
    let cards = all_cards(c);
    let dealt = Deck::parse(c, spec).and_then(|deck| deck.deal(c, &cards, &user_lists(app)));
    let dealt = match dealt {
        Ok(dealt) => dealt,
        Err(e) => {
            app.notice = Some(e.to_string());
            return;
        }
    };
    let questions = quiz::questions(c, &dealt, QUIZ_LENGTH, app.clock_ms as u64);
    if questions.is_empty() {
        app.notice =
            Some("no card of this deck makes a multiple-choice question; try a larger deck".into());
        return;
    }
    app.quiz = Some(QuizRun::new(spec.to_string(), questions, app.clock_ms));
    app.decks = None;
    app.mode = Mode::Quiz;
}

fn quiz_key(app: &mut App<'_>, action: Action) {
    let (c, index, at) = (app.catalogue, app.index, app.clock_ms);
    let Some(run) = &mut app.quiz else {
        app.mode = Mode::Browse;
        return;
    };
    let Some(question) = run.questions.get(run.at) else {
        run.ended.get_or_insert(at);
        app.mode = Mode::QuizResults;
        return;
    };
    match action {
        // A choice's number, with nothing typed, answers at once.
        Action::Insert(digit @ '1'..='9')
            if run.typed.is_empty()
                && run.checked.is_none()
                && (digit as usize - '0' as usize) <= question.choices.len() =>
        {
            let (right, given) = question.check(c, index, digit.encode_utf8(&mut [0; 4]));
            let checked = Checked { right, given };
            run.answers.push((run.at, checked.clone()));
            run.checked = Some(checked);
        }
        action if action.edits_a_line() && run.checked.is_none() => {
            edit_line(&mut run.typed, &mut run.cursor, action);
        }
        Action::SubmitAnswer if run.checked.is_some() => {
            run.at += 1;
            run.typed.clear();
            run.cursor = 0;
            run.checked = None;
            if run.at == run.questions.len() {
                run.ended = Some(at);
                app.mode = Mode::QuizResults;
            }
        }
        Action::SubmitAnswer => {
            let (right, given) = question.check(c, index, &run.typed);
            let checked = Checked { right, given };
            run.answers.push((run.at, checked.clone()));
            run.checked = Some(checked);
        }
        Action::EndQuiz => {
            run.ended = Some(at);
            app.mode = Mode::QuizResults;
        }
        _ => {}
    }
}

fn results_key(app: &mut App<'_>, action: Action) {
    let Some(run) = &app.quiz else {
        app.mode = Mode::Browse;
        return;
    };
    match action {
        Action::ReplayWrong => {
            let again: Vec<_> = run.wrong().map(|(q, _)| q.clone()).collect();
            if again.is_empty() {
                app.notice = Some("no wrong answers to ask again".into());
                return;
            }
            app.quiz = Some(QuizRun::new(run.spec.clone(), again, app.clock_ms));
            app.mode = Mode::Quiz;
        }
        Action::ReviewWrong => {
            let mut cards: Vec<String> = Vec::new();
            for (q, _) in run.wrong() {
                if !cards.contains(&q.card_id) {
                    cards.push(q.card_id.clone());
                }
            }
            if cards.is_empty() {
                app.notice = Some("no wrong answers to review".into());
                return;
            }
            app.effects.push(Effect::OpenStudy {
                spec: run.spec.clone(),
                listed: Some(cards),
            });
        }
        Action::QuizDeck => {
            let spec = run.spec.clone();
            start_quiz(app, &spec);
        }
        Action::LeaveStudy => {
            app.quiz = None;
            app.mode = if app.study.is_some() {
                Mode::Study
            } else {
                Mode::Browse
            };
        }
        _ => {}
    }
}
