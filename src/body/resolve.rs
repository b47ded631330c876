//! Placing landmarks and positions: `x`/`y`, `from` a named place plus offsets, or `between`
//! two named places; names are looked up in the same frame, chains are followed and cycles
//! refused. Then the positions are checked: duplicates, sides, and the figure's outline.

use std::collections::{HashMap, HashSet};

use super::load::Parsed;
use super::raw::RawPlace;
use super::{Frame, Landmark, Position, Pt};
use crate::catalogue::problem::{Problem, line_column};
use crate::text::echo;

/// A landmark or a position waiting to be placed.
pub(super) struct Item {
    pub(super) file: usize,
    pub(super) offset: usize,
    pub(super) frame: usize,
    pub(super) place: RawPlace,
    pub(super) kind: ItemKind,
}

/// What an item is.
pub(super) enum ItemKind {
    Landmark {
        name: String,
        measure: String,
    },
    Position {
        code: String,
        part: Option<String>,
        bilateral: Option<bool>,
        how: String,
    },
}

/// How far from x = 0 a point counts as on the midline.
const MIDLINE: f64 = 0.001;

/// Whether a code is a point of the Governor or Conception Vessel (on the midline, one of each).
pub(crate) fn is_midline_channel(code: &str) -> bool {
    let rest = code.strip_prefix("GV").or_else(|| code.strip_prefix("CV"));
    rest.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

struct Resolver<'a> {
    parsed: &'a [Parsed<'a>],
    items: &'a [Item],
    /// (frame, landmark name) to item.
    landmarks: HashMap<(usize, &'a str), usize>,
    /// (frame, code) to the items of its positions there.
    points: HashMap<(usize, &'a str), Vec<usize>>,
    placed: Vec<Option<Pt>>,
    visiting: HashSet<usize>,
    problems: Vec<Problem>,
}

pub(super) fn resolve(
    parsed: &[Parsed<'_>],
    frames: &[Frame],
    items: Vec<Item>,
    problems: &mut Vec<Problem>,
) -> (Vec<Landmark>, Vec<Position>) {
    let mut r = Resolver {
        parsed,
        items: &items,
        landmarks: HashMap::new(),
        points: HashMap::new(),
        placed: vec![None; items.len()],
        visiting: HashSet::new(),
        problems: Vec::new(),
    };
    let mut positions_seen: HashSet<(usize, &str, Option<&str>)> = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        match &item.kind {
            ItemKind::Landmark { name, .. } => {
                if r.landmarks.insert((item.frame, name), i).is_some() {
                    r.fail(
                        item,
                        format!(
                            "a second landmark `{}` in the frame `{}`",
                            echo(name),
                            frames[item.frame].name
                        ),
                        "a landmark is defined once per frame; give a local landmark a name of its own (prefix it with the channel: `st_...`)",
                    );
                }
            }
            ItemKind::Position { code, part, .. } => {
                if !positions_seen.insert((item.frame, code, part.as_deref())) {
                    r.fail(
                        item,
                        format!(
                            "a second position of {} in the frame `{}`{}",
                            echo(code),
                            frames[item.frame].name,
                            part.as_deref()
                                .map_or(String::new(), |p| format!(" (part `{}`)", echo(p)))
                        ),
                        "a point has one position per frame; a group of sites gives each a different `part`",
                    );
                }
                r.points.entry((item.frame, code)).or_default().push(i);
            }
        }
    }
    for i in 0..items.len() {
        r.place(i);
    }
    let Resolver {
        placed,
        problems: found,
        ..
    } = r;
    problems.extend(found);
    let bilateral = bilateral_of(parsed, &items, problems);
    let mut landmarks = Vec::new();
    let mut positions = Vec::new();
    for (item, at) in items.iter().zip(placed) {
        let Some(at) = at else { continue };
        let src = &parsed[item.file].src;
        match &item.kind {
            ItemKind::Landmark { name, measure } => landmarks.push(Landmark {
                name: name.clone(),
                frame: item.frame,
                at,
                measure: measure.clone(),
            }),
            ItemKind::Position {
                code, part, how, ..
            } => {
                let both = bilateral[code.as_str()];
                let frame = &frames[item.frame];
                if let Some((message, help)) = side_fault(frame, at, both) {
                    problems.push(src.problem(item.offset, message, help));
                } else if !frame.contains(at) {
                    problems.push(src.problem(
                        item.offset,
                        format!(
                            "{} lies outside the figure of the frame `{}`, at ({:.2}, {:.2})",
                            echo(code),
                            frame.name,
                            at.x,
                            at.y
                        ),
                        "check the offsets (x > 0 is the frame's lateral or anterior side, see README.md); `acuref map CODE` shows where it falls",
                    ));
                }
                let (line, column) = line_column(src.text, item.offset);
                positions.push(Position {
                    code: code.clone(),
                    part: part.clone(),
                    frame: item.frame,
                    at,
                    bilateral: both,
                    how: how.clone(),
                    written: (src.name.to_string(), line, column),
                });
            }
        }
    }
    (landmarks, positions)
}

/// Whether each code is bilateral: as its positions say (they must agree), else true for
/// every point but those of GV and CV.
fn bilateral_of<'a>(
    parsed: &[Parsed<'_>],
    items: &'a [Item],
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, bool> {
    let mut said: HashMap<&str, (bool, usize)> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if let ItemKind::Position {
            code,
            bilateral: Some(b),
            ..
        } = &item.kind
        {
            match said.get(code.as_str()) {
                Some(&(earlier, _)) if earlier != *b => problems.push(parsed[item.file].src.problem(
                    item.offset,
                    format!("{} is bilateral in one position and not in another", echo(code)),
                    "a point is bilateral or not in every frame; write the same `bilateral` on each position",
                )),
                Some(_) => {}
                None => {
                    said.insert(code, (*b, i));
                }
            }
        }
    }
    let mut out = HashMap::new();
    for item in items {
        if let ItemKind::Position { code, .. } = &item.kind {
            let value = said
                .get(code.as_str())
                .map_or(!is_midline_channel(code), |&(b, _)| b);
            out.insert(code.as_str(), value);
        }
    }
    out
}

/// In a mirrored frame, bilateral points lie at x > 0 and the others on the midline.
fn side_fault(frame: &Frame, at: Pt, bilateral: bool) -> Option<(String, &'static str)> {
    if !frame.mirror {
        return None;
    }
    if at.x < -MIDLINE {
        Some((
            format!(
                "in the mirrored frame `{}` points are written on the x >= 0 side; this one is at x = {:.2}",
                frame.name, at.x
            ),
            "write the x > 0 side; a bilateral point is drawn on both sides",
        ))
    } else if bilateral && at.x <= MIDLINE {
        Some((
            "a bilateral point on the midline".into(),
            "move it off the midline, or write `bilateral = false`",
        ))
    } else if !bilateral && at.x > MIDLINE {
        Some((
            format!(
                "a point that is not bilateral lies off the midline (x = {:.2})",
                at.x
            ),
            "a single point lies on the midline (x = 0); a point on both sides is `bilateral`",
        ))
    } else {
        None
    }
}

impl<'a> Resolver<'a> {
    fn fail(&mut self, item: &Item, message: String, help: &str) {
        self.problems.push(
            self.parsed[item.file]
                .src
                .problem(item.offset, message, help),
        );
    }

    fn fail_at(&mut self, item: &Item, offset: usize, message: String, help: &str) {
        self.problems
            .push(self.parsed[item.file].src.problem(offset, message, help));
    }

    /// Places item `i` (and whatever it is placed from); `None` after a problem.
    fn place(&mut self, i: usize) -> Option<Pt> {
        if let Some(at) = self.placed[i] {
            return Some(at);
        }
        let items = self.items;
        let item = &items[i];
        if !self.visiting.insert(i) {
            self.fail(
                item,
                "a cycle: this place is placed, through `from` or `between`, from itself".into(),
                "place one of the chain from a landmark or from x and y",
            );
            return None;
        }
        let at = self.place_of(i);
        self.visiting.remove(&i);
        self.placed[i] = at;
        at
    }

    fn place_of(&mut self, i: usize) -> Option<Pt> {
        let items = self.items;
        let item = &items[i];
        let p = &item.place;
        let offsets = Pt::new(p.dx.unwrap_or(0.0), p.dy.unwrap_or(0.0));
        let forms = usize::from(p.x.is_some() || p.y.is_some())
            + usize::from(p.from.is_some())
            + usize::from(p.between.is_some());
        let help = "write `x` and `y`, or `from` a landmark or point with `dx`/`dy`, or `between = [A, B]` with `at`";
        if forms != 1 {
            self.fail(
                item,
                "a place needs exactly one of: x and y; from; between".into(),
                help,
            );
            return None;
        }
        let at = if let (Some(x), Some(y)) = (p.x, p.y) {
            if p.dx.is_some() || p.dy.is_some() || p.at.is_some() {
                self.fail(
                    item,
                    "dx, dy and at go with from or between, not with x and y".into(),
                    help,
                );
                return None;
            }
            Pt::new(x, y)
        } else if p.x.is_some() || p.y.is_some() {
            self.fail(item, "a place needs both x and y".into(), help);
            return None;
        } else if let Some(from) = &p.from {
            if p.at.is_some() {
                self.fail(item, "`at` goes with between, not with from".into(), help);
                return None;
            }
            let base = self.lookup(i, from.get_ref(), from.span().start)?;
            Pt::new(base.x + offsets.x, base.y + offsets.y)
        } else {
            let between = p.between.as_ref()?;
            let [a, b] = between.get_ref().as_slice() else {
                self.fail_at(
                    item,
                    between.span().start,
                    "between names exactly two places".into(),
                    help,
                );
                return None;
            };
            let t = p.at.unwrap_or(0.5);
            let start = between.span().start;
            let a = self.lookup(i, a, start);
            let b = self.lookup(i, b, start);
            let base = a?.toward(b?, t);
            Pt::new(base.x + offsets.x, base.y + offsets.y)
        };
        if !at.x.is_finite() || !at.y.is_finite() {
            self.fail(item, "this place is not a finite number".into(), help);
            return None;
        }
        Some(at)
    }

    /// The place a name stands for in item `i`'s frame: a landmark, a point code with one
    /// position there, or `CODE#part`.
    fn lookup(&mut self, i: usize, name: &str, offset: usize) -> Option<Pt> {
        let items = self.items;
        let item = &items[i];
        let frame = item.frame;
        let (code, part) = match name.split_once('#') {
            Some((c, p)) => (c, Some(p)),
            None => (name, None),
        };
        if part.is_none()
            && let Some(&j) = self.landmarks.get(&(frame, name))
        {
            return self.place(j);
        }
        let candidates: Vec<usize> = self
            .points
            .get(&(frame, code))
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&j| match (&items[j].kind, part) {
                        (ItemKind::Position { part: Some(q), .. }, Some(p)) => q == p,
                        (_, Some(_)) => false,
                        (_, None) => true,
                    })
                    .collect()
            })
            .unwrap_or_default();
        match candidates.as_slice() {
            [j] => self.place(*j),
            [] => {
                self.fail_at(
                    item,
                    offset,
                    format!(
                        "`{}` names no landmark and no point placed in this frame",
                        echo(name)
                    ),
                    "name a landmark of the same frame (assets/body/landmarks.toml) or a point with a position in it",
                );
                None
            }
            _ => {
                self.fail_at(
                    item,
                    offset,
                    format!(
                        "`{}` has several positions in this frame; say which with `{}#part`",
                        echo(name),
                        echo(code)
                    ),
                    "name one site of a group as CODE#part",
                );
                None
            }
        }
    }
}
