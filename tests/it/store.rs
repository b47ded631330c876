//! The user's database under stress, with real SQLite files in temporary homes: two writers at
//! once, a kill mid-stream, and files that cannot be used.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use acuref::store::{FILE_NAME, Store};

use crate::common::{acuref, acuref_at, builtin};

/// Every id of one kind of the built-in catalogue.
fn ids(kind: acuref::catalogue::Kind) -> Vec<String> {
    let (c, _) = builtin();
    (0..c.count(kind))
        .map(|index| {
            c.id(acuref::catalogue::EntryRef { kind, index })
                .to_string()
        })
        .collect()
}

/// The binary as a plain process (for killing it), its database in `home`.
fn process(home: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_acuref"));
    command
        .env("ACUREF_HOME", home)
        .env("ACUREF_USER_DIR", "")
        .env("ACUREF_CONFIG_DIR", "");
    command
}

#[test]
fn two_processes_starring_at_once_lose_nothing() {
    let home = tempfile::tempdir().unwrap();
    let points = ids(acuref::catalogue::Kind::Point);
    let sources = ids(acuref::catalogue::Kind::Source);
    let spawn = |ids: &[String]| {
        process(home.path())
            .arg("bookmark")
            .arg("add")
            .args(ids)
            .stdout(Stdio::null())
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (spawn(&points), spawn(&sources));
    assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
    let store = Store::open(&home.path().join(FILE_NAME)).unwrap();
    let kept = store.bookmarks().unwrap();
    assert_eq!(
        kept.len(),
        points.len() + sources.len(),
        "every write of both is kept"
    );
    assert!(store.integrity_ok().unwrap());
}

/// One writer of `two_writer_processes_of_500_notes_and_stars_each_lose_nothing`: run as a
/// process of its own (this test binary, asked for this test alone), it writes 500 notes and
/// 500 stars, each in its own committed action, on ids named after its tag. Without its
/// environment it does nothing.
#[test]
#[ignore = "a child process of the two-writers test"]
fn writer_of_500_notes_and_stars() {
    let (Some(home), Some(tag)) = (
        std::env::var_os("ACUREF_TEST_HOME"),
        std::env::var("ACUREF_TEST_TAG").ok(),
    ) else {
        return;
    };
    let mut store = Store::open(&std::path::Path::new(&home).join(FILE_NAME)).unwrap();
    for i in 0..500 {
        let id = format!("{tag}{i}");
        store.add_bookmark("point", &id).unwrap();
        let saved = store
            .save_note("point", &id, &format!("note {i} of {tag}"), None)
            .unwrap();
        assert_eq!(saved, acuref::store::Saved::Saved(1));
    }
}

#[test]
fn two_writer_processes_of_500_notes_and_stars_each_lose_nothing() {
    let home = tempfile::tempdir().unwrap();
    let spawn = |tag: &str| {
        Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "store::writer_of_500_notes_and_stars",
                "--test-threads=1",
            ])
            .env("ACUREF_TEST_HOME", home.path())
            .env("ACUREF_TEST_TAG", tag)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("A"), spawn("B"));
    for (tag, writer) in [("A", a), ("B", b)] {
        let out = writer.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "writer {tag} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let store = Store::open(&home.path().join(FILE_NAME)).unwrap();
    assert_eq!(store.bookmarks().unwrap().len(), 1000, "every star of both");
    let notes = store.notes().unwrap();
    assert_eq!(notes.len(), 1000, "every note of both");
    for tag in ["A", "B"] {
        for i in [0, 250, 499] {
            let note = store.note("point", &format!("{tag}{i}")).unwrap().unwrap();
            assert_eq!(note.text, format!("note {i} of {tag}"));
        }
    }
    assert!(store.integrity_ok().unwrap());
}

#[test]
fn a_process_killed_mid_stream_keeps_every_write_it_reported() {
    let home = tempfile::tempdir().unwrap();
    // Every point and source: hundreds of committed writes, so the kill lands mid-stream.
    let mut all = ids(acuref::catalogue::Kind::Point);
    all.extend(ids(acuref::catalogue::Kind::Source));
    let mut child = process(home.path())
        .arg("bookmark")
        .arg("add")
        .args(&all)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reported = Vec::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        reported.push(line.split_whitespace().nth(1).unwrap().to_string());
        if reported.len() == 20 {
            child.kill().unwrap(); // SIGKILL
            break;
        }
    }
    child.wait().unwrap();
    let store = Store::open(&home.path().join(FILE_NAME)).unwrap();
    assert!(
        store.integrity_ok().unwrap(),
        "the file is sound after the kill"
    );
    let kept: Vec<String> = store
        .bookmarks()
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    for id in &reported {
        assert!(kept.contains(id), "{id} was reported starred and is kept");
    }
    assert!(kept.len() < all.len(), "the kill came before the end");
}

#[test]
fn a_damaged_database_is_left_alone_and_the_reference_still_works() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(FILE_NAME);
    let garbage = b"this is not a database, but the user's file all the same\n".repeat(100);
    std::fs::write(&file, &garbage).unwrap();
    let output = acuref_at(home.path())
        .args(["bookmark", "add", "BL40"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8(output.stderr).unwrap();
    assert_eq!(said.lines().count(), 1, "one line: {said}");
    assert!(
        said.contains(&file.display().to_string()) && said.contains("left as it is"),
        "{said}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), garbage, "never overwritten");
    let shown = acuref_at(home.path())
        .args(["show", "bl40"])
        .output()
        .unwrap();
    assert!(shown.status.success(), "the reference works without it");
    assert!(
        String::from_utf8(shown.stdout)
            .unwrap()
            .starts_with("BL40 Weizhong")
    );
    assert!(
        String::from_utf8(shown.stderr)
            .unwrap()
            .contains("works without it")
    );
}

#[test]
fn a_home_that_cannot_be_made_is_one_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let blocker = home.path().join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let output = acuref_at(&blocker.join("home"))
        .args(["bookmark", "add", "BL40"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(
        said.contains("user database") && said.contains("a-file"),
        "{said}"
    );
}

#[test]
fn bookmarks_on_the_command_line_add_list_show_and_remove() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = acuref_at(home.path()).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        run(&["bookmark", "list"]),
        "",
        "no database yet, nothing starred"
    );
    assert!(
        !home.path().join(FILE_NAME).exists(),
        "reading creates nothing"
    );
    assert!(run(&["bookmark", "add", "ub 40", "sciatica"]).contains("starred  BL40 Weizhong"));
    assert!(run(&["bookmark", "add", "BL40"]).starts_with("already starred"));
    let listed = run(&["bookmark", "list"]);
    assert!(
        listed.starts_with("BL40") && listed.contains("Sciatica"),
        "{listed}"
    );
    assert!(run(&["show", "bl40"]).contains("Bookmarked"));
    let shown: serde_json::Value = serde_json::from_str(&run(&["show", "bl40", "--json"])).unwrap();
    assert_eq!(shown["bookmarked"], true);
    // A typo writes nothing, not even the ids before it.
    acuref_at(home.path())
        .args(["bookmark", "remove", "BL40", "no-such-entry"])
        .assert()
        .code(2);
    assert!(run(&["bookmark", "list"]).contains("BL40"));
    assert!(run(&["bookmark", "remove", "bl40"]).starts_with("unstarred"));
    let json: serde_json::Value =
        serde_json::from_str(&run(&["bookmark", "list", "--json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["id"], "sciatica");
    // With no home at all, keeping bookmarks is refused in one line.
    acuref().args(["bookmark", "add", "BL40"]).assert().code(2);
}

#[test]
fn an_orphaned_bookmark_is_kept_and_listed() {
    let home = tempfile::tempdir().unwrap();
    let mut store = Store::open(&home.path().join(FILE_NAME)).unwrap();
    store.add_bookmark("point", "BL99").unwrap();
    drop(store);
    let out = acuref_at(home.path())
        .args(["bookmark", "list"])
        .output()
        .unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.contains("BL99") && listed.contains("orphaned"),
        "{listed}"
    );
}

#[test]
fn notes_on_the_command_line_are_written_shown_and_deleted_only_when_asked() {
    let home = tempfile::tempdir().unwrap();
    let at = || acuref_at(home.path());
    at().args(["note", "bl40"]).assert().code(1);
    at().args(["note", "ub 40", "bleed", "only", "visible", "veins"])
        .assert()
        .success()
        .stdout(predicates::str::contains("saved your note on BL40"));
    at().args(["note", "sciatica", "-"])
        .write_stdin("from my teacher\nsecond line\n")
        .assert()
        .success();
    at().args(["note", "sciatica"])
        .assert()
        .success()
        .stdout("Your note\n  from my teacher\n  second line\n");
    let card = at().args(["show", "bl40"]).output().unwrap();
    let card = String::from_utf8(card.stdout).unwrap();
    assert!(
        card.contains("Your note\n  bleed only visible veins"),
        "{card}"
    );
    let shown: serde_json::Value = serde_json::from_slice(
        &at()
            .args(["show", "bl40", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(shown["note"], "bleed only visible veins");
    // Deleting asks; with no one to ask, nothing is deleted.
    at().args(["note", "bl40", "--delete"]).assert().code(2);
    at().args(["note", "bl40"]).assert().success();
    at().args(["note", "bl40", "--delete", "--yes"])
        .assert()
        .success();
    at().args(["note", "bl40"]).assert().code(1);
    // Control characters are refused, with nothing written.
    at().args(["note", "bl40", "evil \u{1b}[2J"])
        .assert()
        .code(2);
    at().args(["note", "bl40"]).assert().code(1);
}

#[test]
fn export_then_import_into_an_empty_home_reproduces_everything() {
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    acuref_at(first.path())
        .args(["bookmark", "add", "BL40", "sciatica"])
        .assert()
        .success();
    acuref_at(first.path())
        .args(["note", "BL40", "bleed only visible veins"])
        .assert()
        .success();
    let file = first.path().join("backup.toml");
    acuref_at(first.path())
        .args(["export"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicates::str::contains("exported 2 bookmarks, 1 notes"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("[[bookmark]]") && text.contains("bleed only visible veins"),
        "{text}"
    );
    acuref_at(second.path())
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "imported 2 bookmarks, 1 notes, 0 protocols and 0 study reviews",
        ));
    acuref_at(second.path())
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "imported 0 bookmarks, 0 notes, 0 protocols and 0 study reviews; 0 kept as conflict copies; 3 already there",
        ));
    let listed = acuref_at(second.path())
        .args(["bookmark", "list"])
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.starts_with("BL40") && listed.contains("Sciatica"));
    acuref_at(second.path())
        .args(["note", "bl40"])
        .assert()
        .success()
        .stdout(predicates::str::contains("bleed only visible veins"));
    // A file that is not an export says where, and imports nothing.
    let bad = first.path().join("bad.toml");
    std::fs::write(
        &bad,
        "format = 1\n[[bookmark]]\nkind = \"point\"\nid = 40\n",
    )
    .unwrap();
    let out = acuref_at(second.path())
        .arg("import")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("bad.toml:4:"), "{said}");
}

#[test]
fn notes_are_searched_and_a_match_shows_its_entry() {
    let home = tempfile::tempdir().unwrap();
    acuref_at(home.path())
        .args(["note", "BL40", "my teacher pairs it with GB34 for sciatica"])
        .assert()
        .success();
    let out = acuref_at(home.path())
        .args(["search", "teacher pairs"])
        .output()
        .unwrap();
    let found = String::from_utf8(out.stdout).unwrap();
    let first = found.lines().next().unwrap_or_default();
    assert!(
        first.contains("BL40 Weizhong") && first.contains("~ your note: my teacher pairs"),
        "{found}"
    );
    // Without the user's database the catalogue alone does not hold those words.
    acuref().args(["search", "teacher pairs"]).assert().code(1);
}

#[test]
fn a_protocol_is_built_shown_with_its_cautions_and_verdicts_and_exported() {
    let home = tempfile::tempdir().unwrap();
    let at = || acuref_at(home.path());
    at().args(["protocol", "new", "sciatica", "GB30", "ub 40", "BL60"])
        .assert()
        .success();
    at().args([
        "protocol",
        "add",
        "sciatica",
        "BL57",
        "--note",
        "if calf cramps",
    ])
    .assert()
    .success();
    at().args(["protocol", "add", "sciatica", "sciatica"])
        .assert()
        .code(2);
    at().args(["protocol", "new", "sciatica"]).assert().code(2);
    let shown = at()
        .args(["protocol", "show", "sciatica", "--patient", "pregnancy:2"])
        .output()
        .unwrap();
    let shown = String::from_utf8(shown.stdout).unwrap();
    let lines: Vec<&str> = shown.lines().collect();
    assert!(
        lines[1].starts_with("GB30") && lines[3].starts_with("BL60"),
        "{shown}"
    );
    assert!(
        lines[3].ends_with("[X]"),
        "BL60 is forbidden in pregnancy: {shown}"
    );
    assert!(shown.contains("- if calf cramps"), "{shown}");
    let json: serde_json::Value = serde_json::from_slice(
        &at()
            .args([
                "protocol",
                "show",
                "sciatica",
                "--json",
                "--patient",
                "pregnancy",
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["points"][2]["safety"], "forbidden");
    assert_eq!(json["points"][3]["note"], "if calf cramps");
    let backup = home.path().join("backup.toml");
    at().arg("export").arg(&backup).assert().success();
    let other = tempfile::tempdir().unwrap();
    acuref_at(other.path())
        .arg("import")
        .arg(&backup)
        .assert()
        .success()
        .stdout(predicates::str::contains("1 protocols"));
    acuref_at(other.path())
        .args(["protocol", "list"])
        .assert()
        .success()
        .stdout("sciatica  (GB30 BL40 BL60 BL57)\n");
    at().args(["protocol", "delete", "sciatica"])
        .assert()
        .code(2);
    at().args(["protocol", "delete", "sciatica", "--yes"])
        .assert()
        .success();
    at().args(["protocol", "list"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn paths_names_the_user_database_and_its_daily_copies() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(FILE_NAME).display().to_string();
    let paths = |at: &std::path::Path| {
        String::from_utf8(acuref_at(at).arg("paths").output().unwrap().stdout).unwrap()
    };
    let before = paths(home.path());
    assert!(
        before.contains(&format!("user database:  {file} (not created yet")),
        "{before}"
    );
    acuref_at(home.path())
        .args(["bookmark", "add", "BL40"])
        .assert()
        .success();
    let after = paths(home.path());
    assert!(
        after.contains(&format!("user database:  {file} (in use; a copy a day")),
        "{after}"
    );
    let off = String::from_utf8(acuref().arg("paths").output().unwrap().stdout).unwrap();
    assert!(
        off.contains("user database:  none (ACUREF_HOME is empty)"),
        "{off}"
    );
}
