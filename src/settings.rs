//! The user's settings: `config.toml` beside the keymap in the config directory (`acuref
//! paths` names it). Every setting has a default, so the file is optional; a file that cannot
//! be used is a warning with file, line and column, and the defaults stay in force.

use std::path::Path;

use serde::Deserialize;

use crate::catalogue::line_column;
use crate::text::escape_controls;

/// The largest settings file read.
pub const MAX_SETTINGS_BYTES: usize = 64 * 1024;

/// What the user chose.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Reopen the interactive reference where it was left: the list, the query and the entry
    /// shown (never the patient's states). Off unless the user turns it on.
    pub restore_last_view: bool,
    /// Study: the `[study]` table.
    pub study: StudySettings,
}

/// How study schedules cards.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StudySettings {
    /// The share of cards to be remembered when they come due (0.70 to 0.99; FSRS's
    /// "desired retention").
    pub desired_retention: f32,
    /// New cards started a day, at most.
    pub new_per_day: usize,
}

impl Default for StudySettings {
    fn default() -> StudySettings {
        StudySettings {
            desired_retention: crate::study::schedule::DEFAULT_RETENTION,
            new_per_day: crate::study::queue::DEFAULT_NEW_PER_DAY,
        }
    }
}

impl Settings {
    /// The settings a file's text gives, or `file:line:col: what is wrong` and what to do.
    pub fn parse(text: &str, file: &str) -> Result<Settings, String> {
        let located = |offset: usize, message: &str| {
            let (line, column) = line_column(text, offset);
            format!(
                "{file}:{line}:{column}: {}\n  help: the settings are `restore_last_view` (true or false) and, under [study], `desired_retention` (0.70 to 0.99) and `new_per_day`; see the README",
                escape_controls(message.trim())
            )
        };
        let settings: Settings = toml::from_str(text)
            .map_err(|e| located(e.span().map_or(0, |s| s.start), e.message()))?;
        let retention = settings.study.desired_retention;
        if !(0.7..=0.99).contains(&retention) {
            let at = text.find("desired_retention").unwrap_or(0);
            return Err(located(
                at,
                &format!("a desired retention of {retention} is out of range"),
            ));
        }
        Ok(settings)
    }

    /// The settings in `file` (the defaults when there is none), and a warning when the file
    /// exists but cannot be used.
    pub fn read(file: Option<&Path>) -> (Settings, Option<String>) {
        let Some(file) = file else {
            return (Settings::default(), None);
        };
        let shown = escape_controls(&file.display().to_string());
        let unused = |why: String| {
            (
                Settings::default(),
                Some(format!(
                    "your settings were not used; the defaults are in force:\n{why}"
                )),
            )
        };
        match std::fs::metadata(file) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Settings::default(), None);
            }
            Ok(m) if m.len() > MAX_SETTINGS_BYTES as u64 => {
                return unused(format!(
                    "{shown}: the file is over {MAX_SETTINGS_BYTES} bytes"
                ));
            }
            _ => {}
        }
        match std::fs::read_to_string(file) {
            Ok(text) => match Settings::parse(&text, &shown) {
                Ok(settings) => (settings, None),
                Err(why) => unused(why),
            },
            Err(e) => unused(format!("{shown}: cannot be read ({e})")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_is_read_and_a_mistake_is_located() {
        let on = Settings::parse("restore_last_view = true\n", "config.toml").unwrap();
        assert!(on.restore_last_view);
        assert_eq!(on.study, StudySettings::default());
        let study = Settings::parse(
            "[study]\ndesired_retention = 0.85\nnew_per_day = 5\n",
            "config.toml",
        )
        .unwrap();
        assert_eq!(
            (study.study.desired_retention, study.study.new_per_day),
            (0.85, 5)
        );
        let wrong =
            Settings::parse("[study]\ndesired_retention = 1.5\n", "config.toml").unwrap_err();
        assert!(
            wrong.starts_with("config.toml:2:1: a desired retention of 1.5 is out of range"),
            "{wrong}"
        );
        assert_eq!(Settings::parse("", "config.toml"), Ok(Settings::default()));
        let wrong = Settings::parse("\nrestore_last_veiw = true\n", "config.toml").unwrap_err();
        assert!(
            wrong.starts_with("config.toml:2:1: unknown field"),
            "{wrong}"
        );
        let wrong = Settings::parse("restore_last_view = \"yes\"\n", "config.toml").unwrap_err();
        assert!(wrong.starts_with("config.toml:1:21:"), "{wrong}");
    }
}
