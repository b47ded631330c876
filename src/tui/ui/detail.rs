//! The detail pane: every field of an entry, cautions first and never hidden, then its links,
//! which the user can move through and follow.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::super::app::{App, Focus};
use super::super::theme::Theme;
use super::wrap::wrap;
use crate::catalogue::{Catalogue, EntryRef, Kind, Relation};

/// The lines of an entry's detail at a width, and the line each link starts on.
pub struct DetailText {
    /// Screen lines, already wrapped.
    pub lines: Vec<Line<'static>>,
    /// For each link of the entry, in order, the index of its first line.
    pub link_lines: Vec<usize>,
}

struct Builder<'t> {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: &'t Theme,
}

const LABEL: usize = 12;

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
        self.lines.push(Line::styled(
            format!(" {heading} "),
            style.add_modifier(ratatui::style::Modifier::REVERSED),
        ));
        for item in items {
            self.bullet("! ", item, style);
        }
        self.blank();
    }
}

/// Builds the detail of an entry for a pane of `width` columns.
pub fn detail_text(c: &Catalogue, entry: EntryRef, width: usize, theme: &Theme) -> DetailText {
    let mut b = Builder {
        lines: Vec::new(),
        width: width.max(1),
        theme,
    };
    let links = c.links(entry);
    b.text(&c.title(entry), theme.heading);
    match entry.kind {
        Kind::Point => {
            let p = &c.points[entry.index];
            let place = match c.channel_of(p) {
                Some(ch) => format!("{} channel, point {}", ch.name, p.number.unwrap_or(0)),
                None => format!("extra point ({})", p.extra_group().unwrap_or("extra")),
            };
            b.text(
                &format!("{} · {} · {}", p.pinyin_tones, p.hanzi_simplified, place),
                theme.dim,
            );
            b.blank();
            let mut cautions: Vec<String> = links
                .iter()
                .filter(|l| l.relation == Relation::RestrictedBy)
                .map(|l| {
                    format!(
                        "{} ({})",
                        c.name(l.target),
                        l.detail.as_deref().unwrap_or("")
                    )
                })
                .collect();
            cautions.extend(p.cautions.iter().cloned());
            b.warning("CAUTION", &cautions);
            if !p.alt_names.is_empty() {
                b.field("Also called", &p.alt_names.join(", "));
            }
            for other in &p.other_codes {
                b.field(
                    "Other code",
                    &format!("{} in the {}", other.code, other.system),
                );
            }
            b.field("Location", &p.location);
            b.field("Needling", &format!("{}, {}", p.angle, p.depth));
            if let Some(avoid) = &p.avoid {
                b.field("Avoid", avoid);
            }
            if !p.categories.is_empty() {
                b.field("Categories", &p.categories.join("; "));
            }
            b.list("Actions", &p.actions);
            b.list("Indications", &p.indications);
        }
        Kind::Condition => {
            let x = &c.conditions[entry.index];
            b.blank();
            b.warning("RED FLAGS: refer to a physician now if", &x.red_flags);
            if !x.aliases.is_empty() {
                b.field("Also called", &x.aliases.join(", "));
            }
            b.field("Summary", &x.summary);
        }
        Kind::Technique => {
            let x = &c.techniques[entry.index];
            b.blank();
            if !x.aliases.is_empty() {
                b.field("Also called", &x.aliases.join(", "));
            }
            b.field("Summary", &x.summary);
            b.list("Details", &x.details);
            b.list("Risks", &x.risks);
        }
        Kind::Contraindication => {
            let x = &c.contraindications[entry.index];
            b.blank();
            b.warning(
                &x.severity.as_str().to_uppercase(),
                std::slice::from_ref(&x.summary),
            );
        }
        Kind::Channel => {
            let x = &c.channels[entry.index];
            b.text(
                &format!(
                    "{} · {} · {}",
                    x.full_name, x.pinyin_tones, x.hanzi_simplified
                ),
                theme.dim,
            );
            b.blank();
            b.field(
                "Points",
                &c.backlinks.channel_points[entry.index].len().to_string(),
            );
            if !x.code_aliases.is_empty() {
                b.field("Also written", &x.code_aliases.join(", "));
            }
            b.field("Course", &x.course);
        }
        Kind::Region => {}
        Kind::Source => {
            let x = &c.sources[entry.index];
            b.blank();
            b.field("Citation", &x.citation);
            b.field("Kind", x.kind.as_str());
            if let Some(url) = &x.url {
                b.field("URL", url);
            }
            if let Some(finding) = &x.finding {
                b.field("Finding", finding);
            }
            if let Some(note) = &x.claim_note {
                b.field("Claim check", note);
            }
        }
    }
    let mut link_lines = Vec::with_capacity(links.len());
    let mut last = None;
    for link in &links {
        if last != Some(link.relation) {
            b.blank();
            b.lines.push(Line::styled(
                link.relation.label().to_string(),
                theme.heading,
            ));
            last = Some(link.relation);
        }
        link_lines.push(b.lines.len());
        let badge = if link.target.kind == Kind::Point && c.has_caution(link.target.index) {
            " !"
        } else {
            ""
        };
        let detail = link
            .detail
            .as_ref()
            .map(|d| format!(" — {d}"))
            .unwrap_or_default();
        b.bullet(
            "  › ",
            &format!("{}{badge}{detail}", c.title(link.target)),
            theme.text,
        );
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
    let Some(entry) = app.shown() else {
        frame.render_widget(Paragraph::new("").block(block), area);
        return;
    };
    let width = area.width.saturating_sub(2) as usize;
    let height = area.height.saturating_sub(2) as usize;
    let mut text = detail_text(app.catalogue, entry, width, &app.theme);
    let mut scroll = 0;
    let cursor = app.view.link.filter(|_| focused);
    if let Some(link) = cursor
        && let Some(&start) = text.link_lines.get(link)
    {
        let end = text
            .link_lines
            .get(link + 1)
            .map_or(text.lines.len(), |&n| n);
        for line in &mut text.lines[start..end] {
            *line = line.clone().style(app.theme.selected);
        }
        if end > height {
            scroll = (end - height).min(start);
        }
    }
    let paragraph = Paragraph::new(text.lines)
        .block(block)
        .scroll((scroll as u16, 0));
    frame.render_widget(paragraph, area);
}

/// Draws the preview of the link under the cursor.
pub fn draw_preview(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let block = Block::bordered()
        .border_style(app.theme.border)
        .title(Span::styled(" Link preview ", app.theme.heading));
    let lines = match app.current_link() {
        Some(link) => {
            detail_text(
                app.catalogue,
                link.target,
                area.width.saturating_sub(2) as usize,
                &app.theme,
            )
            .lines
        }
        None => vec![Line::styled(
            "Move to a link in the detail pane (Tab, then j/k) to preview it here.",
            app.theme.dim,
        )],
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
