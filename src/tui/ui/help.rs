//! The `?` overlay: every key, grouped by mode, written from the same table that dispatches.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::super::app::App;
use super::super::keymap::{BINDINGS, Scope, key_label};

/// The help lines, scope by scope.
pub fn help_lines(app: &App<'_>) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for scope in [Scope::Search, Scope::Browse, Scope::Always] {
        lines.push(Line::styled(scope.title().to_string(), theme.heading));
        for binding in BINDINGS.iter().filter(|b| b.scope == scope) {
            let keys: Vec<String> = binding.keys.iter().map(key_label).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<26}", keys.join(" ")), theme.key),
                Span::styled(binding.help.to_string(), theme.text),
            ]));
        }
        if scope == Scope::Search {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<26}", "any other key"), theme.key),
                Span::styled("type into the query".to_string(), theme.text),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "A ! marks a point with a caution. j/k scroll; any other key closes this help.".to_string(),
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
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
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
