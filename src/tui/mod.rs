//! The interactive reference: state ([`app`]), keys ([`keymap`]), state changes ([`update`])
//! and drawing ([`ui`]). Only [`run`] and `terminal` touch the terminal; `input` turns its
//! bytes into keys.

pub mod app;
pub mod chooser;
pub mod effect;
mod input;
pub mod keymap;
pub mod layout;
pub mod resume;
pub mod study;
mod terminal;
pub mod theme;
pub mod ui;
pub mod update;
pub mod user_data;

use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use anyhow::Context;
use ratatui::layout::Rect;

use crate::catalogue::Catalogue;
use crate::search::SearchIndex;
use app::App;
use input::{Decoder, Input};
use theme::Theme;

/// How often the loop looks at the terminal's size when nothing is typed.
const IDLE: Duration = Duration::from_millis(250);

/// Where the interactive reference opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// On the search, as usual (or where it was left, when the settings ask).
    Reference,
    /// On study: the deck chooser, or this deck's sitting (`acuref study [--deck SPEC]`).
    Study(Option<String>),
}

/// How the interactive reference opens.
pub struct Options<'s> {
    /// Colours and attributes.
    pub theme: Theme,
    /// Whether the mouse is captured.
    pub mouse: bool,
    /// A line for the footer until the first key.
    pub notice: Option<String>,
    /// The user's database (none when the user turned it off).
    pub database: Option<std::path::PathBuf>,
    /// The settings file's settings.
    pub settings: &'s crate::settings::Settings,
    /// Where it opens.
    pub start: Start,
}

/// Runs the interactive reference until the user quits, with `notice` in the footer until the
/// first key; with the settings asking for it, opens where acuref was left and keeps where it
/// ends (a failure to keep it is returned, to be said on the normal screen). The terminal is
/// given back on every way out: quit, error, panic and signals.
pub fn run(
    catalogue: &Catalogue,
    index: &SearchIndex,
    options: Options<'_>,
) -> anyhow::Result<Option<String>> {
    let Options {
        theme,
        mouse,
        notice,
        database,
        settings,
        start,
    } = options;
    let clock = crate::study::clock::now_ms();
    let (mut screen, keys) = terminal::take(mouse)?;
    let mut app = App::new(catalogue, index, theme);
    app.study_settings = settings.study.clone();
    let mut user = user_data::UserData::open(database, &mut app);
    if settings.restore_last_view {
        user.resume(&mut app);
    }
    match clock {
        Ok(now) => app.clock_ms = now,
        Err(e) => {
            app.clock_ms = crate::study::clock::system_ms();
            app.notice = Some(format!("{e}; study uses the system clock"));
        }
    }
    if let Start::Study(deck) = start {
        update::start_study(&mut app, deck);
        user.apply(&mut app);
    }
    app.notice = notice.or(app.notice.take());
    let result = event_loop(&mut screen, &keys, &mut app, &mut user, mouse);
    terminal::give_back();
    result?;
    Ok(if settings.restore_last_view {
        user.keep_view(&app)
    } else {
        None
    })
}

/// Lays out the frame of this size and keeps the result in the app: the panes' areas, the
/// rows a page holds, the list's first row on screen (moved only when the selection would
/// leave the page), and where the detail pane's lines and links are (scrolled so that the
/// selected link is on screen). Called before every frame; drawing, the keys and the mouse
/// use what it set.
pub fn fit(app: &mut App<'_>, area: Rect) {
    app.areas = layout::areas(area, app);
    app.page = layout::list_rows(&app.areas);
    (app.detail_shape, app.detail_lines) = match (app.areas.detail, &app.shown_view) {
        (Some(pane), Some(view)) => {
            let inner = layout::inner(pane);
            let width = inner.width.into();
            let text = ui::detail_text(app.catalogue, view, &app.patient, width, &app.theme);
            let ends = text
                .link_lines
                .iter()
                .skip(1)
                .copied()
                .chain([text.lines.len()]);
            let shape = layout::DetailShape {
                entry: app.shown(),
                width,
                lines: text.lines.len(),
                height: inner.height.into(),
                links: text
                    .link_lines
                    .iter()
                    .copied()
                    .zip(ends)
                    .map(|(a, b)| a..b)
                    .collect(),
            };
            (shape, text.lines)
        }
        _ => Default::default(),
    };
    let shape = &app.detail_shape;
    let mut scroll = app.view.scroll.min(shape.max_scroll());
    if let Some(lines) = app.view.link.and_then(|l| shape.links.get(l)) {
        scroll = shape.scroll_to(scroll, lines);
    }
    app.view.scroll = scroll;
    fit_study(app, area);
    let (selected, page) = (app.view.selected, app.page);
    let offset = &mut app.view.offset;
    if selected < *offset {
        *offset = selected;
    } else if selected >= *offset + page {
        *offset = selected + 1 - page;
    }
}

/// Keeps study's scroll within what its frame shows, and its page for the paging keys.
fn fit_study(app: &mut App<'_>, area: Rect) {
    use app::Mode;
    use study::Overlay;
    let Some(study) = &app.study else {
        return;
    };
    if !matches!(app.mode, Mode::Study | Mode::Decks) {
        return;
    }
    let body = layout::inner(ui::study::study_areas(area, app).body);
    let width = usize::from(body.width).max(1);
    let lines = match study.overlay {
        Overlay::None => ui::study::card_lines(app, study, width).len(),
        Overlay::FullCard(_) => ui::study::full_card_lines(app, study, width).len(),
        Overlay::Progress => ui::study::progress_lines(app, study, width).len(),
    };
    let height = usize::from(body.height);
    app.page = height.max(1);
    if let Some(study) = &mut app.study {
        match &mut study.overlay {
            Overlay::FullCard(scroll) => *scroll = ui::study::clamped(*scroll, lines, height),
            _ => study.scroll = ui::study::clamped(study.scroll, lines, height),
        }
    }
}

fn event_loop(
    screen: &mut terminal::Screen,
    keys: &terminal::Keys,
    app: &mut App<'_>,
    user: &mut user_data::UserData,
    mouse: bool,
) -> anyhow::Result<()> {
    let mut decoder = Decoder::default();
    loop {
        let (width, height) =
            crossterm::terminal::size().context("cannot read the terminal size")?;
        let area = terminal::drawn_area(width, height);
        // Resizing clears the screen and redraws everything (after a resize, or after a
        // suspend); `clear` would ask the terminal for its cursor, which the key reader owns.
        if terminal::redraw_requested() || area != screen.get_frame().area() {
            screen.resize(area).context("cannot redraw the screen")?;
        }
        app.clock_ms =
            crate::study::clock::now_ms().unwrap_or_else(|_| crate::study::clock::system_ms());
        update::clock_moved(app);
        fit(app, area);
        screen
            .draw(|frame| ui::draw(frame, app))
            .context("cannot draw on the terminal")?;
        if app.quit {
            return Ok(());
        }
        if let Some(text) = app.clipboard.take() {
            // OSC 52: the terminal puts the text on the system clipboard (over SSH too).
            crossterm::execute!(
                std::io::stdout(),
                crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
            )
            .context("cannot copy to the clipboard")?;
        }
        if std::mem::take(&mut app.suspend) {
            terminal::suspend();
            continue;
        }
        if let Some(asked) = app.outside.take() {
            let dir = user.scratch_dir();
            let result = terminal::lend(keys, || {
                crate::editor::edit_in_external_editor(&asked.text, &dir)
            });
            update::outside_edited(app, asked, result);
            user.apply(app);
            continue;
        }
        let now = Instant::now();
        let wait = decoder.due_in(now).map_or(IDLE, |d| d.min(IDLE));
        let inputs = match keys.bytes.recv_timeout(wait) {
            Ok(chunk) => decoder.feed(&chunk, Instant::now()),
            Err(RecvTimeoutError::Timeout) => decoder.flush(Instant::now()),
            Err(RecvTimeoutError::Disconnected) => {
                anyhow::bail!("cannot read a key from the terminal: it was closed")
            }
        };
        // Ctrl-c quits at once, however much input came with it (in the note editor it closes
        // the editor instead, keeping the draft).
        if app.mode != app::Mode::Note
            && inputs
                .iter()
                .any(|i| matches!(i, Input::Key(k) if keymap::is_quit(k)))
        {
            return Ok(());
        }
        for step in coalesce_typing(app, inputs) {
            match step {
                Step::Typed(text) => update::type_text(app, &text),
                Step::Input(Input::Key(key)) => update::handle_key(app, key),
                Step::Input(Input::Paste(text)) => update::handle_paste(app, &text),
                Step::Input(Input::Mouse(event)) if mouse => update::handle_mouse(app, event),
                Step::Input(Input::Mouse(_)) => {}
            }
            user.apply(app);
            if app.quit || app.suspend || app.outside.is_some() {
                break;
            }
        }
    }
}

/// Input as the loop applies it: a run of characters typed into the query is one step, so a
/// burst of keys costs one search, not one per key.
enum Step {
    Typed(String),
    Input(Input),
}

/// Joins the characters typed into the query while the app is in search mode; stops joining
/// at the first other input, since that may change the mode.
fn coalesce_typing(app: &App<'_>, inputs: Vec<Input>) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut typed = String::new();
    let mut joining = app.mode == app::Mode::Search && !app.help;
    for input in inputs {
        // `?` typed first into an empty query asks for help: it is left to the key handler.
        let asks_help = |c: char| c == '?' && typed.is_empty() && app.view.query.is_empty();
        if joining
            && let Input::Key(key) = &input
            && let Some(keymap::Action::Insert(c)) = keymap::action_for(app::Mode::Search, *key)
            && !asks_help(c)
        {
            typed.push(c);
            continue;
        }
        joining = false;
        if !typed.is_empty() {
            steps.push(Step::Typed(std::mem::take(&mut typed)));
        }
        steps.push(Step::Input(input));
    }
    if !typed.is_empty() {
        steps.push(Step::Typed(typed));
    }
    steps
}
