//! Actions to state: the only place the app's state changes. Pure: no terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::Mode;
use super::app::{App, Focus, ListSource, View};
use super::keymap::{Action, action_for};
use crate::catalogue::cautions::{PatientStateRef, patient_contraindications};

mod detail;
mod line_edit;
mod mouse;
mod navigate;
mod study;
mod yours;

pub use study::{KeptProgress, clock_moved, open_study, start_study};
pub use yours::outside_edited;

pub use mouse::handle_mouse;
use navigate::{back, browse, forward, go, open};

use detail::Motion;

/// The most places remembered for going back.
const HISTORY: usize = 200;

/// Handles one key press: in the help screen the browse keys scroll and any other key closes
/// it; otherwise the keymap decides.
pub fn handle_key(app: &mut App<'_>, key: KeyEvent) {
    app.notice = None;
    // While "terminal too small" is shown nothing can be seen, so only quitting acts.
    if super::layout::too_small(app.areas.frame) && app.areas.frame.area() > 0 {
        app.quit |= crate::tui::keymap::is_quit(&key);
        return;
    }
    if app.help {
        let page = app.page.max(1) as u16;
        match action_for(Mode::Browse, key) {
            Some(Action::Down) => app.help_scroll = app.help_scroll.saturating_add(1),
            Some(Action::Up) => app.help_scroll = app.help_scroll.saturating_sub(1),
            Some(Action::PageDown) => app.help_scroll = app.help_scroll.saturating_add(page),
            Some(Action::PageUp) => app.help_scroll = app.help_scroll.saturating_sub(page),
            _ => {
                app.quit |= crate::tui::keymap::is_quit(&key);
                app.help = false;
            }
        }
        return;
    }
    if app.mode == Mode::Note {
        return note_key(app, key);
    }
    if app.mode == Mode::Confirm {
        // The footer asks the question until it is answered; other keys do nothing.
        if let Some(action) = action_for(Mode::Confirm, key) {
            update(app, action);
        }
        return;
    }
    // `?` with nothing typed yet is a newcomer asking for help, not a search for "?".
    let asks_help = app.mode == Mode::Search
        && app.view.query.is_empty()
        && key.code == KeyCode::Char('?')
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if asks_help {
        return update(app, Action::ToggleHelp);
    }
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match action_for(app.mode, key) {
        Some(action) => update(app, action),
        // A terminal sends Esc quickly followed by a key as Alt+key: an Alt+key that is no
        // key here is Esc (leaving the query, in search mode), then the key.
        None if alt => {
            let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
            if let Some(action) = action_for(app.mode, esc) {
                update(app, action);
            }
            let mut plain = key;
            plain.modifiers.remove(KeyModifiers::ALT);
            handle_key(app, plain);
        }
        None if app.mode == Mode::Browse => app.notice = unbound_hint(key),
        None => {}
    }
}

/// A key in the note editor: save, close, help and suspend are keys; Ctrl-c closes the editor
/// (keeping the draft) rather than quitting with the text unsaved; every other key edits.
fn note_key(app: &mut App<'_>, key: KeyEvent) {
    match action_for(Mode::Note, key) {
        Some(Action::SaveNote) => update(app, Action::SaveNote),
        Some(Action::CancelNote | Action::Quit) => update(app, Action::CancelNote),
        Some(action @ (Action::ToggleHelp | Action::Suspend)) => update(app, action),
        _ => {
            if let Some(editor) = &mut app.editor {
                editor.text.input(key);
            }
        }
    }
}

/// What the footer says when a character that is no key is typed while browsing: a newcomer
/// who starts typing a name learns how to search instead of seeing nothing happen.
fn unbound_hint(key: KeyEvent) -> Option<String> {
    use super::keymap::{Scope, first_key};
    let KeyCode::Char(typed) = key.code else {
        return None;
    };
    if typed.is_whitespace() {
        return None;
    }
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    let search = first_key(Scope::Browse, Action::EnterSearch)?;
    let help = first_key(Scope::Browse, Action::ToggleHelp)
        .or_else(|| first_key(Scope::Always, Action::ToggleHelp))?;
    Some(format!(
        "{typed} is no key here: {search} to search, {help} for the keys"
    ))
}

/// Pasted text goes into the note being written, or into the query in search mode, as one
/// line there (newlines and tabs become
/// spaces, control and invisible characters are dropped); in other modes it is ignored, so a
/// paste never runs as commands.
pub fn handle_paste(app: &mut App<'_>, text: &str) {
    if app.mode == Mode::Note
        && !app.help
        && let Some(editor) = &mut app.editor
    {
        // Into a note, lines stay lines; control and invisible characters are dropped.
        let clean: String = text
            .replace("\r\n", "\n")
            .chars()
            .filter(|&c| c == '\n' || !crate::text::is_forbidden(c))
            .collect();
        editor.text.insert_str(clean);
        return;
    }
    if app.mode != Mode::Search || app.help {
        return;
    }
    let line: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|&c| !crate::text::is_forbidden(c))
        .collect();
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return;
    }
    edit_query(app, |q, at| {
        if q[..*at].chars().next_back().is_some_and(|c| c != ' ') {
            line_edit::insert(q, at, " ");
        }
        line_edit::insert(q, at, &line);
    });
}

/// Characters typed into the query in one go (a burst of keys): the same as typing them one
/// by one, with one search at the end.
pub fn type_text(app: &mut App<'_>, text: &str) {
    edit_query(app, |q, at| line_edit::insert(q, at, text));
}

/// Applies an action to the app.
pub fn update(app: &mut App<'_>, action: Action) {
    if study::update(app, action) {
        return;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Suspend => app.suspend = true,
        Action::ToggleHelp => {
            app.help = !app.help;
            app.help_scroll = 0;
        }
        Action::EnterSearch => enter_search(app),
        Action::LeaveSearch => app.mode = Mode::Browse,
        Action::Accept => {
            app.mode = Mode::Browse;
            open(app);
        }
        Action::Insert(c) => edit_query(app, |q, at| {
            line_edit::insert(q, at, c.encode_utf8(&mut [0; 4]))
        }),
        Action::DeleteChar => edit_query(app, line_edit::delete_before),
        Action::DeleteUnder => edit_query(app, line_edit::delete_under),
        Action::DeleteWord => edit_query(app, line_edit::delete_word_before),
        Action::ClearQuery => edit_query(app, |q, at| {
            q.clear();
            *at = 0;
        }),
        Action::CursorLeft => move_cursor(app, line_edit::left),
        Action::CursorRight => move_cursor(app, line_edit::right),
        Action::WordLeft => move_cursor(app, line_edit::word_left),
        Action::WordRight => move_cursor(app, line_edit::word_right),
        Action::CursorStart => move_cursor(app, |_, at| *at = 0),
        Action::CursorEnd => move_cursor(app, |q, at| *at = q.len()),
        Action::Down => go_by(app, 1, Motion::Lines(1)),
        Action::Up => go_by(app, -1, Motion::Lines(-1)),
        Action::PageDown => go_by(app, app.page.max(1) as isize, Motion::Pages(1)),
        Action::PageUp => go_by(app, -(app.page.max(1) as isize), Motion::Pages(-1)),
        Action::Top => go_by(app, isize::MIN / 2, Motion::Top),
        Action::Bottom => go_by(app, isize::MAX / 2, Motion::Bottom),
        Action::NextPane | Action::PrevPane => {
            app.mode = Mode::Browse;
            app.view.focus = match app.view.focus {
                Focus::List if app.shown_view.is_some() => Focus::Detail,
                _ => Focus::List,
            };
        }
        Action::Open => open(app),
        Action::Back => back(app),
        Action::Forward => forward(app),
        Action::BrowseChannels => browse(app, ListSource::Channels),
        Action::BrowseRegions => browse(app, ListSource::Regions),
        Action::BrowseCategories => browse(app, ListSource::Categories),
        Action::BrowseBookmarks => browse(app, ListSource::Bookmarks),
        Action::BrowseRecent => browse(app, ListSource::Recent),
        Action::EditNote => yours::edit_note(app),
        Action::EditNoteOutside => yours::edit_note_outside(app),
        Action::SaveNote => yours::save_note(app),
        Action::CancelNote => yours::cancel_note(app),
        Action::ToggleBookmark => {
            if let Some(entry) = app.shown() {
                app.effects.push(super::app::Effect::ToggleBookmark(entry));
            }
        }
        Action::BrowseProtocols => browse(app, ListSource::Protocols),
        Action::Delete => yours::delete(app),
        Action::Undo => yours::undo(app),
        Action::AddToProtocol => yours::add_to_protocol(app),
        Action::Choose => yours::choose(app),
        Action::CloseChooser => yours::close_chooser(app),
        Action::SwitchField => yours::switch_field(app),
        Action::Confirm => yours::answer(app, true),
        Action::Refuse => yours::answer(app, false),
        Action::CopyTitle | Action::CopyCard => copy(app, action == Action::CopyCard),
        Action::OpenPatient => app.mode = Mode::Patient,
        Action::ClosePatient => app.mode = Mode::Browse,
        Action::TogglePatientState => edit_patient(app, None),
        Action::SetStage(stage) => edit_patient(app, Some(stage)),
        Action::ClearPatient => {
            app.patient.clear();
            app.refresh_links();
        }
        Action::ToggleMap => toggle_map(app),
        // Study's own actions, outside its modes.
        Action::OpenStudy
        | Action::StudyDeck
        | Action::QuizDeck
        | Action::CloseDecks
        | Action::RevealOrGood
        | Action::RateAgain
        | Action::RateHard
        | Action::RateGood
        | Action::RateEasy
        | Action::ShowFullCard
        | Action::ShowProgress
        | Action::LeaveStudy
        | Action::SubmitAnswer
        | Action::EndQuiz
        | Action::ReplayWrong
        | Action::ReviewWrong => {}
    }
}

/// Shows or hides the body map in the detail of a point; the map is read the first time.
fn toggle_map(app: &mut App<'_>) {
    let body = app.body.get_or_init(|| crate::body::Body::builtin().ok());
    if body.is_none() {
        app.notice = Some("the body map could not be read; `acuref check` says why".into());
        return;
    }
    app.show_map = !app.show_map;
    if app.show_map && app.mapped_point().is_none() {
        app.notice = Some("the map shows a point: open one (it stays on until m again)".into());
    }
}

/// Puts the shown entry's title, or its whole card as plain text, on the clipboard, and says
/// so in the footer. The card is the one for no patient: patient states never leave acuref.
fn copy(app: &mut App<'_>, card: bool) {
    let Some(entry) = app.shown() else {
        return;
    };
    let c = app.catalogue;
    let text = if card {
        let view = crate::entry_view::entry_view(
            c,
            entry,
            &crate::catalogue::cautions::Patient::default(),
        );
        crate::entry_view::plain_text(c, &view)
    } else {
        c.title(entry)
    };
    app.notice = Some(if card {
        format!("copied the card of {}", c.title(entry))
    } else {
        format!("copied: {text}")
    });
    app.clipboard = Some(text);
}

/// Sets, changes or clears the state under the panel's cursor: with a stage, sets that stage
/// (a stage the state does not have is ignored); without, toggles the state.
fn edit_patient(app: &mut App<'_>, stage: Option<u8>) {
    let c = app.catalogue;
    let Some((ci, contra)) = patient_contraindications(c).nth(app.patient_cursor) else {
        return;
    };
    let stages = contra.patient.as_ref().map_or(0, |p| p.stages.len());
    match stage {
        Some(n) if (1..=stages).contains(&(n as usize)) => app.patient.set(PatientStateRef {
            contraindication: ci,
            stage: Some(n as usize - 1),
        }),
        Some(_) => return,
        None if app.patient.state_of(ci).is_some() => app.patient.unset(ci),
        None => app.patient.set(PatientStateRef {
            contraindication: ci,
            stage: None,
        }),
    }
    app.refresh_links();
}

fn enter_search(app: &mut App<'_>) {
    app.mode = Mode::Search;
    if app.view.source != ListSource::Search || app.view.pinned.is_some() {
        let query = app.view.query.clone();
        go(app, View::listing(ListSource::Search, query));
    } else {
        app.view.focus = Focus::List;
    }
}

/// Moves the query's cursor; the query and the results stay.
fn move_cursor(app: &mut App<'_>, step: impl FnOnce(&str, &mut usize)) {
    if app.mode == Mode::Chooser {
        return yours::edit_chooser(app, |line, at| step(line, at));
    }
    let view = &mut app.view;
    view.cursor = view.cursor.min(view.query.len());
    step(&view.query, &mut view.cursor);
}

fn edit_query(app: &mut App<'_>, edit: impl FnOnce(&mut String, &mut usize)) {
    if app.mode == Mode::Chooser {
        return yours::edit_chooser(app, edit);
    }
    let before = app.view.query.clone();
    let view = &mut app.view;
    view.cursor = view.cursor.min(view.query.len());
    edit(&mut view.query, &mut view.cursor);
    if app.view.query != before {
        app.view.source = ListSource::Search;
        app.view.selected = 0;
        app.view.pinned = None;
        app.view.link = None;
        app.view.scroll = 0;
        app.view.focus = Focus::List;
        app.refresh();
    }
}

/// Moves the list's selection (or the patient panel's cursor) by `delta`, clamped to its
/// length.
fn step(app: &mut App<'_>, delta: isize) {
    let moved = |at: usize, len: usize| -> usize {
        if len == 0 {
            return 0;
        }
        (at as isize)
            .saturating_add(delta)
            .clamp(0, len as isize - 1) as usize
    };
    if app.mode == Mode::Patient {
        let len = patient_contraindications(app.catalogue).count();
        app.patient_cursor = moved(app.patient_cursor, len);
        return;
    }
    if app.mode == Mode::Chooser {
        return yours::chooser_step(app, delta);
    }
    let selected = moved(app.view.selected, app.row_count());
    if selected != app.view.selected || app.view.pinned.is_some() {
        app.view.selected = selected;
        app.view.pinned = None;
        app.view.link = None;
        app.view.scroll = 0;
        app.refresh_links();
    }
}

/// Moves the list (or the patient panel) by `list_delta`, or the detail pane by `motion`
/// when it has the keyboard.
fn go_by(app: &mut App<'_>, list_delta: isize, motion: Motion) {
    if !matches!(app.mode, Mode::Patient | Mode::Chooser) && app.view.focus == Focus::Detail {
        detail::move_detail(app, motion);
    } else {
        step(app, list_delta);
    }
}

#[cfg(test)]
mod tests;
