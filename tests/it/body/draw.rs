//! Drawing the map: snapshots of `acuref map` at two sizes, the half-block fallback, the
//! "too small" line, and a property test that any point draws at any size without panicking.

use std::sync::OnceLock;

use acuref::body::draw::{self, MapRequest, MapStyle, MapWidget};
use acuref::body::{Body, course};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;

use crate::common::{acuref, builtin};

fn body() -> &'static Body {
    static BODY: OnceLock<Body> = OnceLock::new();
    BODY.get_or_init(|| Body::builtin().unwrap_or_else(|e| panic!("{e}")))
}

fn map(args: &[&str]) -> String {
    let output = acuref().arg("map").args(args).output().expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn map_snapshots_at_two_sizes() {
    insta::assert_snapshot!("map_gv4_40x20", map(&["gv4", "--size", "40x20"]));
    insta::assert_snapshot!("map_gv4_100x50", map(&["gv4", "--size", "100x50"]));
    insta::assert_snapshot!(
        "map_cv12_front_40x20",
        map(&["cv12", "--view", "front", "--size", "40x20"])
    );
    insta::assert_snapshot!("map_gv26_80x40", map(&["renzhong", "--size", "80x40"]));
    insta::assert_snapshot!(
        "map_gv20_blocks_60x30",
        map(&["du 20", "--size", "60x30", "--blocks"])
    );
}

fn drawn(code: &str, view: Option<&str>, area: Rect, marker: Marker) -> Buffer {
    let channel = course(&builtin().0, code);
    let mut buf = Buffer::empty(area);
    MapWidget {
        body: body(),
        request: MapRequest {
            code,
            view: view.and_then(|v| body().view(v)),
            course: &channel,
            neighbours: 4,
            group: &[],
        },
        style: MapStyle::plain(marker),
    }
    .render(area, &mut buf);
    buf
}

#[test]
fn a_bilateral_point_is_marked_on_both_sides() {
    // Built from a small model so the test does not wait for a channel's file.
    let frames = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/body/frames.toml"
    ))
    .unwrap();
    let silhouette = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/body/outlines/silhouette.toml"
    ))
    .unwrap();
    let frames = frames
        .replace("\"front_details\"", "\"silhouette\"")
        .replace("\"back_details\"", "\"silhouette\"");
    let mut files: Vec<(String, String)> = vec![
        ("assets/body/frames.toml".into(), frames),
        ("assets/body/outlines/silhouette.toml".into(), silhouette),
    ];
    for name in ["side", "medial", "scalp", "foot_top", "sole"] {
        for suffix in ["", "_details"] {
            let path = format!("assets/body/outlines/{name}{suffix}.toml");
            let text =
                std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            files.push((path, text));
        }
    }
    files.push((
        "assets/body/points/BL.toml".into(),
        "[[position]]\ncode = \"BL23\"\nframe = \"back\"\nx = 1.5\ny = 1.8\nhow = \"t\"\n".into(),
    ));
    let named: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let small = Body::from_files(&named).unwrap_or_else(|e| panic!("{e}"));
    let area = Rect::new(0, 0, 60, 40);
    let mut buf = Buffer::empty(area);
    let channel = vec!["BL23".to_string()];
    let shown = draw::render(
        &small,
        &MapRequest {
            code: "BL23",
            view: small.view("back"),
            course: &channel,
            neighbours: 0,
            group: &[],
        },
        &MapStyle::plain(Marker::Braille),
        area,
        &mut buf,
    );
    assert_eq!(shown.view.map(|v| v.name.as_str()), Some("back"));
    let text = draw::text(&buf);
    assert_eq!(text.matches(draw::MARK).count(), 2, "{text}");
    let row = text.lines().find(|l| l.contains(draw::MARK)).unwrap();
    let marks: Vec<usize> = row
        .char_indices()
        .filter(|(_, c)| c.to_string() == draw::MARK)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(marks.len(), 2, "both marks on one row: {row}");
    assert!(text.contains("BL23"), "{text}");
}

#[test]
fn half_blocks_draw_the_figure_without_braille() {
    let text = draw::text(&drawn(
        "GV4",
        Some("back"),
        Rect::new(0, 0, 40, 30),
        Marker::HalfBlock,
    ));
    assert!(text.contains(draw::MARK), "{text}");
    assert!(text.chars().any(|c| "▀▄█".contains(c)), "{text}");
    assert!(
        !text.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "{text}"
    );
}

#[test]
fn a_tiny_area_says_it_is_too_small() {
    let text = draw::text(&drawn("GV4", None, Rect::new(0, 0, 30, 5), Marker::Braille));
    assert!(text.starts_with(draw::TOO_SMALL), "{text}");
    let text = draw::text(&drawn(
        "GV4",
        None,
        Rect::new(0, 0, 40, 12),
        Marker::Braille,
    ));
    assert!(text.contains(draw::MARK), "40x12 draws a figure: {text}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_point_draws_at_any_size(
        point in 0usize..10_000,
        view in proptest::option::of(0usize..100),
        width in prop_oneof![Just(1u16), Just(200u16), 0u16..=220],
        height in prop_oneof![Just(1u16), Just(50u16), 0u16..=60],
        half in any::<bool>(),
    ) {
        let body = body();
        let codes: Vec<&str> = body.positions.iter().map(|p| p.code.as_str()).collect();
        let code = codes[point % codes.len()];
        let view = view.map(|v| body.views[v % body.views.len()].name.as_str());
        let marker = if half { Marker::HalfBlock } else { Marker::Braille };
        let area = Rect::new(0, 0, width, height);
        let buf = drawn(code, view, area, marker);
        prop_assert_eq!(buf.area, area);
        let fits = width >= draw::MIN_SIZE.0 && height >= draw::MIN_SIZE.1;
        let shown_here = view.is_none_or(|v| body.positions_of(code).any(|p| body.views_showing(p).iter().any(|s| s.name == v)));
        if fits && shown_here {
            prop_assert!(draw::text(&buf).contains(draw::MARK), "{code} in {view:?} at {width}x{height}");
        }
    }
}

#[test]
fn the_readme_shows_the_map_as_drawn() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let screen = map(&["gv4", "--size", "56x26"]);
    assert!(
        readme.contains(&format!("```\n{screen}```")),
        "README.md must show `acuref map gv4 --size 56x26` exactly as drawn:\n{screen}"
    );
}
