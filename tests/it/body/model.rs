//! The body model as loaded: it loads, every position lies in its figure, bilateral points
//! mirror, and broken files are reported at the place of the fault.

use acuref::body::{Body, BodyError};

use crate::common::{acuref, builtin, json};

fn builtin_body() -> Body {
    Body::builtin().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_builtin_model_loads_and_places_only_catalogue_points() {
    let body = builtin_body();
    assert!(body.frames.len() >= 7);
    assert!(body.positions.len() >= 52, "GV and CV at least");
    let unknown = body.unknown_codes(&builtin().0);
    assert!(unknown.is_empty(), "{unknown:?}");
}

#[test]
fn every_position_lies_inside_its_figure_and_in_a_view() {
    let body = builtin_body();
    for p in &body.positions {
        let frame = &body.frames[p.frame];
        for at in body.drawn_at(p) {
            assert!(
                frame.contains(at),
                "{} at {at:?} is outside `{}`",
                p.code,
                frame.name
            );
        }
        assert!(
            !body.views_showing(p).is_empty(),
            "{} is in no view",
            p.code
        );
    }
}

#[test]
fn bilateral_points_mirror_and_midline_points_do_not() {
    let body = builtin_body();
    for p in &body.positions {
        let frame = &body.frames[p.frame];
        let drawn = body.drawn_at(p);
        if frame.mirror && p.bilateral {
            assert_eq!(drawn.len(), 2, "{}", p.code);
            assert_eq!(drawn[1].x, -drawn[0].x, "{}", p.code);
            assert_eq!(drawn[1].y, drawn[0].y, "{}", p.code);
            assert!(drawn[0].x > 0.0, "{} is bilateral on the midline", p.code);
        } else {
            assert_eq!(drawn.len(), 1, "{}", p.code);
        }
        if frame.mirror && !p.bilateral {
            assert_eq!(p.at.x, 0.0, "{} is single but off the midline", p.code);
        }
    }
    let gv4 = body.positions_of("GV4").next().expect("GV4 is placed");
    assert!(!gv4.bilateral);
}

const FRAMES: &str = r#"
[[frame]]
name = "front"
title = "Front"
about = "test"
mirror = true
outlines = ["box"]

[[view]]
name = "front"
frame = "front"
whole = true
x = [-5, 5]
y = [-5, 5]

[[view]]
name = "corner"
frame = "front"
x = [0, 2]
y = [0, 2]

[[view]]
name = "half"
frame = "front"
x = [0, 5]
y = [-5, 5]
"#;

const BOX: &str = r#"
[[line]]
part = "body"
closed = true
symmetric = true
points = [[0, 4], [4, 4], [4, -4], [0, -4]]
"#;

const LANDMARKS: &str = r#"
[[landmark]]
name = "navel"
frame = "front"
x = 0
y = 0
measure = "test"
"#;

fn load(points: &str) -> Result<Body, BodyError> {
    Body::from_files(&[
        ("assets/body/frames.toml", FRAMES),
        ("assets/body/landmarks.toml", LANDMARKS),
        ("assets/body/outlines/box.toml", BOX),
        ("assets/body/points/XX.toml", points),
    ])
}

fn problems(points: &str) -> Vec<String> {
    match load(points) {
        Ok(_) => panic!("expected problems"),
        Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn a_good_file_places_points_from_landmarks_and_points() {
    let body = load(
        r#"
[[position]]
code = "CV8"
frame = "front"
from = "navel"
how = "test"

[[position]]
code = "ST25"
frame = "front"
from = "CV8"
dx = 2
how = "test"

[[position]]
code = "ST26"
frame = "front"
between = ["ST25", "navel"]
at = 0.5
dy = -1
how = "test"
"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let st26 = body.positions_of("ST26").next().unwrap();
    assert_eq!((st26.at.x, st26.at.y), (1.0, -1.0));
    assert!(st26.bilateral);
    assert!(!body.positions_of("CV8").next().unwrap().bilateral);
}

#[test]
fn unknown_frames_and_names_are_located() {
    let found = problems(
        "[[position]]\ncode = \"ST25\"\nframe = \"frnt\"\nx = 1\ny = 0\nhow = \"t\"\n\n\
         [[position]]\ncode = \"ST26\"\nframe = \"front\"\nfrom = \"navl\"\nhow = \"t\"\n",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("assets/body/points/XX.toml:3:9: unknown frame `frnt`"),
        "{}",
        found[0]
    );
    assert!(
        found[1].starts_with("assets/body/points/XX.toml:11:8: `navl` names no landmark"),
        "{}",
        found[1]
    );
}

#[test]
fn a_cycle_of_from_is_refused() {
    let found = problems(
        "[[position]]\ncode = \"ST25\"\nframe = \"front\"\nfrom = \"ST26\"\nhow = \"t\"\n\n\
         [[position]]\ncode = \"ST26\"\nframe = \"front\"\nfrom = \"ST25\"\nhow = \"t\"\n",
    );
    assert!(found.iter().any(|p| p.contains("a cycle")), "{found:#?}");
}

#[test]
fn a_point_outside_the_figure_is_refused() {
    let found =
        problems("[[position]]\ncode = \"ST25\"\nframe = \"front\"\nx = 4.5\ny = 0\nhow = \"t\"\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(
            "assets/body/points/XX.toml:1:1: ST25 lies outside the figure of the frame `front`"
        ),
        "{}",
        found[0]
    );
}

#[test]
fn duplicates_sides_and_unknown_fields_are_refused() {
    let found = problems(
        "[[position]]\ncode = \"ST25\"\nframe = \"front\"\nx = 1\ny = 0\nhow = \"t\"\n\n\
         [[position]]\ncode = \"ST25\"\nframe = \"front\"\nx = 2\ny = 0\nhow = \"t\"\n\n\
         [[position]]\ncode = \"CV8\"\nframe = \"front\"\nx = 1\ny = 0\nhow = \"t\"\n\n\
         [[position]]\ncode = \"ST27\"\nframe = \"front\"\nx = -1\ny = 0\nhow = \"t\"\n",
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains(":8:1: a second position of ST25")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains(":15:1: a point that is not bilateral lies off the midline")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|p| p.contains(
            ":22:1: in the mirrored frame `front` points are written on the x >= 0 side"
        )),
        "{found:#?}"
    );
    let found = problems(
        "[[position]]\ncode = \"ST25\"\nframe = \"front\"\nx = 1\ny = 0\nhow = \"t\"\ncolour = 1\n",
    );
    assert!(
        found[0].contains("XX.toml:7:1: unknown field `colour`"),
        "{found:#?}"
    );
}

#[test]
fn map_json_gives_positions_in_cun() {
    let value = json(&["map", "gv4", "--json"]);
    assert_eq!(value["code"], "GV4");
    let positions = value["positions"].as_array().unwrap();
    assert_eq!(positions[0]["view"], "back");
    assert_eq!(positions[0]["x"], 0.0);
    assert_eq!(positions[0]["y"], 1.8);
    assert_eq!(positions[0]["bilateral"], false);
    assert_eq!(value["best_view"], "trunk_back");
}

#[test]
fn map_draws_the_point_in_plain_text_when_piped() {
    let output = acuref()
        .args(["map", "cv 12", "--size", "40x24"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("CV12 Zhongwan"), "{text}");
    assert!(text.contains("●CV12"), "{text}");
    assert!(!text.contains('\u{1b}'), "no escape codes when piped");
}

#[test]
fn the_best_view_is_the_smallest_that_holds_the_point_well_inside() {
    let body = load(
        "[[position]]\ncode = \"ST25\"\nframe = \"front\"\nx = 1\ny = 1\nhow = \"t\"\n\n\
         [[position]]\ncode = \"ST26\"\nframe = \"front\"\nx = 1.97\ny = 1\nhow = \"t\"\n\n\
         [[position]]\ncode = \"ST27\"\nframe = \"front\"\nx = 0.1\ny = 3\nhow = \"t\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let best = |code| body.best_view(code).map(|v| v.name.as_str());
    assert_eq!(best("ST25"), Some("corner"));
    assert_eq!(best("ST26"), Some("half"), "at the corner view's edge");
    assert_eq!(
        best("ST27"),
        Some("half"),
        "near an edge of every detail view"
    );
    assert_eq!(best("ST28"), None);
}
