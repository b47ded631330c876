//! The real binary in a real terminal (tmux, 100x30): a user types, follows a link, goes back
//! and quits, and the terminal comes back as it was. `.ci/run` installs tmux where missing.

use std::process::Command;
use std::time::{Duration, Instant};

use acuref::catalogue::{Catalogue, EntryRef, Kind};
use acuref::search::SearchIndex;
use acuref::tui::app::App;
use acuref::tui::keymap::Action;
use acuref::tui::theme::Theme;
use acuref::tui::{fit, update};
use ratatui::layout::Rect;

struct Tmux {
    socket: String,
    session: &'static str,
}

impl Tmux {
    /// A tmux server of its own (named after `session` and this process) running `command` in
    /// a 100x30 window.
    fn start(session: &'static str, command: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("acuref-{session}-{}", std::process::id()),
            session,
        };
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "100",
            "-y",
            "30",
            command,
        ]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (`.ci/run` installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", self.session])
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", self.session, key]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", self.session, "-l", text]);
    }

    /// Waits until the screen shows every one of `texts` at once (a frame may be captured while
    /// it is still being written); fails with the screen after 10 s.
    fn wait_for_all(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {texts:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_for_all(&[text])
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

#[test]
fn a_newcomers_first_question_mark_opens_the_help() {
    let binary = env!("CARGO_BIN_EXE_acuref");
    let tmux = Tmux::start(
        "help",
        &format!("ACUREF_USER_DIR= ACUREF_HOME= TERM=xterm-256color {binary}"),
    );
    tmux.wait_for("type a code, name, hanzi or condition");
    tmux.keys(&["?"]);
    tmux.wait_for_all(&["Keys", "Search mode (typing)"]);
}

#[test]
fn a_user_finds_ling_gu_follows_a_link_goes_back_and_quits() {
    let c = Catalogue::builtin();
    let ling_gu = EntryRef {
        kind: Kind::Point,
        index: c.points.position("TUNG-22.05").unwrap(),
    };
    let links = c.links(ling_gu);
    let condition = links
        .iter()
        .position(|l| l.target.kind == Kind::Condition)
        .expect("Ling Gu is used for a condition");
    let condition_name = c.name(links[condition].target).to_string();
    let detail = links[condition]
        .detail
        .clone()
        .expect("a prescription says why");
    let why_start: String = format!("{condition_name} — {detail}")
        .chars()
        .take(24)
        .collect();
    let presses = presses_to_link(&c, condition, 100, 30);

    let binary = env!("CARGO_BIN_EXE_acuref");
    let command = format!(
        "printf 'before acuref\\n'; ACUREF_USER_DIR= ACUREF_HOME= TERM=xterm-256color {binary}; echo \"acuref exited with $?\"; sleep 60"
    );
    let tmux = Tmux::start("e2e", &command);

    tmux.wait_for("type a code, name, hanzi or condition");
    tmux.type_text("ling gu");
    // The counter, the listed point and its visible pregnancy caution.
    tmux.wait_for_all(&[
        "/ ling gu ",
        "SEARCH 4/",
        "! pt  TUNG-22.05 Linggu 靈骨",
        "CAUTION",
        "Pregnancy",
    ]);

    tmux.keys(&["Enter", "Enter"]);
    for _ in 0..presses {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["Enter"]);
    tmux.wait_for_all(&["RED FLAGS", &condition_name]);

    tmux.keys(&["BSpace"]);
    // Back at Ling Gu, at the link it left from.
    tmux.wait_for_all(&["BROWSE", "Used for", &why_start]);

    tmux.keys(&["q"]);
    let screen = tmux.wait_for("acuref exited with 0");
    assert!(
        screen.contains("before acuref"),
        "the normal screen is back:\n{screen}"
    );
    assert!(
        !screen.contains("BROWSE") && !screen.contains("┌"),
        "nothing of the app is left:\n{screen}"
    );
}

/// How many `j` presses after "ling gu", Enter, Enter take the detail pane to Ling Gu's
/// link number `link` at this terminal size: the same app, laid out in memory.
fn presses_to_link(c: &Catalogue, link: usize, width: u16, height: u16) -> usize {
    let index = SearchIndex::new(c);
    let mut app = App::new(c, &index, Theme::dark());
    let area = Rect::new(0, 0, width, height);
    update::type_text(&mut app, "ling gu");
    for action in [Action::Accept, Action::Open] {
        fit(&mut app, area);
        update::update(&mut app, action);
    }
    for presses in 0..500 {
        if app.view.link == Some(link) {
            return presses;
        }
        fit(&mut app, area);
        update::update(&mut app, Action::Down);
    }
    panic!("j never reaches link {link}");
}

/// A tmux session running an interactive bash, in which acuref is started as a user would,
/// with its pid, exit status and the terminal settings after it written to files.
struct Shell {
    tmux: Tmux,
    dir: tempfile::TempDir,
}

impl Shell {
    fn new(name: &'static str) -> Shell {
        Shell::tagged(name, "")
    }

    /// A shell whose tmux server is its own even within one test (`tag` tells them apart).
    fn tagged(name: &'static str, tag: &str) -> Shell {
        let tmux = Tmux {
            socket: format!("acuref-{name}{tag}-{}", std::process::id()),
            session: name,
        };
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "100",
            "-y",
            "30",
            "env -i PATH=/usr/bin:/bin TERM=xterm-256color HOME=/tmp PS1='ready$ ' bash --norc --noprofile -i",
        ]);
        let shell = Shell {
            tmux,
            dir: tempfile::tempdir().unwrap(),
        };
        shell.tmux.wait_for("ready$");
        shell
    }

    fn file(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    /// Starts acuref (with `args`) and waits for its first frame.
    fn start(&self, args: &str) {
        let line = format!(
            "sh -c 'echo $$ > {pid}; ACUREF_USER_DIR= ACUREF_HOME= exec {bin} {args}'; echo \"exited with $?\" > {status}; stty -a > {stty}",
            pid = self.file("pid").display(),
            bin = env!("CARGO_BIN_EXE_acuref"),
            status = self.file("status").display(),
            stty = self.file("stty").display(),
        );
        let _ = std::fs::remove_file(self.file("status"));
        self.tmux.type_text(&line);
        self.tmux.keys(&["Enter"]);
        self.tmux.wait_for("SEARCH");
    }

    fn pid(&self) -> String {
        std::fs::read_to_string(self.file("pid"))
            .unwrap()
            .trim()
            .to_string()
    }

    /// The exit line and the terminal settings once acuref has ended.
    fn ended(&self) -> (String, String) {
        let start = Instant::now();
        while !self.file("status").exists() || !self.file("stty").exists() {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "acuref did not end:\n{}",
                self.tmux.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        std::thread::sleep(Duration::from_millis(100));
        let status = std::fs::read_to_string(self.file("status")).unwrap();
        let stty = std::fs::read_to_string(self.file("stty")).unwrap();
        (status.trim().to_string(), stty)
    }

    /// tmux's view of the pane: alternate screen, cursor shown, mouse reporting.
    fn flags(&self) -> String {
        self.tmux
            .run(&[
                "display",
                "-p",
                "-t",
                self.tmux.session,
                "alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag}",
            ])
            .trim()
            .to_string()
    }
}

/// The terminal is back in line mode with echo.
fn assert_line_mode(stty: &str) {
    let words: Vec<&str> = stty.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig"] {
        assert!(words.contains(&flag), "stty shows {flag} on:\n{stty}");
    }
}

#[test]
fn every_ending_signal_gives_the_terminal_back_and_exits_128_plus_its_number() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let shell = Shell::tagged("signals", signal);
        shell.start("--mouse");
        let held = shell.flags();
        assert!(
            held.starts_with("alt=1") && held.ends_with("mouse=1"),
            "acuref holds the terminal: {held}"
        );
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &shell.pid()])
            .status()
            .unwrap();
        assert!(killed.success());
        let (status, stty) = shell.ended();
        assert_eq!(
            status,
            format!("exited with {}", 128 + number),
            "SIG{signal}"
        );
        assert_line_mode(&stty);
        assert_eq!(shell.flags(), "alt=0 cursor=1 mouse=0", "after SIG{signal}");
    }
}

#[test]
fn ctrl_z_and_sigtstp_suspend_and_fg_resumes_in_raw_mode() {
    let shell = Shell::new("suspend");
    shell.start("--mouse");
    shell.tmux.type_text("li4");
    shell.tmux.wait_for("/ li4 ");
    shell.tmux.keys(&["C-z"]);
    shell.tmux.wait_for("Stopped");
    assert_eq!(
        shell.flags(),
        "alt=0 cursor=1 mouse=0",
        "a suspended acuref gives the terminal back"
    );
    shell.tmux.type_text("fg");
    shell.tmux.keys(&["Enter"]);
    shell.tmux.wait_for("/ li4 ");
    assert_eq!(shell.flags(), "alt=1 cursor=1 mouse=1", "fg takes it again");
    // Keys arrive one by one, unechoed: raw mode is back.
    shell.tmux.type_text("x");
    shell.tmux.wait_for("/ li4x ");
    // The same through a SIGTSTP sent from outside.
    Command::new("kill")
        .args(["-TSTP", &shell.pid()])
        .status()
        .unwrap();
    shell.tmux.wait_for_all(&["Stopped", "fg"]);
    shell.tmux.type_text("fg");
    shell.tmux.keys(&["Enter"]);
    shell.tmux.wait_for("/ li4x ");
    shell.tmux.type_text("y");
    shell.tmux.wait_for("/ li4xy ");
    shell.tmux.keys(&["C-c"]);
    // (The shell ran the rest of the command line when the job first stopped, so the exit
    // status is read from a fresh prompt.)
    let pid = shell.pid();
    let start = Instant::now();
    while Command::new("kill")
        .args(["-0", &pid])
        .status()
        .unwrap()
        .success()
    {
        assert!(start.elapsed() < Duration::from_secs(5), "Ctrl-c quits");
        std::thread::sleep(Duration::from_millis(50));
    }
    let stty = shell.file("after");
    shell
        .tmux
        .type_text(&format!("stty -a > {}", stty.display()));
    shell.tmux.keys(&["Enter"]);
    let start = Instant::now();
    while std::fs::read_to_string(&stty).map_or(true, |s| s.is_empty()) {
        assert!(start.elapsed() < Duration::from_secs(5));
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    assert_line_mode(&std::fs::read_to_string(&stty).unwrap());
    assert_eq!(shell.flags(), "alt=0 cursor=1 mouse=0");
}

#[test]
fn a_4000_byte_burst_then_ctrl_c_quits_at_once() {
    let shell = Shell::new("burst");
    shell.start("");
    let burst = "a".repeat(4000);
    shell.tmux.type_text(&burst);
    shell.tmux.keys(&["C-c"]);
    let started = Instant::now();
    let (status, stty) = shell.ended();
    assert_eq!(status, "exited with 0");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "Ctrl-c after a burst quits at once"
    );
    assert_line_mode(&stty);
}

#[test]
fn a_stray_paste_start_never_freezes_the_keys() {
    let shell = Shell::new("stray");
    shell.start("");
    // ESC [ 2 0 0 ~ with no end: the terminal's bytes as a broken program might send them.
    shell.tmux.run(&[
        "send-keys",
        "-t",
        "stray",
        "-H",
        "1b",
        "5b",
        "32",
        "30",
        "30",
        "7e",
    ]);
    shell.tmux.type_text("abc");
    shell.tmux.keys(&["C-c"]);
    let (status, stty) = shell.ended();
    assert_eq!(status, "exited with 0", "Ctrl-c still quits");
    assert_line_mode(&stty);
}

#[test]
fn a_multi_line_paste_lands_in_the_query_and_runs_nothing() {
    let shell = Shell::new("paste");
    shell.start("");
    shell.tmux.run(&[
        "set-buffer",
        "-b",
        "p",
        "headache\nfrequent in the morning\n",
    ]);
    shell
        .tmux
        .run(&["paste-buffer", "-p", "-b", "p", "-t", "paste"]);
    shell.tmux.wait_for("/ headache frequent in the morning ");
    assert!(
        !shell.file("status").exists(),
        "the q of `frequent` did not quit"
    );
    shell.tmux.keys(&["C-c"]);
    assert_eq!(shell.ended().0, "exited with 0");
}

#[test]
fn without_a_controlling_terminal_acuref_says_so_and_exits_non_zero() {
    let shell = Shell::new("notty");
    let line = format!(
        "setsid -w {} < /dev/null; r=$?; echo \"code:$((r * 10))\"",
        env!("CARGO_BIN_EXE_acuref")
    );
    shell.tmux.type_text(&line);
    shell.tmux.keys(&["Enter"]);
    let screen = shell.tmux.wait_for("\ncode:");
    let screen = if screen.contains("needs a terminal") {
        screen
    } else {
        shell.tmux.wait_for("needs a terminal")
    };
    assert!(!screen.contains("panicked"), "{screen}");
    assert!(!screen.contains("code:0\n"), "a non-zero exit:\n{screen}");
}

#[test]
fn with_restore_last_view_set_acuref_reopens_where_it_was_left_and_only_then() {
    let home = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let binary = env!("CARGO_BIN_EXE_acuref");
    let command = |config: &std::path::Path| {
        format!(
            "ACUREF_USER_DIR= ACUREF_HOME={} ACUREF_CONFIG_DIR={} TERM=xterm-256color {binary}; echo acuref-ended; sleep 60",
            home.path().display(),
            config.display()
        )
    };
    let kept = |home: &std::path::Path| -> i64 {
        let db = rusqlite::Connection::open(home.join(acuref::store::FILE_NAME)).unwrap();
        db.query_row("SELECT count(*) FROM last_view", [], |r| r.get(0))
            .unwrap_or(0)
    };

    // Off by default: nothing is kept.
    let first = Tmux::start("resume-off", &command(config.path()));
    first.wait_for("type a code, name, hanzi or condition");
    first.keys(&["Escape", "b", "c", "Enter", "j", "j", "q"]);
    first.wait_for("acuref-ended");
    assert_eq!(kept(home.path()), 0, "no view is kept unless asked");
    drop(first);

    std::fs::write(
        config.path().join("config.toml"),
        "restore_last_view = true\n",
    )
    .unwrap();
    let second = Tmux::start("resume-keep", &command(config.path()));
    second.wait_for("type a code, name, hanzi or condition");
    second.keys(&["Escape", "c", "Enter", "j", "j"]);
    second.wait_for("LU3 Tianfu");
    second.keys(&["q"]);
    second.wait_for("acuref-ended");
    drop(second);

    let third = Tmux::start("resume-back", &command(config.path()));
    let screen = third.wait_for_all(&["Lung channel", "BROWSE 3/11"]);
    assert!(
        screen.contains("LU3 Tianfu 天府 (Celestial Storehouse)"),
        "{screen}"
    );
}

#[test]
fn shift_e_writes_the_note_in_the_users_own_editor_and_keeps_every_key_for_it() {
    let home = tempfile::tempdir().unwrap();
    // An "editor" that reads a line from the terminal and adds it to the file: the keys typed
    // while it runs must reach it, not acuref.
    let editor = home.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'EDITOR READY\\n'\nread line\necho \"$line\" >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let binary = env!("CARGO_BIN_EXE_acuref");
    let tmux = Tmux::start(
        "outside-editor",
        &format!(
            "VISUAL='{}' ACUREF_USER_DIR= ACUREF_HOME={} TERM=xterm-256color {binary}; sleep 60",
            editor.display(),
            home.path().display()
        ),
    );
    tmux.wait_for("type a code, name, hanzi or condition");
    tmux.type_text("bl60");
    tmux.wait_for("BL60 Kunlun");
    tmux.keys(&["Escape", "E"]);
    tmux.wait_for("EDITOR READY");
    tmux.type_text("qjkb from the editor");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for_all(&["saved your note on BL60", "qjkb from the editor"]);
    assert!(
        screen.contains("BROWSE"),
        "acuref is back, and quit on no key:\n{screen}"
    );
    let db = rusqlite::Connection::open(home.path().join(acuref::store::FILE_NAME)).unwrap();
    let text: String = db
        .query_row("SELECT text FROM note WHERE id = 'BL60'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(text, "qjkb from the editor");
    let left: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".acuref-edit-"))
        .collect();
    assert!(left.is_empty(), "the temporary file is removed: {left:?}");
}

#[test]
fn acuref_study_reviews_in_a_real_terminal_and_a_kill_loses_only_the_card_on_screen() {
    let home = tempfile::tempdir().unwrap();
    let pid = home.path().join("pid");
    let command = format!(
        "sh -c 'echo $$ > {pid}; ACUREF_USER_DIR= ACUREF_CONFIG_DIR= ACUREF_HOME={home} TERM=xterm-256color exec {bin} study --deck channel:LU'; echo acuref-ended; sleep 60",
        pid = pid.display(),
        home = home.path().display(),
        bin = env!("CARGO_BIN_EXE_acuref"),
    );
    let tmux = Tmux::start("study-kill", &command);
    tmux.wait_for_all(&["STUDY", "20 new · Lung channel", "Space shows the answer"]);
    tmux.keys(&["Space"]);
    tmux.wait_for("3 Good 10m");
    tmux.keys(&["3"]);
    tmux.wait_for("Good, again in 10m");
    tmux.keys(&["Space"]);
    tmux.wait_for("1 Again 1m");
    tmux.keys(&["1"]);
    tmux.wait_for("Again, again in 1m");
    // The third card is on screen, its answer shown, not rated: then the process is killed.
    tmux.keys(&["Space"]);
    tmux.wait_for("4 Easy");
    let pid = std::fs::read_to_string(&pid).unwrap();
    let killed = Command::new("kill")
        .args(["-KILL", pid.trim()])
        .status()
        .unwrap();
    assert!(killed.success());
    tmux.wait_for("acuref-ended");
    let db = rusqlite::Connection::open(home.path().join(acuref::store::FILE_NAME)).unwrap();
    let ratings: Vec<i64> = db
        .prepare("SELECT rating FROM review_log ORDER BY rowid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        ratings,
        [3, 1],
        "both ratings kept, the card on screen lost"
    );
    let integrity: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}
