//! The user's database on a disk that will not take it: a read-only home and a full disk,
//! made for real with a mount namespace of the test's own (`unshare -m`, a tmpfs, `mount -o
//! remount,ro`, `dd`). The real binary runs inside; each failed write is one clear line that
//! names the file and says what to do, the reference still shows its cards, and what was
//! saved before is still there and sound.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use acuref::store::{FILE_NAME, Store};

/// What one acuref run inside the namespace did.
#[derive(Debug)]
struct Step {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Defines `step NAME HOME ARGS...`: runs acuref with its database in HOME and keeps its exit
/// status and output in `$OUT` under NAME.
const PRELUDE: &str = r#"set -eu
step() {
    name=$1; home=$2; shift 2
    set +e
    ACUREF_HOME="$home" "$ACUREF" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
    echo $? >"$OUT/$name.rc"
    set -e
}
"#;

/// A directory to mount on (`$DIR`) and one outside it for what the steps leave (`$OUT`).
struct Namespace {
    dir: tempfile::TempDir,
    out: tempfile::TempDir,
}

impl Namespace {
    fn new() -> Namespace {
        Namespace {
            dir: tempfile::tempdir().unwrap(),
            out: tempfile::tempdir().unwrap(),
        }
    }

    /// Where a step's database in `$DIR/home` is.
    fn database(&self, home: &str) -> PathBuf {
        self.dir.path().join(home).join(FILE_NAME)
    }

    /// Runs `script` (after [`PRELUDE`]) with `sh` in a mount namespace of its own; the
    /// steps it ran, by name. Without `unshare`, or without the right to make a namespace,
    /// it fails loudly: these tests are never skipped.
    fn run(&self, script: &str) -> HashMap<String, Step> {
        let ran = std::process::Command::new("unshare")
            .args(["-m", "sh", "-c"])
            .arg(format!("{PRELUDE}{script}"))
            .env("ACUREF", env!("CARGO_BIN_EXE_acuref"))
            .env("DIR", self.dir.path())
            .env("OUT", self.out.path())
            .env("ACUREF_USER_DIR", "")
            .env("ACUREF_CONFIG_DIR", "")
            .env_remove("ACUREF_DATA")
            .env_remove("NO_COLOR")
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "these tests need `unshare` (util-linux) to mount a read-only or full disk \
                     of their own; install it: {e}"
                )
            });
        assert!(
            ran.status.success(),
            "the namespace script failed (these tests need root or user namespaces for \
             `unshare -m` and `mount`): {}",
            String::from_utf8_lossy(&ran.stderr)
        );
        let mut steps = HashMap::new();
        for entry in std::fs::read_dir(self.out.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rc") {
                let read = |ext: &str| std::fs::read_to_string(path.with_extension(ext)).unwrap();
                let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                let step = Step {
                    code: read("rc").trim().parse().unwrap(),
                    stdout: read("out"),
                    stderr: read("err"),
                };
                steps.insert(name, step);
            }
        }
        steps
    }
}

/// The step of this name; it must have run.
fn step<'a>(steps: &'a HashMap<String, Step>, name: &str) -> &'a Step {
    steps
        .get(name)
        .unwrap_or_else(|| panic!("the step {name} did not run: {steps:?}"))
}

/// Asserts that a step failed with status 2 and one line on stderr that names `file` and
/// holds every one of `words`.
fn refused_in_one_line(step: &Step, file: &Path, words: &[&str]) {
    assert_eq!(step.code, 2, "{step:?}");
    assert_eq!(step.stdout, "", "{step:?}");
    assert_eq!(step.stderr.lines().count(), 1, "one line: {step:?}");
    assert!(
        step.stderr.contains(&file.display().to_string()),
        "names the file: {step:?}"
    );
    for word in words {
        assert!(step.stderr.contains(word), "says {word:?}: {step:?}");
    }
}

/// Asserts that `show ST36` printed the card, with at most one line on stderr.
fn shows_the_card(step: &Step) {
    assert_eq!(step.code, 0, "{step:?}");
    assert!(step.stdout.starts_with("ST36 Zusanli"), "{step:?}");
    assert!(step.stderr.lines().count() <= 1, "{step:?}");
}

#[test]
fn a_read_only_home_refuses_writes_in_one_line_and_the_reference_still_works() {
    let ns = Namespace::new();
    let steps = ns.run(
        r#"
mount -t tmpfs -o size=1m tmpfs "$DIR"
mkdir "$DIR/home" "$DIR/empty"
step star "$DIR/home" bookmark add BL40
mount -o remount,ro "$DIR"
step add "$DIR/home" bookmark add ST36
step show "$DIR/home" show ST36
step fresh "$DIR/empty" bookmark add ST36
step unmade "$DIR/not-made" note ST36 some text
"#,
    );
    assert_eq!(step(&steps, "star").code, 0, "{:?}", step(&steps, "star"));
    let what_to_do = ["cannot be written", "read-only", "set ACUREF_HOME"];
    for (name, home) in [("add", "home"), ("fresh", "empty"), ("unmade", "not-made")] {
        refused_in_one_line(step(&steps, name), &ns.database(home), &what_to_do);
    }
    shows_the_card(step(&steps, "show"));
}

#[test]
fn a_full_disk_refuses_a_note_in_one_line_and_keeps_what_was_saved() {
    let ns = Namespace::new();
    // A note larger than the room left once the spare file is removed.
    std::fs::write(ns.out.path().join("big.txt"), "a long note ".repeat(40_000)).unwrap();
    let steps = ns.run(
        r#"
mount -t tmpfs -o size=512k tmpfs "$DIR"
mkdir "$DIR/home"
step star "$DIR/home" bookmark add BL40
dd if=/dev/zero of="$DIR/spare" bs=4k count=32 2>/dev/null
dd if=/dev/zero of="$DIR/fill" bs=4k 2>/dev/null || true
step full "$DIR/home" note ST36 some text
step show "$DIR/home" show ST36
rm "$DIR/spare"
step big "$DIR/home" note ST36 - <"$OUT/big.txt"
rm "$DIR/fill"
step list "$DIR/home" bookmark list
step note "$DIR/home" note ST36
mkdir "$OUT/copy"
cp "$DIR/home/$FILE_NAME"* "$OUT/copy/"
"#
        .replace("$FILE_NAME", FILE_NAME)
        .as_str(),
    );
    let file = ns.database("home");
    assert_eq!(step(&steps, "star").code, 0, "{:?}", step(&steps, "star"));
    // Full to the last block (SQLite cannot even map its -shm file), then with room to open
    // the database but not for the note.
    for name in ["full", "big"] {
        refused_in_one_line(step(&steps, name), &file, &["is full", "free some space"]);
    }
    shows_the_card(step(&steps, "show"));
    let list = step(&steps, "list");
    assert_eq!(list.code, 0, "{list:?}");
    assert!(
        list.stdout.starts_with("BL40"),
        "the earlier star: {list:?}"
    );
    assert_eq!(step(&steps, "note").code, 1, "no note was half-written");
    let copy = Store::open(&ns.out.path().join("copy").join(FILE_NAME)).unwrap();
    assert!(copy.integrity_ok().unwrap(), "the file is sound");
    let starred: Vec<String> = copy
        .bookmarks()
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(starred, ["BL40"]);
}
