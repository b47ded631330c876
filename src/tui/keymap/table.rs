//! The keymap as data: `assets/keymap.toml`, embedded in the binary, and a user keymap that
//! rebinds actions. A bad user keymap is reported with file, line and column, and the
//! built-in one stays in force.

use serde::Deserialize;
use toml::Spanned;

use super::{Action, Binding, Key, Scope, key_label, parse_key};
use crate::catalogue::line_column;
use crate::text::escape_controls;

/// The built-in keymap's text.
const BUILTIN: &str = include_str!("../../../assets/keymap.toml");

/// The largest user keymap read.
pub const MAX_USER_KEYMAP_BYTES: usize = 64 * 1024;

/// A set of bindings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    /// The bindings, in table order (the help shows them in this order, scope by scope).
    pub bindings: Vec<Binding>,
}

/// A keymap that could not be used, with where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeymapError {
    /// `file:line:col: what is wrong`, and what to do.
    pub message: String,
}

impl std::fmt::Display for KeymapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    binding: Vec<Row>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    scope: Scope,
    keys: Vec<Spanned<String>>,
    action: Action,
    help: Option<String>,
}

impl Keymap {
    /// The keymap built into acuref.
    pub fn builtin() -> Keymap {
        parse(BUILTIN, "assets/keymap.toml", None)
            .expect("the built-in keymap is valid (a unit test checks it)")
    }

    /// The built-in keymap with a user's keymap applied: each of its bindings replaces the
    /// keys (and, if given, the help) of the built-in binding of the same scope and action.
    pub fn with_user(text: &str, file: &str) -> Result<Keymap, KeymapError> {
        if text.len() > MAX_USER_KEYMAP_BYTES {
            return Err(KeymapError {
                message: format!(
                    "{file}:1:1: the keymap is {} bytes, more than the {MAX_USER_KEYMAP_BYTES}-byte limit",
                    text.len()
                ),
            });
        }
        parse(text, file, Some(Keymap::builtin()))
    }
}

fn located(text: &str, file: &str, offset: usize, message: &str, help: &str) -> KeymapError {
    let (line, column) = line_column(text, offset);
    KeymapError {
        message: format!("{file}:{line}:{column}: {message}\n  help: {help}"),
    }
}

/// Parses a keymap's text; with a base, the text's bindings rebind the base's.
fn parse(text: &str, file: &str, base: Option<Keymap>) -> Result<Keymap, KeymapError> {
    let parsed: File = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        located(
            text,
            file,
            offset,
            &escape_controls(e.message().trim()),
            "each [[binding]] has scope, keys, action and (optional) help; see assets/keymap.toml",
        )
    })?;
    let mut keymap = base.unwrap_or(Keymap {
        bindings: Vec::new(),
    });
    let rebinding = !keymap.bindings.is_empty();
    for row in parsed.binding {
        let mut keys = Vec::new();
        for key in &row.keys {
            keys.push(parse_key(key.get_ref()).map_err(|why| {
                located(
                    text,
                    file,
                    key.span().start,
                    &why,
                    "see the key names in assets/keymap.toml",
                )
            })?);
        }
        let at = row.keys.first().map_or(0, |k| k.span().start);
        if keys.is_empty() {
            return Err(located(
                text,
                file,
                at,
                "a binding needs at least one key",
                "list its keys, such as keys = [\"j\", \"Down\"]",
            ));
        }
        match keymap
            .bindings
            .iter_mut()
            .find(|b| b.scope == row.scope && b.action == row.action)
        {
            Some(binding) => {
                binding.keys = keys;
                if let Some(help) = row.help {
                    binding.help = help;
                }
            }
            None if rebinding => {
                return Err(located(
                    text,
                    file,
                    at,
                    "this action has no binding in that scope to rebind",
                    "rebind an action where the built-in keymap has it (see `?` in acuref)",
                ));
            }
            None => keymap.bindings.push(Binding {
                scope: row.scope,
                keys,
                action: row.action,
                help: row.help.unwrap_or_default(),
            }),
        }
        if let Some((key, a, b)) = clash(&keymap) {
            return Err(located(
                text,
                file,
                at,
                &format!("{} would be bound to both {a:?} and {b:?}", key_label(&key)),
                "give each key one action in each mode",
            ));
        }
    }
    Ok(keymap)
}

/// A key bound to two actions where both bindings apply (the same scope, or one of them
/// everywhere).
pub fn clash(keymap: &Keymap) -> Option<(Key, Action, Action)> {
    let all = &keymap.bindings;
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            let overlap =
                a.scope == b.scope || a.scope == Scope::Always || b.scope == Scope::Always;
            if let Some(key) = a.keys.iter().find(|k| overlap && b.keys.contains(k)) {
                return Some((*key, a.action, b.action));
            }
        }
    }
    None
}
