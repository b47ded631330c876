//! What the user keeps on ids the catalogue in use does not have: listed by `acuref orphans`,
//! never dropped, and
//! moved onto an entry by `acuref reattach`.

use predicates::prelude::*;

use crate::common::{acuref_at, mini};

/// `acuref` on the small catalogue (it has BL23, BL40 and sciatica, not ST36) and `home`.
fn on_mini(home: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = acuref_at(home);
    cmd.arg("--data").arg(mini());
    cmd
}

/// Runs a command that must succeed; its standard output.
fn stdout(mut cmd: assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A home whose ST36 is starred, holds a note (with a tab in it), and stands twice in the
/// protocol `knee` (the second time with a note), between BL40 and nothing.
fn home_with_st36() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let at = || acuref_at(home.path());
    at().args(["bookmark", "add", "ST36", "BL40"])
        .assert()
        .success();
    at().args(["note", "ST36", "-"])
        .write_stdin("needle 1 cun\n\tthen moxa\n")
        .assert()
        .success();
    at().args(["protocol", "new", "knee", "ST36", "BL40"])
        .assert()
        .success();
    at().args(["protocol", "add", "knee", "ST36", "--note", "moxa after"])
        .assert()
        .success();
    home
}

#[test]
fn orphans_lists_what_is_kept_on_ids_the_catalogue_lacks_and_keeps_it() {
    let home = home_with_st36();
    let listed = stdout({
        let mut cmd = on_mini(home.path());
        cmd.arg("orphans");
        cmd
    });
    assert!(
        listed.starts_with(
            "point ST36  (starred)\n  Your note\n    needle 1 cun\n    \\u{9}then moxa\n  \
             In protocol knee, point 1\n  In protocol knee, point 3: moxa after\n"
        ),
        "{listed}"
    );
    assert!(
        !listed.contains("BL40"),
        "BL40 is in the catalogue: {listed}"
    );
    assert!(listed.contains("acuref reattach ID NEW"), "{listed}");
    let json: serde_json::Value = serde_json::from_str(&stdout({
        let mut cmd = on_mini(home.path());
        cmd.args(["orphans", "--json"]);
        cmd
    }))
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["id"], "ST36");
    assert_eq!(json[0]["starred"], true);
    assert_eq!(json[0]["note"]["text"], "needle 1 cun\n\tthen moxa");
    assert_eq!(json[0]["protocols"][1]["place"], 3);
    assert_eq!(json[0]["protocols"][1]["note"], "moxa after");
    // Nothing was dropped: with the built-in catalogue it is all there, and nothing is orphaned.
    let at = || acuref_at(home.path());
    at().arg("orphans")
        .assert()
        .success()
        .stdout("nothing orphaned\n");
    at().args(["note", "ST36"])
        .assert()
        .success()
        .stdout(predicate::str::contains("needle 1 cun"));
    at().args(["bookmark", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ST36"));
    at().args(["protocol", "list"])
        .assert()
        .success()
        .stdout("knee  (ST36 BL40 ST36)\n");
}

#[test]
fn orphans_with_no_database_yet_is_nothing_orphaned() {
    let home = tempfile::tempdir().unwrap();
    on_mini(home.path())
        .arg("orphans")
        .assert()
        .success()
        .stdout("nothing orphaned\n");
    assert!(
        std::fs::read_dir(home.path()).unwrap().next().is_none(),
        "reading creates nothing"
    );
}

#[test]
fn reattach_moves_everything_onto_the_entry_named_and_loses_nothing() {
    let home = home_with_st36();
    let at = || on_mini(home.path());
    acuref_at(home.path())
        .args(["note", "BL40", "BL40's own words"])
        .assert()
        .success();
    // Refused, with nothing changed: an unknown entry, an id still in the catalogue, an id
    // with nothing kept on it, and protocol places onto something that is no point.
    for (args, code, said) in [
        (
            ["reattach", "ST36", "no-such-entry"],
            2,
            "no entry `no-such-entry`",
        ),
        (
            ["reattach", "BL23", "BL40"],
            2,
            "is in the catalogue (BL23 Shenshu",
        ),
        (["reattach", "XX99", "BL40"], 1, "nothing is kept on `XX99`"),
        (
            ["reattach", "ST36", "sciatica"],
            2,
            "which hold points only",
        ),
    ] {
        at().args(args)
            .assert()
            .code(code)
            .stdout("")
            .stderr(predicate::str::contains(said))
            .stderr(predicate::str::contains("nothing was changed"))
            .stderr(predicate::function(|e: &str| e.lines().count() == 1));
    }
    assert!(
        stdout({
            let mut cmd = at();
            cmd.arg("orphans");
            cmd
        })
        .starts_with("point ST36  (starred)")
    );
    at().args(["reattach", "ST36", "ub 40"])
        .assert()
        .success()
        .stdout(
            "reattached point ST36 to BL40 Weizhong 委中 (Middle of the Crook):\n  \
             its star (BL40 was starred already and stays starred)\n  \
             its note, as a conflict copy: BL40 has a note of its own (`acuref note BL40` shows both)\n  \
             2 places in protocols (knee), each in its place, with any note on it\n",
        );
    at().arg("orphans")
        .assert()
        .success()
        .stdout("nothing orphaned\n");
    at().args(["note", "BL40"]).assert().success().stdout(
        "Your note\n  BL40's own words\nConflict copy (saved while another acuref saved first)\n  \
         needle 1 cun\n  \\u{9}then moxa\n",
    );
    at().args(["protocol", "show", "knee", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"note\": \"moxa after\""));
    at().args(["protocol", "list"])
        .assert()
        .success()
        .stdout("knee  (BL40 BL40 BL40)\n");
    let starred: serde_json::Value = serde_json::from_str(&stdout({
        let mut cmd = at();
        cmd.args(["bookmark", "list", "--json"]);
        cmd
    }))
    .unwrap();
    assert_eq!(starred.as_array().unwrap().len(), 1, "{starred}");
}

#[test]
fn reattach_json_says_what_moved_and_finds_the_id_in_any_case() {
    let home = tempfile::tempdir().unwrap();
    acuref_at(home.path())
        .args(["note", "ST36", "only a note"])
        .assert()
        .success();
    let moved: serde_json::Value = serde_json::from_str(&stdout({
        let mut cmd = on_mini(home.path());
        cmd.args(["reattach", "st36", "BL23", "--json"]);
        cmd
    }))
    .unwrap();
    assert_eq!(moved["from"]["id"], "ST36");
    assert_eq!(moved["to"]["id"], "BL23");
    assert_eq!(moved["note"], "moved");
    assert_eq!(moved["star"], serde_json::Value::Null);
    assert_eq!(moved["places"], 0);
    on_mini(home.path())
        .args(["note", "BL23"])
        .assert()
        .success()
        .stdout("Your note\n  only a note\n");
}
