//! The patient safety commands: `acuref safety` and `acuref list KIND --caution ID`.

use std::io::Write;

use anyhow::{Result, bail};

use super::{Context, Status, card, diagnostic, find_entry, json};
use crate::catalogue::{EntryRef, Kind};

pub(super) fn safety(
    cx: &Context<'_>,
    names: &[String],
    as_json: bool,
    out: &mut impl Write,
) -> Result<Status> {
    let (c, patient, style) = (cx.c, cx.patient, cx.style);
    if patient.is_empty() {
        diagnostic(&format!(
            "say who the patient is with --patient; the states are: {}",
            crate::catalogue::cautions::state_names(c).join(", ")
        ));
        return Ok(Status::Error);
    }
    let mut found = Vec::new();
    for name in names {
        match find_entry(cx, name, Some(&[Kind::Point, Kind::Technique])) {
            Some(entry) => found.push(entry),
            None => {
                diagnostic(&format!(
                    "no point or technique matches \"{}\"; try a code (li4) or a technique id (electroacupuncture)",
                    crate::text::echo(name)
                ));
                return Ok(Status::Error);
            }
        }
    }
    let forbidden = found.iter().any(|&e| c.verdict(e, patient).is_forbidden());
    if as_json {
        let verdicts: Vec<serde_json::Value> = found
            .iter()
            .map(|&e| {
                serde_json::json!({
                    "kind": e.kind.name(),
                    "id": c.id(e),
                    "name": c.name(e),
                    "safety": json::safety(c, e, patient),
                })
            })
            .collect();
        json::print(out, &serde_json::Value::Array(verdicts))?;
    } else {
        writeln!(out, "Patient: {}", patient.label(c))?;
        for &entry in &found {
            card::write_verdict(out, c, entry, patient, style)?;
        }
    }
    Ok(if forbidden {
        Status::Forbidden
    } else {
        Status::Success
    })
}

/// `acuref list --caution ID`: what a contraindication's rules cover, grouped by what they
/// make of each entry (a point where only moxibustion is forbidden is under `caution`), each
/// with its rules in a few words.
pub(super) fn list_caution(
    cx: &Context<'_>,
    kind: Kind,
    id: &str,
    as_json: bool,
    out: &mut impl Write,
) -> Result<Status> {
    let c = cx.c;
    let Some(contra) = c.find(Kind::Contraindication, id).or_else(|| {
        crate::catalogue::cautions::find_state(c, id).map(|s| EntryRef {
            kind: Kind::Contraindication,
            index: s.contraindication,
        })
    }) else {
        bail!(
            "no contraindication `{}`; `acuref list contraindications` shows them all",
            crate::text::echo(id)
        );
    };
    if kind != Kind::Point && kind != Kind::Technique {
        bail!("--caution applies to `acuref list points` and `acuref list techniques`");
    }
    let covered: Vec<(EntryRef, crate::catalogue::Level, String)> = c
        .covered_by(contra.index)
        .into_iter()
        .filter(|(e, _)| e.kind == kind)
        .map(|(e, rules)| {
            let level = rules
                .iter()
                .map(|&r| crate::catalogue::cautions::verdict_level(e.kind, c.rule(r)))
                .max()
                .expect("covered by at least one rule");
            let summary: Vec<String> = rules.iter().map(|&r| c.rule_summary(r)).collect();
            (e, level, summary.join("; "))
        })
        .collect();
    if as_json {
        let list: Vec<serde_json::Value> = covered
            .iter()
            .map(|(e, level, _)| {
                let mut value = json::entry(c, *e, cx.patient);
                if let serde_json::Value::Object(map) = &mut value {
                    map.insert("caution_level".into(), serde_json::json!(level.as_str()));
                }
                value
            })
            .collect();
        json::print(out, &serde_json::Value::Array(list))?;
        return Ok(Status::Success);
    }
    use crate::catalogue::Level;
    for level in [Level::Forbidden, Level::Caution, Level::Note] {
        let group: Vec<&(EntryRef, Level, String)> =
            covered.iter().filter(|(_, l, _)| *l == level).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(
            out,
            "{}",
            cx.style
                .bold(&format!("{} ({})", level.as_str(), group.len()))
        )?;
        for (entry, _, summary) in group {
            card::write_entry_line(out, c, *entry, cx.patient, cx.style)?;
            writeln!(out, "    {}", cx.style.dim(summary))?;
        }
    }
    Ok(Status::Success)
}
