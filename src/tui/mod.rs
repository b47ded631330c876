//! The interactive reference: state ([`app`]), keys ([`keymap`]), state changes ([`update`])
//! and drawing ([`ui`]). Only [`run`] touches the terminal.

pub mod app;
pub mod keymap;
pub mod theme;
pub mod ui;
pub mod update;

use std::io::stdout;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use ratatui::layout::Rect;

use crate::catalogue::Catalogue;
use crate::search::SearchIndex;
use app::App;
use theme::Theme;

/// Runs the interactive reference until the user quits. The terminal is restored on every
/// way out, panics included.
pub fn run(
    catalogue: &Catalogue,
    index: &SearchIndex,
    theme: Theme,
    mouse: bool,
) -> anyhow::Result<()> {
    if mouse {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
    }
    let mut terminal = ratatui::init();
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    let mut app = App::new(catalogue, index, theme);
    let result = event_loop(&mut terminal, &mut app, mouse);
    if mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

/// Tells the app how many list rows the frame shows, for paging. Called before every frame.
pub fn fit(app: &mut App<'_>, area: Rect) {
    app.page = ui::layout::list_rows(area, app);
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App<'_>,
    mouse: bool,
) -> anyhow::Result<()> {
    loop {
        let size = terminal.size()?;
        let area = Rect::new(0, 0, size.width, size.height);
        fit(app, area);
        terminal.draw(|frame| ui::draw(frame, app))?;
        if app.quit {
            return Ok(());
        }
        match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => update::handle_key(app, key),
            Event::Mouse(event) if mouse => {
                let areas = ui::layout::areas(area, app);
                update::handle_mouse(app, event, &areas);
            }
            _ => {}
        }
    }
}
