//! The relation tables (tests/body_relations/<CH>.toml, see assets/body/README.md): each row
//! restates a location text ("3 cun below ST35") and is held against the positions; each
//! channel's points in number order form a course whose steps stay within a frame's limit
//! unless the table lists the jump with its reason.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use acuref::body::{Body, Pt};
use serde::Deserialize;

use crate::common::builtin;

/// The tolerance of a row that states none, in cun.
const TOLERANCE: f64 = 0.2;

/// The longest step between consecutive points of a channel in a frame, in cun, unless the
/// relation table lists it as a jump.
fn max_step(frame: &str) -> f64 {
    match frame {
        "scalp" => 6.0,
        "foot_top" | "sole" => 4.0,
        _ => 8.0,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    #[serde(default)]
    relation: Vec<Row>,
    #[serde(default)]
    jump: Vec<Jump>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    kind: String,
    a: String,
    b: Option<String>,
    c: Option<String>,
    cun: Option<f64>,
    at: Option<f64>,
    frame: Option<String>,
    tol: Option<f64>,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Jump {
    a: String,
    b: String,
    reason: String,
}

fn body() -> &'static Body {
    static BODY: OnceLock<Body> = OnceLock::new();
    BODY.get_or_init(|| Body::builtin().unwrap_or_else(|e| panic!("{e}")))
}

fn tables() -> Vec<(PathBuf, Table)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/body_relations");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/body_relations exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable");
            let table: Table =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, table)
        })
        .collect()
}

/// What a name in a row stands for in a frame: a landmark, a point (its one position there),
/// or `CODE#part`.
fn place(body: &Body, frame: usize, name: &str) -> Option<Pt> {
    if let Some(l) = body
        .landmarks
        .iter()
        .find(|l| l.frame == frame && l.name == name)
    {
        return Some(l.at);
    }
    let (code, part) = match name.split_once('#') {
        Some((c, p)) => (c, Some(p)),
        None => (name, None),
    };
    let mut found = body
        .positions_of(code)
        .filter(|p| p.frame == frame && p.part.as_deref() == part);
    let first = found.next()?;
    found.next().is_none().then_some(first.at)
}

/// Whether a name is a point of the catalogue that has no position yet (its channel's file
/// has not landed): such rows wait rather than fail.
fn pending(body: &Body, name: &str) -> bool {
    let code = name.split_once('#').map_or(name, |(c, _)| c);
    builtin().0.points.get(code).is_some() && body.positions_of(code).next().is_none()
}

fn known(body: &Body, name: &str) -> bool {
    let code = name.split_once('#').map_or(name, |(c, _)| c);
    builtin().0.points.get(code).is_some() || body.landmarks.iter().any(|l| l.name == name)
}

/// Checks a row in one frame: `Err` says what is off.
fn holds(
    row: &Row,
    frame: &str,
    mirror: bool,
    a: Pt,
    b: Option<Pt>,
    c: Option<Pt>,
) -> Result<(), String> {
    let tol = row.tol.unwrap_or(TOLERANCE);
    let need_b = || b.ok_or_else(|| format!("`{}` needs b", row.kind));
    let off = |d: f64| -> Result<(), String> {
        match row.cun {
            Some(cun) if (d - cun).abs() <= tol => Ok(()),
            Some(cun) => Err(format!("{d:.2} cun where the text says {cun}")),
            None if d > 0.05 => Ok(()),
            None => Err(format!("{d:.2} cun: not on that side")),
        }
    };
    let upright = matches!(frame, "side" | "medial");
    match row.kind.as_str() {
        "above" => off(a.y - need_b()?.y),
        "below" => off(need_b()?.y - a.y),
        "level" => {
            let d = (a.y - need_b()?.y).abs();
            (d <= tol)
                .then_some(())
                .ok_or(format!("{d:.2} cun apart in height"))
        }
        "vertical" => {
            let d = (a.x - need_b()?.x).abs();
            (d <= tol)
                .then_some(())
                .ok_or(format!("{d:.2} cun apart across"))
        }
        "on_midline" | "lateral_of_midline" if !mirror => Err(format!(
            "`{}` needs a frame with a midline (front, back, scalp)",
            row.kind
        )),
        "on_midline" => (a.x.abs() <= tol)
            .then_some(())
            .ok_or(format!("x = {:.2}, off the midline", a.x)),
        "lateral_of_midline" => {
            let cun = row.cun.ok_or("`lateral_of_midline` needs cun")?;
            ((a.x.abs() - cun).abs() <= tol)
                .then_some(())
                .ok_or(format!(
                    "{:.2} cun from the midline where the text says {cun}",
                    a.x.abs()
                ))
        }
        "lateral_of" | "medial_of" if upright => Err(format!(
            "`{}` has no meaning in the frame `{frame}` (use anterior_of, posterior_of)",
            row.kind
        )),
        "lateral_of" => off(a.x - need_b()?.x),
        "medial_of" => off(need_b()?.x - a.x),
        "anterior_of" | "posterior_of" if !upright => {
            Err(format!("`{}` needs the side or medial frame", row.kind))
        }
        "anterior_of" => off(a.x - need_b()?.x),
        "posterior_of" => off(need_b()?.x - a.x),
        "distance" => {
            let cun = row.cun.ok_or("`distance` needs cun")?;
            let d = a.distance(need_b()?);
            ((d - cun).abs() <= tol)
                .then_some(())
                .ok_or(format!("{d:.2} cun apart where the text says {cun}"))
        }
        "between" => {
            let c = c.ok_or("`between` needs c")?;
            let expected = need_b()?.toward(c, row.at.unwrap_or(0.5));
            let d = a.distance(expected);
            (d <= tol)
                .then_some(())
                .ok_or(format!("{d:.2} cun from the point the text gives"))
        }
        other => Err(format!("unknown kind `{other}`")),
    }
}

#[test]
fn every_relation_row_holds() {
    let body = body();
    let mut failures = Vec::new();
    let mut waiting = 0;
    let mut checked = 0;
    for (path, table) in tables() {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        for (i, row) in table.relation.iter().enumerate() {
            let names: Vec<&str> = [Some(&row.a), row.b.as_ref(), row.c.as_ref()]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            let say = |what: String| {
                format!(
                    "{file} row {} ({} {}): \"{}\": {what}",
                    i + 1,
                    row.kind,
                    names.join(" "),
                    row.text
                )
            };
            if let Some(name) = names.iter().find(|n| !known(body, n)) {
                failures.push(say(format!(
                    "`{name}` is neither a landmark nor a catalogue point"
                )));
                continue;
            }
            if names.iter().any(|n| pending(body, n)) {
                waiting += 1;
                continue;
            }
            let frames: Vec<usize> = match &row.frame {
                Some(name) => match body.frame(name) {
                    Some(f) => vec![f],
                    None => {
                        failures.push(say(format!("unknown frame `{name}`")));
                        continue;
                    }
                },
                None => (0..body.frames.len()).collect(),
            };
            let mut held_somewhere = false;
            for f in frames {
                let a = place(body, f, &row.a);
                let b = row.b.as_deref().map(|n| place(body, f, n));
                let c = row.c.as_deref().map(|n| place(body, f, n));
                let all_here =
                    a.is_some() && b.is_none_or(|p| p.is_some()) && c.is_none_or(|p| p.is_some());
                let Some(a) = a.filter(|_| all_here) else {
                    if row.frame.is_some() {
                        failures.push(say(format!(
                            "not every place of the row is in the frame `{}`",
                            body.frames[f].name
                        )));
                    }
                    continue;
                };
                let (b, c) = (b.flatten(), c.flatten());
                let frame = &body.frames[f];
                held_somewhere = true;
                checked += 1;
                if let Err(what) = holds(row, &frame.name, frame.mirror, a, b, c) {
                    failures.push(say(format!("in `{}`: {what}", frame.name)));
                }
            }
            if !held_somewhere && row.frame.is_none() {
                failures.push(say("no frame holds every place of the row".into()));
            }
        }
    }
    println!("{checked} relation checks; {waiting} rows wait for points not yet placed");
    assert!(checked > 0, "no relation rows were checked");
    assert!(
        failures.is_empty(),
        "{} relation rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The channels' points in number order, by channel id.
fn channels() -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<(u16, String)>> = BTreeMap::new();
    for p in builtin().0.points.all() {
        if let (Some(channel), Some(number)) = (&p.channel, p.number) {
            out.entry(channel.to_string())
                .or_default()
                .push((number, p.code.to_string()));
        }
    }
    out.into_iter()
        .map(|(ch, mut points)| {
            points.sort();
            (ch, points.into_iter().map(|(_, c)| c).collect())
        })
        .collect()
}

/// The shortest step between two points over the frames that hold both (unsplit positions
/// only), with that frame's name.
fn step(body: &Body, a: &str, b: &str) -> Option<(f64, f64, String)> {
    let mut best: Option<(f64, f64, String)> = None;
    for pa in body.positions_of(a).filter(|p| p.part.is_none()) {
        for pb in body
            .positions_of(b)
            .filter(|p| p.frame == pa.frame && p.part.is_none())
        {
            let name = body.frames[pa.frame].name.clone();
            let d = pa.at.distance(pb.at);
            let limit = max_step(&name);
            if best.as_ref().is_none_or(|(bd, bl, _)| d / limit < bd / bl) {
                best = Some((d, limit, name));
            }
        }
    }
    best
}

#[test]
fn each_channel_runs_without_unexplained_jumps() {
    let body = body();
    let listed: Vec<(String, Jump)> = tables()
        .into_iter()
        .flat_map(|(path, t)| {
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            t.jump.into_iter().map(move |j| (file.clone(), j))
        })
        .collect();
    let mut used = HashSet::new();
    let mut failures = Vec::new();
    for points in channels().values() {
        for pair in points.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if body.positions_of(a).next().is_none() || body.positions_of(b).next().is_none() {
                continue;
            }
            let jump = listed.iter().position(|(_, j)| &j.a == a && &j.b == b);
            match (step(body, a, b), jump) {
                (Some((d, limit, _)), Some(i)) if d <= limit => failures.push(format!(
                    "{}: {a} to {b} is listed as a jump ({}) but is a step of {d:.1} cun",
                    listed[i].0, listed[i].1.reason
                )),
                (_, Some(i)) => {
                    used.insert(i);
                }
                (Some((d, limit, frame)), None) if d > limit => failures.push(format!(
                    "{a} to {b}: a step of {d:.1} cun in `{frame}` (more than {limit}); list it as a [[jump]] with its reason, or check the positions"
                )),
                (None, None) => failures.push(format!(
                    "{a} to {b}: no frame holds both; place one in the other's frame too, or list a [[jump]] with its reason"
                )),
                (Some(_), None) => {}
            }
        }
    }
    for (i, (file, j)) in listed.iter().enumerate() {
        let placed = |c: &str| body.positions_of(c).next().is_some();
        let consecutive = channels()
            .values()
            .any(|pts| pts.windows(2).any(|w| w[0] == j.a && w[1] == j.b));
        if !consecutive {
            failures.push(format!(
                "{file}: the jump {} to {} is not between consecutive points of a channel",
                j.a, j.b
            ));
        } else if j.reason.trim().is_empty() {
            failures.push(format!(
                "{file}: the jump {} to {} gives no reason",
                j.a, j.b
            ));
        } else if !used.contains(&i) && placed(&j.a) && placed(&j.b) {
            failures.push(format!(
                "{file}: the jump {} to {} was not needed",
                j.a, j.b
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The channels (and `extra`) whose positions file has landed in assets/body/points/.
fn landed() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/body/points");
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .expect("assets/body/points exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

fn unplaced_in(group: &str) -> Vec<String> {
    let body = body();
    builtin()
        .0
        .points
        .all()
        .filter(|p| match &p.channel {
            Some(ch) => ch.as_str() == group,
            None => group == "extra",
        })
        .map(|p| p.code.to_string())
        .filter(|code| body.positions_of(code).next().is_none())
        .collect()
}

/// Runs over the channels whose file has landed, so it holds on every placement branch; the
/// whole catalogue is [`every_catalogue_point_has_a_position`].
#[test]
fn every_point_of_a_landed_channel_has_a_position() {
    let mut missing = Vec::new();
    for group in landed() {
        let relations = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/body_relations/{group}.toml"));
        assert!(
            relations.exists(),
            "assets/body/points/{group}.toml has no tests/body_relations/{group}.toml"
        );
        missing.extend(unplaced_in(&group));
    }
    assert!(
        missing.is_empty(),
        "points without a position: {}",
        missing.join(" ")
    );
}

/// Every point of the catalogue, channel and extra, has a position.
#[test]
fn every_catalogue_point_has_a_position() {
    let mut missing = Vec::new();
    for group in channels().keys().cloned().chain(["extra".to_string()]) {
        missing.extend(unplaced_in(&group));
    }
    assert!(
        missing.is_empty(),
        "{} points without a position: {}",
        missing.len(),
        missing.join(" ")
    );
}
