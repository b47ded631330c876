//! Where each pane goes for a terminal size. Computed once per frame ([`super::fit`]) and kept
//! in the app, so drawing, paging and mouse hit-testing agree.

use std::ops::Range;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;

use super::app::{App, Focus};

/// The smallest terminal anything but a notice is drawn in.
pub const MIN_WIDTH: u16 = 20;
/// The smallest terminal height anything but a notice is drawn in.
pub const MIN_HEIGHT: u16 = 6;
/// From this width, one pane at a time gives way to two.
pub const TWO_PANES: u16 = 60;
/// From this width, a third pane previews the link under the cursor.
pub const THREE_PANES: u16 = 140;

/// The areas of one frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    /// The whole frame these areas were computed for.
    pub frame: Rect,
    /// The query line.
    pub search: Rect,
    /// The list pane, if shown.
    pub list: Option<Rect>,
    /// The detail pane, if shown.
    pub detail: Option<Rect>,
    /// The preview pane, if shown.
    pub preview: Option<Rect>,
    /// The body map of the shown point, at the top of the detail pane, if shown.
    pub map: Option<Rect>,
    /// The key hints.
    pub footer: Rect,
}

/// Where the lines of the detail pane's text are at its current width: set before each frame
/// ([`super::fit`]) and read by the keys that scroll the pane and move between its links.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailShape {
    /// The entry the text is of (none when no detail pane is drawn).
    pub entry: Option<crate::catalogue::EntryRef>,
    /// The width the text was wrapped to.
    pub width: usize,
    /// Wrapped lines of the whole text.
    pub lines: usize,
    /// Lines the pane shows at once.
    pub height: usize,
    /// Each link's lines, in order.
    pub links: Vec<Range<usize>>,
}

impl DetailShape {
    /// The first line on screen when the text's last line is at the bottom.
    pub fn max_scroll(&self) -> usize {
        self.lines.saturating_sub(self.height)
    }

    /// Whether a line is on screen when the pane is scrolled to `scroll`.
    pub fn shows(&self, scroll: usize, line: usize) -> bool {
        line >= scroll && line < scroll.saturating_add(self.height)
    }

    /// The scroll position nearest `scroll` that shows all of `lines` (its top, if it is
    /// taller than the pane).
    pub fn scroll_to(&self, scroll: usize, lines: &Range<usize>) -> usize {
        if lines.start < scroll {
            lines.start
        } else if lines.end > scroll + self.height {
            (lines.end - self.height).min(lines.start)
        } else {
            scroll
        }
    }
}

/// Whether the terminal is too small for anything but a notice.
pub(crate) fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Lays out a frame of this size for the app's focus.
pub fn areas(area: Rect, app: &App<'_>) -> Areas {
    if too_small(area) {
        return Areas {
            frame: area,
            ..Areas::default()
        };
    }
    let [search, main, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut areas = Areas {
        frame: area,
        search,
        footer,
        ..Areas::default()
    };
    if area.width < TWO_PANES {
        match app.view.focus {
            Focus::List => areas.list = Some(main),
            Focus::Detail => areas.detail = Some(main),
        }
    } else if area.width < THREE_PANES {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)])
                .areas(main);
        areas.list = Some(list);
        areas.detail = Some(detail);
    } else {
        let [list, detail, preview] = Layout::horizontal([
            Constraint::Percentage(30),
            Constraint::Percentage(40),
            Constraint::Percentage(30),
        ])
        .areas(main);
        areas.list = Some(list);
        areas.detail = Some(detail);
        areas.preview = Some(preview);
    }
    if app.mapped_point().is_some()
        && let Some(detail) = areas.detail
    {
        // A tall pane shares itself with the text; a short one is all map.
        if detail.height >= MAP_AND_TEXT {
            let [map, text] =
                Layout::vertical([Constraint::Percentage(55), Constraint::Min(1)]).areas(detail);
            areas.map = Some(map);
            areas.detail = Some(text);
        } else {
            areas.map = Some(detail);
            areas.detail = None;
        }
    }
    areas
}

/// From this height, the detail pane shows the body map above the text rather than instead.
pub const MAP_AND_TEXT: u16 = 20;

/// The inside of a bordered pane.
pub(crate) fn inner(pane: Rect) -> Rect {
    Block::bordered().inner(pane)
}

/// Rows of the list that fit inside its borders (at least one).
pub(crate) fn list_rows(areas: &Areas) -> usize {
    areas.list.map_or(1, |r| inner(r).height.max(1) as usize)
}

/// A box of at most `width` x `height` in the middle of `area`, for overlays.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
