//! The interactive reference driven by key sequences and drawn into a TestBackend, as a user
//! would see it at 80x24 and 40x12.

use crate::common::builtin;
use acuref::catalogue::Kind;
use acuref::tui::app::Mode;
use acuref::tui::app::{App, Focus};
use acuref::tui::keymap::parse_key;
use acuref::tui::theme::Theme;
use acuref::tui::{fit, ui, update};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Keys written as text: plain characters, and any key in the keymap's grammar between angle
/// brackets (`<Enter>`, `<Esc>`, `<Shift-Tab>`, `<Backspace>`, `<Alt-Left>`, `<Ctrl-d>`).
fn keys(script: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let key = parse_key(&rest[1..end]).unwrap_or_else(|e| panic!("{e}"));
            rest = &rest[end + 1..];
            out.push(KeyEvent::new(key.code, key.mods));
        } else {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

struct Session {
    app: App<'static>,
    terminal: Terminal<TestBackend>,
    /// The user's database, when the session has a home.
    user: Option<acuref::tui::user_data::UserData>,
}

impl Session {
    /// A session whose bookmarks are kept in `home`.
    fn with_home(width: u16, height: u16, home: &std::path::Path) -> Session {
        let mut s = Session::new(width, height, Theme::dark());
        let file = home.join(acuref::store::FILE_NAME);
        s.user = Some(acuref::tui::user_data::UserData::open(
            Some(file),
            &mut s.app,
        ));
        s.draw();
        s
    }

    fn new(width: u16, height: u16, theme: Theme) -> Session {
        let (c, i) = builtin();
        let mut s = Session {
            app: App::new(c, i, theme),
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
            user: None,
        };
        s.draw();
        s
    }

    fn draw(&mut self) {
        let size = self.terminal.size().unwrap();
        fit(&mut self.app, Rect::new(0, 0, size.width, size.height));
        let app = &self.app;
        self.terminal.draw(|f| ui::draw(f, app)).unwrap();
    }

    /// The terminal made this size, and the frame drawn again.
    fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.terminal
            .resize(Rect::new(0, 0, width, height))
            .unwrap();
        self.draw();
    }

    /// One key, its changes made and the frame drawn.
    fn press_key(&mut self, key: KeyEvent) {
        update::handle_key(&mut self.app, key);
        update::clock_moved(&mut self.app);
        if let Some(user) = &mut self.user {
            user.apply(&mut self.app);
        }
        self.draw();
    }

    fn press(&mut self, script: &str) -> &mut Self {
        for key in keys(script) {
            self.press_key(key);
        }
        self
    }

    /// A whole frame drawn afresh: what a terminal shows, free of the TestBackend's leftovers
    /// from earlier diffs around double-width characters.
    fn frame(&self) -> TestBackend {
        let size = self.terminal.size().unwrap();
        let mut fresh = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
        fresh.draw(|f| ui::draw(f, &self.app)).unwrap();
        fresh.backend().clone()
    }

    /// The screen as a terminal shows it: plain lines (a hanzi takes two columns).
    fn screen(&self) -> String {
        plain_text(self.frame().buffer())
    }

    fn shown(&self) -> String {
        let e = self.app.shown().expect("an entry is shown");
        self.app.catalogue.id(e).to_string()
    }

    /// Presses `j` in the detail pane, as a reader does, until the link to `id` is selected;
    /// returns how many presses it took.
    fn down_to_link(&mut self, id: &str) -> usize {
        for presses in 0..2000 {
            let at = self
                .app
                .current_link()
                .map(|l| self.app.catalogue.id(l.target));
            if at == Some(id) {
                return presses;
            }
            self.press("j");
        }
        panic!("j never reached the link to {id}");
    }
}

#[test]
fn opens_in_search_mode_listing_everything() {
    let s = Session::new(80, 24, Theme::dark());
    assert_eq!(s.app.mode, Mode::Search);
    let screen = s.screen();
    assert!(screen.contains("type a code, name, hanzi or condition"));
    assert!(screen.contains("LU1 Zhongfu"));
    insta::assert_snapshot!("opening_80x24", screen);
}

#[test]
fn searching_sciatica_narrows_the_list_and_shows_red_flags_first() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("sciatica");
    assert_eq!(s.shown(), "sciatica");
    let screen = s.screen();
    assert!(screen.contains("RED FLAGS"));
    insta::assert_snapshot!("search_sciatica_80x24", screen);
    s.press("<Enter>");
    assert_eq!(s.app.mode, Mode::Browse);
    assert_eq!(s.app.view.focus, Focus::Detail);
    insta::assert_snapshot!("sciatica_detail_80x24", s.screen());
}

#[test]
fn following_a_link_to_bl40_and_coming_back() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("sciatica<Enter>");
    let to_bl40 = s
        .app
        .links
        .iter()
        .position(|l| l.target.kind == Kind::Point && s.app.catalogue.id(l.target) == "BL40")
        .expect("sciatica links BL40");
    s.down_to_link("BL40");
    assert_eq!(s.app.view.link, Some(to_bl40));
    s.press("<Enter>");
    assert_eq!(s.shown(), "BL40");
    let screen = s.screen();
    assert!(screen.contains("BL40 Weizhong 委中"));
    insta::assert_snapshot!("bl40_from_sciatica_80x24", screen);
    s.press("<Backspace>");
    assert_eq!(s.shown(), "sciatica", "back restores the condition");
    assert_eq!(s.app.view.query, "sciatica", "and the query");
    assert_eq!(s.app.view.link, Some(to_bl40), "and the link cursor");
    s.press("<Alt-Right>");
    assert_eq!(s.shown(), "BL40", "forward returns");
}

#[test]
fn the_channel_browser_walks_a_channel_point_by_point() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("<Esc>c");
    assert!(s.screen().contains("Channels"));
    let bladder = s
        .app
        .rows
        .iter()
        .position(|h| s.app.catalogue.id(h.entry) == "BL")
        .unwrap();
    for _ in 0..bladder {
        s.press("j");
    }
    s.press("<Enter>");
    assert_eq!(s.shown(), "BL1");
    s.press("j");
    assert_eq!(s.shown(), "BL2");
    s.press("G");
    assert_eq!(s.shown(), "BL67");
    insta::assert_snapshot!("channel_bladder_80x24", s.screen());
}

#[test]
fn help_lists_every_key_from_the_keymap() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("<Esc>?");
    let screen = s.screen();
    assert!(screen.contains("Search mode (typing)"));
    assert!(screen.contains("Home Ctrl-a"), "{screen}");
    insta::assert_snapshot!("help_80x24", screen);
    let mut seen = screen;
    for _ in 0..8 {
        s.press("<Ctrl-d>");
        assert!(s.app.help, "scrolling keeps the help open");
        seen.push_str(&s.screen());
    }
    assert!(seen.contains("Browse mode"), "{seen}");
    assert!(seen.contains("Ctrl-d"), "{seen}");
    assert!(
        seen.contains("browse body regions"),
        "the last keys scroll into view"
    );
    s.press("x");
    assert!(!s.app.help, "any key closes the help");
}

#[test]
fn narrow_terminal_shows_one_pane_at_a_time() {
    let mut s = Session::new(40, 12, Theme::dark());
    insta::assert_snapshot!("opening_40x12", s.screen());
    s.press("ling gu");
    assert_eq!(s.shown(), "TUNG-22.05");
    insta::assert_snapshot!("ling_gu_list_40x12", s.screen());
    s.press("<Enter>");
    insta::assert_snapshot!("ling_gu_detail_40x12", s.screen());
    assert!(s.screen().contains("Linggu"));
    s.press("<Backspace>");
    assert_eq!(s.app.view.focus, Focus::List);
}

#[test]
fn mono_theme_keeps_selection_and_matches_visible_without_colour() {
    let mut s = Session::new(80, 24, Theme::mono());
    s.press("weizhong");
    let buffer = s.frame().buffer().clone();
    let mut reversed = false;
    let mut underlined = false;
    for cell in buffer.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "no colour at all");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "no colour at all");
        reversed |= cell.modifier.contains(Modifier::REVERSED);
        underlined |= cell.modifier.contains(Modifier::UNDERLINED);
    }
    assert!(reversed, "the selection is shown in reverse video");
    assert!(underlined, "matched letters are underlined");
    insta::assert_snapshot!("mono_weizhong_80x24", s.screen());
}

#[test]
fn wide_terminal_previews_the_link_under_the_cursor() {
    let mut s = Session::new(160, 30, Theme::dark());
    s.press("bl40<Enter>");
    let screen = s.screen();
    assert!(screen.contains("Link preview"));
    assert!(
        screen.contains("Move to a link"),
        "nothing previewed yet:\n{screen}"
    );
    s.press("<Enter>");
    let target = s.app.current_link().expect("Enter selects a link").target;
    let title = s.app.catalogue.title(target);
    let preview = s.app.areas.preview.expect("a preview pane at 160 columns");
    let buffer = s.frame().buffer().clone();
    let preview_top: String = (preview.x + 1..preview.x + preview.width - 1)
        .map(|x| buffer[(x, preview.y + 1)].symbol().to_string())
        .collect();
    let shown: String = title.chars().take(20).collect();
    assert!(
        preview_top
            .replace(' ', "")
            .contains(&shown.replace(' ', "")),
        "the preview shows {title}: {preview_top}"
    );
}

#[test]
fn tiny_terminals_get_a_notice() {
    let s = Session::new(15, 4, Theme::dark());
    assert!(s.screen().contains("Terminal too"));
    let s = Session::new(1, 1, Theme::dark());
    assert_eq!(s.screen().trim_end_matches('\n').chars().count(), 1);
}

mod random_use {
    use super::*;
    use proptest::prelude::*;

    fn any_key() -> impl Strategy<Value = KeyEvent> {
        let codes = prop_oneof![
            any::<char>().prop_map(KeyCode::Char),
            Just(KeyCode::Enter),
            Just(KeyCode::Esc),
            Just(KeyCode::Tab),
            Just(KeyCode::BackTab),
            Just(KeyCode::Backspace),
            Just(KeyCode::Up),
            Just(KeyCode::Down),
            Just(KeyCode::Left),
            Just(KeyCode::Right),
            Just(KeyCode::PageUp),
            Just(KeyCode::PageDown),
            Just(KeyCode::Home),
            Just(KeyCode::End),
        ];
        let mods = prop_oneof![
            Just(KeyModifiers::NONE),
            Just(KeyModifiers::CONTROL),
            Just(KeyModifiers::ALT),
            Just(KeyModifiers::SHIFT)
        ];
        (codes, mods)
            .prop_filter("Ctrl-c ends the session", |(c, m)| {
                !(*c == KeyCode::Char('c') && m.contains(KeyModifiers::CONTROL))
            })
            .prop_map(|(c, m)| KeyEvent::new(c, m))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn no_key_sequence_or_size_panics_and_the_selection_stays_in_range(
            keys in proptest::collection::vec(any_key(), 1..60),
            sizes in proptest::collection::vec((1u16..200, 1u16..60), 1..4),
        ) {
            let (c, i) = builtin();
            let mut app = App::new(c, i, Theme::dark());
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            for (n, key) in keys.into_iter().enumerate() {
                let (w, h) = sizes[n % sizes.len()];
                terminal.backend_mut().resize(w, h);
                terminal.resize(Rect::new(0, 0, w, h)).unwrap();
                update::handle_key(&mut app, key);
                fit(&mut app, Rect::new(0, 0, w, h));
                terminal.draw(|f| ui::draw(f, &app)).unwrap();
                prop_assert!(app.rows.is_empty() || app.view.selected < app.rows.len());
                prop_assert!(app.view.link.is_none_or(|l| l < app.links.len()));
            }
        }
    }
}

/// The states a key script in the patient panel sets: the panel's row of each alias.
fn patient_row(alias: &str) -> usize {
    let (c, _) = builtin();
    acuref::catalogue::cautions::patient_contraindications(c)
        .position(|(_, x)| x.patient.as_ref().unwrap().alias.as_str() == alias)
        .unwrap_or_else(|| panic!("no patient state {alias}"))
}

#[test]
fn a_prescription_under_a_patient_state_marks_and_sorts_what_is_forbidden() {
    let mut s = Session::new(100, 30, Theme::dark());
    s.press("low back spasm<Enter>");
    let condition = s.shown();
    let before: Vec<String> = s
        .app
        .links
        .iter()
        .filter(|l| l.target.kind == Kind::Point)
        .map(|l| s.app.catalogue.id(l.target).to_string())
        .collect();
    assert!(
        before.contains(&"LI4".to_string()),
        "{condition} prescribes LI4"
    );
    // Open the panel, set pregnancy in its second trimester, close it.
    s.press("p");
    assert_eq!(s.app.mode, Mode::Patient);
    let panel = s.screen();
    assert!(panel.contains("Patient safety check"));
    assert!(panel.contains("never saved"));
    for _ in 0..patient_row("pregnancy") {
        s.press("j");
    }
    s.press("2<Esc>");
    assert_eq!(s.app.mode, Mode::Browse);
    let screen = s.screen();
    assert!(
        screen.contains("PATIENT pregnancy T2"),
        "the header names the patient:\n{screen}"
    );
    let points: Vec<String> = s
        .app
        .links
        .iter()
        .filter(|l| l.target.kind == Kind::Point)
        .map(|l| s.app.catalogue.id(l.target).to_string())
        .collect();
    let c = s.app.catalogue;
    let forbidden = |id: &str| {
        let e = c.find(Kind::Point, id).unwrap();
        c.verdict(e, &s.app.patient).is_forbidden()
    };
    let first_forbidden = points.iter().position(|p| forbidden(p)).expect("LI4 is");
    assert!(
        points[first_forbidden..].iter().all(|p| forbidden(p)),
        "forbidden points come after the others: {points:?}"
    );
    // Move down the links to LI4, so the prescription is on screen.
    assert_eq!(s.app.view.focus, Focus::Detail);
    s.down_to_link("LI4");
    let screen = s.screen();
    assert!(
        screen.contains("X LI4 Hegu"),
        "LI4 carries the mark:\n{screen}"
    );
    insta::assert_snapshot!("spasm_pregnancy_t2_100x30", screen);
    // The detail of a forbidden point opens with why.
    s.press("/<Ctrl-u>li4<Enter>");
    let screen = s.screen();
    assert!(
        screen.contains("FORBIDDEN FOR THIS PATIENT (pregnancy T2)"),
        "{screen}"
    );
    insta::assert_snapshot!("li4_pregnancy_t2_100x30", screen);
    // Clearing the states restores the plain view.
    s.press("px<Esc>");
    let screen = s.screen();
    assert!(!screen.contains("PATIENT"), "{screen}");
    assert!(!screen.contains("FOR THIS PATIENT"), "{screen}");
    assert!(screen.contains(" CAUTION "), "{screen}");
}

#[test]
fn the_patient_panel_fits_a_small_terminal() {
    let mut s = Session::new(40, 12, Theme::dark());
    s.press("<Esc>p");
    insta::assert_snapshot!("patient_panel_40x12", s.screen());
    s.press("<Enter><Esc>");
    assert!(s.screen().contains("PATIENT"), "{}", s.screen());
}

mod patient_marks {
    use super::*;
    use acuref::catalogue::EntryRef;
    use acuref::catalogue::cautions::{PatientStateRef, patient_contraindications};
    use acuref::tui::app::ListSource;
    use proptest::prelude::*;

    /// The point a drawn list row (`X pt  CODE ...`) or link line (`  › X CODE ...`) names,
    /// with its mark.
    fn named_point(part: &str) -> Option<(char, EntryRef)> {
        let (c, _) = builtin();
        let (mark, rest) = match part.strip_prefix("  › ") {
            Some(link) => {
                let mark = link.chars().next()?;
                (mark, link[mark.len_utf8()..].strip_prefix(' ')?)
            }
            None => {
                let mark = part.chars().next()?;
                (mark, part[mark.len_utf8()..].strip_prefix(" pt  ")?)
            }
        };
        let code = rest.split_whitespace().next()?;
        c.find(Kind::Point, code).map(|e| (mark, e))
    }

    /// Every list row and detail link line on the screen that names a point.
    fn drawn_points(buffer: &ratatui::buffer::Buffer) -> Vec<(char, EntryRef, String)> {
        let area = buffer.area;
        let mut found = Vec::new();
        for y in 0..area.height {
            let line: String = (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            for part in line.split('│') {
                if let Some((mark, entry)) = named_point(part) {
                    found.push((mark, entry, line.clone()));
                }
            }
        }
        found
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn no_forbidden_point_is_drawn_without_its_mark(
            states in proptest::collection::vec((0usize..16, 0usize..4), 1..4),
            view in 0usize..4,
            pick in 0usize..64,
            steps in 0usize..40,
        ) {
            let (c, i) = builtin();
            let mut app = App::new(c, i, Theme::dark());
            let patient_states: Vec<usize> = patient_contraindications(c).map(|(ci, _)| ci).collect();
            for (which, stage) in states {
                let ci = patient_states[which % patient_states.len()];
                let stages = c.contraindications[ci].patient.as_ref().unwrap().stages.len();
                let stage = (stage < stages).then_some(stage);
                app.patient.set(PatientStateRef { contraindication: ci, stage });
            }
            app.mode = Mode::Browse;
            app.view.source = match view {
                0 => ListSource::ChannelPoints(pick % c.channels.len()),
                1 => ListSource::RegionPoints(pick % c.regions.len()),
                _ => ListSource::Search,
            };
            if view == 3 {
                // A condition's prescription in the detail pane.
                let cond = pick % c.conditions.len();
                app.view.pinned = Some(EntryRef { kind: Kind::Condition, index: cond });
                app.view.focus = Focus::Detail;
            }
            app.refresh();
            for _ in 0..steps {
                update::update(&mut app, acuref::tui::keymap::Action::Down);
            }
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            fit(&mut app, Rect::new(0, 0, 120, 40));
            terminal.draw(|f| ui::draw(f, &app)).unwrap();
            let drawn = drawn_points(terminal.backend().buffer());
            prop_assert!(!drawn.is_empty() || app.rows.is_empty());
            for (mark, entry, line) in drawn {
                if c.verdict(entry, &app.patient).is_forbidden() {
                    prop_assert_eq!(mark, 'X', "{} unmarked in {:?}", c.id(entry), line);
                }
            }
        }
    }
}

/// The frame as plain text, one line per row, the way a terminal shows it (a wide character
/// takes two columns).
fn plain_text(buffer: &ratatui::buffer::Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += symbol.width().max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn the_readme_screens_are_what_the_app_draws() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (script, what) in [
        ("sciatica", "the search screen"),
        ("sciatica<Esc>p2<Esc>", "the patient safety screen"),
    ] {
        let mut s = Session::new(100, 30, Theme::dark());
        s.press(script);
        let screen = plain_text(s.frame().buffer());
        assert!(
            readme.contains(&screen),
            "README.md must show {what} (keys `{script}`, 100x30) exactly as drawn:\n{screen}"
        );
    }
}

#[test]
fn a_load_warning_shows_in_the_footer_until_a_key() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.app.notice = Some("your catalogue additions in /x were not used (details on exit)".into());
    let screen = s.screen();
    assert!(
        screen.contains("were not used (details on exit)"),
        "{screen}"
    );
    s.press("b");
    assert!(!s.screen().contains("were not used"));
}

#[test]
fn moving_up_inside_the_page_moves_the_cursor_not_the_list() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("<Esc>");
    let page = s.app.page;
    for _ in 0..30 {
        s.press("j");
    }
    assert_eq!(s.app.view.selected, 30);
    let offset = s.app.view.offset;
    assert_eq!(offset, 30 + 1 - page, "the list scrolled just enough");
    for _ in 0..5 {
        s.press("k");
    }
    assert_eq!(s.app.view.selected, 25);
    assert_eq!(s.app.view.offset, offset, "the list stayed");
    let first_row = s.app.catalogue.id(s.app.rows[offset].entry).to_string();
    let screen = s.screen();
    let list_top = screen.lines().nth(2).unwrap();
    assert!(list_top.contains(&format!(" {first_row} ")), "{list_top}");
    // A click lands on the row drawn there.
    let list = s.app.areas.list.unwrap();
    let click = crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: list.x + 3,
        row: list.y + 1 + 2,
        modifiers: KeyModifiers::NONE,
    };
    update::handle_mouse(&mut s.app, click);
    assert_eq!(s.app.view.selected, offset + 2);
}

#[test]
fn keys_do_nothing_unseen_while_the_terminal_is_too_small() {
    let mut s = Session::new(10, 3, Theme::dark());
    let before = s.shown();
    s.press("j<Enter>bl23<Enter>");
    assert_eq!(s.app.view.query, "", "nothing was typed unseen");
    assert_eq!(s.app.mode, Mode::Search);
    assert_eq!(s.shown(), before);
    s.press("<Ctrl-c>");
    assert!(s.app.quit, "Ctrl-c still quits");
}

#[test]
fn help_is_one_key_away_for_a_newcomer() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("?");
    assert!(s.app.help, "`?` with nothing typed opens the help");
    assert_eq!(s.app.view.query, "");
    s.press("x");
    s.press("a?");
    assert_eq!(s.app.view.query, "a?", "after typing, `?` is a character");
    s.press("<F1>");
    assert!(s.app.help, "F1 opens the help in every mode");
    let mut listed = false;
    for _ in 0..200 {
        listed |= s.screen().contains("F1 ");
        s.press("j");
    }
    assert!(listed, "and the help lists it");
}

#[test]
fn the_query_line_says_what_is_browsed_and_marks_a_cut_query() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("weizhong<Esc>c");
    let top = s.screen().lines().next().unwrap().to_string();
    assert!(top.contains("Channels (/ to search)"), "{top}");
    assert!(!top.contains("weizhong"), "{top}");
    let mut s = Session::new(20, 8, Theme::dark());
    s.press("pain and stiffness of the lower back");
    let top = s.screen().lines().next().unwrap().to_string();
    assert!(top.contains('…'), "the cut is marked: {top}");
}

#[test]
fn the_help_fits_a_narrow_terminal_and_its_last_line_can_be_reached() {
    let mut s = Session::new(40, 12, Theme::dark());
    s.press("<F1>");
    for _ in 0..40 {
        s.press("<PgDn>");
    }
    let screen = s.screen();
    assert!(screen.contains("any other key closes this"), "{screen}");
    assert!(
        screen.contains("flg") && screen.contains("red flag"),
        "the kinds are explained: {screen}"
    );
    s.press("x<Esc>c");
    // A channel card: labels never run into their values.
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("<Esc>c<Tab>");
    assert!(!s.screen().contains("Also writtenL"), "{}", s.screen());
}

#[test]
fn y_and_shift_y_copy_the_entry_and_never_the_patient() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("bl23<Esc>y");
    assert_eq!(
        s.app.clipboard.as_deref(),
        Some("BL23 Shenshu 腎兪 (Kidney Shu)")
    );
    assert!(
        s.screen().contains("copied: BL23 Shenshu"),
        "{}",
        s.screen()
    );
    s.app.clipboard = None;
    // With a patient set, the card copied is the plain one.
    s.press("p2<Esc>Y");
    let card = s.app.clipboard.clone().expect("the card is copied");
    assert!(card.starts_with("BL23 Shenshu"), "{card}");
    assert!(card.contains("Location: In the lumbar region"), "{card}");
    assert!(
        card.contains("Pregnancy: forbidden"),
        "the cautions are in it: {card}"
    );
    assert!(
        !card.contains("FOR THIS PATIENT") && !card.contains("T2"),
        "{card}"
    );
}

#[test]
fn a_letter_that_is_no_browse_key_says_how_to_search() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("<Esc>w");
    let screen = s.screen();
    assert!(
        screen.contains("w is no key here: / to search, ? for the keys"),
        "{screen}"
    );
    s.press("j");
    assert!(
        !s.screen().contains("no key here"),
        "the hint goes with the next key"
    );
    s.press("j");
    assert!(
        !s.screen().contains("no key here"),
        "a bound key gives no hint"
    );
}

#[test]
fn the_query_is_edited_at_a_cursor() {
    let mut s = Session::new(100, 30, Theme::dark());
    s.press("lg pain<Home><Right>e");
    assert_eq!(s.app.view.query, "leg pain");
    assert!(s.screen().contains("Sciatica"), "the edited query searches");
    s.press("<Ctrl-e><Alt-b><Ctrl-w>");
    assert_eq!(
        s.app.view.query, "pain",
        "Ctrl-w deletes the word before the cursor"
    );
    s.press("<Ctrl-a><Delete><Alt-f>s");
    assert_eq!(s.app.view.query, "ains");
}

#[test]
fn a_long_query_shows_the_part_around_the_cursor() {
    let mut s = Session::new(30, 12, Theme::dark());
    s.press("leg three miles and more");
    let top = |s: &mut Session| s.screen().lines().next().unwrap_or_default().to_string();
    assert!(top(&mut s).contains("…es and more"), "{}", top(&mut s));
    s.press("<Home>");
    assert!(top(&mut s).contains("/ leg three m…"), "{}", top(&mut s));
}

#[test]
fn the_no_match_hint_wraps_in_a_narrow_list() {
    let mut s = Session::new(40, 12, Theme::dark());
    s.press("qqqqxz");
    let screen = s.screen();
    let joined: String = screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(joined.contains("or fewer letters."), "{screen}");
}

/// The rows of the detail pane's inside, as text.
fn detail_rows(s: &Session) -> Vec<String> {
    let pane = s.app.areas.detail.expect("a detail pane");
    let buffer = s.frame().buffer().clone();
    (pane.y + 1..pane.y + pane.height - 1)
        .map(|y| {
            (pane.x + 1..pane.x + pane.width - 1)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn the_detail_pane_scrolls_through_text_and_links_in_reading_order() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("bl23<Enter>");
    let top = detail_rows(&s);
    assert!(top[0].starts_with("BL23 Shenshu"), "{top:?}");
    s.press("j");
    let after = detail_rows(&s);
    assert_eq!(after[0], top[1], "j moves the text up one line");
    assert_eq!(s.app.view.link, None, "no link is on screen yet");

    // Reading on with j visits every link in order, none skipped.
    let mut visited = Vec::new();
    for _ in 0..2000 {
        if let Some(link) = s.app.view.link
            && visited.last() != Some(&link)
        {
            visited.push(link);
        }
        if visited.last() == Some(&(s.app.links.len() - 1)) {
            break;
        }
        s.press("j");
    }
    assert_eq!(visited, (0..s.app.links.len()).collect::<Vec<_>>());

    s.press("g");
    assert_eq!(detail_rows(&s), top, "g goes back to the top");
    assert_eq!(s.app.view.link, None);
    s.press("G");
    let end = detail_rows(&s);
    let last = s.app.links.last().unwrap().target;
    let last_id = s.app.catalogue.id(last);
    assert!(
        end.iter().any(|row| row.contains(last_id)),
        "G shows the end, with the last link ({last_id}):\n{end:#?}"
    );
    assert_eq!(s.app.view.link, Some(s.app.links.len() - 1));
    let pane = s.app.areas.detail.unwrap();
    let buffer = s.frame().buffer().clone();
    let bar: String = (pane.y + 1..pane.y + pane.height - 1)
        .map(|y| buffer[(pane.x + pane.width - 1, y)].symbol().to_string())
        .collect();
    assert!(
        bar.ends_with('┃') && bar.contains('│'),
        "the scrollbar is at its end: {bar}"
    );
    s.press("k");
    assert_eq!(
        s.app.view.link,
        Some(s.app.links.len() - 2),
        "k goes to the link above"
    );
    s.press("<Ctrl-u>");
    assert!(detail_rows(&s)[0] != end[0], "a page up moves the text");
}

#[test]
fn the_category_browser_lists_categories_then_their_points() {
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("<Esc>t");
    assert!(s.screen().contains("Point categories"), "{}", s.screen());
    let luo = s
        .app
        .rows
        .iter()
        .position(|h| s.app.catalogue.id(h.entry) == "luo-connecting")
        .expect("a Luo-Connecting row");
    for _ in 0..luo {
        s.press("j");
    }
    s.press("<Enter>");
    let screen = s.screen();
    assert!(screen.contains("Luo-Connecting point"), "{screen}");
    let shown: Vec<String> = s
        .app
        .rows
        .iter()
        .map(|h| s.app.catalogue.id(h.entry).to_string())
        .collect();
    assert_eq!(shown.len(), 14, "{shown:?}");
    assert!(shown.contains(&"LU7".to_string()) && shown.contains(&"CV15".to_string()));
    assert!(screen.contains("LU7 Lieque"), "{screen}");
}

mod study;
mod yours;

#[test]
fn m_shows_the_body_map_of_the_shown_point_and_a_followed_link_moves_the_mark() {
    let mut s = Session::new(120, 40, Theme::dark());
    s.press("st36<Esc>m");
    let screen = s.screen();
    assert!(screen.contains("ST36 on the map: leg_front"), "{screen}");
    assert!(screen.contains("●ST36"), "the point is marked:\n{screen}");
    assert!(
        screen.contains("ST36 Zusanli"),
        "the text stays below:\n{screen}"
    );
    insta::assert_snapshot!("map_st36_120x40", screen);
    let mut s = Session::new(80, 24, Theme::dark());
    s.press("sciatica<Esc>m");
    assert!(
        s.screen().contains("the map shows a point"),
        "{}",
        s.screen()
    );
    s.press("<Tab>");
    s.down_to_link("GB34");
    s.press("<Enter>");
    let screen = s.screen();
    assert!(screen.contains("GB34 on the map"), "{screen}");
    assert!(screen.contains("●GB34"), "{screen}");
    insta::assert_snapshot!("map_gb34_80x24", screen);
    s.press("m");
    assert!(!s.screen().contains("on the map"), "m hides it");
    // At 40x12 the detail pane is all map, or says it is too small; nothing breaks.
    let mut s = Session::new(40, 12, Theme::mono());
    s.press("ling gu<Esc>m<Tab>");
    let screen = s.screen();
    assert!(screen.contains("TUNG-22.05 on the map"), "{screen}");
}

#[test]
fn in_a_regions_list_the_map_shows_its_points_together() {
    let mut s = Session::new(120, 40, Theme::dark());
    s.press("<Esc>r");
    let hand = s
        .app
        .rows
        .iter()
        .position(|h| s.app.catalogue.id(h.entry) == "hand")
        .expect("a hand region");
    for _ in 0..hand {
        s.press("j");
    }
    s.press("<Enter>m");
    let screen = s.screen();
    assert!(screen.contains("LU10 on the map: hand_palm"), "{screen}");
    for shown in ["●LU10", "HT8", "PC8"] {
        assert!(screen.contains(shown), "{shown}:\n{screen}");
    }
    assert!(
        !screen.contains("·LU9"),
        "only the region's points are labelled:\n{screen}"
    );
    // The next row is on the back of the hand: the map turns with it.
    s.press("j");
    assert!(
        s.screen().contains("LI3 on the map: hand_back"),
        "{}",
        s.screen()
    );
}
