//! The real binary in a real terminal (tmux, 100x30): a user types, follows a link, goes back
//! and quits, and the terminal comes back as it was. `.ci/run` installs tmux where missing.

use std::process::Command;
use std::time::{Duration, Instant};

use acuref::catalogue::{Catalogue, EntryRef, Kind};

struct Tmux {
    socket: String,
    session: &'static str,
}

impl Tmux {
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
fn a_user_finds_ling_gu_follows_a_link_goes_back_and_quits() {
    let c = Catalogue::builtin().expect("loads");
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

    let tmux = Tmux {
        socket: format!("acuref-test-{}", std::process::id()),
        session: "e2e",
    };
    let binary = env!("CARGO_BIN_EXE_acuref");
    let command = format!(
        "printf 'before acuref\\n'; ACUREF_USER_DIR= TERM=xterm-256color {binary}; echo \"acuref exited with $?\"; sleep 60"
    );
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        tmux.session,
        "-x",
        "100",
        "-y",
        "30",
        &command,
    ]);

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
    for _ in 0..condition {
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
