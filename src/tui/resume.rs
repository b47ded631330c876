//! Coming back where the user left off (when the settings ask for it): the view as text the
//! database keeps ([`LastView`]), and that text turned back into a view of this catalogue. A
//! list or entry the catalogue no longer has falls back to the search, never to an error.

use super::app::{App, Focus, ListSource, View};
use crate::catalogue::{EntryRef, Kind};
use crate::store::LastView;

/// The current view as the database keeps it.
pub fn last_view(app: &App<'_>) -> LastView {
    let c = app.catalogue;
    let entry = |e: EntryRef| format!("{}:{}", e.kind.name(), c.id(e));
    let id = |kind, index| c.id(EntryRef { kind, index });
    let list = match app.view.source {
        ListSource::Search => "search".to_string(),
        ListSource::Channels => "channels".to_string(),
        ListSource::ChannelPoints(i) => format!("channel:{}", id(Kind::Channel, i)),
        ListSource::Regions => "regions".to_string(),
        ListSource::RegionPoints(i) => format!("region:{}", id(Kind::Region, i)),
        ListSource::Categories => "categories".to_string(),
        ListSource::CategoryPoints(i) => format!("category:{}", id(Kind::Category, i)),
        ListSource::Bookmarks => "bookmarks".to_string(),
        ListSource::Recent => "recent".to_string(),
        ListSource::Covered(i) => format!("covered:{}", id(Kind::Contraindication, i)),
        ListSource::Protocols => "protocols".to_string(),
        ListSource::ProtocolPoints(seq) => match app.protocol(seq) {
            Some(p) => format!("protocol:{}", p.name),
            None => "protocols".to_string(),
        },
    };
    LastView {
        list,
        query: app.view.query.clone(),
        selected: app.rows.get(app.view.selected).map(|h| entry(h.entry)),
        shown: app.view.pinned.map(entry),
    }
}

/// Opens the kept view: its list and query, the row it had selected, and the entry it showed.
pub fn restore(app: &mut App<'_>, kept: &LastView) {
    let c = app.catalogue;
    let (name, id) = kept
        .list
        .split_once(':')
        .unwrap_or((kept.list.as_str(), ""));
    let source = match name {
        "channels" => Some(ListSource::Channels),
        "channel" => c.channels.position(id).map(ListSource::ChannelPoints),
        "regions" => Some(ListSource::Regions),
        "region" => c.regions.position(id).map(ListSource::RegionPoints),
        "categories" => Some(ListSource::Categories),
        "category" => c.categories.position(id).map(ListSource::CategoryPoints),
        "bookmarks" => Some(ListSource::Bookmarks),
        "recent" => Some(ListSource::Recent),
        "covered" => c.contraindications.position(id).map(ListSource::Covered),
        "protocols" => Some(ListSource::Protocols),
        "protocol" => app
            .protocols
            .iter()
            .find(|p| p.name == id)
            .map(|p| ListSource::ProtocolPoints(p.seq)),
        _ => None,
    };
    let entry = |text: &Option<String>| -> Option<EntryRef> {
        let (kind, id) = text.as_deref()?.split_once(':')?;
        c.find(Kind::named(kind)?, id)
    };
    let mut view = View::listing(source.unwrap_or(ListSource::Search), kept.query.clone());
    view.pinned = entry(&kept.shown);
    if view.pinned.is_some() {
        view.focus = Focus::Detail;
    }
    app.view = view;
    app.refresh();
    if let Some(row) =
        entry(&kept.selected).and_then(|e| app.rows.iter().position(|h| h.entry == e))
    {
        app.view.selected = row;
        app.refresh_links();
    }
    if app.view.source != ListSource::Search || !app.view.query.is_empty() {
        app.mode = super::app::Mode::Browse;
    }
}
