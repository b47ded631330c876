//! `acuref check` checks the body map of the catalogue in use: the built-in one, or the
//! `body/` folder of a catalogue directory, with every problem at its file:line:col.

use std::path::Path;

use crate::common::acuref;

const FRAMES: &str = r#"
[[frame]]
name = "back"
title = "Back"
about = "x = 0 on the posterior midline"
mirror = true
outlines = ["trunk"]

[[view]]
name = "back"
frame = "back"
whole = true
x = [-6, 6]
y = [-6, 6]
"#;

const TRUNK: &str = r#"
[[line]]
part = "trunk"
closed = true
symmetric = true
points = [[0, 5], [5, 5], [5, -5], [0, -5]]
"#;

const LANDMARKS: &str = r#"
[[landmark]]
name = "L2_spinous"
frame = "back"
x = 0
y = 1.8
measure = "test"
"#;

/// A copy of the mini catalogue with a body map whose positions file is `points`.
fn catalogue_with_body(points: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    for entry in std::fs::read_dir(mini).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let body = dir.path().join("body");
    std::fs::create_dir_all(body.join("outlines")).unwrap();
    std::fs::create_dir_all(body.join("points")).unwrap();
    std::fs::write(body.join("frames.toml"), FRAMES).unwrap();
    std::fs::write(body.join("landmarks.toml"), LANDMARKS).unwrap();
    std::fs::write(body.join("outlines/trunk.toml"), TRUNK).unwrap();
    std::fs::write(body.join("points/BL.toml"), points).unwrap();
    dir
}

#[test]
fn check_reports_the_builtin_body_map() {
    let output = acuref().arg("check").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("body map is clean:"), "{text}");
    assert!(text.contains(" of 407 points placed"), "{text}");
}

#[test]
fn check_reads_a_catalogues_own_body_map() {
    let dir = catalogue_with_body(
        "[[position]]\ncode = \"BL23\"\nframe = \"back\"\nfrom = \"L2_spinous\"\ndx = 1.5\nhow = \"1.5 cun lateral, level with L2\"\n",
    );
    acuref()
        .arg("check")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "body map is clean: 1 positions in 1 frames and 1 views",
        ))
        .stdout(predicates::str::contains("1 of 2 points placed"));
}

#[test]
fn check_refuses_unknown_frames_and_points_outside_the_figure_at_their_place() {
    let dir = catalogue_with_body(
        "[[position]]\ncode = \"BL23\"\nframe = \"bak\"\nx = 1.5\ny = 1.8\nhow = \"t\"\n\n\
         [[position]]\ncode = \"BL40\"\nframe = \"back\"\nx = 5.5\ny = 0\nhow = \"t\"\n",
    );
    let output = acuref().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let file = dir.path().join("body/points/BL.toml");
    let file = file.display();
    assert!(
        stderr.contains("the body map could not be loaded"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{file}:3:9: unknown frame `bak`")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{file}:8:1: BL40 lies outside the figure of the frame `back`"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("the body map has 2 problems"), "{stderr}");
}

#[test]
fn check_refuses_a_position_of_a_point_the_catalogue_lacks() {
    let dir = catalogue_with_body(
        "[[position]]\ncode = \"BL99\"\nframe = \"back\"\nx = 1.5\ny = 1.8\nhow = \"t\"\n",
    );
    let output = acuref().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("BL.toml:1:1: `BL99` is not a point of the catalogue"),
        "{stderr}"
    );
}
