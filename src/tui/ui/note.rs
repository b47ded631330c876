//! The note editor, over the middle of the screen: the text being written, and which keys save
//! and close it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear};

use super::super::app::App;
use super::super::keymap::{Action, Scope, first_key};
use crate::text::truncate;

/// Draws the open editor, if any.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let Some(editor) = &app.editor else {
        return;
    };
    let width = area.width.min(72);
    let height = area.height.saturating_sub(4).clamp(3, 16);
    let popup = crate::tui::layout::centered(area, width, height);
    let key = |action| first_key(Scope::Note, action).unwrap_or_default();
    let title = truncate(
        &format!(" Your note on {} ", app.catalogue.id(editor.entry)),
        popup.width.saturating_sub(2) as usize,
    );
    let hint = format!(
        " {} save · {} close ",
        key(Action::SaveNote),
        key(Action::CancelNote)
    );
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Span::styled(title, app.theme.heading))
        .title_bottom(Span::styled(hint, app.theme.dim));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    frame.render_widget(&editor.text, inner);
}
