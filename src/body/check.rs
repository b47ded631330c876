//! The body model held against a catalogue: every positioned code is a point of it, and a
//! channel's course in number order.

use super::Body;
use crate::catalogue::Catalogue;
use crate::catalogue::problem::Problem;
use crate::text::echo;

/// The codes of a point's channel in number order (the point alone for an extra point, none
/// for a code the catalogue lacks).
pub fn course(c: &Catalogue, code: &str) -> Vec<String> {
    let Some(point) = c.points.get(code) else {
        return Vec::new();
    };
    let Some(channel) = &point.channel else {
        return vec![point.code.to_string()];
    };
    let mut points: Vec<_> = c
        .points
        .all()
        .filter(|p| p.channel.as_ref() == Some(channel))
        .collect();
    points.sort_by_key(|p| p.number);
    points.iter().map(|p| p.code.to_string()).collect()
}

impl Body {
    /// Problems of the model against a catalogue: each position whose code is not one of its
    /// points.
    pub fn unknown_codes(&self, c: &Catalogue) -> Vec<Problem> {
        self.positions
            .iter()
            .filter(|p| c.points.get(&p.code).is_none())
            .map(|p| Problem {
                file: p.written.0.clone(),
                line: p.written.1,
                column: p.written.2,
                message: format!("`{}` is not a point of the catalogue", echo(&p.code)),
                help:
                    "write the point's WHO code as data/points/ writes it (BL23, EX-B2, TUNG-22.05)"
                        .into(),
            })
            .collect()
    }

    /// The catalogue's points that have no position, in catalogue order.
    pub fn unplaced<'a>(&self, c: &'a Catalogue) -> Vec<&'a str> {
        c.points
            .all()
            .map(|p| p.code.as_str())
            .filter(|code| self.positions_of(code).next().is_none())
            .collect()
    }
}
