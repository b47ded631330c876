//! Entries as text: full cards for `show`, one-line summaries for `search` and `list`, and
//! link listings for `links`.

use std::io::{Result, Write};

use super::Style;
use crate::catalogue::cautions::Patient;
use crate::catalogue::codes::Reading;
use crate::catalogue::{Catalogue, EntryRef, Kind, Relation};
use crate::entry_view::{Mark, entry_view, link_text, mark};
use crate::search::{Hit, SearchIndex};
use crate::text::pad;

/// The caution badge shown beside entries that caution rules cover: `[X]` forbidden for the
/// patient, `[!]` caution.
pub(crate) fn badge(c: &Catalogue, entry: EntryRef, patient: &Patient) -> String {
    match mark(c, entry, patient) {
        Mark::Clear => String::new(),
        m => format!(" [{}]", m.symbol()),
    }
}

/// A search hit to print: the hit, the query that found it, and the user's note on its entry.
pub(crate) struct Found<'a> {
    /// The hit.
    pub(crate) hit: &'a Hit,
    /// The query, for the matched letters.
    pub(crate) query: &'a str,
    /// The user's note on the entry, shown when the note is what matched.
    pub(crate) note: Option<&'a str>,
}

/// One search result on one line.
pub(crate) fn write_hit_line(
    out: &mut impl Write,
    c: &Catalogue,
    index: &SearchIndex,
    found: &Found<'_>,
    patient: &Patient,
    style: Style,
) -> Result<()> {
    let Found { hit, query, note } = *found;
    let matched = match &hit.reading {
        _ if hit.by_note => match note {
            Some(text) => format!(
                "  ~ your note: {}",
                snippet(text.lines().next().unwrap_or(""), &[])
            ),
            None => String::new(),
        },
        Some(Reading::Other(system)) => format!("  ({system})"),
        _ => match index.field(hit) {
            Some(field) if !c.title(hit.entry).contains(field.text) => {
                format!("  ~ {}", snippet(field.text, &index.positions(hit, query)))
            }
            _ => String::new(),
        },
    };
    writeln!(
        out,
        "{:<17} {}{}{}",
        hit.entry.kind.name(),
        style.bold(&c.title(hit.entry)),
        badge(c, hit.entry, patient),
        style.dim(&matched)
    )
}

/// The part of a long matched text around the match (the whole text when short), with `…`
/// where it was cut.
fn snippet(text: &str, positions: &[usize]) -> String {
    const BEFORE: usize = 30;
    const LENGTH: usize = 80;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= LENGTH {
        return text.to_string();
    }
    let first = positions.first().copied().unwrap_or(0).min(chars.len());
    let start = first.saturating_sub(BEFORE);
    let end = (start + LENGTH).min(chars.len());
    let cut_before = if start > 0 { "…" } else { "" };
    let cut_after = if end < chars.len() { "…" } else { "" };
    let middle: String = chars[start..end].iter().collect();
    format!("{cut_before}{middle}{cut_after}")
}

/// One entry on one line, for `list`.
pub(crate) fn write_entry_line(
    out: &mut impl Write,
    c: &Catalogue,
    entry: EntryRef,
    patient: &Patient,
    style: Style,
) -> Result<()> {
    match entry.kind {
        Kind::Point => {
            let p = &c.points[entry.index];
            writeln!(
                out,
                "{} {} {} {}{}",
                pad(&p.code, 11),
                pad(&p.pinyin, 16),
                pad(&p.hanzi, 8),
                p.english,
                badge(c, entry, patient)
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
        _ => writeln!(
            out,
            "{} {}",
            pad(c.id(entry), 28),
            style.bold(c.name(entry))
        ),
    }
}

/// Entries the user should know about besides the card shown.
pub(crate) fn write_alternatives(
    out: &mut impl Write,
    c: &Catalogue,
    others: &[Hit],
    patient: &Patient,
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
            badge(c, hit.entry, patient)
        )?;
    }
    writeln!(out, "  (`acuref show CODE` shows one of them)")
}

/// Everything linked to an entry, grouped by relation.
pub(crate) fn write_links(
    out: &mut impl Write,
    c: &Catalogue,
    entry: EntryRef,
    patient: &Patient,
    style: Style,
) -> Result<()> {
    writeln!(out, "{}", style.bold(&c.title(entry)))?;
    let mut last = None;
    for link in crate::entry_view::shown_links(c, entry, patient) {
        if last != Some(link.relation) {
            writeln!(out, "{}", style.bold(link.relation.label()))?;
            last = Some(link.relation);
        }
        writeln!(out, "  {}", style.wrap(&link_text(c, &link, patient), 4))?;
    }
    Ok(())
}

/// The full card of an entry, as `acuref show` prints it.
pub(crate) fn write_card(
    out: &mut impl Write,
    c: &Catalogue,
    entry: EntryRef,
    patient: &Patient,
    style: Style,
) -> Result<()> {
    let view = entry_view(c, entry, patient);
    writeln!(out, "{}", style.bold(&view.title))?;
    if let Some(subtitle) = &view.subtitle {
        writeln!(out, "{subtitle}")?;
    }
    for warning in &view.warnings {
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
        // Cautions are already in the warning blocks.
        if link.relation == Relation::RestrictedBy {
            continue;
        }
        if last != Some(link.relation) {
            writeln!(out)?;
            writeln!(out, "{}", style.bold(link.relation.label()))?;
            last = Some(link.relation);
        }
        writeln!(out, "  {}", style.wrap(&link_text(c, link, patient), 4))?;
    }
    Ok(())
}

/// One entry's verdict for a patient: a line with the verdict, then each rule that applies.
pub(crate) fn write_verdict(
    out: &mut impl Write,
    c: &Catalogue,
    entry: EntryRef,
    patient: &Patient,
    style: Style,
) -> Result<()> {
    let verdict = c.verdict(entry, patient);
    let level = verdict.level_name();
    let shown = match verdict.level {
        Some(_) => style.alert(&format!(" {} ", level.to_uppercase())),
        None => level.to_string(),
    };
    writeln!(out, "{}  {shown}", style.bold(&c.title(entry)))?;
    for &rule in &verdict.rules {
        writeln!(out, "  ! {}", style.wrap(&c.rule_text(rule), 4))?;
    }
    Ok(())
}
