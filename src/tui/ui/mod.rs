//! Drawing: reads the app state, never changes it or the catalogue.

mod bars;
mod chooser;
mod detail;
mod help;
mod list;
mod map;
mod note;
mod patient;
pub mod study;

use ratatui::Frame;
use ratatui::text::Line;

use super::app::App;
use crate::text::truncate;

pub use detail::DetailText;
pub(crate) use detail::detail_text;

/// Draws one frame of the app, at any size.
pub fn draw(frame: &mut Frame<'_>, app: &App<'_>) {
    let area = frame.area();
    if super::layout::too_small(area) {
        let notice = truncate(
            "Terminal too small: enlarge it, or Ctrl-c to quit.",
            area.width as usize,
        );
        frame.render_widget(Line::styled(notice, app.theme.caution), area);
        return;
    }
    if study::owns_the_frame(app) {
        study::draw(frame, app);
        if app.help {
            help::draw(frame, area, app);
        }
        return;
    }
    // The areas fit() kept for this frame (computed afresh only if it was not called).
    let areas = if app.areas.frame == area {
        app.areas
    } else {
        super::layout::areas(area, app)
    };
    bars::draw_search(frame, areas.search, app);
    if let Some(list) = areas.list {
        list::draw(frame, list, app);
    }
    if let Some(detail) = areas.detail {
        detail::draw(frame, detail, app);
    }
    if let Some(map) = areas.map {
        map::draw(frame, map, app);
    }
    if let Some(preview) = areas.preview {
        detail::draw_preview(frame, preview, app);
    }
    bars::draw_footer(frame, areas.footer, app);
    if app.mode == super::app::Mode::Patient {
        patient::draw(frame, area, app);
    }
    if app.mode == super::app::Mode::Note {
        note::draw(frame, area, app);
    }
    if app.mode == super::app::Mode::Chooser {
        chooser::draw(frame, area, app);
    }
    if app.mode == super::app::Mode::Decks {
        study::draw_decks(frame, area, app);
    }
    if app.help {
        help::draw(frame, area, app);
    }
}
