//! The body model: coordinate frames in cun, the views over them, the figures' outlines, the
//! named landmarks and where each catalogue point lies (see assets/body/README.md). Pure
//! geometry: it reads only its own embedded files and, to check point codes, the catalogue.
//! [`draw`] renders a view with a point marked into a ratatui buffer, for the command line and
//! the interactive reference alike.

mod check;
pub mod draw;
mod embedded;
pub mod geometry;
mod load;
mod raw;
mod resolve;

use std::collections::HashMap;
use std::fmt;

pub use check::course;
pub use geometry::Pt;

use crate::catalogue::problem::Problem;

/// A coordinate frame: a projection of the body (front, back, side...) in cun.
#[derive(Clone, Debug)]
pub struct Frame {
    /// Its name, such as `front`.
    pub name: String,
    /// A title for people, such as "Front of the body".
    pub title: String,
    /// What x and y mean in it.
    pub about: String,
    /// Whether bilateral points show on both sides of x = 0.
    pub mirror: bool,
    /// The figure: every polyline of its outline files, mirrored copies included.
    pub lines: Vec<Line>,
}

impl Frame {
    /// Whether a point lies inside one of the figure's closed outlines.
    pub fn contains(&self, p: Pt) -> bool {
        self.lines
            .iter()
            .any(|l| l.closed && geometry::inside(&l.points, p))
    }
}

/// One polyline of a figure.
#[derive(Clone, Debug)]
pub struct Line {
    /// What it draws (`body`, `eye`, `patella`...).
    pub part: String,
    /// Whether the last point joins the first (an outline that holds points).
    pub closed: bool,
    /// Its points, in cun.
    pub points: Vec<Pt>,
}

/// A window over a frame: a whole-body view or a detail view.
#[derive(Clone, Debug)]
pub struct View {
    /// Its name, such as `face`.
    pub name: String,
    /// The frame it shows, an index into [`Body::frames`].
    pub frame: usize,
    /// Whether it shows its whole frame (the fallback when no detail view holds a point).
    pub whole: bool,
    /// The window's left and right edges, in cun.
    pub x: [f64; 2],
    /// The window's bottom and top edges, in cun.
    pub y: [f64; 2],
}

impl View {
    /// Whether the window holds a point.
    pub fn contains(&self, p: Pt) -> bool {
        (self.x[0]..=self.x[1]).contains(&p.x) && (self.y[0]..=self.y[1]).contains(&p.y)
    }

    /// Whether the window holds a point at least `inset` of its width and height from every
    /// edge.
    pub fn holds_inside(&self, p: Pt, inset: f64) -> bool {
        let dx = (self.x[1] - self.x[0]) * inset;
        let dy = (self.y[1] - self.y[0]) * inset;
        (self.x[0] + dx..=self.x[1] - dx).contains(&p.x)
            && (self.y[0] + dy..=self.y[1] - dy).contains(&p.y)
    }

    /// The window's area in square cun.
    pub fn area(&self) -> f64 {
        (self.x[1] - self.x[0]) * (self.y[1] - self.y[0])
    }
}

/// A named landmark in one frame.
#[derive(Clone, Debug)]
pub struct Landmark {
    /// Its name, such as `umbilicus` or `L2_spinous`.
    pub name: String,
    /// Its frame, an index into [`Body::frames`].
    pub frame: usize,
    /// Where it lies.
    pub at: Pt,
    /// The proportional measure (or the model's convention) it comes from.
    pub measure: String,
}

/// Where a catalogue point lies in one frame.
#[derive(Clone, Debug)]
pub struct Position {
    /// The point's code, such as `ST36`.
    pub code: String,
    /// For a point that is a group of sites (EX-B2, EX-HN1), which site.
    pub part: Option<String>,
    /// Its frame, an index into [`Body::frames`].
    pub frame: usize,
    /// Where it lies (on the x >= 0 side in mirrored frames).
    pub at: Pt,
    /// Whether the point lies on both sides of the body.
    pub bilateral: bool,
    /// How it was placed: which text or source it was read from.
    pub how: String,
    /// Where it is written: file, line and column.
    pub written: (String, usize, usize),
}

/// The body model, loaded and checked.
#[derive(Clone, Debug)]
pub struct Body {
    /// The frames.
    pub frames: Vec<Frame>,
    /// The views, in file order.
    pub views: Vec<View>,
    /// The landmarks, shared and local.
    pub landmarks: Vec<Landmark>,
    /// Every position, in file order.
    pub positions: Vec<Position>,
    by_code: HashMap<String, Vec<usize>>,
}

/// A body model that could not be loaded: every problem found.
#[derive(Clone, Debug)]
pub struct BodyError {
    /// The problems, in file order.
    pub problems: Vec<Problem>,
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in self.problems.iter().take(50) {
            writeln!(f, "{problem}")?;
        }
        let n = self.problems.len();
        write!(
            f,
            "the body map has {n} problem{}",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for BodyError {}

impl Body {
    /// The body model built into the binary (assets/body/).
    pub fn builtin() -> Result<Body, BodyError> {
        Body::from_files(embedded::FILES)
    }

    /// A body model from files given as (name, text): names as `assets/body/...` paths
    /// (outline files sit in a folder named `outlines`).
    pub fn from_files(files: &[(&str, &str)]) -> Result<Body, BodyError> {
        load::load(files)
    }

    /// A frame by name.
    pub fn frame(&self, name: &str) -> Option<usize> {
        self.frames.iter().position(|f| f.name == name)
    }

    /// A view by name.
    pub fn view(&self, name: &str) -> Option<&View> {
        self.views.iter().find(|v| v.name == name)
    }

    /// Every position of a point, in file order.
    pub fn positions_of<'a>(&'a self, code: &str) -> impl Iterator<Item = &'a Position> + 'a {
        let found = self.by_code.get(code).map_or(&[][..], Vec::as_slice);
        found.iter().map(|&i| &self.positions[i])
    }

    /// The codes that have at least one position.
    pub fn placed_codes(&self) -> impl Iterator<Item = &str> {
        self.by_code.keys().map(String::as_str)
    }

    /// Where a position is drawn: its place, and its mirror image for a bilateral point in a
    /// mirrored frame.
    pub fn drawn_at(&self, p: &Position) -> Vec<Pt> {
        if p.bilateral && self.frames[p.frame].mirror {
            vec![p.at, p.at.mirrored()]
        } else {
            vec![p.at]
        }
    }

    /// The view that shows most of these points together, the first among them always: of
    /// the frames that place the first, the one that places the most of the others, and in it
    /// the smallest view that holds each of them placed there.
    pub fn view_for_all(&self, codes: &[&str]) -> Option<&View> {
        let first: Vec<usize> = self.positions_of(codes.first()?).map(|p| p.frame).collect();
        let mut counts = vec![0usize; self.frames.len()];
        for code in codes {
            let mut frames: Vec<usize> = self.positions_of(code).map(|p| p.frame).collect();
            frames.dedup();
            for f in frames {
                counts[f] += 1;
            }
        }
        let (frame, _) = counts
            .iter()
            .enumerate()
            .filter(|&(f, &n)| n > 0 && first.contains(&f))
            .max_by_key(|&(f, &n)| (n, std::cmp::Reverse(f)))?;
        let placed: Vec<&Position> = codes
            .iter()
            .flat_map(|code| self.positions_of(code))
            .filter(|p| p.frame == frame)
            .collect();
        self.views
            .iter()
            .filter(|v| v.frame == frame)
            .filter(|v| {
                placed
                    .iter()
                    .all(|p| self.drawn_at(p).iter().any(|&q| v.contains(q)))
            })
            .min_by(|a, b| a.area().total_cmp(&b.area()))
    }

    /// The views that show a position (either side of a bilateral point), smallest first.
    pub fn views_showing(&self, p: &Position) -> Vec<&View> {
        let places = self.drawn_at(p);
        let mut views: Vec<&View> = self
            .views
            .iter()
            .filter(|v| v.frame == p.frame && places.iter().any(|&q| v.contains(q)))
            .collect();
        views.sort_by(|a, b| a.area().total_cmp(&b.area()));
        views
    }

    /// The view that shows a point best: the smallest detail view that holds one of its
    /// positions well inside its window (a twentieth of its size from every edge), else the
    /// smallest that holds one at all, else the whole view of its first position's frame.
    pub fn best_view(&self, code: &str) -> Option<&View> {
        let smallest = |inset: f64| {
            self.positions_of(code)
                .flat_map(|p| {
                    let places = self.drawn_at(p);
                    self.views
                        .iter()
                        .filter(move |v| !v.whole && v.frame == p.frame)
                        .filter(move |v| places.iter().any(|&q| v.holds_inside(q, inset)))
                })
                .min_by(|a, b| a.area().total_cmp(&b.area()))
        };
        smallest(0.05).or_else(|| smallest(0.0)).or_else(|| {
            let first = self.positions_of(code).next()?;
            self.views
                .iter()
                .find(|v| v.whole && v.frame == first.frame)
        })
    }
}
