//! Colours and attributes, from the terminal's 16 ANSI colours on its own background.
//!
//! The mono theme uses no colour at all, only bold, reverse and underline: under NO_COLOR,
//! crossterm resets every attribute on each colour change, so a coloured theme would lose its
//! selection highlight there.

use ratatui::style::{Color, Modifier, Style};

/// The themes by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeName {
    /// Colours for a dark terminal background.
    Dark,
    /// Colours for a light terminal background.
    Light,
    /// No colours: bold, reverse and underline only.
    Mono,
}

/// How each part of the screen is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Plain text.
    pub text: Style,
    /// Secondary text: pinyin with tones, counters, hints.
    pub dim: Style,
    /// Section headings in the detail pane.
    pub heading: Style,
    /// The selected row or link.
    pub selected: Style,
    /// Matched characters in a result.
    pub matched: Style,
    /// Caution badges and warning blocks.
    pub caution: Style,
    /// The kind badge of a row.
    pub kind: Style,
    /// Borders of unfocused panes.
    pub border: Style,
    /// The border of the focused pane.
    pub border_focused: Style,
    /// Keys in the footer and help.
    pub key: Style,
}

impl Theme {
    /// The theme for a name; `None` picks mono when NO_COLOR is set, else dark.
    pub fn named(name: Option<ThemeName>) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match name {
            Some(ThemeName::Dark) => Theme::dark(),
            Some(ThemeName::Light) => Theme::light(),
            Some(ThemeName::Mono) => Theme::mono(),
            None if no_color => Theme::mono(),
            None => Theme::dark(),
        }
    }

    /// For dark backgrounds.
    pub fn dark() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            caution: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            kind: Style::new().fg(Color::Magenta),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    /// For light backgrounds.
    pub(crate) fn light() -> Theme {
        Theme {
            text: Style::new(),
            // ANSI 8 (dark grey), never 7 (light grey), which vanishes on a light background.
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::White).bg(Color::Blue),
            matched: Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            caution: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            kind: Style::new().fg(Color::Magenta),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Blue),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        }
    }

    /// No colours: attributes only.
    pub fn mono() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new(),
            heading: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            caution: Style::new().add_modifier(Modifier::BOLD),
            kind: Style::new(),
            border: Style::new(),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().add_modifier(Modifier::BOLD),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_light_theme_draws_nothing_light_on_its_light_background() {
        let t = Theme::light();
        let light = [
            Color::Gray,
            Color::White,
            Color::LightYellow,
            Color::LightCyan,
        ];
        for style in [
            t.text, t.dim, t.heading, t.matched, t.caution, t.kind, t.border, t.key,
        ] {
            assert!(style.fg.is_none_or(|fg| !light.contains(&fg)), "{style:?}");
        }
        assert_eq!(
            t.selected.bg,
            Some(Color::Blue),
            "white text only on a dark fill"
        );
    }
}
