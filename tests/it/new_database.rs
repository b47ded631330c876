//! `acuref new-database`: a database is set aside only when the user says so, renamed beside
//! itself and never deleted, and the next change starts a fresh one.

use predicates::prelude::*;

use acuref::store::FILE_NAME;

use crate::common::acuref_at;

#[test]
fn a_damaged_database_is_set_aside_whole_when_asked_and_a_new_one_starts() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(FILE_NAME);
    let wal = home.path().join(format!("{FILE_NAME}-wal"));
    let garbage = b"not a database, but the user's file all the same\n".repeat(100);
    std::fs::write(&file, &garbage).unwrap();
    let at = || acuref_at(home.path());
    at().args(["bookmark", "add", "ST36"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`acuref new-database` sets it aside",
        ))
        .stderr(predicate::function(|e: &str| e.lines().count() == 1));
    // Asked with no one to answer: nothing moves.
    at().arg("new-database")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing moved"));
    assert_eq!(std::fs::read(&file).unwrap(), garbage);
    // A write-ahead log beside it moves with it. (Written only now: SQLite itself drops a log
    // that holds no valid frame when it opens the file, as the refused write above did.)
    std::fs::write(&wal, b"and its write-ahead log").unwrap();
    let out = at().args(["new-database", "--yes"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    let aside = said
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("set the user database aside: it is now "))
        .unwrap_or_else(|| panic!("{said}"));
    let aside = std::path::PathBuf::from(aside);
    assert_eq!(aside.parent(), Some(home.path()), "{said}");
    let name = aside.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.len() == "user.sqlite3.set-aside-20260101-000000".len()
            && name.starts_with("user.sqlite3.set-aside-20"),
        "{name}"
    );
    assert!(said.contains("the next change"), "{said}");
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        garbage,
        "kept byte for byte"
    );
    assert_eq!(
        std::fs::read(format!("{}-wal", aside.display())).unwrap(),
        b"and its write-ahead log"
    );
    assert!(!file.exists() && !wal.exists());
    at().args(["bookmark", "add", "ST36"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("starred  ST36"));
    at().args(["bookmark", "list"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ST36"));
    assert_eq!(std::fs::read(&aside).unwrap(), garbage, "still kept");
}

#[test]
fn new_database_without_a_database_moves_nothing() {
    let home = tempfile::tempdir().unwrap();
    acuref_at(home.path())
        .args(["new-database", "--yes"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("there is no user database at"));
    assert!(std::fs::read_dir(home.path()).unwrap().next().is_none());
}
