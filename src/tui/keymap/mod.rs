//! Keys to actions: one table that both dispatches keys and writes the `?` help screen.
//!
//! Pure: no terminal, no state beyond the mode. Ctrl-i arrives as Tab and Ctrl-h may arrive as
//! Backspace, so neither is bound on its own.

use super::app::Mode;
use crate::text::is_forbidden;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything a key can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave the app.
    Quit,
    /// Suspend the app (the shell's `fg` resumes it).
    Suspend,
    /// Show or hide the key help.
    ToggleHelp,
    /// Start typing a query.
    EnterSearch,
    /// Stop typing, keep the query.
    LeaveSearch,
    /// Accept the query and open the selected result.
    Accept,
    /// Add a character to the query.
    Insert(char),
    /// Delete the character before the cursor.
    DeleteChar,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Clear the query.
    ClearQuery,
    /// Move down one line.
    Down,
    /// Move up one line.
    Up,
    /// Move down a page.
    PageDown,
    /// Move up a page.
    PageUp,
    /// Go to the first line.
    Top,
    /// Go to the last line.
    Bottom,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open the selected entry, or follow the selected link.
    Open,
    /// Go back in history.
    Back,
    /// Go forward in history.
    Forward,
    /// Browse the channels, then a channel's points in order.
    BrowseChannels,
    /// Browse the body regions, then a region's points.
    BrowseRegions,
    /// Open the patient panel.
    OpenPatient,
    /// Close the patient panel.
    ClosePatient,
    /// Set or clear the patient state under the cursor.
    TogglePatientState,
    /// Set the stage (1-based) of the patient state under the cursor.
    SetStage(u8),
    /// Clear every patient state.
    ClearPatient,
}

/// A key as the help screen shows it and the table matches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift is part of the character).
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// In every mode.
    Always,
    /// While typing a query.
    Search,
    /// While browsing.
    Browse,
    /// In the patient panel.
    Patient,
}

impl Scope {
    /// Every scope, in the order the help screen shows them.
    pub const ALL: [Scope; 4] = [Scope::Search, Scope::Browse, Scope::Patient, Scope::Always];

    /// The heading of this scope on the help screen.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Always => "Everywhere",
            Scope::Search => "Search mode (typing)",
            Scope::Browse => "Browse mode",
            Scope::Patient => "Patient panel (p)",
        }
    }
}

/// One row of the keymap: keys, where they apply, what they do.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// Where it applies.
    pub scope: Scope,
    /// The keys, first one shown first.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// The help text.
    pub help: &'static str,
}

use Action as A;
use KeyCode as K;

/// The keymap. Order matters only for the help screen.
pub const BINDINGS: &[Binding] = &[
    Binding {
        scope: Scope::Always,
        keys: &[ctrl('c')],
        action: A::Quit,
        help: "quit",
    },
    Binding {
        scope: Scope::Always,
        keys: &[ctrl('z')],
        action: A::Suspend,
        help: "suspend (fg in the shell resumes)",
    },
    Binding {
        scope: Scope::Search,
        keys: &[key(K::Enter)],
        action: A::Accept,
        help: "open the selected result",
    },
    Binding {
        scope: Scope::Search,
        keys: &[key(K::Esc)],
        action: A::LeaveSearch,
        help: "stop typing, keep the query",
    },
    Binding {
        scope: Scope::Search,
        keys: &[key(K::Down), ctrl('n')],
        action: A::Down,
        help: "next result",
    },
    Binding {
        scope: Scope::Search,
        keys: &[key(K::Up), ctrl('p')],
        action: A::Up,
        help: "previous result",
    },
    Binding {
        scope: Scope::Search,
        keys: &[key(K::PageDown)],
        action: A::PageDown,
        help: "page down",
    },
    Binding {
        scope: Scope::Search,
        keys: &[key(K::PageUp)],
        action: A::PageUp,
        help: "page up",
    },
    Binding {
        scope: Scope::Search,
        keys: &[key(K::Backspace)],
        action: A::DeleteChar,
        help: "delete a character",
    },
    Binding {
        scope: Scope::Search,
        keys: &[ctrl('w'), alt(K::Backspace)],
        action: A::DeleteWord,
        help: "delete a word",
    },
    Binding {
        scope: Scope::Search,
        keys: &[ctrl('u')],
        action: A::ClearQuery,
        help: "clear the query",
    },
    Binding {
        scope: Scope::Search,
        keys: &[key(K::Tab)],
        action: A::NextPane,
        help: "stop typing, focus the next pane",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[ch('j'), key(K::Down)],
        action: A::Down,
        help: "down",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[ch('k'), key(K::Up)],
        action: A::Up,
        help: "up",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[key(K::PageDown), ctrl('d')],
        action: A::PageDown,
        help: "page down",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[key(K::PageUp), ctrl('u')],
        action: A::PageUp,
        help: "page up",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[ch('g'), key(K::Home)],
        action: A::Top,
        help: "first",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[ch('G'), key(K::End)],
        action: A::Bottom,
        help: "last",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[key(K::Enter), ch('l'), key(K::Right)],
        action: A::Open,
        help: "open / follow the link",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[key(K::Backspace), ch('h'), key(K::Left), alt(K::Left)],
        action: A::Back,
        help: "back",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[alt(K::Right)],
        action: A::Forward,
        help: "forward",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[key(K::Tab)],
        action: A::NextPane,
        help: "next pane",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[key(K::BackTab)],
        action: A::PrevPane,
        help: "previous pane",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[ch('/'), ch('i')],
        action: A::EnterSearch,
        help: "search",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[ch('c')],
        action: A::BrowseChannels,
        help: "browse channels",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[ch('r')],
        action: A::BrowseRegions,
        help: "browse body regions",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[ch('p')],
        action: A::OpenPatient,
        help: "patient safety check: set the patient's states",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[ch('?')],
        action: A::ToggleHelp,
        help: "help",
    },
    Binding {
        scope: Scope::Browse,
        keys: &[ch('q')],
        action: A::Quit,
        help: "quit",
    },
];

/// The patient panel's keys; `1`-`9` set a stage (see [`action_for`]).
const PATIENT_BINDINGS: &[Binding] = &[
    Binding {
        scope: Scope::Patient,
        keys: &[ch('j'), key(K::Down)],
        action: A::Down,
        help: "next state",
    },
    Binding {
        scope: Scope::Patient,
        keys: &[ch('k'), key(K::Up)],
        action: A::Up,
        help: "previous state",
    },
    Binding {
        scope: Scope::Patient,
        keys: &[ch(' '), key(K::Enter)],
        action: A::TogglePatientState,
        help: "set or clear the state",
    },
    Binding {
        scope: Scope::Patient,
        keys: &[ch('x')],
        action: A::ClearPatient,
        help: "clear every state",
    },
    Binding {
        scope: Scope::Patient,
        keys: &[key(K::Esc), ch('p'), ch('q')],
        action: A::ClosePatient,
        help: "close the panel (the states stay set)",
    },
    Binding {
        scope: Scope::Patient,
        keys: &[ch('?')],
        action: A::ToggleHelp,
        help: "help",
    },
];

/// Keys the tables above do not list one by one, per scope: (scope, keys, what they do).
pub const OTHER_KEYS: &[(Scope, &str, &str)] = &[
    (Scope::Search, "any other key", "type into the query"),
    (
        Scope::Patient,
        "1-9",
        "set the stage of the state (the trimester of a pregnancy)",
    ),
];

/// Every binding: the main table, then the patient panel's.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().chain(PATIENT_BINDINGS)
}

/// The key as the table writes it: only Ctrl and Alt count as modifiers, since Shift is
/// already in the character (and terminals disagree on whether they report it).
fn normalise(event: KeyEvent) -> Key {
    Key {
        code: event.code,
        mods: event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT),
    }
}

/// The action a key asks for in a mode, if any. In search mode, a printable key with no
/// binding inserts itself.
pub fn action_for(mode: Mode, event: KeyEvent) -> Option<Action> {
    let key = normalise(event);
    let scope = match mode {
        Mode::Search => Scope::Search,
        Mode::Browse => Scope::Browse,
        Mode::Patient => Scope::Patient,
    };
    let bound = bindings()
        .filter(|b| b.scope == Scope::Always || b.scope == scope)
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action);
    if bound.is_some() {
        return bound;
    }
    match (mode, key.code) {
        (Mode::Search, KeyCode::Char(c)) if key.mods.is_empty() && !is_forbidden(c) => {
            Some(Action::Insert(c))
        }
        (Mode::Patient, KeyCode::Char(d @ '1'..='9')) if key.mods.is_empty() => {
            Some(Action::SetStage(d as u8 - b'0'))
        }
        _ => None,
    }
}

/// Whether a key quits in every mode (Ctrl-c).
pub fn is_quit(event: &KeyEvent) -> bool {
    let key = normalise(*event);
    bindings()
        .any(|b| b.scope == Scope::Always && b.action == Action::Quit && b.keys.contains(&key))
}

/// How a key is written on the help screen and in the footer.
pub fn key_label(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else if key.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{name}")
    } else {
        name
    }
}

/// The first key bound to an action in a scope, as the footer shows it.
pub fn first_key(scope: Scope, action: Action) -> Option<String> {
    bindings()
        .find(|b| b.scope == scope && b.action == action)
        .and_then(|b| b.keys.first())
        .map(key_label)
}

/// The key table in Markdown, scope by scope, as the README shows it.
pub fn markdown_table() -> String {
    let mut out = String::from("| mode | keys | action |\n|---|---|---|\n");
    for scope in Scope::ALL {
        for b in bindings().filter(|b| b.scope == scope) {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("`{}`", key_label(k)))
                .collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                scope.title(),
                keys.join(" "),
                b.help
            ));
        }
        for (_, keys, help) in OTHER_KEYS.iter().filter(|(s, _, _)| *s == scope) {
            out.push_str(&format!("| {} | {keys} | {help} |\n", scope.title()));
        }
    }
    out
}

#[cfg(test)]
mod tests;
