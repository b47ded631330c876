//! JSON output: a stable contract documented in the README.
//!
//! - `search --json`: an array of `{kind, id, name, title, score, match, matched, reading}`;
//!   `match` is the kind of field that matched (code, name, alias, category, indication,
//!   action, description).
//! - `list KIND --json`: an array of whole entries, each with `kind` added.
//! - `show --json`: the whole entry with `kind`, and `links`: every link resolved to
//!   `{relation, kind, id, name, detail}`; plus `also_matching` for homonyms and other readings.
//! - `links ID --json`: `{kind, id, name, links}`.
//! - Points and techniques carry `cautions`: every rule that covers them, as
//!   `{contraindication, name, level, method, stages, reason, sources, text}`; with
//!   `--patient`, also `safety`: `{patient, level, reasons}` (level forbidden, caution or none;
//!   reasons: the rules that apply to this patient).

use std::io::Write;

use serde_json::{Value, json};

use crate::catalogue::cautions::{Patient, RuleRef};
use crate::catalogue::codes::Reading;
use crate::catalogue::{Catalogue, EntryRef, Kind};
use crate::search::{Hit, SearchIndex};

/// Writes a value as pretty JSON and a newline.
pub fn print(out: &mut impl Write, value: &Value) -> anyhow::Result<()> {
    // As an io::Error, so that a reader that stops early (`| head`) ends the command quietly.
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

fn reading_text(reading: &Option<Reading>) -> Value {
    match reading {
        None => Value::Null,
        Some(Reading::Standard) => json!("standard"),
        Some(Reading::Other(system)) => json!(system),
    }
}

/// One caution rule.
fn rule(c: &Catalogue, at: RuleRef) -> Value {
    let contra = &c.contraindications[at.contraindication];
    let r = c.rule(at);
    json!({
        "contraindication": contra.id.as_str(),
        "name": contra.name,
        "level": r.level.as_str(),
        "method": r.method.as_str(),
        "stages": r.stages.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "reason": r.reason,
        "sources": r.sources,
        "text": c.rule_text(at),
    })
}

/// The verdict of the rules on an entry for a patient.
pub fn safety(c: &Catalogue, e: EntryRef, patient: &Patient) -> Value {
    let verdict = c.verdict(e, patient);
    let states: Vec<String> = patient
        .states()
        .iter()
        .map(|&s| crate::catalogue::cautions::state_label(c, s))
        .collect();
    json!({
        "patient": states,
        "level": verdict.level_name(),
        "reasons": verdict.rules.iter().map(|&r| rule(c, r)).collect::<Vec<_>>(),
    })
}

/// Adds `safety` to an object for a point or technique, when a patient is set.
fn add_safety(value: &mut Value, c: &Catalogue, e: EntryRef, patient: &Patient) {
    if let Value::Object(map) = value
        && !patient.is_empty()
        && matches!(e.kind, Kind::Point | Kind::Technique)
    {
        map.insert("safety".into(), safety(c, e, patient));
    }
}

/// Search results.
pub fn hits(c: &Catalogue, index: &SearchIndex, hits: &[Hit], patient: &Patient) -> Value {
    hits.iter()
        .map(|h| {
            let field = index.field(h);
            let mut value = json!({
                "kind": h.entry.kind.name(),
                "id": c.id(h.entry),
                "name": c.name(h.entry),
                "title": c.title(h.entry),
                "score": h.score,
                "match": field.map(|f| f.kind.name()),
                "matched": field.map(|f| f.text),
                "reading": reading_text(&h.reading),
            });
            add_safety(&mut value, c, h.entry, patient);
            value
        })
        .collect()
}

/// One entry as written in the catalogue, with its kind, its cautions and (with a patient)
/// its safety verdict.
pub fn entry(c: &Catalogue, e: EntryRef, patient: &Patient) -> Value {
    let value = match e.kind {
        Kind::Point => serde_json::to_value(&c.points[e.index]),
        Kind::Condition => serde_json::to_value(&c.conditions[e.index]),
        Kind::Technique => serde_json::to_value(&c.techniques[e.index]),
        Kind::Contraindication => serde_json::to_value(&c.contraindications[e.index]),
        Kind::Channel => serde_json::to_value(&c.channels[e.index]),
        Kind::Region => serde_json::to_value(&c.regions[e.index]),
        Kind::Category => serde_json::to_value(&c.categories[e.index]),
        Kind::RedFlag => serde_json::to_value(&c.red_flags[e.index]),
        Kind::Source => serde_json::to_value(&c.sources[e.index]),
    };
    let mut value = value.unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("kind".into(), json!(e.kind.name()));
        if matches!(e.kind, Kind::Point | Kind::Technique) {
            map.insert("caution".into(), json!(c.has_caution(e)));
            let rules: Vec<Value> = c.rules_covering(e).iter().map(|&r| rule(c, r)).collect();
            map.insert("cautions".into(), Value::Array(rules));
        }
        if e.kind == Kind::Condition {
            let texts: Vec<&str> = c.conditions[e.index]
                .red_flags
                .iter()
                .filter_map(|r| c.red_flags.get(r))
                .map(|r| r.text.as_str())
                .collect();
            map.insert("red_flag_texts".into(), json!(texts));
        }
        if e.kind == Kind::Channel {
            map.insert(
                "point_count".into(),
                json!(c.backlinks.channel_points[e.index].len()),
            );
        }
    }
    add_safety(&mut value, c, e, patient);
    value
}

/// Whole entries.
pub(crate) fn entries(c: &Catalogue, list: &[EntryRef], patient: &Patient) -> Value {
    list.iter().map(|&e| entry(c, e, patient)).collect()
}

fn resolved_links(c: &Catalogue, e: EntryRef, patient: &Patient) -> Value {
    crate::entry_view::shown_links(c, e, patient)
        .into_iter()
        .map(|l| {
            let mut value = json!({
                "relation": l.relation.label(),
                "kind": l.target.kind.name(),
                "id": c.id(l.target),
                "name": c.name(l.target),
                "detail": l.detail,
            });
            add_safety(&mut value, c, l.target, patient);
            value
        })
        .collect()
}

/// The `show` card: the entry, its resolved links, and what else matched.
pub fn show(c: &Catalogue, first: &Hit, others: &[Hit], patient: &Patient) -> Value {
    let mut value = entry(c, first.entry, patient);
    if let Value::Object(map) = &mut value {
        map.insert("links".into(), resolved_links(c, first.entry, patient));
        map.insert("reading".into(), reading_text(&first.reading));
        let also: Vec<Value> = others
            .iter()
            .map(|h| {
                json!({
                    "kind": h.entry.kind.name(),
                    "id": c.id(h.entry),
                    "name": c.name(h.entry),
                    "reading": reading_text(&h.reading),
                })
            })
            .collect();
        map.insert("also_matching".into(), Value::Array(also));
    }
    value
}

/// The `links` listing.
pub fn links(c: &Catalogue, e: EntryRef, patient: &Patient) -> Value {
    let mut value = json!({
        "kind": e.kind.name(),
        "id": c.id(e),
        "name": c.name(e),
        "links": resolved_links(c, e, patient),
    });
    add_safety(&mut value, c, e, patient);
    value
}
