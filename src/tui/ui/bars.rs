//! The query line at the top and the key hints at the bottom.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::app::Mode;
use super::super::app::{App, Focus, ListSource};
use super::super::keymap::{Action, Scope, first_key};
use crate::text::escape_controls;
use crate::text::truncate;

/// Draws the query, the mode and the `shown/total` counter; places the cursor when typing.
pub(crate) fn draw_search(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let theme = &app.theme;
    let mode = match app.mode {
        Mode::Search => "SEARCH",
        Mode::Browse => "BROWSE",
        Mode::Patient => "PATIENT",
        Mode::Note => "NOTE",
        Mode::Chooser => "PROTOCOL",
        Mode::Confirm => "DELETE?",
        Mode::Decks => "DECK",
        Mode::Study => "STUDY",
        Mode::Quiz => "QUIZ",
        Mode::QuizResults => "SCORE",
    };
    let counter = match app.view.source {
        ListSource::Search => format!("{}/{}", app.rows.len(), app.index.len()),
        _ if app.row_count() == 0 => "0 items".to_string(),
        _ => format!("{}/{}", app.view.selected + 1, app.row_count()),
    };
    let right = format!(" {mode} {counter} ");
    let prompt = " / ";
    let badge = patient_badge(
        app,
        (area.width as usize).saturating_sub(right.width() + 12),
    );
    let room =
        (area.width as usize).saturating_sub(right.width() + badge.width() + prompt.width() + 1);
    let (shown, cursor_column) = query_window(&app.view.query, app.view.cursor, room);
    let browsing = app.view.source != ListSource::Search && app.mode != Mode::Search;
    let placeholder = shown.is_empty() && app.mode == Mode::Search;
    let typed = if browsing {
        // The list is not the query's results: say what it is instead.
        let first = first_key(Scope::Browse, Action::EnterSearch).unwrap_or_default();
        Span::styled(
            truncate(&format!("{} ({first} to search)", app.list_title()), room),
            theme.dim,
        )
    } else if placeholder {
        Span::styled(
            truncate("type a code, name, hanzi or condition", room),
            theme.dim,
        )
    } else {
        Span::styled(shown.clone(), theme.text)
    };
    let gap = (area.width as usize)
        .saturating_sub(prompt.width() + typed.width() + badge.width() + right.width());
    let line = Line::from(vec![
        Span::styled(prompt, theme.key),
        typed,
        Span::raw(" ".repeat(gap)),
        Span::styled(
            badge,
            theme
                .caution
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ),
        Span::styled(right, theme.dim),
    ]);
    frame.render_widget(line, area);
    if app.mode == Mode::Search {
        let x = area.x + (prompt.width() + cursor_column) as u16;
        if x < area.x + area.width {
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }
}

/// ` PATIENT pregnancy T2 · anticoagulants `, shortened to fit `room` columns; empty when no
/// state is set.
fn patient_badge(app: &App<'_>, room: usize) -> String {
    if app.patient.is_empty() {
        return String::new();
    }
    let full = format!(" PATIENT {} ", app.patient.label(app.catalogue));
    if full.width() <= room {
        full
    } else if room >= 9 {
        format!(" {} ", truncate(full.trim(), room - 2))
    } else {
        String::new()
    }
}

/// The few keys that matter now, from the keymap.
fn hints(app: &App<'_>) -> Vec<(String, &'static str)> {
    let (scope, wanted): (Scope, &[(Action, &str)]) = match (app.mode, app.view.focus) {
        (Mode::Search, _) => (
            Scope::Search,
            &[
                (Action::Down, "select"),
                (Action::Accept, "open"),
                (Action::LeaveSearch, "browse"),
                (Action::ClearQuery, "clear"),
            ],
        ),
        (Mode::Browse, Focus::List) => (
            Scope::Browse,
            &[
                (Action::Down, "move"),
                (Action::Open, "open"),
                (Action::EnterSearch, "search"),
                (Action::BrowseChannels, "channels"),
                (Action::OpenPatient, "patient"),
                (Action::ToggleHelp, "help"),
                (Action::Quit, "quit"),
            ],
        ),
        (Mode::Note, _) => (
            Scope::Note,
            &[(Action::SaveNote, "save"), (Action::CancelNote, "close")],
        ),
        (Mode::Chooser, _) => (
            Scope::Chooser,
            &[
                (Action::Choose, "add"),
                (Action::SwitchField, "name/note"),
                (Action::CloseChooser, "close"),
            ],
        ),
        (Mode::Confirm, _) => (
            Scope::Confirm,
            &[(Action::Confirm, "delete"), (Action::Refuse, "keep")],
        ),
        (Mode::Decks, _) => (
            Scope::Decks,
            &[
                (Action::StudyDeck, "review"),
                (Action::QuizDeck, "quiz"),
                (Action::Down, "move"),
                (Action::CloseDecks, "close"),
            ],
        ),
        (Mode::Study, _) => (Scope::Study, study_hints(app)),
        (Mode::Quiz, _) => (
            Scope::Quiz,
            &[
                (Action::SubmitAnswer, "check/next"),
                (Action::EndQuiz, "end"),
            ],
        ),
        (Mode::QuizResults, _) => (
            Scope::QuizResults,
            &[
                (Action::ReplayWrong, "ask wrong again"),
                (Action::ReviewWrong, "review wrong"),
                (Action::QuizDeck, "new quiz"),
                (Action::LeaveStudy, "back"),
            ],
        ),
        (Mode::Patient, _) => (
            Scope::Patient,
            &[
                (Action::Down, "move"),
                (Action::TogglePatientState, "set/clear"),
                (Action::ClearPatient, "clear all"),
                (Action::ClosePatient, "close"),
            ],
        ),
        (Mode::Browse, Focus::Detail) => (
            Scope::Browse,
            &[
                (Action::Down, "read on"),
                (Action::Open, "follow"),
                (Action::Back, "back"),
                (Action::NextPane, "list"),
                (Action::ToggleHelp, "help"),
                (Action::Quit, "quit"),
            ],
        ),
    };
    let mut out: Vec<(String, &'static str)> = wanted
        .iter()
        .filter_map(|&(action, label)| first_key(scope, action).map(|k| (k, label)))
        .collect();
    if app.mode == Mode::Search {
        for (action, label) in [(Action::ToggleHelp, "help"), (Action::Quit, "quit")] {
            out.push((first_key(Scope::Always, action).unwrap_or_default(), label));
        }
    }
    out
}

/// The study keys that matter now: before the answer is shown, how to show it; after, the
/// ratings are on the card itself, so the other keys.
fn study_hints(app: &App<'_>) -> &'static [(Action, &'static str)] {
    use super::super::study::Overlay;
    match app.study.as_ref().map(|s| (s.overlay, s.revealed)) {
        Some((Overlay::None, false)) => &[
            (Action::RevealOrGood, "show answer"),
            (Action::ShowFullCard, "full card"),
            (Action::ShowProgress, "progress"),
            (Action::QuizDeck, "quiz"),
            (Action::LeaveStudy, "back"),
            (Action::ToggleHelp, "help"),
        ],
        Some((Overlay::None, true)) => &[
            (Action::RevealOrGood, "good"),
            (Action::ShowFullCard, "full card"),
            (Action::ShowProgress, "progress"),
            (Action::LeaveStudy, "back"),
            (Action::ToggleHelp, "help"),
        ],
        _ => &[
            (Action::Down, "scroll"),
            (Action::LeaveStudy, "close"),
            (Action::ToggleHelp, "help"),
        ],
    }
}

/// The question's words, for the footer.
fn question_text(app: &App<'_>) -> Option<String> {
    use super::super::app::Question;
    let key = |action| first_key(Scope::Confirm, action).unwrap_or_default();
    let what = match app.question.as_ref()? {
        Question::DeleteNote(entry) => {
            let copies = app.notes.get(entry).map_or(0, |n| n.conflicts.len());
            let id = app.catalogue.id(*entry);
            match copies {
                0 => format!("your note on {id}"),
                1 => format!("your note on {id} and the copy kept beside it"),
                n => format!("your note on {id} and the {n} copies kept beside it"),
            }
        }
        Question::DeleteProtocol(name) => {
            format!("the protocol {}", crate::text::escape_controls(name))
        }
    };
    // The keys first, so that a narrow footer never cuts them.
    Some(format!(
        "{} deletes, {} keeps: {what}?",
        key(Action::Confirm),
        key(Action::Refuse)
    ))
}

/// Draws the key hints, as many as fit.
pub(crate) fn draw_footer(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let question = if app.mode == Mode::Confirm {
        question_text(app)
    } else {
        None
    };
    if let Some(notice) = question.as_ref().or(app.notice.as_ref()) {
        let text = truncate(&format!(" {notice}"), area.width as usize);
        frame.render_widget(Line::styled(text, app.theme.caution), area);
        return;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, label) in hints(app) {
        let width = key.width() + label.width() + 3;
        if used + width > area.width as usize {
            break;
        }
        used += width;
        spans.push(Span::styled(format!(" {key}"), app.theme.key));
        spans.push(Span::styled(format!(" {label} "), app.theme.dim));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The part of the query that fits in `room` columns, with `…` where it was cut, and the
/// column of the cursor in it. The end of the query shows while the cursor is there, where the
/// typing happens; a cursor moved further left brings its part into view.
fn query_window(query: &str, cursor: usize, room: usize) -> (String, usize) {
    let cursor = (0..=cursor.min(query.len()))
        .rev()
        .find(|&i| query.is_char_boundary(i))
        .unwrap_or(0);
    let before = escape_controls(&query[..cursor]);
    let after = escape_controls(&query[cursor..]);
    let whole = format!("{before}{after}");
    if whole.width() <= room {
        return (whole, before.width());
    }
    if after.width() < room.saturating_sub(1) {
        // The tail, which holds the cursor: cut at the start.
        let mut tail: Vec<char> = Vec::new();
        let mut used = 1;
        for c in whole.chars().rev() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            tail.push(c);
        }
        tail.push('…');
        let shown: String = tail.into_iter().rev().collect();
        let column = shown.width() - after.width();
        return (shown, column);
    }
    if before.is_empty() {
        return (truncate(&after, room), 0);
    }
    // The cursor is far from the end: show from it, cut at both ends.
    let shown = format!("…{}", truncate(&after, room.saturating_sub(1)));
    (shown, 1)
}
