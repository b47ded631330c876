//! What an entry shows, in order: title, subtitle, a warning block (cautions, red flags),
//! labelled fields, bulleted lists, then links. Both the `show` card and the interactive
//! detail pane render this one description, so they never disagree on content.

use crate::catalogue::{Catalogue, EntryRef, Kind, Link, Relation};

/// A warning shown above everything else: it is never folded away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The heading, such as `CAUTION`.
    pub heading: String,
    /// One line per caution.
    pub items: Vec<String>,
}

/// The content of an entry, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryView {
    /// One-line title.
    pub title: String,
    /// A second line: tones, simplified characters, where the entry belongs.
    pub subtitle: Option<String>,
    /// Cautions or red flags.
    pub warning: Option<Warning>,
    /// Labelled single values, in order.
    pub fields: Vec<(&'static str, String)>,
    /// Labelled bulleted lists, in order.
    pub lists: Vec<(&'static str, Vec<String>)>,
    /// Every link, grouped by relation (cautions first).
    pub links: Vec<Link>,
}

/// Describes an entry for display.
pub fn entry_view(c: &Catalogue, entry: EntryRef) -> EntryView {
    let links = c.links(entry);
    let mut view = EntryView {
        title: c.title(entry),
        subtitle: None,
        warning: None,
        fields: Vec::new(),
        lists: Vec::new(),
        links: Vec::new(),
    };
    let also = |names: &[String]| (!names.is_empty()).then(|| ("Also called", names.join(", ")));
    match entry.kind {
        Kind::Point => {
            let p = &c.points[entry.index];
            let place = match c.channel_of(p) {
                Some(ch) => format!("{} channel, point {}", ch.name, p.number.unwrap_or(0)),
                None => format!("extra point ({})", p.extra_group().unwrap_or("extra")),
            };
            view.subtitle = Some(format!(
                "{} · {} · {}",
                p.pinyin_tones, p.hanzi_simplified, place
            ));
            let mut cautions: Vec<String> = links
                .iter()
                .filter(|l| l.relation == Relation::RestrictedBy)
                .map(|l| {
                    format!(
                        "{} ({})",
                        c.name(l.target),
                        l.detail.as_deref().unwrap_or("")
                    )
                })
                .collect();
            cautions.extend(p.cautions.iter().cloned());
            if !cautions.is_empty() {
                view.warning = Some(Warning {
                    heading: "CAUTION".into(),
                    items: cautions,
                });
            }
            view.fields.extend(also(&p.alt_names));
            for other in &p.other_codes {
                view.fields.push((
                    "Other code",
                    format!("{} in the {}", other.code, other.system),
                ));
            }
            view.fields.push(("Location", p.location.clone()));
            view.fields
                .push(("Needling", format!("{}, {}", p.angle, p.depth)));
            if let Some(avoid) = &p.avoid {
                view.fields.push(("Avoid", avoid.clone()));
            }
            if !p.categories.is_empty() {
                view.fields.push(("Categories", p.categories.join("; ")));
            }
            view.lists.push(("Actions", p.actions.clone()));
            view.lists.push(("Indications", p.indications.clone()));
        }
        Kind::Condition => {
            let x = &c.conditions[entry.index];
            view.warning = Some(Warning {
                heading: "RED FLAGS: refer to a physician now if".into(),
                items: x.red_flags.clone(),
            });
            view.fields.extend(also(&x.aliases));
            view.fields.push(("Summary", x.summary.clone()));
        }
        Kind::Technique => {
            let x = &c.techniques[entry.index];
            view.fields.extend(also(&x.aliases));
            view.fields.push(("Summary", x.summary.clone()));
            view.lists.push(("Details", x.details.clone()));
            view.lists.push(("Risks", x.risks.clone()));
        }
        Kind::Contraindication => {
            let x = &c.contraindications[entry.index];
            view.warning = Some(Warning {
                heading: x.severity.as_str().to_uppercase(),
                items: vec![x.summary.clone()],
            });
        }
        Kind::Channel => {
            let x = &c.channels[entry.index];
            view.subtitle = Some(format!(
                "{} · {} · {}",
                x.full_name, x.pinyin_tones, x.hanzi_simplified
            ));
            let count = c.backlinks.channel_points[entry.index].len();
            view.fields.push(("Points", count.to_string()));
            if !x.code_aliases.is_empty() {
                view.fields
                    .push(("Also written", x.code_aliases.join(", ")));
            }
            view.fields.push(("Course", x.course.clone()));
        }
        Kind::Region => {}
        Kind::Source => {
            let x = &c.sources[entry.index];
            view.fields.push(("Citation", x.citation.clone()));
            view.fields.push(("Kind", x.kind.as_str().to_string()));
            let optional = [
                ("URL", &x.url),
                ("Finding", &x.finding),
                ("Claim check", &x.claim_note),
            ];
            for (label, value) in optional {
                if let Some(value) = value {
                    view.fields.push((label, value.clone()));
                }
            }
        }
    }
    view.lists.retain(|(_, items)| !items.is_empty());
    view.links = links;
    view
}

/// How a link reads in a list: the target's title, a caution mark, and what the link says.
pub fn link_text(c: &Catalogue, link: &Link) -> String {
    let mark = if link.target.kind == Kind::Point && c.has_caution(link.target.index) {
        " !"
    } else {
        ""
    };
    let detail = link
        .detail
        .as_ref()
        .map(|d| format!(" — {d}"))
        .unwrap_or_default();
    let title = if link.target.kind == Kind::Source {
        format!(
            "{}: {}",
            c.id(link.target),
            c.sources[link.target.index].citation
        )
    } else {
        c.title(link.target)
    };
    format!("{title}{mark}{detail}")
}
