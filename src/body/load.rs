//! Loading the body model: parse every file, build the frames, views and outlines, place the
//! landmarks and positions, and collect every problem with its file, line and column.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::raw::{RawFile, RawLine};
use super::resolve::{self, Item, ItemKind};
use super::{Body, BodyError, Frame, Line, Pt, View};
use crate::catalogue::problem::{Problem, SourceText};
use crate::text::echo;

/// A parsed file and its source, for locating problems.
pub(super) struct Parsed<'a> {
    pub(super) src: SourceText<'a>,
    pub(super) raw: RawFile,
}

pub(super) fn load(files: &[(&str, &str)]) -> Result<Body, BodyError> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for &(name, text) in files {
        let src = SourceText { name, text };
        match toml::from_str::<RawFile>(text) {
            Ok(raw) => parsed.push(Parsed { src, raw }),
            Err(e) => problems.push(src.problem(
                e.span().map_or(0, |s| s.start),
                crate::text::escape_controls(&e.message().trim().replace('\n', " ")),
                "see assets/body/README.md for the tables and fields of the body model",
            )),
        }
    }
    let outlines = outlines(&parsed, &mut problems);
    let frames = frames(&parsed, &outlines, &mut problems);
    let views = views(&parsed, &frames, &mut problems);
    let items = items(&parsed, &frames, &mut problems);
    let (landmarks, positions) = resolve::resolve(&parsed, &frames, items, &mut problems);
    let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in positions.iter().enumerate() {
        by_code.entry(p.code.clone()).or_default().push(i);
    }
    if problems.is_empty() {
        Ok(Body {
            frames,
            views,
            landmarks,
            positions,
            by_code,
        })
    } else {
        Err(BodyError { problems })
    }
}

/// The outline files (in a folder named `outlines`), by their name without `.toml`.
fn outlines(parsed: &[Parsed<'_>], problems: &mut Vec<Problem>) -> HashMap<String, Vec<Line>> {
    let mut out: HashMap<String, Vec<Line>> = HashMap::new();
    for file in parsed {
        let path = std::path::Path::new(file.src.name);
        let in_outlines = path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == "outlines");
        if !in_outlines {
            if let Some(line) = file.raw.line.first() {
                problems.push(file.src.problem(
                    line.span().start,
                    "a [[line]] outside the outlines folder".into(),
                    "outlines live in assets/body/outlines/NAME.toml; a frame names them",
                ));
            }
            continue;
        }
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lines = out.entry(stem).or_default();
        for line in &file.raw.line {
            if let Some(built) = build_line(line, &file.src, problems) {
                lines.extend(built);
            }
        }
    }
    out
}

/// A `[[line]]` as drawn: a symmetric line joined to its mirror image, a mirrored line twice.
fn build_line(
    line: &Spanned<RawLine>,
    src: &SourceText<'_>,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Line>> {
    let raw = line.get_ref();
    let points: Vec<Pt> = raw.points.iter().map(|&[x, y]| Pt::new(x, y)).collect();
    let least = if raw.closed { 3 } else { 2 };
    let fault = if points.len() < least {
        Some(format!(
            "a {} line needs at least {least} points; this one has {}",
            if raw.closed { "closed" } else { "open" },
            points.len()
        ))
    } else if raw.symmetric && raw.mirror {
        Some("a line is either symmetric or mirrored, not both".into())
    } else if points.iter().any(|p| !p.x.is_finite() || !p.y.is_finite()) {
        Some("a point of this line is not a finite number".into())
    } else {
        None
    };
    if let Some(message) = fault {
        problems.push(src.problem(
            line.span().start,
            message,
            "see assets/body/README.md: outlines",
        ));
        return None;
    }
    let part = raw.part.clone();
    let closed = raw.closed;
    Some(if raw.symmetric {
        vec![Line {
            part,
            closed,
            points: symmetric(&points),
        }]
    } else if raw.mirror {
        let other = points.iter().map(|p| p.mirrored()).collect();
        vec![
            Line {
                part: part.clone(),
                closed,
                points,
            },
            Line {
                part,
                closed,
                points: other,
            },
        ]
    } else {
        vec![Line {
            part,
            closed,
            points,
        }]
    })
}

/// A symmetric line whole: given from the midline outward (an open line), its mirror image
/// comes first; given toward the midline or from it round to it, its mirror image follows. The
/// points on the midline are not repeated.
fn symmetric(half: &[Pt]) -> Vec<Pt> {
    let on_midline = |p: &Pt| p.x == 0.0;
    let mirror: Vec<Pt> = half
        .iter()
        .rev()
        .filter(|p| !on_midline(p))
        .map(|p| p.mirrored())
        .collect();
    let starts = half.first().is_some_and(on_midline);
    let ends = half.last().is_some_and(on_midline);
    if starts && !ends {
        mirror.into_iter().chain(half.iter().copied()).collect()
    } else {
        half.iter().copied().chain(mirror).collect()
    }
}

fn frames(
    parsed: &[Parsed<'_>],
    outlines: &HashMap<String, Vec<Line>>,
    problems: &mut Vec<Problem>,
) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    for file in parsed {
        for table in &file.raw.frame {
            let raw = table.get_ref();
            if frames.iter().any(|f| f.name == raw.name) {
                problems.push(file.src.problem(
                    table.span().start,
                    format!("a second frame named `{}`", echo(&raw.name)),
                    "each frame is defined once",
                ));
                continue;
            }
            let mut lines = Vec::new();
            for name in &raw.outlines {
                match outlines.get(name.get_ref()) {
                    Some(found) => lines.extend(found.iter().cloned()),
                    None => problems.push(file.src.problem(
                        name.span().start,
                        format!("no outline file `outlines/{}.toml`", echo(name.get_ref())),
                        "name an outline file under assets/body/outlines/ (without .toml)",
                    )),
                }
            }
            frames.push(Frame {
                name: raw.name.clone(),
                title: raw.title.clone(),
                about: raw.about.clone(),
                mirror: raw.mirror,
                lines,
            });
        }
    }
    frames
}

fn views(parsed: &[Parsed<'_>], frames: &[Frame], problems: &mut Vec<Problem>) -> Vec<View> {
    let mut views: Vec<View> = Vec::new();
    for file in parsed {
        for table in &file.raw.view {
            let raw = table.get_ref();
            let at = table.span().start;
            let Some(frame) = frames.iter().position(|f| f.name == *raw.frame.get_ref()) else {
                problems.push(unknown_frame(&file.src, &raw.frame, frames));
                continue;
            };
            let fault = if views.iter().any(|v| v.name == raw.name) {
                Some(format!("a second view named `{}`", echo(&raw.name)))
            } else if !(raw.x[0] < raw.x[1] && raw.y[0] < raw.y[1]) {
                Some("a view's x and y are [min, max] with min < max".into())
            } else if raw.whole && raw.name != frames[frame].name {
                Some("a whole view is named like its frame".into())
            } else {
                None
            };
            match fault {
                Some(message) => problems.push(file.src.problem(
                    at,
                    message,
                    "see assets/body/README.md: views",
                )),
                None => views.push(View {
                    name: raw.name.clone(),
                    frame,
                    whole: raw.whole,
                    x: raw.x,
                    y: raw.y,
                }),
            }
        }
    }
    let named: HashSet<usize> = views.iter().filter(|v| v.whole).map(|v| v.frame).collect();
    for (i, frame) in frames.iter().enumerate() {
        if !named.contains(&i) {
            problems.push(Problem {
                file: "assets/body/frames.toml".into(),
                line: 1,
                column: 1,
                message: format!("the frame `{}` has no whole view", frame.name),
                help: "add a [[view]] with whole = true named like the frame".into(),
            });
        }
    }
    views
}

/// A problem for a frame name that names no frame.
pub(super) fn unknown_frame(
    src: &SourceText<'_>,
    name: &Spanned<String>,
    frames: &[Frame],
) -> Problem {
    let known: Vec<&str> = frames.iter().map(|f| f.name.as_str()).collect();
    src.problem(
        name.span().start,
        format!("unknown frame `{}`", echo(name.get_ref())),
        &format!("the frames are: {}", known.join(", ")),
    )
}

/// Every landmark and position, with its frame, ready to be placed.
fn items(parsed: &[Parsed<'_>], frames: &[Frame], problems: &mut Vec<Problem>) -> Vec<Item> {
    let frame_of = |name: &Spanned<String>| frames.iter().position(|f| f.name == *name.get_ref());
    let mut items = Vec::new();
    for (file_index, file) in parsed.iter().enumerate() {
        for table in &file.raw.landmark {
            let raw = table.get_ref();
            let Some(frame) = frame_of(&raw.frame) else {
                problems.push(unknown_frame(&file.src, &raw.frame, frames));
                continue;
            };
            items.push(Item {
                file: file_index,
                offset: table.span().start,
                frame,
                place: raw.place(),
                kind: ItemKind::Landmark {
                    name: raw.name.clone(),
                    measure: raw.measure.clone(),
                },
            });
        }
        for table in &file.raw.position {
            let raw = table.get_ref();
            let Some(frame) = frame_of(&raw.frame) else {
                problems.push(unknown_frame(&file.src, &raw.frame, frames));
                continue;
            };
            items.push(Item {
                file: file_index,
                offset: table.span().start,
                frame,
                place: raw.place(),
                kind: ItemKind::Position {
                    code: raw.code.get_ref().clone(),
                    part: raw.part.clone(),
                    bilateral: raw.bilateral,
                    how: raw.how.clone(),
                },
            });
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xs(points: &[Pt]) -> Vec<(f64, f64)> {
        points.iter().map(|p| (p.x, p.y)).collect()
    }

    #[test]
    fn a_symmetric_outline_is_closed_by_its_mirror_image() {
        let half = [Pt::new(0.0, 2.0), Pt::new(1.0, 1.0), Pt::new(0.0, 0.0)];
        assert_eq!(
            xs(&symmetric(&half)),
            [(0.0, 2.0), (1.0, 1.0), (0.0, 0.0), (-1.0, 1.0)]
        );
    }

    #[test]
    fn an_open_symmetric_line_from_the_midline_gets_its_mirror_first() {
        let half = [Pt::new(0.0, 1.0), Pt::new(1.0, 2.0), Pt::new(2.0, 2.0)];
        assert_eq!(
            xs(&symmetric(&half)),
            [(-2.0, 2.0), (-1.0, 2.0), (0.0, 1.0), (1.0, 2.0), (2.0, 2.0)]
        );
        let toward = [Pt::new(2.0, 2.0), Pt::new(0.0, 1.0)];
        assert_eq!(
            xs(&symmetric(&toward)),
            [(2.0, 2.0), (0.0, 1.0), (-2.0, 2.0)]
        );
    }
}
