//! The detail pane: every field of an entry, cautions first and never hidden, then its links,
//! which the user can move through and follow.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::super::app::{App, Focus};
use super::super::theme::Theme;
use crate::catalogue::Catalogue;
use crate::catalogue::cautions::Patient;
use crate::entry_view::{EntryView, entry_view, link_text};
use crate::text::wrap;

/// The lines of an entry's detail at a width, and the line each link starts on.
pub struct DetailText {
    /// Screen lines, already wrapped.
    pub lines: Vec<Line<'static>>,
    /// For each link of the entry, in order, the index of its first line.
    pub link_lines: Vec<usize>,
}

impl DetailText {
    /// Each link's lines, first to one past the last.
    pub fn link_ranges(&self) -> Vec<std::ops::Range<usize>> {
        let ends = self
            .link_lines
            .iter()
            .skip(1)
            .copied()
            .chain([self.lines.len()]);
        self.link_lines
            .iter()
            .copied()
            .zip(ends)
            .map(|(a, b)| a..b)
            .collect()
    }
}

struct Builder<'t> {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: &'t Theme,
}

/// The label column: the longest field label ("Also written", "Applies to") and a space.
const LABEL: usize = 13;

impl Builder<'_> {
    fn text(&mut self, text: &str, style: Style) {
        for line in wrap(text, self.width) {
            self.lines.push(Line::styled(line, style));
        }
    }

    fn blank(&mut self) {
        self.lines.push(Line::raw(""));
    }

    /// `Label      value`, the value wrapped under itself when there is room for a label
    /// column, else under the label.
    fn field(&mut self, label: &str, value: &str) {
        if self.width < LABEL + 16 {
            self.lines
                .push(Line::styled(label.to_string(), self.theme.heading));
            self.text(value, self.theme.text);
            return;
        }
        for (i, line) in wrap(value, self.width - LABEL).into_iter().enumerate() {
            let head = if i == 0 {
                format!("{label:<LABEL$}")
            } else {
                " ".repeat(LABEL)
            };
            self.lines.push(Line::from(vec![
                Span::styled(head, self.theme.heading),
                Span::styled(line, self.theme.text),
            ]));
        }
    }

    fn list(&mut self, label: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.lines
            .push(Line::styled(label.to_string(), self.theme.heading));
        for item in items {
            self.bullet("• ", item, self.theme.text);
        }
    }

    fn bullet(&mut self, mark: &str, text: &str, style: Style) {
        let indent = mark.chars().count();
        for (i, line) in wrap(text, self.width.saturating_sub(indent).max(1))
            .into_iter()
            .enumerate()
        {
            let head = if i == 0 {
                mark.to_string()
            } else {
                " ".repeat(indent)
            };
            self.lines
                .push(Line::styled(format!("{head}{line}"), style));
        }
    }

    /// A warning block: a reversed heading and each item marked `!`.
    fn warning(&mut self, heading: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        let style = self.theme.caution;
        for line in wrap(heading, self.width.saturating_sub(2).max(1)) {
            self.lines.push(Line::styled(
                format!(" {line} "),
                style.add_modifier(ratatui::style::Modifier::REVERSED),
            ));
        }
        for item in items {
            self.bullet("! ", item, style);
        }
        self.blank();
    }
}

/// Lays out an entry's view for a pane of `width` columns.
pub(crate) fn detail_text(
    c: &Catalogue,
    view: &EntryView,
    patient: &Patient,
    width: usize,
    theme: &Theme,
) -> DetailText {
    let mut b = Builder {
        lines: Vec::new(),
        width: width.max(1),
        theme,
    };
    b.text(&view.title, theme.heading);
    if let Some(subtitle) = &view.subtitle {
        b.text(subtitle, theme.dim);
    }
    b.blank();
    for warning in &view.warnings {
        b.warning(&warning.heading, &warning.items);
    }
    if let Some(note) = &view.note {
        b.text("Your note (n edits it)", theme.heading);
        for line in note.lines() {
            b.text(
                &format!("  {}", crate::text::escape_controls(line)),
                theme.text,
            );
        }
        for copy in &view.note_conflicts {
            b.text(
                "Kept beside it, from another window's save (n or E merges it in):",
                theme.caution,
            );
            for line in copy.lines() {
                b.text(
                    &format!("  {}", crate::text::escape_controls(line)),
                    theme.text,
                );
            }
        }
        b.blank();
    }
    for (label, value) in &view.fields {
        b.field(label, value);
    }
    for (label, items) in &view.lists {
        b.list(label, items);
    }
    let mut link_lines = Vec::with_capacity(view.links.len());
    let mut last = None;
    for link in &view.links {
        if last != Some(link.relation) {
            b.blank();
            b.lines.push(Line::styled(
                link.relation.label().to_string(),
                theme.heading,
            ));
            last = Some(link.relation);
        }
        link_lines.push(b.lines.len());
        b.bullet("  › ", &link_text(c, link, patient), theme.text);
    }
    DetailText {
        lines: b.lines,
        link_lines,
    }
}

/// Draws the detail of the shown entry; with the cursor on the selected link when focused.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let focused = app.view.focus == Focus::Detail;
    let border = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    let block = Block::bordered()
        .border_style(border)
        .title(Span::styled(" Detail ", app.theme.heading));
    let Some(view) = &app.shown_view else {
        frame.render_widget(Paragraph::new("").block(block), area);
        return;
    };
    let inner = crate::tui::layout::inner(area);
    let (width, height) = (inner.width as usize, inner.height as usize);
    // The text fit() wrapped for this frame, or (drawn without it) wrapped now.
    let shape = &app.detail_shape;
    let fresh;
    let (lines, links) = if shape.entry == app.shown() && shape.width == width {
        (&app.detail_lines, shape.links.clone())
    } else {
        fresh = detail_text(app.catalogue, view, &app.patient, width, &app.theme);
        let ends = fresh
            .link_lines
            .iter()
            .skip(1)
            .copied()
            .chain([fresh.lines.len()]);
        let links = fresh
            .link_lines
            .iter()
            .copied()
            .zip(ends)
            .map(|(a, b)| a..b)
            .collect();
        (&fresh.lines, links)
    };
    let selected = app
        .view
        .link
        .filter(|_| focused)
        .and_then(|link| links.get(link).cloned())
        .unwrap_or_default();
    let total = lines.len();
    let scroll = app.view.scroll.min(total.saturating_sub(height));
    // The lines from the scroll position on: a scroll offset never has to fit in a u16.
    let lines: Vec<Line> = (scroll..total.min(scroll + height))
        .map(|at| {
            let line = lines[at].clone();
            if selected.contains(&at) {
                line.style(app.theme.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if total > height {
        // Where the page is in the whole text, on the right border.
        let mut state = ScrollbarState::new(total.saturating_sub(height)).position(scroll);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("┃")
            .style(border);
        let track = area.inner(Margin {
            vertical: 1,
            horizontal: 0,
        });
        frame.render_stateful_widget(bar, track, &mut state);
    }
}

/// Draws the preview of the link under the cursor.
pub(crate) fn draw_preview(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let block = Block::bordered()
        .border_style(app.theme.border)
        .title(Span::styled(" Link preview ", app.theme.heading));
    let lines = match app.current_link() {
        Some(link) => {
            detail_text(
                app.catalogue,
                &entry_view(app.catalogue, link.target, &app.patient),
                &app.patient,
                crate::tui::layout::inner(area).width as usize,
                &app.theme,
            )
            .lines
        }
        None => wrap(
            "Move to a link in the detail pane (Tab, then j/k) to preview it here.",
            crate::tui::layout::inner(area).width.max(1) as usize,
        )
        .into_iter()
        .map(|line| Line::styled(line, app.theme.dim))
        .collect(),
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
