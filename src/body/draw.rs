//! Drawing a view of the body with a point marked, into a ratatui [`Buffer`] (no terminal):
//! the figure's outline, the point's channel drawn faintly through its points in order, the
//! point marked on both sides when bilateral, and the nearest other points labelled.

use std::collections::HashSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line as CanvasLine, Points};

use super::{Body, Pt, View};

/// The line shown where the map does not fit.
pub const TOO_SMALL: &str = "too small for the map";

/// The smallest area a map is drawn in; below it, [`TOO_SMALL`].
pub const MIN_SIZE: (u16, u16) = (12, 6);

/// The symbol that marks the point.
pub const MARK: &str = "●";

/// The symbol that marks a neighbouring point.
pub const NEIGHBOUR: &str = "·";

/// How the map looks: styles for each layer, and the dots it is drawn with.
#[derive(Clone, Copy, Debug)]
pub struct MapStyle {
    /// The figure's outline.
    pub outline: Color,
    /// The channel's course.
    pub course: Color,
    /// The marked point and its code.
    pub mark: Style,
    /// Neighbouring points and their codes.
    pub label: Style,
    /// Braille dots, or half blocks where Braille is unwelcome (`--theme mono`).
    pub marker: Marker,
}

impl MapStyle {
    /// No colour: plain text (piped output, `--theme mono` with [`Marker::HalfBlock`]).
    pub fn plain(marker: Marker) -> MapStyle {
        MapStyle {
            outline: Color::Reset,
            course: Color::Reset,
            mark: Style::new().add_modifier(Modifier::BOLD),
            label: Style::new(),
            marker,
        }
    }

    /// Colours from the 16 ANSI colours: a grey figure, a faint course, a red mark.
    pub fn coloured() -> MapStyle {
        MapStyle {
            outline: Color::Gray,
            course: Color::DarkGray,
            mark: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            label: Style::new().fg(Color::Yellow),
            marker: Marker::Braille,
        }
    }
}

/// What to draw.
#[derive(Clone, Copy, Debug)]
pub struct MapRequest<'a> {
    /// The point to mark.
    pub code: &'a str,
    /// The view to draw, or `None` for the one that shows the point best.
    pub view: Option<&'a View>,
    /// The point's channel in number order (see [`super::course`]); empty for none.
    pub course: &'a [String],
    /// How many neighbouring points to label at most (the nearest whose mark and label fit).
    pub neighbours: usize,
    /// The points listed with it (a channel's, a region's): when given, the neighbours
    /// labelled are these, nearest first; empty for none.
    pub group: &'a [String],
}

/// What was drawn.
#[derive(Clone, Copy, Debug)]
pub struct Drawn<'a> {
    /// The view drawn, `None` when nothing was (no position, or the area was too small).
    pub view: Option<&'a View>,
    /// The area the figure took.
    pub figure: Rect,
}

/// The part of `area` a window of `w` x `h` cun fills with its proportions kept (a cell is
/// about twice as tall as it is wide), centred.
pub fn fit(area: Rect, w: f64, h: f64) -> Rect {
    if area.width == 0 || area.height == 0 || w <= 0.0 || h <= 0.0 {
        return Rect::new(area.x, area.y, 0, 0);
    }
    let by_height = (2.0 * f64::from(area.height) * w / h).floor();
    let cols = by_height.clamp(1.0, f64::from(area.width)) as u16;
    let rows = (h * f64::from(cols) / (2.0 * w))
        .round()
        .clamp(1.0, f64::from(area.height)) as u16;
    Rect::new(
        area.x + (area.width - cols) / 2,
        area.y + (area.height - rows) / 2,
        cols,
        rows,
    )
}

/// Draws the map of `request` into `area` of `buf`.
pub fn render<'a>(
    body: &'a Body,
    request: &MapRequest<'a>,
    style: &MapStyle,
    area: Rect,
    buf: &mut Buffer,
) -> Drawn<'a> {
    let nothing = Drawn {
        view: None,
        figure: Rect::new(area.x, area.y, 0, 0),
    };
    let Some(view) = request.view.or_else(|| body.best_view(request.code)) else {
        return nothing;
    };
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let shown: String = TOO_SMALL.chars().take(usize::from(area.width)).collect();
        if area.height > 0 {
            buf.set_string(area.x, area.y, shown, Style::new());
        }
        return nothing;
    }
    let figure = fit(area, view.x[1] - view.x[0], view.y[1] - view.y[0]);
    let frame = &body.frames[view.frame];
    let (marks, course) = places(body, request, view);
    let dot = 1.5 * (view.x[1] - view.x[0]) / f64::from(figure.width.max(1));
    Canvas::default()
        .x_bounds(view.x)
        .y_bounds(view.y)
        .marker(style.marker)
        .paint(|ctx: &mut Context<'_>| {
            for line in &frame.lines {
                draw_line(ctx, view, &line.points, line.closed, style.outline);
            }
            ctx.layer();
            let dots = dotted(&course, dot);
            ctx.draw(&Points {
                coords: &dots,
                color: style.course,
            });
        })
        .render(figure, buf);
    let grid = Grid { view, figure };
    let mut taken = HashSet::new();
    for &p in &marks {
        if let Some(cell) = grid.cell(p) {
            put(buf, cell, MARK, style.mark, &mut taken);
        }
    }
    if let Some(&first) = marks.iter().find(|&&p| grid.cell(p).is_some()) {
        label(buf, &grid, first, request.code, style.mark, &mut taken);
    }
    let mut labelled = 0;
    for (code, p) in neighbours(body, request, view, &marks) {
        if labelled == request.neighbours {
            break;
        }
        let Some(cell) = grid.cell(p) else { continue };
        if taken.contains(&cell) {
            continue;
        }
        put(buf, cell, NEIGHBOUR, style.label, &mut taken);
        if label(buf, &grid, p, code, style.label, &mut taken) {
            labelled += 1;
        }
    }
    Drawn {
        view: Some(view),
        figure,
    }
}

/// The marked point's places in the view, and the channel's course through the view's frame
/// (each side of a bilateral channel drawn on its own).
fn places(body: &Body, request: &MapRequest<'_>, view: &View) -> (Vec<Pt>, Vec<Vec<Pt>>) {
    let marks: Vec<Pt> = body
        .positions_of(request.code)
        .filter(|p| p.frame == view.frame)
        .flat_map(|p| body.drawn_at(p))
        .collect();
    let mut right = Vec::new();
    let mut left = Vec::new();
    for code in request.course {
        let Some(p) = body
            .positions_of(code)
            .find(|p| p.frame == view.frame && p.part.is_none())
        else {
            continue;
        };
        let at = body.drawn_at(p);
        right.push(at[0]);
        if let Some(&other) = at.get(1) {
            left.push(other);
        }
    }
    (marks, vec![right, left])
}

/// Points along each course, `step` cun apart: a dotted line, fainter than the outline.
fn dotted(courses: &[Vec<Pt>], step: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for course in courses {
        for pair in course.windows(2) {
            let length = pair[0].distance(pair[1]);
            let n = (length / step.max(1e-6)).ceil().clamp(1.0, 2000.0) as usize;
            for i in 0..=n {
                let p = pair[0].toward(pair[1], i as f64 / n as f64);
                out.push((p.x, p.y));
            }
        }
    }
    out
}

fn draw_line(ctx: &mut Context<'_>, view: &View, points: &[Pt], closed: bool, color: Color) {
    let segment = |ctx: &mut Context<'_>, a: Pt, b: Pt| {
        let off = (a.x < view.x[0] && b.x < view.x[0])
            || (a.x > view.x[1] && b.x > view.x[1])
            || (a.y < view.y[0] && b.y < view.y[0])
            || (a.y > view.y[1] && b.y > view.y[1]);
        if off {
            return;
        }
        ctx.draw(&CanvasLine {
            x1: a.x,
            y1: a.y,
            x2: b.x,
            y2: b.y,
            color,
        });
    };
    for pair in points.windows(2) {
        segment(ctx, pair[0], pair[1]);
    }
    if closed && let (Some(&first), Some(&last)) = (points.first(), points.last()) {
        segment(ctx, last, first);
    }
}

/// The other points placed in the view's frame and window, each code once at its nearest
/// place, nearest first.
fn neighbours<'a>(
    body: &'a Body,
    request: &MapRequest<'_>,
    view: &View,
    marks: &[Pt],
) -> Vec<(&'a str, Pt)> {
    let mut found: Vec<(f64, &str, Pt)> = Vec::new();
    for p in body.positions.iter().filter(|p| p.frame == view.frame) {
        if p.code == request.code {
            continue;
        }
        for at in body.drawn_at(p).into_iter().filter(|&q| view.contains(q)) {
            let d = marks
                .iter()
                .map(|m| m.distance(at))
                .fold(f64::INFINITY, f64::min);
            found.push((d, p.code.as_str(), at));
        }
    }
    let outside = |code: &str| !request.group.iter().any(|g| g == code);
    // With a group, only its points are labelled.
    found.retain(|(_, code, _)| request.group.is_empty() || !outside(code));
    found.sort_by(|a, b| {
        outside(a.1)
            .cmp(&outside(b.1))
            .then(a.0.total_cmp(&b.0))
            .then(a.1.cmp(b.1))
    });
    let mut seen = HashSet::new();
    found
        .into_iter()
        .filter(|(_, code, _)| seen.insert(*code))
        .map(|(_, code, at)| (code, at))
        .collect()
}

/// The cells of a figure, as the canvas maps cun onto them.
struct Grid<'a> {
    view: &'a View,
    figure: Rect,
}

impl Grid<'_> {
    /// The cell a point falls in, if it is in the window.
    fn cell(&self, p: Pt) -> Option<(u16, u16)> {
        if !self.view.contains(p) || self.figure.width == 0 || self.figure.height == 0 {
            return None;
        }
        let [left, right] = self.view.x;
        let [bottom, top] = self.view.y;
        let dots_x = f64::from(self.figure.width) * 2.0 - 1.0;
        let dots_y = f64::from(self.figure.height) * 4.0 - 1.0;
        let x = ((p.x - left) * dots_x / (right - left)).round() as u16 / 2;
        let y = ((top - p.y) * dots_y / (top - bottom)).round() as u16 / 4;
        Some((
            self.figure.x + x.min(self.figure.width - 1),
            self.figure.y + y.min(self.figure.height - 1),
        ))
    }
}

fn put(
    buf: &mut Buffer,
    cell: (u16, u16),
    symbol: &str,
    style: Style,
    taken: &mut HashSet<(u16, u16)>,
) {
    if let Some(c) = buf.cell_mut(cell) {
        c.set_symbol(symbol).set_style(style);
    }
    taken.insert(cell);
}

/// Writes a code beside a point, right of it if it fits there, else left of it; nothing if
/// both sides are taken or off the figure. Whether it was written.
fn label(
    buf: &mut Buffer,
    grid: &Grid<'_>,
    p: Pt,
    code: &str,
    style: Style,
    taken: &mut HashSet<(u16, u16)>,
) -> bool {
    let Some((x, y)) = grid.cell(p) else {
        return false;
    };
    let width = code.chars().count() as u16;
    let area = grid.figure;
    let right = x + 1;
    let left = x.checked_sub(width);
    let free = |start: u16| {
        start >= area.x
            && start + width <= area.right()
            && (start..start + width).all(|c| !taken.contains(&(c, y)))
    };
    let start = if free(right) {
        right
    } else if let Some(l) = left.filter(|&l| free(l)) {
        l
    } else {
        return false;
    };
    buf.set_string(start, y, code, style);
    for c in start..start + width {
        taken.insert((c, y));
    }
    true
}

/// The map as a ratatui widget, for a pane of the interactive reference.
#[derive(Clone, Copy, Debug)]
pub struct MapWidget<'a> {
    /// The body model.
    pub body: &'a Body,
    /// What to draw.
    pub request: MapRequest<'a>,
    /// How it looks.
    pub style: MapStyle,
}

impl Widget for MapWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self.body, &self.request, &self.style, area, buf);
    }
}

/// The buffer's text, one line a row, trailing blanks trimmed.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        for x in area.left()..area.right() {
            row.push_str(buf[(x, y)].symbol());
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}
