//! Hostile input: any query, any catalogue text, files that are huge, empty, binary, not
//! UTF-8, deeply nested or hold a megabyte string, and escape sequences anywhere. Nothing
//! panics or hangs, every bad catalogue gets a located error, and no control character ever
//! reaches the terminal.

use std::time::Duration;

use crate::common::{acuref, builtin, mini_file, mini_with};
use acuref::builtin::files as builtin_files;
use acuref::catalogue::{Catalogue, CatalogueFile, Kind};
use acuref::text::is_forbidden;
use acuref::tui::app::App;
use acuref::tui::theme::Theme;
use acuref::tui::{fit, ui, update};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// Queries a user, a paste or a fuzzer might produce: any Unicode, control characters and
/// escape sequences, and strings of thousands of characters.
fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z0-9 \\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}足三里]{0,40}",
        "(\u{1b}\\[[0-9;]{0,6}[A-Za-z]|\u{1b}\\]52;c;[A-Za-z0-9=]{0,12}\u{7}|bl40| )*",
        prop::collection::vec(any::<char>(), 1000..20_000).prop_map(String::from_iter),
    ]
}

/// Asserts that a load either succeeded or failed with problems that each point into a file
/// at a line and column that exist.
fn assert_located(
    files: &[CatalogueFile],
    result: Result<Catalogue, acuref::catalogue::CatalogueError>,
) {
    let Err(error) = result else { return };
    assert!(
        !error.problems.is_empty(),
        "a failed load names at least one problem"
    );
    for p in &error.problems {
        let file = files
            .iter()
            .find(|f| f.name == p.file)
            .unwrap_or_else(|| panic!("problem in an unknown file: {p:?}"));
        let lines = file.text.split('\n').count();
        assert!(
            p.line >= 1 && p.line <= lines,
            "line out of the file: {p:?}"
        );
        assert!(p.column >= 1, "column from 1: {p:?}");
        assert!(!p.help.is_empty(), "every problem says what to do: {p:?}");
        assert!(
            !p.message.chars().any(is_forbidden),
            "message is escaped: {p:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_query_returns_hits_best_first_with_positions_inside_the_text(query in any_query()) {
        let (_, index) = builtin();
        let hits = index.search(&query, None);
        let rank = |h: &acuref::search::Hit| (h.entry.kind == Kind::Source, -h.score);
        for pair in hits.windows(2) {
            prop_assert!(rank(&pair[0]) <= rank(&pair[1]), "best first, sources after the rest");
        }
        for hit in hits.iter().take(50) {
            let field = index.field(hit).expect("a hit's field is indexed");
            let length = field.text.chars().count();
            prop_assert!(index.positions(hit, &query).iter().all(|&p| p < length));
        }
    }

    #[test]
    fn any_file_text_loads_or_fails_with_located_problems(text in any::<String>()) {
        let files = [CatalogueFile { name: "any.toml".into(), text: text.into() }];
        assert_located(&files, Catalogue::load(&files, &[]));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Real catalogue files with a slice cut out and something else put in: the damage a bad
    /// edit or a broken copy does.
    #[test]
    fn damaged_real_files_load_or_fail_with_located_problems(
        which in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        cut in 0usize..200,
        insert in prop_oneof![any::<String>(), Just("\"".to_string()), Just("[[point]]\n".to_string()), Just("\u{1b}[2J".to_string())],
    ) {
        let mut files = builtin_files();
        let file = which.get(&files).name.clone();
        let target = files.iter_mut().find(|f| f.name == file).expect("picked from the list");
        let text = target.text.to_string();
        let mut start = at.index(text.len().max(1));
        while !text.is_char_boundary(start) { start -= 1; }
        let mut end = (start + cut).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        target.text = format!("{}{insert}{}", &text[..start], &text[end..]).into();
        assert_located(&files, Catalogue::load(&files, &[]));
    }

    /// Whatever is typed or pasted, nothing the terminal would act on (controls) or that
    /// would corrupt the layout (zero-width and other invisible characters, which ratatui
    /// draws as they are) is drawn.
    #[test]
    fn typed_text_never_puts_a_control_character_on_screen(query in any_query()) {
        let (c, i) = builtin();
        let mut app = App::new(c, i, Theme::dark());
        let area = Rect::new(0, 0, 100, 30);
        let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
        for ch in query.chars().take(200) {
            update::handle_key(&mut app, KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
        }
        // Pasted too: newlines, escapes and invisible characters never reach the query.
        update::handle_paste(&mut app, &query);
        prop_assert!(!app.view.query.chars().any(is_forbidden));
        fit(&mut app, area);
        terminal.draw(|f| ui::draw(f, &app)).unwrap();
        let buffer = terminal.backend().buffer();
        prop_assert!(!buffer.content().iter().any(|cell| cell.symbol().chars().any(is_forbidden)));
    }
}

/// Runs `acuref check` on a copy of the mini catalogue with `file` holding `bytes`: it must
/// end quickly with exit 2, print nothing on stdout, and name the file, line and column.
fn refused(file: &str, bytes: &[u8], expected: &str) -> String {
    refused_dir(mini_with(file, bytes).path(), file, expected)
}

/// Runs `acuref check` on `dir`, as [`refused`] does.
fn refused_dir(dir: &std::path::Path, file: &str, expected: &str) -> String {
    let output = acuref()
        .arg("check")
        .arg(dir)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert_eq!(
        output.status.code(),
        Some(2),
        "exit 2 for a bad catalogue:\n{stderr}"
    );
    assert!(output.stdout.is_empty(), "nothing on stdout");
    assert!(
        stderr.contains(&format!("{file}:")),
        "names the file:\n{stderr}"
    );
    assert!(stderr.contains(expected), "says {expected:?}:\n{stderr}");
    assert!(stderr.contains("help: "), "says what to do:\n{stderr}");
    assert!(
        !stderr.chars().any(|c| is_forbidden(c) && c != '\n'),
        "no control characters"
    );
    stderr
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let mut text = mini_file("points.toml").into_bytes();
    text.extend(std::iter::repeat_n(b'#', 9 << 20));
    refused("points.toml", &text, "more than the 8388608-byte limit");
}

#[test]
fn binary_and_latin1_files_are_not_utf8() {
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    refused("points.toml", &binary, "not UTF-8");
    let latin1 = b"[[region]]\nid = \"cafe\"\nname = \"Caf\xe9\"\n";
    let err = refused("extra.toml", latin1, "not UTF-8");
    assert!(
        err.contains("extra.toml:3:"),
        "the line of the bad byte:\n{err}"
    );
}

#[test]
fn nul_bytes_are_a_syntax_error() {
    refused(
        "extra.toml",
        b"[[region]]\nid = \"a\0b\"\n",
        "extra.toml:2:",
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let arrays = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    refused("extra.toml", arrays.as_bytes(), "nested too deeply");
    let tables = format!("x = {}1{}\n", "{a = ".repeat(50_000), "}".repeat(50_000));
    refused("extra.toml", tables.as_bytes(), "nested too deeply");
    let keys = format!("[{}]\n", vec!["a"; 100_000].join("."));
    refused("extra.toml", keys.as_bytes(), "nested too deeply");
}

#[test]
fn a_megabyte_string_is_refused() {
    let text = mini_file("points.toml").replacen(
        "english = \"Middle of the Crook\"",
        &format!("english = \"{}\"", "a".repeat(1 << 20)),
        1,
    );
    assert!(text.len() > 1 << 20, "the fixture has the field replaced");
    refused(
        "points.toml",
        text.as_bytes(),
        "more than the 4000-byte limit",
    );
}

#[test]
fn an_empty_directory_is_refused_and_an_empty_file_is_no_harm() {
    let dir = tempfile::tempdir().expect("temp dir");
    acuref()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("holds no .toml files"));
    let dir = mini_with("empty.toml", b"");
    acuref().arg("check").arg(dir.path()).assert().success();
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_not_read() {
    let dir = mini_with("points.toml", mini_file("points.toml").as_bytes());
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.toml")).expect("symlink");
    refused_dir(
        dir.path(),
        "zero.toml",
        "zero.toml:1:1: this is not a regular file",
    );
}

/// Folders that link back to themselves are read once: the walk ends, and no file is read
/// twice (which would report every id as a duplicate).
#[cfg(unix)]
#[test]
fn folder_link_loops_are_walked_once() {
    let dir = mini_with("points.toml", mini_file("points.toml").as_bytes());
    for i in 0..10 {
        std::os::unix::fs::symlink(".", dir.path().join(format!("loop{i}"))).expect("symlink");
    }
    acuref()
        .arg("check")
        .arg(dir.path())
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .stdout(predicates::str::contains("catalogue is clean: 3 files"));
}

/// A reader that stops early (`| head -1`) ends the output quietly: no panic, no error message,
/// status 0.
#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::process::{Command, Stdio};
    for args in [
        vec!["completions", "bash"],
        vec!["list", "points"],
        vec!["list", "points", "--json"],
        vec!["search", "a"],
        vec!["search", "a", "--json"],
        vec!["show", "bl23", "--json"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_acuref"))
            .args(&args)
            .env("ACUREF_USER_DIR", "")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.is_empty(),
            "`acuref {}` printed {stderr:?}",
            args.join(" ")
        );
        assert_eq!(output.status.code(), Some(0), "`acuref {}`", args.join(" "));
    }
}

/// Escape sequences typed on the command line are echoed escaped, never raw.
#[test]
fn escape_sequences_in_queries_never_reach_the_terminal() {
    for query in [
        "\u{1b}]52;c;aGVsbG8=\u{7}",
        "\u{1b}[2J\u{1b}[31mbl40",
        "\u{9b}31m zusanli",
        "bl40\u{202e}",
    ] {
        for command in ["show", "search"] {
            let output = acuref().args([command, query]).output().expect("runs");
            let all = [output.stdout, output.stderr].concat();
            let text = String::from_utf8_lossy(&all);
            assert!(
                !text.chars().any(|c| is_forbidden(c) && c != '\n'),
                "`acuref {command}` echoed a control character for {query:?}:\n{text:?}"
            );
        }
    }
}

/// A catalogue carrying an OSC 52 clipboard write (written with TOML's own escapes, since TOML
/// refuses raw control characters) is refused by `show`, `search` and `list` too, and the
/// sequence is shown escaped.
#[test]
fn escape_sequences_in_the_catalogue_never_reach_the_terminal() {
    let text = mini_file("points.toml").replacen(
        "english = \"Middle of the Crook\"",
        r#"english = "Middle \u001B]52;c;cm0gLXJmIH4=\u0007of the Crook""#,
        1,
    );
    let dir = mini_with("points.toml", text.as_bytes());
    for command in [
        vec!["show", "bl40"],
        vec!["search", "crook"],
        vec!["list", "points"],
    ] {
        let output = acuref()
            .arg("--data")
            .arg(dir.path())
            .args(&command)
            .output()
            .expect("runs");
        assert_eq!(
            output.status.code(),
            Some(2),
            "{command:?} refuses the catalogue"
        );
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        assert!(stderr.contains("U+001B"), "{stderr}");
        assert!(
            !stderr.chars().any(|c| is_forbidden(c) && c != '\n'),
            "{stderr:?}"
        );
    }
}

#[test]
fn zero_width_and_other_invisible_characters_are_refused_with_their_place() {
    for (escape, code) in [
        (r"\u200D", "U+200D"),
        (r"\u200B", "U+200B"),
        (r"\u200F", "U+200F"),
        (r"\u061C", "U+061C"),
        (r"\u2028", "U+2028"),
        (r"\uFEFF", "U+FEFF"),
        (r"\U000E0041", "U+E0041"),
    ] {
        let text = mini_file("points.toml").replacen(
            "english = \"Middle of the Crook\"",
            &format!("english = \"Middle{escape} of the Crook\""),
            1,
        );
        let err = refused(
            "points.toml",
            text.as_bytes(),
            &format!("invisible character {code}"),
        );
        assert!(err.contains("points.toml:"), "{err}");
    }
}

#[test]
fn an_absurdly_long_list_is_refused_at_once_with_the_limit() {
    let many: Vec<String> = (0..100_000)
        .map(|i| format!("\"indication {i}\""))
        .collect();
    let text = mini_file("points.toml").replacen(
        "indications = [",
        &format!("indications = [{}, ", many.join(", ")),
        1,
    );
    let started = std::time::Instant::now();
    let err = refused(
        "points.toml",
        text.as_bytes(),
        "more than the 1000-item limit",
    );
    assert!(err.contains("a list of 100"), "{err}");
    // Not a timing test of speed, a guard against the old quadratic hang (11 s and more).
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn the_problems_printed_are_capped_with_a_count_of_the_rest() {
    let mut text = mini_file("points.toml");
    for i in 0..80 {
        text.push_str(&format!("\n[[nonsense{i}]]\n"));
    }
    let err = refused("points.toml", text.as_bytes(), "unknown table");
    assert!(err.contains("... and 30 more problems"), "{err}");
    assert!(err.contains("80 problems"), "{err}");
}

#[test]
fn bad_limits_paths_and_arguments_are_refused_or_escaped() {
    acuref()
        .args(["search", "a", "--limit", "0"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--limit"));
    let hostile = "/tmp/\u{1b}]52;c;aGk=\u{7}x";
    let output = acuref()
        .env("ACUREF_DATA", hostile)
        .env("ACUREF_USER_DIR", "/tmp/\u{1b}[2Jy")
        .arg("paths")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("\\u{1B}]52"), "shown escaped: {text}");
    assert!(
        !text.chars().any(|c| is_forbidden(c) && c != '\n'),
        "{text:?}"
    );
    let output = acuref().arg("\u{1b}[31mred\u{9b}1m").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(
        !text.chars().any(|c| is_forbidden(c) && c != '\n'),
        "{text:?}"
    );
}

#[test]
fn a_full_stderr_or_stdout_is_reported_not_a_panic() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let command = |args: &[&str]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_acuref"));
        command.args(args).env("ACUREF_USER_DIR", "");
        command
    };
    let output = command(&["show", "no such thing at all"])
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "nothing found, quietly");
    for args in [
        vec!["--help"],
        vec!["show", "bl23"],
        vec!["list", "points", "--json"],
    ] {
        let output = command(&args).stdout(full()).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "an error: {args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("No space left"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
