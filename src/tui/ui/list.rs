//! The list pane: search results or a browsed list, one entry a row.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState};

use super::super::app::{App, Focus, ListSource};
use super::super::keymap::{Action, Scope, first_key};
use crate::catalogue::{EntryRef, Kind};
use crate::entry_view::{Mark, mark};
use crate::search::Hit;
use crate::text::truncate;

/// The badge of each kind of entry, padded to three columns.
pub(crate) fn kind_badge(kind: Kind) -> String {
    format!("{:<3}", kind.badge())
}

/// The parts of a row, each with the index of the search field it shows (if any).
fn row_parts(app: &App<'_>, entry: EntryRef) -> Vec<(String, Option<usize>)> {
    let c = app.catalogue;
    let fields = app.index.fields(entry);
    let field_of = |text: &str| fields.clone().position(|f| f.text == text);
    let part = |text: &str| (text.to_string(), field_of(text));
    match entry.kind {
        Kind::Point => {
            let p = &c.points[entry.index];
            vec![part(&p.code), part(&p.pinyin), part(&p.hanzi)]
        }
        Kind::Channel => {
            let ch = &c.channels[entry.index];
            vec![part(&ch.id), part(&ch.name), part(&ch.hanzi)]
        }
        Kind::Source => vec![part(c.id(entry))],
        _ => vec![part(c.name(entry))],
    }
}

/// Spans of `text` with the matched character positions in the match style.
pub fn highlighted(
    text: &str,
    positions: &[usize],
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    if positions.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, ch) in text.chars().enumerate() {
        let is_match = positions.contains(&i);
        if is_match != run_matched && !run.is_empty() {
            let style = if run_matched { matched } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = is_match;
        run.push(ch);
    }
    let style = if run_matched { matched } else { base };
    spans.push(Span::styled(run, style));
    spans
}

/// The fixed gutter at the left of a row: the entry's caution mark, never cut.
pub(crate) fn gutter(app: &App<'_>, entry: EntryRef) -> Span<'static> {
    let mark = mark(app.catalogue, entry, &app.patient);
    let style = match mark {
        Mark::Forbidden => app.theme.caution.add_modifier(Modifier::REVERSED),
        _ => app.theme.caution,
    };
    Span::styled(mark.symbol().to_string(), style)
}

/// A row of the Protocols browser: the protocol's name and its points' codes.
fn protocol_row(
    app: &App<'_>,
    protocol: &crate::store::Protocol,
    width: usize,
) -> ListItem<'static> {
    let theme = &app.theme;
    let codes: Vec<&str> = protocol.points.iter().map(|(c, _)| c.as_str()).collect();
    let name = crate::text::escape_controls(&protocol.name);
    // The strictest mark of its points, so a forbidden point shows before it is opened.
    let marks: Vec<Mark> = protocol
        .points
        .iter()
        .filter_map(|(code, _)| app.catalogue.find(Kind::Point, code))
        .map(|e| mark(app.catalogue, e, &app.patient))
        .collect();
    let worst = [Mark::Forbidden, Mark::Caution, Mark::Cautioned]
        .into_iter()
        .find(|m| marks.contains(m))
        .unwrap_or(Mark::Clear);
    let style = match worst {
        Mark::Forbidden => theme.caution.add_modifier(Modifier::REVERSED),
        _ => theme.caution,
    };
    let spans = vec![
        Span::styled(worst.symbol().to_string(), style),
        Span::raw(" "),
        Span::styled("PRO ", theme.kind),
        Span::styled(truncate(&name, width.saturating_sub(6)), theme.text),
        Span::styled(
            truncate(
                &format!("  {}", codes.join(" ")),
                width.saturating_sub(6 + name.chars().count()),
            ),
            theme.dim,
        ),
    ];
    ListItem::new(Line::from(spans))
}

fn row(app: &App<'_>, hit: &Hit, width: usize, note: Option<&str>) -> ListItem<'static> {
    let theme = &app.theme;
    let star = if app.bookmarks.contains(&hit.entry) {
        "*"
    } else {
        " "
    };
    let mut spans = vec![
        gutter(app, hit.entry),
        Span::styled(star, theme.key),
        Span::styled(kind_badge(hit.entry.kind), theme.kind),
        Span::raw(" "),
    ];
    let parts = row_parts(app, hit.entry);
    let shown_match = parts.iter().any(|(_, f)| *f == Some(hit.field));
    let matched = if app.view.source == ListSource::Search {
        app.index.positions(hit, &app.view.query)
    } else {
        Vec::new()
    };
    for (text, field) in parts {
        let positions: &[usize] = if field == Some(hit.field) {
            &matched
        } else {
            &[]
        };
        // A name too long for the row ends in an ellipsis, so the cut shows.
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let room = width.saturating_sub(used);
        if room == 0 {
            break;
        }
        let text = truncate(&text, room);
        spans.extend(highlighted(&text, positions, theme.text, theme.matched));
        spans.push(Span::raw(" "));
    }
    if let Some(note) = note {
        // The note on the point in this protocol.
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let room = width.saturating_sub(used + 2);
        if room > 4 {
            let text = truncate(&crate::text::escape_controls(note), room);
            spans.push(Span::styled("— ", theme.dim));
            spans.push(Span::styled(text, theme.text));
        }
        return ListItem::new(Line::from(spans));
    }
    if hit.by_note
        && let Some(note) = app.notes.get(&hit.entry)
    {
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let room = width.saturating_sub(used + 2);
        if room > 4 {
            let first = note.text.lines().next().unwrap_or_default();
            let first = crate::text::escape_controls(first);
            let text = truncate(&format!("your note: {first}"), room);
            spans.push(Span::styled("~ ", theme.dim));
            spans.push(Span::styled(text, theme.matched));
        }
        return ListItem::new(Line::from(spans));
    }
    let matched_field = app.index.field(hit);
    if let Some(field) = matched_field.filter(|_| !shown_match && !matched.is_empty()) {
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let room = width.saturating_sub(used + 2);
        if room > 4 {
            let text = truncate(field.text, room);
            spans.push(Span::styled("~ ", theme.dim));
            spans.extend(highlighted(&text, &matched, theme.dim, theme.matched));
        }
    }
    ListItem::new(Line::from(spans))
}

/// Draws the list pane.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let focused = app.view.focus == Focus::List;
    let border = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    let block = Block::bordered().border_style(border).title(Span::styled(
        format!(" {} ", app.list_title()),
        app.theme.heading,
    ));
    let inner = crate::tui::layout::inner(area);
    let (inner_width, height) = (inner.width as usize, inner.height as usize);
    // Only the rows that can be seen are built, from the first row on screen (kept in the
    // view by fit(), so moving inside the page moves the cursor, not the list).
    let offset = app.view.offset.min(app.view.selected);
    let items: Vec<ListItem> = if app.view.source == ListSource::Protocols {
        app.protocols
            .iter()
            .skip(offset)
            .take(height.max(1))
            .map(|p| protocol_row(app, p, inner_width))
            .collect()
    } else {
        app.rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(height.max(1))
            .map(|(i, hit)| {
                let note = app.protocol_place(i).and_then(|(_, note)| note);
                row(app, hit, inner_width, note)
            })
            .collect()
    };
    let empty = items.is_empty();
    let list = List::new(items)
        .block(block)
        .highlight_style(app.theme.selected);
    let mut state = ListState::default();
    if !empty {
        state.select(Some(app.view.selected - offset));
    }
    frame.render_stateful_widget(list, area, &mut state);
    if empty && area.height > 2 && area.width > 2 {
        let key = |action| first_key(Scope::Browse, action).unwrap_or_default();
        let notice = match app.view.source {
            ListSource::Search if !app.view.query.trim().is_empty() => {
                "No match. Try a code (bl40), a pinyin or English name, or fewer letters.".into()
            }
            ListSource::Bookmarks => format!(
                "Nothing starred yet: {} stars the entry shown.",
                key(Action::ToggleBookmark)
            ),
            ListSource::Recent => format!(
                "Nothing opened yet: the entries you open ({}) are listed here.",
                key(Action::Open)
            ),
            ListSource::Protocols => format!(
                "No protocols yet: {} on a point adds it to a new one.",
                key(Action::AddToProtocol)
            ),
            ListSource::ProtocolPoints(_) => format!(
                "No points in this protocol: {} on a point adds it.",
                key(Action::AddToProtocol)
            ),
            _ => "Nothing here.".to_string(),
        };
        // Wrapped to the pane, so a narrow list still shows the whole hint.
        frame.render_widget(
            ratatui::widgets::Paragraph::new(notice)
                .style(app.theme.dim)
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
    }
}
