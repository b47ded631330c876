//! `acuref map`: a point drawn on the body, or its positions as JSON.

use std::io::{IsTerminal, Write};

use anyhow::{Result, bail};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;

use super::{Context, Status, diagnostic, joined, no_match};
use crate::body::draw::{self, MapRequest, MapStyle};
use crate::body::{Body, course};
use crate::catalogue::{EntryRef, Kind};

/// The figure's size when the output is not a terminal.
pub const PIPED_SIZE: (u16, u16) = (72, 36);

/// The largest figure drawn.
pub const MAX_SIZE: (u16, u16) = (200, 50);

/// What `acuref map` was asked.
pub(super) struct MapArgs<'a> {
    pub(super) query: &'a [String],
    pub(super) view: Option<&'a str>,
    pub(super) size: Option<&'a str>,
    pub(super) blocks: bool,
    pub(super) json: bool,
}

pub(super) fn map(cx: &Context<'_>, args: &MapArgs<'_>, out: &mut impl Write) -> Result<Status> {
    let query = joined(args.query)?;
    let found = cx.index.find(&query, Some(Kind::Point));
    let Some(hit) = found.hits.first() else {
        return Ok(no_match(&query));
    };
    let EntryRef {
        kind: Kind::Point,
        index,
    } = hit.entry
    else {
        return Ok(no_match(&query));
    };
    let point = &cx.c.points[index];
    let code = point.code.as_str();
    let (body, _) = super::body::load(cx.base)?;
    if args.json {
        return json(&body, code, out);
    }
    let view = match args.view {
        Some(name) => match body.view(name) {
            Some(v) => Some(v),
            None => {
                let names: Vec<&str> = body.views.iter().map(|v| v.name.as_str()).collect();
                bail!(
                    "no view named `{}`; the views are: {}",
                    crate::text::echo(name),
                    names.join(", ")
                );
            }
        },
        None => None,
    };
    if body.positions_of(code).next().is_none() {
        diagnostic(&format!("{code} has no position on the body map yet"));
        return Ok(Status::NothingFound);
    }
    let (cols, rows) = size(args.size)?;
    let channel = course(cx.c, code);
    let request = MapRequest {
        code,
        view,
        course: &channel,
        neighbours: if cols >= 60 { 5 } else { 3 },
        group: &[],
    };
    let marker = if args.blocks {
        Marker::HalfBlock
    } else {
        Marker::Braille
    };
    let area = Rect::new(0, 0, cols, rows);
    let mut buf = Buffer::empty(area);
    let style = if cx.style.is_styled() {
        MapStyle {
            marker,
            ..MapStyle::coloured()
        }
    } else {
        MapStyle::plain(marker)
    };
    let drawn = draw::render(&body, &request, &style, area, &mut buf);
    let Some(shown) = drawn.view else {
        writeln!(out, "{}", draw::TOO_SMALL)?;
        return Ok(Status::Success);
    };
    let sides = if body.positions_of(code).any(|p| p.bilateral) {
        "both sides"
    } else {
        "midline"
    };
    writeln!(
        out,
        "{code} {} ({}): {} view, {sides}",
        point.pinyin, point.english, shown.name
    )?;
    let text = if cx.style.is_styled() {
        coloured_text(&buf)
    } else {
        draw::text(&buf)
    };
    write!(out, "{}", trim_blank_rows(&text))?;
    let others: Vec<&str> = body
        .positions_of(code)
        .flat_map(|p| body.views_showing(p))
        .map(|v| v.name.as_str())
        .filter(|&n| n != shown.name)
        .collect();
    if !others.is_empty() {
        writeln!(out, "also in: {}", dedup(others).join(", "))?;
    }
    Ok(Status::Success)
}

/// The buffer's rows with their colours as ANSI escape codes (for a terminal).
fn coloured_text(buf: &Buffer) -> String {
    use ratatui::style::{Color, Modifier};
    let code = |color: Color| match color {
        Color::Gray => "37",
        Color::DarkGray => "90",
        Color::LightRed => "91",
        Color::Yellow => "33",
        Color::Red => "31",
        _ => "39",
    };
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut last = None;
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            let bold = cell.modifier.contains(Modifier::BOLD);
            let now = (code(cell.fg), bold);
            if cell.symbol() != " " && last != Some(now) {
                row.push_str(&format!(
                    "\x1b[0;{}{}m",
                    if bold { "1;" } else { "" },
                    now.0
                ));
                last = Some(now);
            }
            row.push_str(cell.symbol());
        }
        let trimmed = row.trim_end();
        out.push_str(trimmed);
        if last.is_some() {
            out.push_str("\x1b[0m");
        }
        out.push('\n');
    }
    out
}

fn dedup(names: Vec<&str>) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    names.into_iter().filter(|n| seen.insert(*n)).collect()
}

/// The rows between the first and the last that hold something.
fn trim_blank_rows(text: &str) -> String {
    let rows: Vec<&str> = text.lines().collect();
    let first = rows.iter().position(|r| !r.is_empty()).unwrap_or(0);
    let last = rows
        .iter()
        .rposition(|r| !r.is_empty())
        .map_or(0, |i| i + 1);
    let mut out = String::new();
    for row in &rows[first..last.max(first)] {
        out.push_str(row);
        out.push('\n');
    }
    out
}

/// The figure's size: as asked, or the terminal's, or [`PIPED_SIZE`]; at most [`MAX_SIZE`].
fn size(asked: Option<&str>) -> Result<(u16, u16)> {
    let (cols, rows) = match asked {
        Some(text) => {
            let parsed = text.split_once(['x', 'X']).and_then(|(c, r)| {
                Some((c.trim().parse::<u16>().ok()?, r.trim().parse::<u16>().ok()?))
            });
            match parsed {
                Some(size) => size,
                None => bail!(
                    "`--size {}` is not COLSxROWS; write it as 80x40",
                    crate::text::echo(text)
                ),
            }
        }
        None if std::io::stdout().is_terminal() => crossterm::terminal::size()
            .map(|(c, r)| (c, r.saturating_sub(3)))
            .unwrap_or(PIPED_SIZE),
        None => PIPED_SIZE,
    };
    Ok((cols.min(MAX_SIZE.0), rows.min(MAX_SIZE.1)))
}

fn json(body: &Body, code: &str, out: &mut impl Write) -> Result<Status> {
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    let positions: Vec<serde_json::Value> = body
        .positions_of(code)
        .map(|p| {
            let mut value = serde_json::json!({
                "view": body.frames[p.frame].name,
                "x": round(p.at.x),
                "y": round(p.at.y),
                "bilateral": p.bilateral,
                "views": body.views_showing(p).iter().map(|v| v.name.as_str()).collect::<Vec<_>>(),
                "how": p.how,
            });
            if let Some(part) = &p.part {
                value["part"] = serde_json::Value::String(part.clone());
            }
            value
        })
        .collect();
    let value = serde_json::json!({
        "code": code,
        "best_view": body.best_view(code).map(|v| v.name.as_str()),
        "positions": positions,
    });
    super::json::print(out, &value)?;
    Ok(if positions_empty(&value) {
        Status::NothingFound
    } else {
        Status::Success
    })
}

fn positions_empty(value: &serde_json::Value) -> bool {
    value["positions"].as_array().is_none_or(Vec::is_empty)
}
