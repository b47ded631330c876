//! The body map of the shown point, at the top of the detail pane (`m`): the figure of the
//! view that shows the point best, the point marked (on both sides when bilateral), its
//! channel's course drawn faintly, its nearest neighbours labelled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::Block;

use super::super::app::{App, ListSource};
use super::super::theme::Theme;
use crate::body::course;
use crate::body::draw::{MapRequest, MapStyle, MapWidget};
use crate::text::truncate;

/// Neighbouring points labelled on the map, at most.
const NEIGHBOURS: usize = 6;

/// Draws the map of the shown point in `area`, if there is one to draw.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let (Some(code), Some(Some(body))) = (app.mapped_point(), app.body.get()) else {
        return;
    };
    let theme = &app.theme;
    let c = app.catalogue;
    // In a channel's, a region's or a category's list, its points are shown together.
    let group: Vec<String> = match app.view.source {
        ListSource::ChannelPoints(_)
        | ListSource::RegionPoints(_)
        | ListSource::CategoryPoints(_) => {
            app.rows.iter().map(|h| c.id(h.entry).to_string()).collect()
        }
        _ => Vec::new(),
    };
    let view = if group.is_empty() {
        body.best_view(code)
    } else {
        let mut codes: Vec<&str> = vec![code];
        codes.extend(group.iter().map(String::as_str));
        body.view_for_all(&codes).or_else(|| body.best_view(code))
    };
    let title = format!(
        " {code} on the map: {} (m hides) ",
        view.map_or("no view", |v| v.name.as_str())
    );
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(
            truncate(&title, area.width.saturating_sub(2).into()),
            theme.heading,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let channel = course(app.catalogue, code);
    let style = if *theme == Theme::mono() {
        MapStyle::plain(Marker::HalfBlock)
    } else {
        MapStyle::coloured()
    };
    let widget = MapWidget {
        body,
        request: MapRequest {
            code,
            view,
            course: &channel,
            neighbours: NEIGHBOURS.max(group.len()),
            group: &group,
        },
        style,
    };
    frame.render_widget(widget, inner);
}
