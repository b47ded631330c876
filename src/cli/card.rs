//! Entries as text: full cards for `show`, one-line summaries for `search` and `list`, and
//! link listings for `links`.

use std::io::{Result, Write};

use super::Style;
use crate::catalogue::codes::Reading;
use crate::catalogue::{Catalogue, EntryRef, Kind, Relation};
use crate::entry_view::{entry_view, link_text};
use crate::search::{Hit, SearchIndex};

/// The caution badge shown beside points that carry a contraindication or caution.
pub fn badge(c: &Catalogue, entry: EntryRef) -> &'static str {
    if entry.kind == Kind::Point && c.has_caution(entry.index) {
        " [!]"
    } else {
        ""
    }
}

/// One search result on one line.
pub fn write_hit_line(
    out: &mut impl Write,
    c: &Catalogue,
    index: &SearchIndex,
    hit: &Hit,
    style: Style,
) -> Result<()> {
    let matched = match &hit.reading {
        Some(Reading::Other(system)) => format!("  ({system})"),
        _ => {
            let field = &index.fields(hit.entry)[hit.field];
            if c.title(hit.entry).contains(&field.text) {
                String::new()
            } else {
                format!("  ~ {}", field.text)
            }
        }
    };
    writeln!(
        out,
        "{:<17} {}{}{}",
        hit.entry.kind.name(),
        style.bold(&c.title(hit.entry)),
        badge(c, hit.entry),
        style.dim(&matched)
    )
}

/// One entry on one line, for `list`.
pub fn write_entry_line(
    out: &mut impl Write,
    c: &Catalogue,
    entry: EntryRef,
    style: Style,
) -> Result<()> {
    match entry.kind {
        Kind::Point => {
            let p = &c.points[entry.index];
            writeln!(
                out,
                "{:<11} {:<16} {:<6} {}{}",
                p.code.as_str(),
                p.pinyin,
                p.hanzi,
                p.english,
                badge(c, entry)
            )
        }
        Kind::Channel => {
            let ch = &c.channels[entry.index];
            writeln!(
                out,
                "{:<9} {:<26} {} points",
                ch.id.as_str(),
                ch.name,
                c.backlinks.channel_points[entry.index].len()
            )
        }
        _ => writeln!(out, "{:<28} {}", c.id(entry), style.bold(c.name(entry))),
    }
}

/// Entries the user should know about besides the card shown.
pub fn write_alternatives(
    out: &mut impl Write,
    c: &Catalogue,
    others: &[Hit],
    style: Style,
) -> Result<()> {
    if others.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", style.bold("Also matching"))?;
    for hit in others {
        let reading = match &hit.reading {
            Some(Reading::Other(system)) => format!(" — this code in the {system}"),
            Some(Reading::Standard) => " — this code in the WHO standard".to_string(),
            None => String::new(),
        };
        writeln!(
            out,
            "  {}{}{reading}",
            c.title(hit.entry),
            badge(c, hit.entry)
        )?;
    }
    writeln!(out, "  (`acuref show CODE` shows one of them)")
}

/// Everything linked to an entry, grouped by relation.
pub fn write_links(
    out: &mut impl Write,
    c: &Catalogue,
    entry: EntryRef,
    style: Style,
) -> Result<()> {
    writeln!(out, "{}", style.bold(&c.title(entry)))?;
    let mut last = None;
    for link in c.links(entry) {
        if last != Some(link.relation) {
            writeln!(out, "{}", style.bold(link.relation.label()))?;
            last = Some(link.relation);
        }
        writeln!(out, "  {}", style.wrap(&link_text(c, &link), 4))?;
    }
    Ok(())
}

/// The full card of an entry, as `acuref show` prints it.
pub fn write_card(
    out: &mut impl Write,
    c: &Catalogue,
    entry: EntryRef,
    style: Style,
) -> Result<()> {
    let view = entry_view(c, entry);
    writeln!(out, "{}", style.bold(&view.title))?;
    if let Some(subtitle) = &view.subtitle {
        writeln!(out, "{subtitle}")?;
    }
    if let Some(warning) = &view.warning {
        writeln!(out)?;
        writeln!(out, "{}", style.alert(&format!(" {} ", warning.heading)))?;
        for item in &warning.items {
            writeln!(out, "  ! {}", style.wrap(item, 4))?;
        }
    }
    writeln!(out)?;
    for (label, value) in &view.fields {
        writeln!(
            out,
            "{}{}",
            style.bold(&format!("{label:<14}")),
            style.wrap(value, 14)
        )?;
    }
    for (label, items) in &view.lists {
        writeln!(out, "{}", style.bold(label))?;
        for item in items {
            writeln!(out, "  - {}", style.wrap(item, 4))?;
        }
    }
    let mut last = None;
    for link in &view.links {
        // A point's cautions are already in its warning block.
        if link.relation == Relation::RestrictedBy && entry.kind == Kind::Point {
            continue;
        }
        if last != Some(link.relation) {
            writeln!(out)?;
            writeln!(out, "{}", style.bold(link.relation.label()))?;
            last = Some(link.relation);
        }
        writeln!(out, "  {}", style.wrap(&link_text(c, link), 4))?;
    }
    Ok(())
}
