//! The `?` overlay: every key, grouped by mode, written from the same table that dispatches.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::super::app::App;
use super::super::keymap::{OTHER_KEYS, Scope, bindings, key_label};
use crate::entry_view::Mark;

/// The help lines, scope by scope.
pub fn help_lines(app: &App<'_>) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for scope in Scope::ALL {
        lines.push(Line::styled(scope.title().to_string(), theme.heading));
        for binding in bindings().filter(|b| b.scope == scope) {
            let keys: Vec<String> = binding.keys.iter().map(key_label).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<26}", keys.join(" ")), theme.key),
                Span::styled(binding.help.to_string(), theme.text),
            ]));
        }
        for (_, keys, help) in OTHER_KEYS.iter().filter(|(s, _, _)| *s == scope) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<26}"), theme.key),
                Span::styled(help.to_string(), theme.text),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "Marks at the left of a row".to_string(),
        theme.heading,
    ));
    for mark in [Mark::Cautioned, Mark::Forbidden, Mark::Caution] {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<26}", mark.symbol()), theme.caution),
            Span::styled(mark.meaning().to_string(), theme.text),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "j/k scroll; any other key closes this help.".to_string(),
        theme.dim,
    ));
    lines
}

/// Draws the help over the middle of the screen.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let lines = help_lines(app);
    let width = area.width.min(64);
    let height = area.height.min(lines.len() as u16 + 2);
    let hidden = (lines.len() as u16 + 2).saturating_sub(height);
    let scroll = app.help_scroll.min(hidden);
    let popup = crate::tui::layout::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let mut block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Span::styled(" Keys ", app.theme.heading));
    if hidden > 0 {
        block = block.title_bottom(Span::styled(" j/k to scroll ", app.theme.dim));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        popup,
    );
}
