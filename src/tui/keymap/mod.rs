//! Keys to actions: one table, `assets/keymap.toml` (embedded), that dispatches keys and
//! writes the `?` help, the footer hints and the README's key table. A user keymap may rebind
//! actions; one key grammar ([`parse_key`], `key_label`) serves the table, the help and the
//! tests' key scripts.
//!
//! Pure: no terminal, no state beyond the mode. Ctrl-i arrives as Tab and Ctrl-h may arrive as
//! Backspace, so neither is bound on its own.

use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::app::Mode;
use crate::text::{echo, is_forbidden};

mod table;

pub use table::{Keymap, KeymapError};

/// Everything a key can ask for. The table names them in kebab case (`leave-search`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
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
    /// Add a character to the query (any printable key in search mode).
    #[serde(skip)]
    Insert(char),
    /// Delete the character before the cursor.
    DeleteChar,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete the character under the cursor.
    DeleteUnder,
    /// Clear the query.
    ClearQuery,
    /// Move the query's cursor one character left.
    CursorLeft,
    /// Move the query's cursor one character right.
    CursorRight,
    /// Move the query's cursor to the start of the word before it.
    WordLeft,
    /// Move the query's cursor past the end of the word after it.
    WordRight,
    /// Move the query's cursor to the start.
    CursorStart,
    /// Move the query's cursor to the end.
    CursorEnd,
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
    /// Browse the point categories (Luo-Connecting, He-Sea...), then a category's points.
    BrowseCategories,
    /// Copy the shown entry's code and name to the clipboard.
    CopyTitle,
    /// Copy the shown entry's whole card, as plain text, to the clipboard.
    CopyCard,
    /// Star the shown entry, or remove its star (kept in the user database).
    ToggleBookmark,
    /// Browse the starred entries.
    BrowseBookmarks,
    /// Browse the entries opened most recently.
    BrowseRecent,
    /// Open the note editor on the shown entry.
    EditNote,
    /// Open the shown entry's note in the user's own editor (`$VISUAL`, `$EDITOR`).
    EditNoteOutside,
    /// Save the note being edited.
    SaveNote,
    /// Close the note editor without saving (the draft is kept until acuref ends).
    CancelNote,
    /// Delete what is the user's own here (a note, a protocol, a point from a protocol),
    /// asking first where it is more than one point.
    Delete,
    /// Put back what was deleted last.
    Undo,
    /// Open the protocol chooser to add the shown point to a protocol.
    AddToProtocol,
    /// Browse the user's protocols, then a protocol's points.
    BrowseProtocols,
    /// Add the point to the protocol the chooser has selected.
    Choose,
    /// Close the protocol chooser without adding.
    CloseChooser,
    /// Move typing between the chooser's name and note lines.
    SwitchField,
    /// Answer yes to the question asked.
    Confirm,
    /// Answer no to the question asked.
    Refuse,
    /// Open the patient panel.
    OpenPatient,
    /// Close the patient panel.
    ClosePatient,
    /// Set or clear the patient state under the cursor.
    TogglePatientState,
    /// Set the stage (1-based) of the patient state under the cursor (keys 1-9).
    #[serde(skip)]
    SetStage(u8),
    /// Clear every patient state.
    ClearPatient,
    /// Show or hide the body map of the shown point.
    ToggleMap,
    /// Open study: the deck chooser, the current list's deck first.
    OpenStudy,
    /// Review the deck the chooser has selected.
    StudyDeck,
    /// Quiz on the deck the chooser has selected, or on the deck being studied.
    QuizDeck,
    /// Close the deck chooser.
    CloseDecks,
    /// Show the answer; once shown, rate the card Good.
    RevealOrGood,
    /// Rate the card Again (forgotten).
    RateAgain,
    /// Rate the card Hard.
    RateHard,
    /// Rate the card Good.
    RateGood,
    /// Rate the card Easy.
    RateEasy,
    /// Show or hide the full card of what the study card is about.
    ShowFullCard,
    /// Show or hide the progress on the deck.
    ShowProgress,
    /// Close what is open over the card, else leave study for the reference.
    LeaveStudy,
    /// Check the answer typed or chosen; once checked, go to the next question.
    SubmitAnswer,
    /// End the quiz here and show the score.
    EndQuiz,
    /// Ask the questions answered wrongly again.
    ReplayWrong,
    /// Review the cards of the questions answered wrongly.
    ReviewWrong,
}

impl Action {
    /// Whether the action edits a line of text at its cursor (the query, a chooser line).
    pub fn edits_a_line(self) -> bool {
        matches!(
            self,
            Action::Insert(_)
                | Action::DeleteChar
                | Action::DeleteWord
                | Action::DeleteUnder
                | Action::ClearQuery
                | Action::CursorLeft
                | Action::CursorRight
                | Action::WordLeft
                | Action::WordRight
                | Action::CursorStart
                | Action::CursorEnd
        )
    }
}

/// A key as the help screen shows it and the table matches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift is part of the character).
    pub mods: KeyModifiers,
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// In every mode.
    #[serde(rename = "everywhere")]
    Always,
    /// While typing a query.
    Search,
    /// While browsing.
    Browse,
    /// In the patient panel.
    Patient,
    /// In the note editor.
    Note,
    /// In the protocol chooser.
    Chooser,
    /// While a question is asked before a deletion.
    Confirm,
    /// In the deck chooser.
    Decks,
    /// While studying cards.
    Study,
    /// While answering a quiz.
    Quiz,
    /// On a quiz's score.
    QuizResults,
}

impl Scope {
    /// Every scope, in the order the help screen shows them.
    pub const ALL: [Scope; 11] = [
        Scope::Search,
        Scope::Browse,
        Scope::Patient,
        Scope::Note,
        Scope::Chooser,
        Scope::Confirm,
        Scope::Decks,
        Scope::Study,
        Scope::Quiz,
        Scope::QuizResults,
        Scope::Always,
    ];

    /// The heading of this scope on the help screen.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Always => "Everywhere",
            Scope::Search => "Search mode (typing)",
            Scope::Browse => "Browse mode",
            Scope::Patient => "Patient panel (p)",
            Scope::Note => "Note editor (n)",
            Scope::Chooser => "Protocol chooser (a)",
            Scope::Confirm => "Before a deletion (d)",
            Scope::Decks => "Deck chooser (s)",
            Scope::Study => "Study",
            Scope::Quiz => "Quiz",
            Scope::QuizResults => "Quiz score",
        }
    }
}

/// One row of the keymap: keys, where they apply, what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub scope: Scope,
    /// The keys, first one shown first.
    pub keys: Vec<Key>,
    /// What they do.
    pub action: Action,
    /// The help text.
    pub help: String,
}

/// The keymap in force: the built-in one unless [`install`] set another.
static KEYMAP: OnceLock<Keymap> = OnceLock::new();

/// Makes `keymap` the one in force, once, before the first key is read. Returns false when a
/// keymap was already in force (it is kept).
pub fn install(keymap: Keymap) -> bool {
    KEYMAP.set(keymap).is_ok()
}

/// Puts the keymap in force now (the built-in one unless [`install`] set another), so that
/// the first frame does not wait for it to be read.
pub fn prepare() {
    current();
}

fn current() -> &'static Keymap {
    KEYMAP.get_or_init(Keymap::builtin)
}

/// Keys the tables above do not list one by one, per scope: (scope, keys, what they do).
pub const OTHER_KEYS: &[(Scope, &str, &str)] = &[
    (Scope::Search, "any other key", "type into the query"),
    (
        Scope::Patient,
        "1-9",
        "set the stage of the state (the trimester of a pregnancy)",
    ),
    (
        Scope::Note,
        "any other key",
        "edit the text (arrows, Enter, Backspace, Ctrl-z undo)",
    ),
    (
        Scope::Chooser,
        "any other key",
        "type into the line, with the search mode's editing keys",
    ),
    (
        Scope::Decks,
        "any other key",
        "type to narrow the decks, or write one (channel:LU,region:hand)",
    ),
    (
        Scope::Quiz,
        "1-4",
        "choose that answer (with nothing typed)",
    ),
    (
        Scope::Quiz,
        "any other key",
        "type the answer: a code or name in any spelling",
    ),
];

/// Every binding of the keymap in force, in table order.
pub(crate) fn bindings() -> impl Iterator<Item = &'static Binding> {
    current().bindings.iter()
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
pub(crate) fn action_for(mode: Mode, event: KeyEvent) -> Option<Action> {
    let key = normalise(event);
    let scope = match mode {
        Mode::Search => Scope::Search,
        Mode::Browse => Scope::Browse,
        Mode::Patient => Scope::Patient,
        Mode::Note => Scope::Note,
        Mode::Chooser => Scope::Chooser,
        Mode::Confirm => Scope::Confirm,
        Mode::Decks => Scope::Decks,
        Mode::Study => Scope::Study,
        Mode::Quiz => Scope::Quiz,
        Mode::QuizResults => Scope::QuizResults,
    };
    let bound = bindings()
        .filter(|b| b.scope == Scope::Always || b.scope == scope)
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action);
    if bound.is_some() {
        return bound;
    }
    // The lines of the chooser, the deck chooser and the quiz are edited with the search
    // mode's editing keys.
    let types_a_line = matches!(mode, Mode::Chooser | Mode::Decks | Mode::Quiz);
    let editing = bindings()
        .filter(|b| b.scope == Scope::Search && b.action.edits_a_line())
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action);
    if types_a_line && editing.is_some() {
        return editing;
    }
    match (mode, key.code) {
        (Mode::Search | Mode::Chooser | Mode::Decks | Mode::Quiz, KeyCode::Char(c))
            if key.mods.is_empty() && !is_forbidden(c) =>
        {
            Some(Action::Insert(c))
        }
        (Mode::Patient, KeyCode::Char(d @ '1'..='9')) if key.mods.is_empty() => {
            Some(Action::SetStage(d as u8 - b'0'))
        }
        _ => None,
    }
}

/// Whether a key quits in every mode (Ctrl-c).
pub(crate) fn is_quit(event: &KeyEvent) -> bool {
    let key = normalise(*event);
    bindings()
        .any(|b| b.scope == Scope::Always && b.action == Action::Quit && b.keys.contains(&key))
}

/// Key names in the grammar, as [`key_label`] writes them and [`parse_key`] reads them.
const NAMES: &[(&str, KeyCode)] = &[
    ("Space", KeyCode::Char(' ')),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
];

/// Reads a key as the help writes it: `j`, `?`, `Enter`, `Shift-Tab`, `F5`, `Ctrl-c`,
/// `Alt-Left`. The error says what was not understood.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let (mods, name) = if let Some(rest) = text.strip_prefix("Ctrl-") {
        (KeyModifiers::CONTROL, rest)
    } else if let Some(rest) = text.strip_prefix("Alt-") {
        (KeyModifiers::ALT, rest)
    } else {
        (KeyModifiers::NONE, text)
    };
    let mut chars = name.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !is_forbidden(c) => KeyCode::Char(c),
        _ => match NAMES.iter().find(|(n, _)| *n == name) {
            Some(&(_, code)) => code,
            None => match name.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
                Some(n @ 1..=12) => KeyCode::F(n),
                _ => {
                    return Err(format!(
                        "`{}` is not a key: write a character, a name (Enter, Esc, Tab, Shift-Tab, Backspace, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End, F1-F12), or either after Ctrl- or Alt-",
                        echo(text)
                    ));
                }
            },
        },
    };
    Ok(Key { code, mods })
}

/// How a key is written on the help screen and in the footer.
pub(crate) fn key_label(key: &Key) -> String {
    let name = match NAMES.iter().find(|(_, code)| *code == key.code) {
        Some((name, _)) => name.to_string(),
        None => match key.code {
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        },
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
pub(crate) fn first_key(scope: Scope, action: Action) -> Option<String> {
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
