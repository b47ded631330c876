//! Moving through the detail pane: its text line by line and its links in reading order, as a
//! pager with links does (w3m, lynx). A key that moves down selects the next link when it is
//! on screen and otherwise scrolls one line, so nothing is skipped and the text is read
//! without a mouse.

use super::super::app::{App, View};
use super::super::layout::DetailShape;

/// A movement in the detail pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Motion {
    /// j/k: to the next or previous link if it is on screen, else one line.
    Lines(isize),
    /// Page keys: a page less one line of the text, keeping a link only if it stays on screen.
    Pages(isize),
    /// The mouse wheel: lines of text, keeping a link only if it stays on screen.
    Scroll(isize),
    /// To the top, with no link selected.
    Top,
    /// To the end, with the last link selected.
    Bottom,
}

/// Moves the detail pane.
pub(super) fn move_detail(app: &mut App<'_>, motion: Motion) {
    let shape = shape(app);
    let view = &mut app.view;
    match motion {
        Motion::Lines(n) => {
            for _ in 0..n.unsigned_abs() {
                if n > 0 {
                    down(view, &shape)
                } else {
                    up(view, &shape)
                }
            }
        }
        Motion::Pages(n) => {
            let page = shape.height.saturating_sub(1).max(1) as isize;
            scroll_by(view, &shape, n.saturating_mul(page));
        }
        Motion::Scroll(n) => scroll_by(view, &shape, n),
        Motion::Top => {
            view.scroll = 0;
            view.link = None;
        }
        Motion::Bottom => {
            view.scroll = shape.max_scroll();
            view.link = shape
                .links
                .len()
                .checked_sub(1)
                .filter(|&last| shape.shows(view.scroll, shape.links[last].start));
        }
    }
}

/// Enter with no link selected: selects the first link from the top of the screen down (or
/// the last link, when the screen is past them all).
pub(super) fn select_first_link(app: &mut App<'_>) {
    let shape = shape(app);
    let view = &mut app.view;
    let first = shape
        .links
        .iter()
        .position(|lines| lines.start >= view.scroll)
        .or(shape.links.len().checked_sub(1));
    if let Some(link) = first {
        view.link = Some(link);
        view.scroll = shape.scroll_to(view.scroll, &shape.links[link]);
    }
}

/// The shape laid out for the shown entry; before a frame was laid out for it (a burst of
/// keys, or no pane on screen), every link on one line and all on screen, so the keys still
/// walk the links one by one.
fn shape(app: &App<'_>) -> DetailShape {
    let laid_out = &app.detail_shape;
    if laid_out.entry.is_some()
        && laid_out.entry == app.shown()
        && laid_out.links.len() == app.links.len()
    {
        return laid_out.clone();
    }
    DetailShape {
        entry: app.shown(),
        width: 0,
        lines: app.links.len(),
        height: usize::MAX / 2,
        links: (0..app.links.len()).map(|i| i..i + 1).collect(),
    }
}

fn down(view: &mut View, shape: &DetailShape) {
    let next = match view.link {
        Some(link) => link + 1,
        None => shape
            .links
            .iter()
            .position(|lines| lines.start >= view.scroll)
            .unwrap_or(shape.links.len()),
    };
    match shape.links.get(next) {
        Some(lines) if shape.shows(view.scroll, lines.start) => {
            view.link = Some(next);
            view.scroll = shape.scroll_to(view.scroll, lines);
        }
        _ if view.scroll < shape.max_scroll() => scroll_by(view, shape, 1),
        _ => {}
    }
}

fn up(view: &mut View, shape: &DetailShape) {
    let previous = view.link.and_then(|link| link.checked_sub(1));
    match previous.map(|p| (p, &shape.links[p])) {
        // On screen, or its last lines are: select it and show all of it.
        Some((p, lines)) if lines.end > view.scroll => {
            view.link = Some(p);
            view.scroll = shape.scroll_to(view.scroll, lines);
        }
        _ if view.scroll > 0 => scroll_by(view, shape, -1),
        _ => view.link = None,
    }
}

/// Scrolls the text by `lines`, within its length; a selected link that leaves the screen is
/// let go.
fn scroll_by(view: &mut View, shape: &DetailShape, lines: isize) {
    view.scroll = view
        .scroll
        .saturating_add_signed(lines)
        .min(shape.max_scroll());
    let hidden = view
        .link
        .and_then(|link| shape.links.get(link))
        .is_some_and(|lines| lines.end <= view.scroll || lines.start >= view.scroll + shape.height);
    if hidden {
        view.link = None;
    }
}
