//! The patient panel: the states that describe a patient, from the catalogue, each with a
//! box to tick and its stages.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::super::app::App;
use crate::catalogue::cautions::patient_contraindications;
use crate::text::{truncate, wrap};

/// The panel's lines: one per state, then what the keys do and the privacy rule.
pub(crate) fn patient_lines(app: &App<'_>, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let c = app.catalogue;
    let mut lines = Vec::new();
    let alias_width = patient_contraindications(c)
        .filter_map(|(_, x)| x.patient.as_ref())
        .map(|p| p.alias.chars().count())
        .max()
        .unwrap_or(0);
    for (row, (ci, contra)) in patient_contraindications(c).enumerate() {
        let state = contra.patient.as_ref().expect("a patient state");
        let set = app.patient.state_of(ci);
        let tick = if set.is_some() { "[x]" } else { "[ ]" };
        let stage = match set.and_then(|s| s.stage) {
            Some(s) => state.stages.get(s).map_or("", |l| l.as_str()).to_string(),
            None if !state.stages.is_empty() => {
                let labels: Vec<&str> = state.stages.iter().map(|s| s.as_str()).collect();
                format!("({})", labels.join("/"))
            }
            None => String::new(),
        };
        let text = format!(
            "{tick} {:<alias_width$} {:<10} {}",
            state.alias.as_str(),
            stage,
            contra.name
        );
        let style = if row == app.patient_cursor {
            theme.selected
        } else if set.is_some() {
            theme.caution
        } else {
            theme.text
        };
        lines.push(Line::styled(truncate(&text, width), style));
    }
    lines.push(Line::raw(""));
    let hint = "Space set/clear · 1-9 stage · x clear all · Esc close. Kept in memory only: never saved, logged or added to history.";
    for line in wrap(hint, width) {
        lines.push(Line::from(Span::styled(line, theme.dim)));
    }
    lines
}

/// Draws the panel over the middle of the screen.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let width = area.width.min(72);
    let lines = patient_lines(app, width.saturating_sub(2) as usize);
    let height = area.height.min(lines.len() as u16 + 2);
    let popup = crate::tui::layout::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Span::styled(" Patient safety check ", app.theme.heading))
        .title_bottom(Span::styled(" never saved ", app.theme.dim));
    let inner_height = crate::tui::layout::inner(popup).height as usize;
    let scroll = app
        .patient_cursor
        .saturating_sub(inner_height.saturating_sub(1));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        popup,
    );
}
