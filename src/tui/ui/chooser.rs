//! The protocol chooser, over the middle of the screen: the name and note lines, and the
//! protocols the name picks (or the new one it makes).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::chooser::{Choice, Field};
use super::super::keymap::{Action, Scope, first_key};
use crate::text::{escape_controls, truncate};

/// Draws the open chooser, if any.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let Some(chooser) = &app.chooser else {
        return;
    };
    let theme = &app.theme;
    let choices = chooser.choices(&app.protocols);
    let width = area.width.min(64);
    let height = area.height.min(choices.len().max(1) as u16 + 5);
    let popup = crate::tui::layout::centered(area, width, height);
    let inner_width = popup.width.saturating_sub(2) as usize;
    let key = |action| first_key(Scope::Chooser, action).unwrap_or_default();
    let title = truncate(
        &format!(" Add {} to a protocol ", app.catalogue.id(chooser.point)),
        inner_width,
    );
    let hint = truncate(
        &format!(
            " {} add · {} name/note · {} close ",
            key(Action::Choose),
            key(Action::SwitchField),
            key(Action::CloseChooser)
        ),
        inner_width,
    );
    let field = |label: &str, text: &str, active: bool| {
        let style = if active { theme.text } else { theme.dim };
        Line::from(vec![
            Span::styled(format!("{label}: "), theme.key),
            Span::styled(
                truncate(&escape_controls(text), inner_width.saturating_sub(6)),
                style,
            ),
        ])
    };
    let mut lines = vec![
        field("name", &chooser.name, chooser.field == Field::Name),
        field("note", &chooser.note, chooser.field == Field::Note),
        Line::raw(""),
    ];
    if choices.is_empty() {
        lines.push(Line::styled(
            truncate("type a name for a new protocol", inner_width),
            theme.dim,
        ));
    }
    let selected = chooser.selected.min(choices.len().saturating_sub(1));
    // The selected choice stays on screen in a short popup.
    let room = (height as usize).saturating_sub(5).max(1);
    let first = selected.saturating_sub(room - 1);
    for (i, choice) in choices.iter().enumerate().skip(first).take(room) {
        let text = match choice {
            Choice::Existing(p) => {
                let protocol = &app.protocols[*p];
                let codes: Vec<&str> = protocol.points.iter().map(|(c, _)| c.as_str()).collect();
                format!(
                    "  {}  ({})",
                    escape_controls(&protocol.name),
                    codes.join(" ")
                )
            }
            Choice::New(name) => format!("+ new protocol: {}", escape_controls(name)),
        };
        let style = if i == selected {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::styled(truncate(&text, inner_width), style));
    }
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.heading))
        .title_bottom(Span::styled(hint, theme.dim));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
    let (line, cursor, row) = match chooser.field {
        Field::Name => (&chooser.name, chooser.name_cursor, 0),
        Field::Note => (&chooser.note, chooser.note_cursor, 1),
    };
    let before = escape_controls(line.get(..cursor).unwrap_or(line));
    let x = inner.x + 6 + before.width() as u16;
    if row < inner.height && x < inner.x + inner.width {
        frame.set_cursor_position(Position::new(x, inner.y + row));
    }
}
