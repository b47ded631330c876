//! The `?` overlay: every key, grouped by mode, written from the same table that dispatches.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::super::app::App;
use super::super::keymap::{OTHER_KEYS, Scope, bindings, key_label};
use super::super::theme::Theme;
use super::list::kind_badge;
use crate::catalogue::Kind;
use crate::entry_view::Mark;
use crate::text::wrap;
use ratatui::style::Style;

/// One row of the help: the keys in their column, the text wrapped beside them (under
/// them, indented, when the overlay is narrow).
fn row(
    lines: &mut Vec<Line<'static>>,
    keys: &str,
    text: &str,
    width: usize,
    style: Style,
    theme: &Theme,
) {
    let column = if width >= 60 { 26 } else { (width / 2).max(8) };
    let room = width.saturating_sub(column + 2).max(8);
    let keys = format!("  {keys:<column$}");
    for (i, part) in wrap(text, room).into_iter().enumerate() {
        let head = if i == 0 {
            keys.clone()
        } else {
            " ".repeat(column + 2)
        };
        lines.push(Line::from(vec![
            Span::styled(head, style),
            Span::styled(part, theme.text),
        ]));
    }
}

/// The help lines, scope by scope, for an overlay `width` columns wide inside its border.
pub(crate) fn help_lines(app: &App<'_>, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for scope in Scope::ALL {
        lines.push(Line::styled(scope.title().to_string(), theme.heading));
        for binding in bindings().filter(|b| b.scope == scope) {
            let keys: Vec<String> = binding.keys.iter().map(key_label).collect();
            row(
                &mut lines,
                &keys.join(" "),
                &binding.help,
                width,
                theme.key,
                theme,
            );
        }
        for (_, keys, help) in OTHER_KEYS.iter().filter(|(s, _, _)| *s == scope) {
            row(&mut lines, keys, help, width, theme.key, theme);
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "Marks at the left of a row".to_string(),
        theme.heading,
    ));
    for mark in [Mark::Cautioned, Mark::Forbidden, Mark::Caution] {
        row(
            &mut lines,
            &mark.symbol().to_string(),
            mark.meaning(),
            width,
            theme.caution,
            theme,
        );
    }
    row(
        &mut lines,
        "*",
        "starred by you (b stars or unstars, B lists them)",
        width,
        theme.key,
        theme,
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Search syntax (as in fzf)".to_string(),
        theme.heading,
    ));
    for (syntax, meaning) in crate::search::SYNTAX {
        row(&mut lines, syntax, meaning, width, theme.key, theme);
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Kinds of entry".to_string(), theme.heading));
    for kind in Kind::ALL {
        row(
            &mut lines,
            &kind_badge(kind),
            &kind.name().replace('_', " "),
            width,
            theme.kind,
            theme,
        );
    }
    lines.push(Line::raw(""));
    for line in wrap("j/k scroll; any other key closes this help.", width.max(1)) {
        lines.push(Line::styled(line, theme.dim));
    }
    lines
}

/// Draws the help over the middle of the screen.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let width = area.width.min(64);
    let lines = help_lines(app, width.saturating_sub(2) as usize);
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
