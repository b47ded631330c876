//! A problem in the user's own files never locks the user out of the reference.

use std::os::unix::fs::symlink;

use crate::common::{acuref, mini, mini_file};
use predicates::prelude::*;

/// `acuref` with the built-in catalogue and this user directory.
fn with_user_dir(dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = acuref();
    cmd.env("ACUREF_USER_DIR", dir);
    cmd
}

#[test]
fn an_empty_user_directory_is_an_empty_overlay() {
    let dir = tempfile::tempdir().unwrap();
    with_user_dir(dir.path())
        .args(["show", "bl23"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("BL23 Shenshu"))
        .stderr(predicate::str::is_empty());
    with_user_dir(dir.path())
        .arg("paths")
        .assert()
        .success()
        .stdout(predicate::str::contains("(empty:"));
}

#[test]
fn a_user_directory_that_is_a_file_is_one_warning_and_the_reference_works() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("acuref");
    std::fs::write(&file, "not a directory").unwrap();
    with_user_dir(&file)
        .args(["show", "bl23"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("BL23 Shenshu"))
        .stderr(predicate::str::contains("not a directory"))
        .stderr(predicate::str::contains("ACUREF_USER_DIR="))
        .stderr(predicate::function(|e: &str| e.lines().count() == 1));
    with_user_dir(&file)
        .arg("paths")
        .assert()
        .stdout(predicate::str::contains("(not a directory"));
}

#[test]
fn broken_user_files_are_a_warning_the_built_in_catalogue_still_loads_and_check_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.toml"), "[[point]\ncode = ").unwrap();
    with_user_dir(dir.path())
        .args(["show", "bl23"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("BL23 Shenshu"))
        .stderr(predicate::str::contains("were not used"))
        .stderr(predicate::str::contains("mine.toml:1:"));
    with_user_dir(dir.path()).arg("check").assert().code(2);
    with_user_dir(dir.path())
        .arg("paths")
        .assert()
        .stdout(predicate::str::contains("(in use)"));
}

#[test]
fn editor_droppings_and_dangling_links_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    for file in std::fs::read_dir(mini()).unwrap() {
        let path = file.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    // Emacs's lock file is a dangling link named .#FILE; vim and others leave FILE~.
    symlink(
        "root@host.1234:1700000000",
        dir.path().join(".#points.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("points.toml~"), "old [[[ broken").unwrap();
    std::fs::write(dir.path().join("#points.toml#"), "old [[[ broken").unwrap();
    symlink(
        dir.path().join("gone.toml"),
        dir.path().join("dangling.toml"),
    )
    .unwrap();
    acuref()
        .arg("check")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("catalogue is clean"))
        .stderr(predicate::str::contains(
            ".#points.toml looks like an editor's lock",
        ))
        .stderr(predicate::str::contains(
            "dangling.toml is a link to nothing",
        ));
}

#[test]
fn files_below_the_depth_limit_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("points.toml"), mini_file("points.toml")).unwrap();
    std::fs::write(dir.path().join("clinical.toml"), mini_file("clinical.toml")).unwrap();
    std::fs::write(
        dir.path().join("catalogue.toml"),
        mini_file("catalogue.toml"),
    )
    .unwrap();
    let mut deep = dir.path().to_path_buf();
    for level in 0..=acuref::catalogue::MAX_DEPTH {
        deep = deep.join(format!("d{level}"));
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("lost.toml"), "").unwrap();
    acuref()
        .arg("check")
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("folders deep and was not read"));
}

#[test]
fn paths_names_the_user_keymap_and_whether_it_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let shown = |dir: &std::path::Path| {
        let out = acuref()
            .env("ACUREF_CONFIG_DIR", dir)
            .arg("paths")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(shown(dir.path()).contains("keymap.toml (not present"));
    std::fs::write(
        dir.path().join("keymap.toml"),
        "[[binding]]\nscope = \"browse\"\nkeys = [\"x\"]\naction = \"quit\"\n",
    )
    .unwrap();
    assert!(shown(dir.path()).contains("keymap.toml (in use)"));
}

#[test]
fn paths_names_the_settings_file_and_a_bad_one_is_said_with_its_place() {
    let config = tempfile::tempdir().unwrap();
    let file = config.path().join("config.toml");
    let paths = || {
        let out = crate::common::acuref()
            .env("ACUREF_CONFIG_DIR", config.path())
            .arg("paths")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let before = paths();
    assert!(
        before.contains(&format!(
            "user settings:  {} (not present: `restore_last_view = true`",
            file.display()
        )),
        "{before}"
    );
    std::fs::write(&file, "restore_last_view = true\n").unwrap();
    assert!(paths().contains(&format!("user settings:  {} (in use)", file.display())));
    let (settings, warning) = acuref::settings::Settings::read(Some(&file));
    assert!(settings.restore_last_view && warning.is_none());
    std::fs::write(&file, "restore_last_view = true\nrestore = 1\n").unwrap();
    let (settings, warning) = acuref::settings::Settings::read(Some(&file));
    let warning = warning.unwrap();
    assert!(!settings.restore_last_view, "the defaults stay in force");
    assert!(
        warning.contains(&format!("{}:2:1: unknown field `restore`", file.display())),
        "{warning}"
    );
}
