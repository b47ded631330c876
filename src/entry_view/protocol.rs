//! What a protocol shows: its points in the user's order, each with its caution mark and the
//! note written on it there, and above them every caution rule that bears on the set (with a
//! patient set, the verdict of each point first). The catalogue knows no protocols: the front
//! end passes the protocol's name and points as the user's database has them.

use super::{EntryView, Warning};
use crate::catalogue::cautions::Patient;
use crate::catalogue::{Catalogue, EntryRef, Kind, Level, Link, Relation};

/// Describes a protocol for display: `points` are point codes in order, each with the note on
/// it in this protocol; a code the catalogue no longer has is listed as orphaned.
pub fn protocol_view(
    c: &Catalogue,
    name: &str,
    points: &[(String, Option<String>)],
    patient: &Patient,
) -> EntryView {
    let found: Vec<(Option<EntryRef>, &Option<String>)> = points
        .iter()
        .map(|(code, note)| (c.find(Kind::Point, code), note))
        .collect();
    let mut view = EntryView {
        title: format!("Protocol: {}", crate::text::escape_controls(name)),
        subtitle: Some(match points.len() {
            1 => "1 point · yours, kept in your database".to_string(),
            n => format!("{n} points · yours, kept in your database"),
        }),
        warnings: Vec::new(),
        fields: Vec::new(),
        lists: Vec::new(),
        links: Vec::new(),
        note: None,
        note_conflicts: Vec::new(),
    };
    let present: Vec<EntryRef> = found.iter().filter_map(|(e, _)| *e).collect();
    view.warnings = protocol_warnings(c, &present, patient);
    let orphaned: Vec<String> = found
        .iter()
        .zip(points)
        .filter(|((e, _), _)| e.is_none())
        .map(|(_, (code, _))| crate::text::escape_controls(code))
        .collect();
    if !orphaned.is_empty() {
        view.fields.push((
            "Orphaned",
            format!(
                "{} (the catalogue no longer has them; `acuref orphans` lists them)",
                orphaned.join(", ")
            ),
        ));
    }
    view.links = found
        .iter()
        .filter_map(|&(entry, note)| {
            let target = entry?;
            Some(Link {
                relation: Relation::Point,
                target,
                detail: note.as_deref().map(crate::text::escape_controls),
            })
        })
        .collect();
    view
}

/// The caution rules on a protocol's points, one line a rule and a point, strictest first
/// (notes, the mildest level, are left to each point's card). With a patient set, the rules
/// that apply to the patient come under their verdict, and the others follow by name.
fn protocol_warnings(c: &Catalogue, points: &[EntryRef], patient: &Patient) -> Vec<Warning> {
    let line = |e: EntryRef, r| format!("{}: {}", c.id(e), c.rule_text(r));
    let mut warnings = Vec::new();
    let mut block = |heading: String, items: Vec<String>| {
        if !items.is_empty() {
            warnings.push(Warning { heading, items });
        }
    };
    if patient.is_empty() {
        let mut rules: Vec<(Level, String)> = points
            .iter()
            .flat_map(|&e| c.rules_covering(e).iter().map(move |&r| (e, r)))
            .filter(|&(_, r)| c.rule(r).level != Level::Note)
            .map(|(e, r)| (c.rule(r).level, line(e, r)))
            .collect();
        rules.sort_by_key(|(level, _)| std::cmp::Reverse(*level));
        block(
            "CAUTION".into(),
            rules.into_iter().map(|(_, text)| text).collect(),
        );
        return warnings;
    }
    for level in [Level::Forbidden, Level::Caution] {
        let items = points
            .iter()
            .flat_map(|&e| c.verdict(e, patient).rules.into_iter().map(move |r| (e, r)))
            .filter(|&(_, r)| c.rule(r).level == level)
            .map(|(e, r)| line(e, r))
            .collect();
        block(
            format!(
                "{} FOR THIS PATIENT ({})",
                level.as_str().to_uppercase(),
                patient.label(c)
            ),
            items,
        );
    }
    let others = points
        .iter()
        .filter_map(|&e| {
            let applying = c.verdict(e, patient).rules;
            let mut names: Vec<String> = c
                .rules_covering(e)
                .iter()
                .filter(|&&r| !applying.contains(&r) && c.rule(r).level != Level::Note)
                .map(|&r| {
                    let name = &c.contraindications[r.contraindication].name;
                    format!("{name}: {}", c.rule(r).level.as_str())
                })
                .collect();
            names.sort();
            names.dedup();
            (!names.is_empty()).then(|| format!("{}: {}", c.id(e), names.join("; ")))
        })
        .collect();
    block("OTHER CAUTIONS (not for this patient)".into(), others);
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::cautions::PatientStateRef;

    fn pregnant(c: &Catalogue) -> Patient {
        let ci = c
            .contraindications
            .position("pregnancy")
            .expect("the pregnancy contraindication");
        let mut patient = Patient::default();
        patient.set(PatientStateRef {
            contraindication: ci,
            stage: None,
        });
        patient
    }

    #[test]
    fn a_protocol_lists_its_points_in_order_with_their_notes_and_cautions() {
        let c = crate::catalogue::Catalogue::builtin();
        let points = vec![
            ("GB30".to_string(), None),
            (
                "BL40".to_string(),
                Some("bleed if visible veins".to_string()),
            ),
            ("XX99".to_string(), None),
            ("LI4".to_string(), None),
        ];
        let view = protocol_view(&c, "sciatica", &points, &Patient::default());
        assert_eq!(view.title, "Protocol: sciatica");
        let codes: Vec<&str> = view.links.iter().map(|l| c.id(l.target)).collect();
        assert_eq!(codes, ["GB30", "BL40", "LI4"]);
        assert!(
            view.links[1]
                .detail
                .as_deref()
                .unwrap()
                .starts_with("bleed if visible veins")
        );
        assert!(view.fields[0].1.starts_with("XX99"), "{:?}", view.fields);
        let caution = &view.warnings[0];
        assert!(caution.items.iter().any(|i| i.starts_with("LI4: ")));
        let view = protocol_view(&c, "sciatica", &points, &pregnant(&c));
        assert!(
            view.warnings[0]
                .heading
                .starts_with("FORBIDDEN FOR THIS PATIENT"),
            "{:?}",
            view.warnings
        );
        assert!(
            view.warnings[0]
                .items
                .iter()
                .any(|i| i.starts_with("LI4: "))
        );
    }
}
