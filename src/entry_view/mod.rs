//! What an entry shows, in order: title, subtitle, a warning block (cautions, red flags),
//! labelled fields, bulleted lists, then links. Both the `show` card and the interactive
//! detail pane render this one description, so they never disagree on content.

use crate::catalogue::cautions::Patient;
use crate::catalogue::{Catalogue, EntryRef, Kind, Level, Link, Relation};

mod protocol;

pub use protocol::protocol_view;

/// A warning shown above everything else: it is never folded away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The heading, such as `CAUTION`.
    pub heading: String,
    /// One line per caution.
    pub items: Vec<String>,
}

/// The mark an entry carries in lists: what the caution rules say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Forbidden for the patient set.
    Forbidden,
    /// Needs care for the patient set.
    Caution,
    /// No patient is set, and rules cover the entry.
    Cautioned,
    /// Nothing to mark.
    Clear,
}

impl Mark {
    /// The one-column symbol of the mark, as lists and the help show it.
    pub fn symbol(self) -> char {
        match self {
            Mark::Forbidden => 'X',
            Mark::Caution | Mark::Cautioned => '!',
            Mark::Clear => ' ',
        }
    }

    /// What the mark means, for the help screen and the README.
    pub(crate) fn meaning(self) -> &'static str {
        match self {
            Mark::Forbidden => "forbidden for the patient set (p)",
            Mark::Caution => "caution for the patient set",
            Mark::Cautioned => "caution rules cover this entry (no patient set)",
            Mark::Clear => "no caution",
        }
    }
}

/// The mark of an entry for a patient (with none set: whether any rule covers it).
pub fn mark(c: &Catalogue, entry: EntryRef, patient: &Patient) -> Mark {
    if patient.is_empty() {
        return if c.has_caution(entry) {
            Mark::Cautioned
        } else {
            Mark::Clear
        };
    }
    match c.verdict(entry, patient).level {
        Some(Level::Forbidden) => Mark::Forbidden,
        Some(Level::Caution) => Mark::Caution,
        _ => Mark::Clear,
    }
}

/// The links of an entry as they are shown: with a patient set, the points and techniques the
/// rules forbid for that patient move after the others of their group.
pub(crate) fn shown_links(c: &Catalogue, entry: EntryRef, patient: &Patient) -> Vec<Link> {
    let mut links = c.links(entry);
    if matches!(entry.kind, Kind::Condition | Kind::Technique) {
        for link in links.iter_mut().filter(|l| l.relation == Relation::Point) {
            if let Some(names) = c.caution_names(link.target) {
                let detail = link.detail.get_or_insert_with(String::new);
                if !detail.is_empty() {
                    detail.push(' ');
                }
                detail.push_str(&format!("[{names}]"));
            }
        }
    }
    if !patient.is_empty() {
        let forbidden = |l: &Link| {
            l.relation != Relation::RestrictedBy
                && matches!(l.target.kind, Kind::Point | Kind::Technique)
                && c.verdict(l.target, patient).is_forbidden()
        };
        links.sort_by_key(|l| (l.relation, forbidden(l)));
    }
    links
}

/// The warning blocks of a point or technique: with a patient set, the rules that apply to
/// them come first under their verdict; every other rule follows under `CAUTION`.
fn caution_warnings(c: &Catalogue, entry: EntryRef, patient: &Patient) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut rest = c.rules_covering(entry).to_vec();
    if !patient.is_empty() {
        let verdict = c.verdict(entry, patient);
        if !verdict.rules.is_empty() {
            let heading = match verdict.level {
                Some(level) => format!(
                    "{} FOR THIS PATIENT ({})",
                    level.as_str().to_uppercase(),
                    patient.label(c)
                ),
                None => format!("NOTES FOR THIS PATIENT ({})", patient.label(c)),
            };
            warnings.push(Warning {
                heading,
                items: verdict.rules.iter().map(|&r| c.rule_text(r)).collect(),
            });
            rest.retain(|r| !verdict.rules.contains(r));
        }
    }
    if !rest.is_empty() {
        rest.sort_by_key(|&r| std::cmp::Reverse(c.rule(r).level));
        let heading = if patient.is_empty() {
            "CAUTION"
        } else {
            "OTHER CAUTIONS (not for this patient)"
        };
        warnings.push(Warning {
            heading: heading.into(),
            items: rest.iter().map(|&r| c.rule_text(r)).collect(),
        });
    }
    warnings
}

/// The content of an entry, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryView {
    /// One-line title.
    pub title: String,
    /// A second line: tones, simplified characters, where the entry belongs.
    pub subtitle: Option<String>,
    /// Cautions or red flags, most urgent first.
    pub warnings: Vec<Warning>,
    /// Labelled single values, in order.
    pub fields: Vec<(&'static str, String)>,
    /// Labelled bulleted lists, in order.
    pub lists: Vec<(&'static str, Vec<String>)>,
    /// Every link, grouped by relation (cautions first).
    pub links: Vec<Link>,
    /// The user's own note on the entry, shown under its cautions; filled by a front end that
    /// reads the user's database (the catalogue knows no notes).
    pub note: Option<String>,
    /// Saves of the note that found another window's save in their way, kept beside it.
    pub note_conflicts: Vec<String>,
}

/// Describes an entry for display, for a patient (empty when none is set).
pub fn entry_view(c: &Catalogue, entry: EntryRef, patient: &Patient) -> EntryView {
    let links = shown_links(c, entry, patient);
    let mut view = EntryView {
        title: c.title(entry),
        subtitle: None,
        warnings: caution_warnings(c, entry, patient),
        fields: Vec::new(),
        lists: Vec::new(),
        links: Vec::new(),
        note: None,
        note_conflicts: Vec::new(),
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
            view.fields.extend(also(&p.alt_names));
            for other in &p.other_codes {
                view.fields.push((
                    "Other code",
                    format!("{} in the {}", other.code, other.system),
                ));
            }
            // Another point that an older numbering gives this point's code.
            for &(q, j) in &c.backlinks.point_code_clashes[entry.index] {
                let code = &c.points[q].other_codes[j];
                let named = c.title(EntryRef {
                    kind: Kind::Point,
                    index: q,
                });
                view.fields.push((
                    "Code clash",
                    format!(
                        "in the {}, {} means {named}, not this point",
                        code.system, code.code
                    ),
                ));
            }
            view.fields.push(("Location", p.location.clone()));
            // Angle and depth on lines of their own: an angle text may name its own depth.
            view.fields.push(("Angle", p.angle.clone()));
            view.fields.push(("Depth", p.depth.clone()));
            if let Some(avoid) = &p.avoid {
                view.fields.push(("Avoid", avoid.clone()));
            }
            if !p.categories.is_empty() {
                let labels: Vec<String> =
                    p.categories.iter().map(|pc| c.category_label(pc)).collect();
                view.fields.push(("Categories", labels.join("; ")));
            }
            view.lists.push(("Actions", p.actions.clone()));
            view.lists.push(("Indications", p.indications.clone()));
        }
        Kind::Condition => {
            let x = &c.conditions[entry.index];
            view.warnings.push(Warning {
                heading: "RED FLAGS: refer to a physician now if".into(),
                items: x
                    .red_flags
                    .iter()
                    .filter_map(|r| c.red_flags.get(r))
                    .map(|r| r.text.clone())
                    .collect(),
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
            let strictest = x.rules.iter().map(|r| r.level).max();
            view.warnings.push(Warning {
                heading: strictest.map_or("NOTE", Level::as_str).to_uppercase(),
                items: vec![x.summary.clone()],
            });
            if let Some(state) = &x.patient {
                let mut text = format!(
                    "a patient state: set it with p, or --patient {}",
                    state.alias.as_str()
                );
                if !state.stages.is_empty() {
                    let stages: Vec<&str> = state.stages.iter().map(|s| s.as_str()).collect();
                    text.push_str(&format!(" (stages {})", stages.join(", ")));
                }
                view.fields.push(("Applies to", text));
            } else {
                view.fields
                    .push(("Applies to", "every patient".to_string()));
            }
            let rules = (0..x.rules.len())
                .map(|rule| {
                    let at = crate::catalogue::cautions::RuleRef {
                        contraindication: entry.index,
                        rule,
                    };
                    format!("{} {}", c.rule_coverage(at), c.rule_text(at))
                })
                .collect();
            view.lists.push(("Rules", rules));
        }
        Kind::Channel => {
            let x = &c.channels[entry.index];
            view.subtitle = Some(format!(
                "{} · {} · {}",
                x.full_name, x.pinyin_tones, x.hanzi_simplified
            ));
            let own = c.backlinks.channel_points[entry.index].len();
            let course = c.backlinks.channel_course_points[entry.index]
                .iter()
                .filter(|&&(p, _)| {
                    let code = c.points[p].code.as_str();
                    c.points[p].channel.as_deref() != Some(x.id.as_str())
                        && x.confluent_point.as_deref() != Some(code)
                })
                .count();
            if own > 0 || course == 0 {
                view.fields.push(("Points", own.to_string()));
            }
            if course > 0 {
                view.fields.push((
                    "On its course",
                    format!("{course} points of other channels"),
                ));
            }
            if !x.code_aliases.is_empty() {
                view.fields
                    .push(("Also written", x.code_aliases.join(", ")));
            }
            view.fields.push(("Course", x.course.clone()));
        }
        Kind::Region => {}
        Kind::Category => {
            let x = &c.categories[entry.index];
            view.fields.push(("Summary", x.summary.clone()));
        }
        Kind::RedFlag => {
            // The sign itself is the warning; the title says what kind of entry it is.
            view.title = "Red flag".into();
            view.warnings.push(Warning {
                heading: "RED FLAG: refer to a physician now if".into(),
                items: vec![c.red_flags[entry.index].text.clone()],
            });
        }
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

/// How a link reads in a list: the target's caution mark, its title, and what the link says.
pub(crate) fn link_text(c: &Catalogue, link: &Link, patient: &Patient) -> String {
    let mark = mark(c, link.target, patient).symbol();
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
    format!("{mark} {title}{detail}")
}

/// An entry's view as plain text, for the clipboard: title, warnings, fields, lists, links.
pub fn plain_text(c: &Catalogue, view: &EntryView) -> String {
    let mut out = vec![view.title.clone()];
    out.extend(view.subtitle.clone());
    for warning in &view.warnings {
        out.push(String::new());
        out.push(warning.heading.clone());
        out.extend(warning.items.iter().map(|i| format!("! {i}")));
    }
    out.push(String::new());
    out.extend(
        view.fields
            .iter()
            .map(|(label, value)| format!("{label}: {value}")),
    );
    for (label, items) in &view.lists {
        out.push(format!("{label}:"));
        out.extend(items.iter().map(|i| format!("- {i}")));
    }
    let none = Patient::default();
    let mut last = None;
    for link in view
        .links
        .iter()
        .filter(|l| l.relation != Relation::RestrictedBy)
    {
        if last != Some(link.relation) {
            out.push(String::new());
            out.push(link.relation.label().to_string());
            last = Some(link.relation);
        }
        out.push(format!("  {}", link_text(c, link, &none)));
    }
    out.join("\n") + "\n"
}
