//! The body model's files as TOML writes them (see assets/body/README.md), before any name is
//! resolved. Every table keeps its place in its file for the problems found later.

use serde::Deserialize;
use toml::Spanned;

/// One body-model file: any of the tables, each optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    #[serde(default)]
    pub(super) frame: Vec<Spanned<RawFrame>>,
    #[serde(default)]
    pub(super) view: Vec<Spanned<RawView>>,
    #[serde(default)]
    pub(super) landmark: Vec<Spanned<RawLandmark>>,
    #[serde(default)]
    pub(super) position: Vec<Spanned<RawPosition>>,
    #[serde(default)]
    pub(super) line: Vec<Spanned<RawLine>>,
}

/// `[[frame]]`: a coordinate frame.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFrame {
    pub(super) name: String,
    pub(super) title: String,
    pub(super) about: String,
    pub(super) mirror: bool,
    pub(super) outlines: Vec<Spanned<String>>,
}

/// `[[view]]`: a window over a frame.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawView {
    pub(super) name: String,
    pub(super) frame: Spanned<String>,
    #[serde(default)]
    pub(super) whole: bool,
    pub(super) x: [f64; 2],
    pub(super) y: [f64; 2],
}

/// `[[landmark]]`: a named place of a frame.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLandmark {
    pub(super) name: String,
    pub(super) frame: Spanned<String>,
    pub(super) x: Option<f64>,
    pub(super) y: Option<f64>,
    pub(super) from: Option<Spanned<String>>,
    pub(super) between: Option<Spanned<Vec<String>>>,
    pub(super) at: Option<f64>,
    pub(super) dx: Option<f64>,
    pub(super) dy: Option<f64>,
    pub(super) measure: String,
}

/// `[[position]]`: where a catalogue point lies in one frame.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPosition {
    pub(super) code: Spanned<String>,
    pub(super) frame: Spanned<String>,
    pub(super) part: Option<String>,
    pub(super) x: Option<f64>,
    pub(super) y: Option<f64>,
    pub(super) from: Option<Spanned<String>>,
    pub(super) between: Option<Spanned<Vec<String>>>,
    pub(super) at: Option<f64>,
    pub(super) dx: Option<f64>,
    pub(super) dy: Option<f64>,
    pub(super) bilateral: Option<bool>,
    pub(super) how: String,
}

/// `[[line]]`: one polyline of an outline file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLine {
    pub(super) part: String,
    #[serde(default)]
    pub(super) closed: bool,
    #[serde(default)]
    pub(super) symmetric: bool,
    #[serde(default)]
    pub(super) mirror: bool,
    pub(super) points: Vec<[f64; 2]>,
}

/// Where a landmark or a position is, as written: `x` and `y`, or `from` a named place plus
/// offsets, or a fraction `at` of the way `between` two named places plus offsets.
#[derive(Clone, Debug)]
pub(super) struct RawPlace {
    pub(super) x: Option<f64>,
    pub(super) y: Option<f64>,
    pub(super) from: Option<Spanned<String>>,
    pub(super) between: Option<Spanned<Vec<String>>>,
    pub(super) at: Option<f64>,
    pub(super) dx: Option<f64>,
    pub(super) dy: Option<f64>,
}

macro_rules! place_of {
    ($t:ty) => {
        impl $t {
            /// The placement fields of this table.
            pub(super) fn place(&self) -> RawPlace {
                RawPlace {
                    x: self.x,
                    y: self.y,
                    from: self.from.clone(),
                    between: self.between.clone(),
                    at: self.at,
                    dx: self.dx,
                    dy: self.dy,
                }
            }
        }
    };
}
place_of!(RawLandmark);
place_of!(RawPosition);
