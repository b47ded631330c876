//! The mouse (only with `--mouse`).

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::super::app::{App, Focus, Mode};
use super::detail::Motion;
use super::{go_by, step};

/// Handles a mouse event (only with `--mouse`): the wheel scrolls the pane under the
/// pointer, a click selects a row of the list or focuses the detail pane.
pub fn handle_mouse(app: &mut App<'_>, event: MouseEvent) {
    let areas = app.areas;
    let at = Position::new(event.column, event.row);
    let pane = if areas.list.is_some_and(|r| r.contains(at)) {
        Some(Focus::List)
    } else if areas.detail.is_some_and(|r| r.contains(at)) {
        Some(Focus::Detail)
    } else {
        None
    };
    let Some(pane) = pane else {
        return;
    };
    if app.help {
        app.help = false;
        return;
    }
    // A popup that takes typing (the note, the chooser, a question) keeps the keyboard.
    if matches!(app.mode, Mode::Note | Mode::Chooser | Mode::Confirm) {
        return;
    }
    match event.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            app.mode = Mode::Browse;
            app.view.focus = pane;
            let lines = if event.kind == MouseEventKind::ScrollDown {
                3
            } else {
                -3
            };
            go_by(app, lines, Motion::Scroll(lines));
        }
        MouseEventKind::Down(MouseButton::Left) => {
            app.mode = Mode::Browse;
            app.view.focus = pane;
            if let (Focus::List, Some(list)) = (pane, areas.list) {
                let inner = super::super::layout::inner(list);
                let row = event.row.saturating_sub(inner.y) as usize + app.view.offset;
                if row < app.row_count() {
                    step(app, row as isize - app.view.selected as isize);
                }
            }
        }
        _ => {}
    }
}
