//! JSON output: a stable contract documented in the README.
//!
//! - `search --json`: an array of `{kind, id, name, title, score, matched, reading}`.
//! - `list KIND --json`: an array of whole entries, each with `kind` added.
//! - `show --json`: the whole entry with `kind`, and `links`: every link resolved to
//!   `{relation, kind, id, name, detail}`; plus `also_matching` for homonyms and other readings.
//! - `links ID --json`: `{kind, id, name, links}`.

use std::io::Write;

use serde_json::{Value, json};

use crate::catalogue::codes::Reading;
use crate::catalogue::{Catalogue, EntryRef, Kind};
use crate::search::{Hit, SearchIndex};

/// Writes a value as pretty JSON and a newline.
pub fn print(out: &mut impl Write, value: &Value) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
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

/// Search results.
pub fn hits(c: &Catalogue, index: &SearchIndex, hits: &[Hit]) -> Value {
    hits.iter()
        .map(|h| {
            json!({
                "kind": h.entry.kind.name(),
                "id": c.id(h.entry),
                "name": c.name(h.entry),
                "title": c.title(h.entry),
                "score": h.score,
                "matched": index.fields(h.entry)[h.field].text,
                "reading": reading_text(&h.reading),
            })
        })
        .collect()
}

/// One entry as written in the catalogue, with its kind.
pub fn entry(c: &Catalogue, e: EntryRef) -> Value {
    let value = match e.kind {
        Kind::Point => serde_json::to_value(&c.points[e.index]),
        Kind::Condition => serde_json::to_value(&c.conditions[e.index]),
        Kind::Technique => serde_json::to_value(&c.techniques[e.index]),
        Kind::Contraindication => serde_json::to_value(&c.contraindications[e.index]),
        Kind::Channel => serde_json::to_value(&c.channels[e.index]),
        Kind::Region => serde_json::to_value(&c.regions[e.index]),
        Kind::Source => serde_json::to_value(&c.sources[e.index]),
    };
    let mut value = value.unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("kind".into(), json!(e.kind.name()));
        if e.kind == Kind::Point {
            map.insert("caution".into(), json!(c.has_caution(e.index)));
        }
        if e.kind == Kind::Channel {
            map.insert(
                "point_count".into(),
                json!(c.backlinks.channel_points[e.index].len()),
            );
        }
    }
    value
}

/// Whole entries.
pub fn entries(c: &Catalogue, list: &[EntryRef]) -> Value {
    list.iter().map(|&e| entry(c, e)).collect()
}

fn resolved_links(c: &Catalogue, e: EntryRef) -> Value {
    c.links(e)
        .into_iter()
        .map(|l| {
            json!({
                "relation": l.relation.label(),
                "kind": l.target.kind.name(),
                "id": c.id(l.target),
                "name": c.name(l.target),
                "detail": l.detail,
            })
        })
        .collect()
}

/// The `show` card: the entry, its resolved links, and what else matched.
pub fn show(c: &Catalogue, first: &Hit, others: &[Hit]) -> Value {
    let mut value = entry(c, first.entry);
    if let Value::Object(map) = &mut value {
        map.insert("links".into(), resolved_links(c, first.entry));
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
pub fn links(c: &Catalogue, e: EntryRef) -> Value {
    json!({
        "kind": e.kind.name(),
        "id": c.id(e),
        "name": c.name(e),
        "links": resolved_links(c, e),
    })
}
