//! Entries as text: full cards for `show`, one-line summaries for `search` and `list`, and
//! link listings for `links`.

use std::io::{Result, Write};

use super::Style;
use crate::catalogue::codes::Reading;
use crate::catalogue::{Catalogue, EntryRef, Kind, Relation};
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
        let detail = link.detail.map(|d| format!(" — {d}")).unwrap_or_default();
        writeln!(
            out,
            "  {}{}{}",
            c.title(link.target),
            badge(c, link.target),
            style.wrap(&detail, 6)
        )?;
    }
    Ok(())
}

struct Card<'a, W: Write> {
    out: &'a mut W,
    style: Style,
}

impl<W: Write> Card<'_, W> {
    fn field(&mut self, label: &str, text: &str) -> Result<()> {
        let body = self.style.wrap(text, 14);
        writeln!(
            self.out,
            "{}{}",
            self.style.bold(&format!("{label:<14}")),
            body
        )
    }

    fn list(&mut self, label: &str, items: &[String]) -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "{}", self.style.bold(label))?;
        for item in items {
            writeln!(self.out, "  - {}", self.style.wrap(item, 4))?;
        }
        Ok(())
    }

    fn heading(&mut self, text: &str) -> Result<()> {
        writeln!(self.out)?;
        writeln!(self.out, "{}", self.style.bold(text))
    }
}

/// The full card of an entry, as `acuref show` prints it.
pub fn write_card(
    out: &mut impl Write,
    c: &Catalogue,
    entry: EntryRef,
    style: Style,
) -> Result<()> {
    let mut card = Card { out, style };
    let links = c.links(entry);
    writeln!(card.out, "{}", style.bold(&c.title(entry)))?;
    match entry.kind {
        Kind::Point => {
            let p = &c.points[entry.index];
            let place = match c.channel_of(p) {
                Some(ch) => format!("{} channel, point {}", ch.name, p.number.unwrap_or(0)),
                None => format!("Extra point ({})", p.extra_group().unwrap_or("extra")),
            };
            writeln!(
                card.out,
                "{}  ·  {}  ·  {}",
                p.pinyin_tones, p.hanzi_simplified, place
            )?;
            let restrictions: Vec<_> = links
                .iter()
                .filter(|l| l.relation == Relation::RestrictedBy)
                .collect();
            if !restrictions.is_empty() || !p.cautions.is_empty() {
                writeln!(card.out)?;
                writeln!(card.out, "{}", style.alert(" CAUTION "))?;
                for l in &restrictions {
                    let name = c.name(l.target);
                    let detail = l.detail.as_deref().unwrap_or("");
                    writeln!(
                        card.out,
                        "  ! {}",
                        style.wrap(&format!("{name} ({detail})"), 4)
                    )?;
                }
                for caution in &p.cautions {
                    writeln!(card.out, "  ! {}", style.wrap(caution, 4))?;
                }
            }
            writeln!(card.out)?;
            if !p.alt_names.is_empty() {
                card.field("Also called", &p.alt_names.join(", "))?;
            }
            for other in &p.other_codes {
                card.field(
                    "Other code",
                    &format!("{} in the {}", other.code, other.system),
                )?;
            }
            card.field("Location", &p.location)?;
            card.field("Needling", &format!("{}, {}", p.angle, p.depth))?;
            if let Some(avoid) = &p.avoid {
                card.field("Avoid", avoid)?;
            }
            if !p.categories.is_empty() {
                card.field("Categories", &p.categories.join("; "))?;
            }
            card.field("Actions", &p.actions.join("; "))?;
            card.field("Indications", &p.indications.join("; "))?;
        }
        Kind::Condition => {
            let x = &c.conditions[entry.index];
            writeln!(card.out)?;
            writeln!(
                card.out,
                "{}",
                style.alert(" RED FLAGS: see a physician now if ")
            )?;
            for flag in &x.red_flags {
                writeln!(card.out, "  ! {}", style.wrap(flag, 4))?;
            }
            writeln!(card.out)?;
            if !x.aliases.is_empty() {
                card.field("Also called", &x.aliases.join(", "))?;
            }
            card.field("Summary", &x.summary)?;
        }
        Kind::Technique => {
            let x = &c.techniques[entry.index];
            writeln!(card.out)?;
            if !x.aliases.is_empty() {
                card.field("Also called", &x.aliases.join(", "))?;
            }
            card.field("Summary", &x.summary)?;
            card.list("Details", &x.details)?;
            card.list("Risks", &x.risks)?;
        }
        Kind::Contraindication => {
            let x = &c.contraindications[entry.index];
            writeln!(
                card.out,
                "{}",
                style.alert(&format!(" {} ", x.severity.as_str().to_uppercase()))
            )?;
            writeln!(card.out)?;
            card.field("Summary", &x.summary)?;
        }
        Kind::Channel => {
            let x = &c.channels[entry.index];
            writeln!(
                card.out,
                "{}  ·  {}  ·  {}",
                x.full_name, x.pinyin_tones, x.hanzi_simplified
            )?;
            writeln!(card.out)?;
            card.field(
                "Points",
                &c.backlinks.channel_points[entry.index].len().to_string(),
            )?;
            if !x.code_aliases.is_empty() {
                card.field("Also written", &x.code_aliases.join(", "))?;
            }
            card.field("Course", &x.course)?;
        }
        Kind::Region => {}
        Kind::Source => {
            let x = &c.sources[entry.index];
            writeln!(card.out)?;
            card.field("Citation", &x.citation)?;
            card.field("Kind", x.kind.as_str())?;
            if let Some(url) = &x.url {
                card.field("URL", url)?;
            }
            if let Some(finding) = &x.finding {
                card.field("Finding", finding)?;
            }
            if let Some(note) = &x.claim_note {
                card.field("Claim check", note)?;
            }
        }
    }
    let mut last = None;
    for link in &links {
        if link.relation == Relation::RestrictedBy && entry.kind == Kind::Point {
            continue;
        }
        if last != Some(link.relation) {
            card.heading(link.relation.label())?;
            last = Some(link.relation);
        }
        let target = if link.relation == Relation::Source {
            format!(
                "{}: {}",
                c.id(link.target),
                c.sources[link.target.index].citation
            )
        } else {
            format!("{}{}", c.title(link.target), badge(c, link.target))
        };
        let detail = link
            .detail
            .as_ref()
            .map(|d| format!(" — {d}"))
            .unwrap_or_default();
        writeln!(
            card.out,
            "  {}",
            style.wrap(&format!("{target}{detail}"), 4)
        )?;
    }
    Ok(())
}
