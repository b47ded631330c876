//! The terminal's bytes as keys, mouse events and pastes. Pure: bytes and a clock in, events
//! out, so every rule here is unit-tested.
//!
//! acuref reads the terminal itself rather than through crossterm's reader, for two reasons
//! measured on a real pty: crossterm 0.29 reads at most 1 KiB per edge-triggered wake-up, so
//! a burst or paste over 1 KiB stalls until more keys arrive; and an `ESC[200~` without its
//! end makes it wait for the end forever, swallowing every key, Ctrl-c included. Here a paste
//! is bounded by size and by time, Ctrl-c always ends it, and `vte` (alacritty's parser) does
//! the escape-sequence grammar.

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

/// How long a lone Esc waits for the rest of an escape sequence before it counts as the key.
pub const ESC_WAIT: Duration = Duration::from_millis(30);
/// A paste with no bytes for this long is over, even without its end marker.
pub const PASTE_IDLE: Duration = Duration::from_millis(300);
/// The most text a paste keeps; the rest is dropped.
pub const PASTE_MAX_BYTES: usize = 64 * 1024;

/// One thing the user did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A key press.
    Key(KeyEvent),
    /// A mouse event (only when mouse capture is on).
    Mouse(MouseEvent),
    /// Pasted text, as the terminal sent it (control characters included).
    Paste(String),
}

/// Turns the terminal's bytes into [`Input`]s.
pub struct Decoder {
    parser: vte::Parser,
    sink: Sink,
    /// The last byte fed was a lone ESC: it may start a sequence or be the Esc key.
    esc_since: Option<Instant>,
}

#[derive(Default)]
struct Sink {
    out: Vec<Input>,
    /// `ESC O` was seen: the next character is an SS3 key (F1-F4, arrows).
    ss3: bool,
    paste: Option<Paste>,
    /// When the bytes being decoded arrived.
    now: Option<Instant>,
}

struct Paste {
    text: String,
    /// When its last bytes arrived.
    last: Instant,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder {
            parser: vte::Parser::new(),
            sink: Sink::default(),
            esc_since: None,
        }
    }
}

impl Decoder {
    /// Decodes bytes that arrived at `now`.
    pub(crate) fn feed(&mut self, bytes: &[u8], now: Instant) -> Vec<Input> {
        self.sink.now = Some(now);
        if let Some(paste) = &mut self.sink.paste {
            paste.last = now;
        }
        // ESC DEL is Alt-Backspace, which the escape grammar would drop.
        for (i, part) in bytes.split_inclusive(|&b| b == 0x7F).enumerate() {
            let alt_backspace = part.ends_with(&[0x1B, 0x7F])
                || (i == 0 && part == [0x7F] && self.esc_since.is_some());
            if alt_backspace && self.sink.paste.is_none() {
                let head = &part[..part.len() - part.len().min(2)];
                self.parser.advance(&mut self.sink, head);
                self.parser = vte::Parser::new();
                self.sink.ss3 = false;
                self.sink.key(KeyCode::Backspace, KeyModifiers::ALT);
            } else {
                self.parser.advance(&mut self.sink, part);
            }
        }
        self.esc_since = (bytes.last() == Some(&0x1B) && self.sink.paste.is_none()).then_some(now);
        if let Some(paste) = &self.sink.paste
            && paste.text.len() >= PASTE_MAX_BYTES
        {
            self.sink.end_paste();
        }
        std::mem::take(&mut self.sink.out)
    }

    /// What is due by `now` without more bytes: a lone Esc key, the end of a paste that went
    /// quiet.
    pub fn flush(&mut self, now: Instant) -> Vec<Input> {
        if self
            .esc_since
            .is_some_and(|since| now.duration_since(since) >= ESC_WAIT)
        {
            self.esc_since = None;
            self.parser = vte::Parser::new();
            self.sink.key(KeyCode::Esc, KeyModifiers::NONE);
        }
        if self
            .sink
            .paste
            .as_ref()
            .is_some_and(|p| now.duration_since(p.last) >= PASTE_IDLE)
        {
            self.parser = vte::Parser::new();
            self.sink.end_paste();
        }
        std::mem::take(&mut self.sink.out)
    }

    /// How long to wait for bytes before [`Decoder::flush`] has something to do.
    pub(crate) fn due_in(&self, now: Instant) -> Option<Duration> {
        let esc = self
            .esc_since
            .map(|since| ESC_WAIT.saturating_sub(now.duration_since(since)));
        let paste = self
            .sink
            .paste
            .as_ref()
            .map(|p| PASTE_IDLE.saturating_sub(now.duration_since(p.last)));
        esc.into_iter().chain(paste).min()
    }
}

impl Sink {
    fn key(&mut self, code: KeyCode, mods: KeyModifiers) {
        self.out.push(Input::Key(KeyEvent::new(code, mods)));
    }

    fn end_paste(&mut self) {
        if let Some(paste) = self.paste.take() {
            self.out.push(Input::Paste(paste.text));
        }
    }

    fn push_pasted(&mut self, c: char) {
        if let Some(paste) = &mut self.paste
            && paste.text.len() + c.len_utf8() <= PASTE_MAX_BYTES
        {
            paste.text.push(c);
        }
    }
}

/// Modifiers from an xterm modifier parameter (1 + shift 1, alt 2, ctrl 4).
fn modifiers(param: Option<u16>) -> KeyModifiers {
    let bits = param.unwrap_or(1).saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    if bits & 1 != 0 {
        mods |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        mods |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        mods |= KeyModifiers::CONTROL;
    }
    mods
}

fn tilde_key(n: u16) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23..=24 => KeyCode::F((n - 12) as u8),
        _ => return None,
    })
}

fn letter_key(c: char) -> Option<KeyCode> {
    Some(match c {
        'A' => KeyCode::Up,
        'B' => KeyCode::Down,
        'C' => KeyCode::Right,
        'D' => KeyCode::Left,
        'H' => KeyCode::Home,
        'F' => KeyCode::End,
        'P'..='S' => KeyCode::F(c as u8 - b'P' + 1),
        _ => return None,
    })
}

impl vte::Perform for Sink {
    fn print(&mut self, c: char) {
        if self.paste.is_some() {
            return self.push_pasted(c);
        }
        if std::mem::take(&mut self.ss3)
            && let Some(code) = letter_key(c)
        {
            return self.key(code, KeyModifiers::NONE);
        }
        match c {
            '\x7f' => self.key(KeyCode::Backspace, KeyModifiers::NONE),
            c if c.is_uppercase() => self.key(KeyCode::Char(c), KeyModifiers::SHIFT),
            c => self.key(KeyCode::Char(c), KeyModifiers::NONE),
        }
    }

    fn execute(&mut self, byte: u8) {
        if self.paste.is_some() {
            match byte {
                // Ctrl-c always reaches the app, even inside a paste that never ends.
                0x03 => {
                    self.end_paste();
                    self.key(KeyCode::Char('c'), KeyModifiers::CONTROL);
                }
                b'\n' | b'\r' | b'\t' => self.push_pasted(byte as char),
                _ => {}
            }
            return;
        }
        self.ss3 = false;
        match byte {
            // In raw mode Enter sends CR; LF is Ctrl-j, which moves down as in fzf.
            b'\r' => self.key(KeyCode::Enter, KeyModifiers::NONE),
            b'\t' => self.key(KeyCode::Tab, KeyModifiers::NONE),
            0x08 => self.key(KeyCode::Backspace, KeyModifiers::NONE),
            0x00 => self.key(KeyCode::Char(' '), KeyModifiers::CONTROL),
            0x01..=0x1A => self.key(
                KeyCode::Char((byte - 1 + b'a') as char),
                KeyModifiers::CONTROL,
            ),
            0x1C..=0x1F => self.key(
                KeyCode::Char((byte - 0x1C + b'4') as char),
                KeyModifiers::CONTROL,
            ),
            _ => {}
        }
    }

    fn csi_dispatch(
        &mut self,
        params: &vte::Params,
        intermediates: &[u8],
        ignore: bool,
        action: char,
    ) {
        self.ss3 = false;
        if ignore {
            return;
        }
        let p: Vec<u16> = params.iter().map(|sub| sub[0]).collect();
        if self.paste.is_some() {
            if action == '~' && p.first() == Some(&201) {
                self.end_paste();
            }
            return;
        }
        match (intermediates, action) {
            ([], '~') if p.first() == Some(&200) => {
                self.paste = Some(Paste {
                    text: String::new(),
                    last: self.now.unwrap_or_else(Instant::now),
                });
            }
            ([], '~') => {
                if let Some(code) = p.first().copied().and_then(tilde_key) {
                    self.key(code, modifiers(p.get(1).copied()));
                }
            }
            ([], 'Z') => self.key(KeyCode::BackTab, KeyModifiers::SHIFT),
            ([], c) => {
                if let Some(code) = letter_key(c) {
                    self.key(code, modifiers(p.get(1).copied()));
                }
            }
            ([b'<'], 'M' | 'm') if p.len() >= 3 => {
                if let Some(event) = sgr_mouse(p[0], p[1], p[2], action == 'm') {
                    self.out.push(Input::Mouse(event));
                }
            }
            _ => {}
        }
    }

    fn esc_dispatch(&mut self, intermediates: &[u8], ignore: bool, byte: u8) {
        if self.paste.is_some() || ignore || !intermediates.is_empty() {
            return;
        }
        match byte {
            b'O' => self.ss3 = true,
            0x20..=0x7E => self.key(KeyCode::Char(byte as char), KeyModifiers::ALT),
            _ => {}
        }
    }
}

/// An SGR mouse report (`CSI < b ; x ; y M`), columns and rows from 1.
fn sgr_mouse(button: u16, x: u16, y: u16, release: bool) -> Option<MouseEvent> {
    let mut modifiers = KeyModifiers::NONE;
    if button & 4 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if button & 8 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if button & 16 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    let which = match button & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if button & 64 != 0 {
        match button & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if button & 32 != 0 {
        if button & 3 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(which)
        }
    } else if release {
        MouseEventKind::Up(which)
    } else {
        MouseEventKind::Down(which)
    };
    Some(MouseEvent {
        kind,
        column: x.checked_sub(1)?,
        row: y.checked_sub(1)?,
        modifiers,
    })
}

#[cfg(test)]
mod tests;
