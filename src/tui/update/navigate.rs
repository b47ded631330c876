//! Going places: opening what is selected, following links, and the history behind Back and
//! Forward.

use super::super::app::{App, Focus, ListSource, Mode, View};
use super::{HISTORY, detail};
use crate::catalogue::{EntryRef, Kind};

/// Opens what is selected: a channel or region lists its points, a contraindication itself
/// and what its rules cover; any other entry gets the detail pane's focus; in the detail
/// pane, the selected link is followed.
pub(super) fn open(app: &mut App<'_>) {
    if app.view.focus == Focus::Detail && app.view.link.is_none() {
        // The first Enter in the detail pane selects a link; the next follows it.
        detail::select_first_link(app);
        return;
    }
    if app.view.focus == Focus::List
        && let Some(protocol) = app.selected_protocol()
    {
        let seq = protocol.seq;
        return browse(app, ListSource::ProtocolPoints(seq));
    }
    let target = match app.view.focus {
        Focus::List => app.rows.get(app.view.selected).map(|h| h.entry),
        Focus::Detail => app.current_link().map(|l| l.target),
    };
    let Some(target) = target else {
        return;
    };
    app.effects.push(super::super::app::Effect::Opened(target));
    match target.kind {
        Kind::Channel => {
            let from = app.shown();
            browse(app, ListSource::ChannelPoints(target.index));
            select_entry(app, from);
        }
        Kind::Region => {
            let from = app.shown();
            browse(app, ListSource::RegionPoints(target.index));
            select_entry(app, from);
        }
        Kind::Category => {
            let from = app.shown();
            browse(app, ListSource::CategoryPoints(target.index));
            select_entry(app, from);
        }
        Kind::Contraindication if app.view.source != ListSource::Covered(target.index) => {
            let from = app.shown();
            browse(app, ListSource::Covered(target.index));
            select_entry(app, from);
        }
        _ if app.view.focus == Focus::List => {
            app.view.focus = Focus::Detail;
            app.view.link = None;
        }
        _ => {
            let mut next = app.view.clone();
            next.pinned = Some(target);
            next.link = None;
            next.scroll = 0;
            go(app, next);
        }
    }
}

/// After opening a channel, region or contraindication from one of its points, keep that
/// point selected.
fn select_entry(app: &mut App<'_>, entry: Option<EntryRef>) {
    if let Some(row) = entry.and_then(|e| app.rows.iter().position(|h| h.entry == e)) {
        app.view.selected = row;
        app.refresh_links();
    }
}

pub(super) fn browse(app: &mut App<'_>, source: ListSource) {
    app.mode = Mode::Browse;
    let query = app.view.query.clone();
    go(app, View::listing(source, query));
}

/// Moves to a new view, remembering the current one.
pub(super) fn go(app: &mut App<'_>, next: View) {
    let current = std::mem::replace(&mut app.view, next);
    app.back.push(current);
    if app.back.len() > HISTORY {
        app.back.remove(0);
    }
    app.forward.clear();
    app.refresh();
}

pub(super) fn back(app: &mut App<'_>) {
    match app.back.pop() {
        Some(previous) => {
            let current = std::mem::replace(&mut app.view, previous);
            app.forward.push(current);
            app.mode = Mode::Browse;
            app.refresh();
        }
        None => app.view.focus = Focus::List,
    }
}

pub(super) fn forward(app: &mut App<'_>) {
    if let Some(next) = app.forward.pop() {
        let current = std::mem::replace(&mut app.view, next);
        app.back.push(current);
        app.mode = Mode::Browse;
        app.refresh();
    }
}
