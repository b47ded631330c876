//! Unit tests of [`super`].

use super::*;

fn key(code: KeyCode, mods: KeyModifiers) -> Input {
    Input::Key(KeyEvent::new(code, mods))
}

fn ch(c: char) -> Input {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

fn decode(bytes: &[u8]) -> Vec<Input> {
    let mut d = Decoder::default();
    let now = Instant::now();
    let mut out = d.feed(bytes, now);
    out.extend(d.flush(now + Duration::from_secs(1)));
    out
}

#[test]
fn plain_text_control_keys_and_unicode() {
    assert_eq!(decode(b"ab"), vec![ch('a'), ch('b')]);
    assert_eq!(
        decode("G腎".as_bytes()),
        vec![key(KeyCode::Char('G'), KeyModifiers::SHIFT), ch('腎')]
    );
    assert_eq!(
        decode(b"\r\n\t\x7f\x03\x17"),
        vec![
            key(KeyCode::Enter, KeyModifiers::NONE),
            key(KeyCode::Char('j'), KeyModifiers::CONTROL),
            key(KeyCode::Tab, KeyModifiers::NONE),
            key(KeyCode::Backspace, KeyModifiers::NONE),
            key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            key(KeyCode::Char('w'), KeyModifiers::CONTROL),
        ]
    );
}

#[test]
fn escape_sequences_become_named_keys() {
    assert_eq!(
        decode(b"\x1b[A\x1b[1;5B\x1b[5~\x1b[3~\x1b[Z\x1bOP\x1b[H"),
        vec![
            key(KeyCode::Up, KeyModifiers::NONE),
            key(KeyCode::Down, KeyModifiers::CONTROL),
            key(KeyCode::PageUp, KeyModifiers::NONE),
            key(KeyCode::Delete, KeyModifiers::NONE),
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
            key(KeyCode::F(1), KeyModifiers::NONE),
            key(KeyCode::Home, KeyModifiers::NONE),
        ]
    );
    assert_eq!(
        decode(b"\x1bb\x1b\x7f"),
        vec![
            key(KeyCode::Char('b'), KeyModifiers::ALT),
            key(KeyCode::Backspace, KeyModifiers::ALT)
        ]
    );
}

#[test]
fn a_lone_esc_is_the_key_once_nothing_follows() {
    let mut d = Decoder::default();
    let t = Instant::now();
    assert!(d.feed(b"\x1b", t).is_empty());
    assert!(d.due_in(t).is_some());
    assert!(
        d.flush(t + Duration::from_millis(5)).is_empty(),
        "still waiting"
    );
    assert_eq!(
        d.flush(t + ESC_WAIT),
        vec![key(KeyCode::Esc, KeyModifiers::NONE)]
    );
    assert_eq!(d.feed(b"j", t + ESC_WAIT), vec![ch('j')]);
    // The rest of a sequence split across reads still makes one key.
    let mut d = Decoder::default();
    assert!(d.feed(b"\x1b", t).is_empty());
    assert_eq!(
        d.feed(b"[B", t),
        vec![key(KeyCode::Down, KeyModifiers::NONE)]
    );
}

#[test]
fn a_bracketed_paste_is_one_event_with_its_newlines() {
    assert_eq!(
        decode(b"\x1b[200~headache\nfrequent in the morning\n\x1b[201~q"),
        vec![
            Input::Paste("headache\nfrequent in the morning\n".into()),
            ch('q')
        ]
    );
    // The end marker may arrive in a later read.
    let mut d = Decoder::default();
    let t = Instant::now();
    assert!(d.feed(b"\x1b[200~abc\x1b[20", t).is_empty());
    assert_eq!(d.feed(b"1~", t), vec![Input::Paste("abc".into())]);
}

#[test]
fn an_unterminated_paste_ends_by_time_size_or_ctrl_c() {
    let mut d = Decoder::default();
    let t = Instant::now();
    assert!(d.feed(b"\x1b[200~stray", t).is_empty());
    assert_eq!(d.flush(t + PASTE_IDLE), vec![Input::Paste("stray".into())]);
    assert_eq!(
        d.feed(b"j", t + PASTE_IDLE),
        vec![ch('j')],
        "keys work again"
    );

    let mut d = Decoder::default();
    assert_eq!(
        d.feed(b"\x1b[200~abc\x03", t),
        vec![
            Input::Paste("abc".into()),
            key(KeyCode::Char('c'), KeyModifiers::CONTROL)
        ]
    );

    let mut d = Decoder::default();
    let mut big = b"\x1b[200~".to_vec();
    big.extend(std::iter::repeat_n(b'x', PASTE_MAX_BYTES + 10));
    let out = d.feed(&big, t);
    assert!(matches!(&out[..], [Input::Paste(text)] if text.len() == PASTE_MAX_BYTES));
    assert_eq!(d.feed(b"j", t), vec![ch('j')]);
}

#[test]
fn a_burst_of_4000_bytes_decodes_every_key() {
    let burst = vec![b'a'; 4000];
    let out = decode(&burst);
    assert_eq!(out.len(), 4000);
}

#[test]
fn sgr_mouse_reports() {
    assert_eq!(
        decode(b"\x1b[<65;10;5M\x1b[<0;3;4M"),
        vec![
            Input::Mouse(MouseEvent {
                kind: MouseEventKind::ScrollDown,
                column: 9,
                row: 4,
                modifiers: KeyModifiers::NONE
            }),
            Input::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: 2,
                row: 3,
                modifiers: KeyModifiers::NONE
            }),
        ]
    );
    assert!(decode(b"\x1b[<0;0;0M").is_empty(), "no row 0");
}

#[test]
fn hostile_sequences_never_panic() {
    for bytes in [
        &b"\x1b[99999999999;99999999~"[..],
        b"\x1b[<99999;1M",
        b"\x1b]52;c;aGk=\x07",
        b"\x1bP1$r\x1b\\",
        b"\xff\xfe\x1b[\x1b[",
    ] {
        decode(bytes);
    }
}
