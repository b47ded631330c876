//! `acuref note ID --edit`: the note in the user's editor (here small shell scripts named by
//! `VISUAL` or `EDITOR`), saved when changed, "unchanged" when not, a conflict copy when
//! another acuref saved first, and no temporary file left behind either way.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::common::acuref_at;

/// A script an editor setting can run as `sh SCRIPT`: it appends a line to the file it is
/// given; first, when `$ALSO` is set, another acuref saves `$ALSO` as the note on ST36, and
/// when `$SEEN` is set, the file's path is written there.
fn appending_editor(dir: &Path) -> PathBuf {
    let script = dir.join("editor.sh");
    std::fs::write(
        &script,
        "if [ -n \"${SEEN:-}\" ]; then echo \"$1\" > \"$SEEN\"; fi\n\
         if [ -n \"${ALSO:-}\" ]; then \"$ACUREF_BIN\" note ST36 \"$ALSO\" >/dev/null; fi\n\
         echo 'added by the editor' >> \"$1\"\n",
    )
    .unwrap();
    script
}

/// `acuref` with its database in `home` and `VISUAL` (or, with `setting` `EDITOR`, that) set
/// to `editor`; the other setting is unset.
fn editing(home: &Path, setting: &str, editor: &str) -> assert_cmd::Command {
    let mut cmd = acuref_at(home);
    cmd.env_remove("VISUAL")
        .env_remove("EDITOR")
        .env(setting, editor)
        .env("ACUREF_BIN", env!("CARGO_BIN_EXE_acuref"));
    cmd
}

/// Asserts that the home holds no file the editor was given.
fn nothing_left_behind(home: &Path) {
    let left: Vec<String> = std::fs::read_dir(home)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".acuref-edit"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_note_is_written_and_extended_in_the_editor_with_its_arguments() {
    let (home, scripts) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // A command with an argument, as `code --wait` is: split on whitespace.
    let editor = format!("sh {}", appending_editor(scripts.path()).display());
    let seen = scripts.path().join("seen");
    editing(home.path(), "VISUAL", &editor)
        .env("SEEN", &seen)
        .args(["note", "st 36", "--edit"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "saved your note on ST36 Zusanli",
        ));
    let given = PathBuf::from(std::fs::read_to_string(&seen).unwrap().trim());
    assert_eq!(given.parent(), Some(home.path()), "beside the database");
    assert!(!given.exists(), "removed after");
    // EDITOR when VISUAL is not set; the note read before is what the editor is given.
    editing(home.path(), "EDITOR", &editor)
        .args(["note", "ST36", "--edit"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(revision 2)"));
    acuref_at(home.path())
        .args(["note", "ST36"])
        .assert()
        .success()
        .stdout("Your note\n  added by the editor\n  added by the editor\n");
    nothing_left_behind(home.path());
}

#[test]
fn an_editor_that_changes_nothing_or_fails_saves_nothing() {
    let home = tempfile::tempdir().unwrap();
    acuref_at(home.path())
        .args(["note", "ST36", "the words before"])
        .assert()
        .success();
    editing(home.path(), "VISUAL", "true")
        .args(["note", "ST36", "--edit"])
        .assert()
        .success()
        .stdout(predicate::str::contains("unchanged"));
    editing(home.path(), "VISUAL", "false")
        .args(["note", "ST36", "--edit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the editor `false` (from VISUAL) ended with status 1",
        ))
        .stderr(predicate::str::contains("your note was not changed"));
    editing(home.path(), "VISUAL", "no-such-editor-anywhere --wait")
        .args(["note", "ST36", "--edit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot start the editor"))
        .stderr(predicate::str::contains("set VISUAL or EDITOR"));
    acuref_at(home.path())
        .args(["note", "ST36", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"revision\": 1"));
    nothing_left_behind(home.path());
}

#[test]
fn a_note_saved_elsewhere_while_editing_stays_and_the_edit_becomes_a_conflict_copy() {
    let (home, scripts) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    acuref_at(home.path())
        .args(["note", "ST36", "the words before"])
        .assert()
        .success();
    let editor = format!("sh {}", appending_editor(scripts.path()).display());
    editing(home.path(), "VISUAL", &editor)
        .env("ALSO", "another window's words")
        .args(["note", "ST36", "--edit"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "another acuref saved a note on ST36",
        ));
    acuref_at(home.path())
        .args(["note", "ST36"])
        .assert()
        .success()
        .stdout(
            "Your note\n  another window's words\n\
             Conflict copy (saved while another acuref saved first)\n  \
             the words before\n  added by the editor\n",
        );
    nothing_left_behind(home.path());
}

#[test]
fn ctrl_c_while_the_editor_runs_leaves_acuref_to_remove_its_file() {
    let (home, scripts) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // As a Ctrl-C at the terminal reaches both: acuref gets SIGINT, the editor ends by it.
    let script = scripts.path().join("interrupted.sh");
    std::fs::write(
        &script,
        "echo 'half a thought' >> \"$1\"\nkill -INT $PPID\nsleep 0.2\nexit 130\n",
    )
    .unwrap();
    editing(home.path(), "VISUAL", &format!("sh {}", script.display()))
        .args(["note", "ST36", "--edit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ended with status 130"))
        .stderr(predicate::str::contains("your note was not changed"));
    nothing_left_behind(home.path());
    acuref_at(home.path())
        .args(["note", "ST36"])
        .assert()
        .code(1);
}
