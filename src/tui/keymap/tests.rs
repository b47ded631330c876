//! Unit tests of [`super`].

use super::*;

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn ctrl_c_quits_in_every_mode() {
    for mode in [Mode::Search, Mode::Browse] {
        assert_eq!(
            action_for(mode, press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }
}

#[test]
fn typing_inserts_in_search_mode_and_moves_in_browse_mode() {
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(action_for(Mode::Search, j), Some(Action::Insert('j')));
    assert_eq!(action_for(Mode::Browse, j), Some(Action::Down));
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(action_for(Mode::Search, q), Some(Action::Insert('q')));
    assert_eq!(action_for(Mode::Browse, q), Some(Action::Quit));
    let hanzi = press(KeyCode::Char('腎'), KeyModifiers::NONE);
    assert_eq!(action_for(Mode::Search, hanzi), Some(Action::Insert('腎')));
}

#[test]
fn shifted_capitals_are_the_same_key_on_every_terminal() {
    assert_eq!(
        action_for(Mode::Browse, press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some(Action::Bottom)
    );
    assert_eq!(
        action_for(Mode::Browse, press(KeyCode::Char('G'), KeyModifiers::NONE)),
        Some(Action::Bottom)
    );
    assert_eq!(
        action_for(Mode::Search, press(KeyCode::Char('B'), KeyModifiers::SHIFT)),
        Some(Action::Insert('B'))
    );
}

#[test]
fn search_editing_keys() {
    assert_eq!(
        action_for(
            Mode::Search,
            press(KeyCode::Char('w'), KeyModifiers::CONTROL)
        ),
        Some(Action::DeleteWord)
    );
    assert_eq!(
        action_for(
            Mode::Search,
            press(KeyCode::Char('u'), KeyModifiers::CONTROL)
        ),
        Some(Action::ClearQuery)
    );
    assert_eq!(
        action_for(
            Mode::Search,
            press(KeyCode::Char('n'), KeyModifiers::CONTROL)
        ),
        Some(Action::Down)
    );
    assert_eq!(
        action_for(Mode::Search, press(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::LeaveSearch)
    );
    assert_eq!(
        action_for(
            Mode::Search,
            press(KeyCode::Char('x'), KeyModifiers::CONTROL)
        ),
        None
    );
}

#[test]
fn browse_navigation_keys() {
    let cases = [
        (KeyCode::Char('/'), KeyModifiers::NONE, Action::EnterSearch),
        (KeyCode::Enter, KeyModifiers::NONE, Action::Open),
        (KeyCode::Char('l'), KeyModifiers::NONE, Action::Open),
        (KeyCode::Backspace, KeyModifiers::NONE, Action::Back),
        (KeyCode::Char('h'), KeyModifiers::NONE, Action::Back),
        (KeyCode::Left, KeyModifiers::ALT, Action::Back),
        (KeyCode::Right, KeyModifiers::ALT, Action::Forward),
        (KeyCode::Tab, KeyModifiers::NONE, Action::NextPane),
        (KeyCode::BackTab, KeyModifiers::SHIFT, Action::PrevPane),
        (KeyCode::Char('d'), KeyModifiers::CONTROL, Action::PageDown),
        (KeyCode::Char('u'), KeyModifiers::CONTROL, Action::PageUp),
        (KeyCode::Char('g'), KeyModifiers::NONE, Action::Top),
        (KeyCode::Char('?'), KeyModifiers::NONE, Action::ToggleHelp),
        (
            KeyCode::Char('c'),
            KeyModifiers::NONE,
            Action::BrowseChannels,
        ),
    ];
    for (code, mods, action) in cases {
        assert_eq!(
            action_for(Mode::Browse, press(code, mods)),
            Some(action),
            "{code:?} {mods:?}"
        );
    }
}

#[test]
fn no_key_is_bound_twice_in_one_scope() {
    assert_eq!(table::clash(&Keymap::builtin()), None);
}

#[test]
fn labels_read_like_the_help_screen() {
    for label in [
        "Ctrl-d",
        "Alt-Left",
        "Shift-Tab",
        "Space",
        "PgDn",
        "F5",
        "?",
        "G",
        "腎",
    ] {
        assert_eq!(
            key_label(&parse_key(label).unwrap()),
            label,
            "the grammar round-trips"
        );
    }
    assert!(parse_key("Ctrl-").is_err());
    assert!(parse_key("Hyper-x").unwrap_err().contains("is not a key"));
    assert_eq!(
        first_key(Scope::Browse, Action::EnterSearch).as_deref(),
        Some("/")
    );
}

#[test]
fn patient_panel_keys() {
    let key = |c: char| press(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        action_for(Mode::Browse, key('p')),
        Some(Action::OpenPatient)
    );
    assert_eq!(
        action_for(Mode::Patient, key('2')),
        Some(Action::SetStage(2))
    );
    assert_eq!(
        action_for(Mode::Patient, key(' ')),
        Some(Action::TogglePatientState)
    );
    assert_eq!(
        action_for(Mode::Patient, key('q')),
        Some(Action::ClosePatient)
    );
    assert_eq!(action_for(Mode::Patient, key('z')), None);
    assert_eq!(
        action_for(
            Mode::Patient,
            press(KeyCode::Char('c'), KeyModifiers::CONTROL)
        ),
        Some(Action::Quit)
    );
}

#[test]
fn the_built_in_table_binds_every_action_a_mode_needs() {
    let keymap = Keymap::builtin();
    let tables = include_str!("../../../assets/keymap.toml")
        .lines()
        .filter(|l| *l == "[[binding]]")
        .count();
    assert_eq!(
        keymap.bindings.len(),
        tables,
        "every row of the table is a binding"
    );
    for (scope, action) in [
        (Scope::Always, Action::Quit),
        (Scope::Browse, Action::ToggleHelp),
        (Scope::Patient, Action::ToggleHelp),
        (Scope::Browse, Action::OpenPatient),
        (Scope::Search, Action::LeaveSearch),
    ] {
        assert!(
            keymap
                .bindings
                .iter()
                .any(|b| b.scope == scope && b.action == action),
            "{scope:?} {action:?}"
        );
    }
}

#[test]
fn a_user_keymap_rebinds_an_action() {
    let text = "[[binding]]\nscope = \"browse\"\nkeys = [\"x\", \"Ctrl-q\"]\naction = \"quit\"\n";
    let keymap = Keymap::with_user(text, "keymap.toml").unwrap();
    let quit = keymap
        .bindings
        .iter()
        .find(|b| b.scope == Scope::Browse && b.action == Action::Quit)
        .unwrap();
    assert_eq!(
        quit.keys,
        vec![parse_key("x").unwrap(), parse_key("Ctrl-q").unwrap()]
    );
    assert_eq!(quit.help, "quit", "the help stays unless given");
    assert_eq!(keymap.bindings.len(), Keymap::builtin().bindings.len());
}

#[test]
fn a_bad_user_keymap_says_where_and_what_to_do() {
    let cases = [
        (
            "[[binding]]\nscope = \"browse\"\nkeys = [\"Hyper-x\"]\naction = \"quit\"\n",
            "keymap.toml:3:9:",
            "is not a key",
        ),
        (
            "[[binding]]\nscope = \"browse\"\nkeys = [\"x\"]\naction = \"explode\"\n",
            "keymap.toml:4:",
            "explode",
        ),
        (
            "[[binding]]\nscope = \"browse\"\nkeys = [\"j\"]\naction = \"quit\"\n",
            "keymap.toml:3:9:",
            "both",
        ),
        (
            "[[binding]]\nscope = \"patient\"\nkeys = [\"z\"]\naction = \"browse-channels\"\n",
            "keymap.toml:3:9:",
            "no binding in that scope",
        ),
        ("[[binding]\n", "keymap.toml:1:", "help:"),
    ];
    for (text, place, what) in cases {
        let err = Keymap::with_user(text, "keymap.toml").unwrap_err().message;
        assert!(err.starts_with(place), "{err}");
        assert!(err.contains(what), "{err}");
        assert!(err.contains("help: "), "{err}");
    }
}
