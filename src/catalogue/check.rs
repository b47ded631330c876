//! Checks across entries: duplicate ids, links to missing ids, point codes, caution rules.
//! Pure: entries in, located problems out.

use std::collections::{HashMap, HashSet};

use super::parse::{Stage, Staged};
use super::problem::{Problem, SourceText, line_column};
use super::read::CatalogueFile;
use super::*;
use crate::text::echo;

pub(super) fn source_text<'a>(files: &[&'a CatalogueFile], index: usize) -> SourceText<'a> {
    SourceText {
        name: &files[index].name,
        text: &files[index].text,
    }
}

pub(super) fn check_duplicates<T: Entry>(
    staged: &Staged<T>,
    files: &[CatalogueFile],
    problems: &mut Vec<Problem>,
) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let files: Vec<&CatalogueFile> = files.iter().collect();
    for (i, item) in staged.items.iter().enumerate() {
        let id = item.id();
        if let Some(&first) = seen.get(id.as_str()) {
            let first_src = source_text(&files, staged.files[first]);
            let (line, column) = line_column(first_src.text, staged.items[first].id().span().start);
            problems.push(source_text(&files, staged.files[i]).problem(
                id.span().start,
                format!(
                    "duplicate {} id `{}`: already defined at {}:{line}:{column}",
                    T::KIND.name(),
                    echo(id),
                    first_src.name
                ),
                "give every entry its own id; to change a built-in entry, put your version in your user directory (see `acuref paths`)",
            ));
        } else {
            seen.insert(id.as_str(), i);
        }
    }
}

pub(super) struct IdSets<'a> {
    pub(super) failed: HashSet<Kind>,
    pub(super) sets: HashMap<Kind, HashSet<&'a str>>,
}

pub(super) fn id_set<T: Entry>(staged: &Staged<T>) -> HashSet<&str> {
    staged.items.iter().map(|i| i.id().as_str()).collect()
}

pub(super) fn check_links<T: Entry>(
    staged: &Staged<T>,
    ids: &IdSets<'_>,
    files: &[&CatalogueFile],
    problems: &mut Vec<Problem>,
) {
    for (item, &file) in staged.items.iter().zip(&staged.files) {
        for (kind, link) in item.links() {
            if !ids.failed.contains(&kind) && !ids.sets[&kind].contains(link.as_str()) {
                problems.push(source_text(files, file).problem(
                    link.span().start,
                    format!(
                        "{} `{}` links to {} `{}`, which does not exist",
                        T::KIND.name(),
                        echo(item.id()),
                        kind.name(),
                        echo(link)
                    ),
                    &format!(
                        "check the spelling of the id, or add a [[{}]] with that id",
                        kind.name()
                    ),
                ));
            }
        }
    }
}

pub(super) fn check_point_codes(
    staged: &Staged<Point>,
    files: &[&CatalogueFile],
    problems: &mut Vec<Problem>,
) {
    for (point, &file) in staged.items.iter().zip(&staged.files) {
        let src = source_text(files, file);
        match (&point.channel, point.number) {
            (Some(channel), Some(number)) => {
                let expected = format!("{}{number}", channel.as_str());
                if point.code.as_str() != expected {
                    problems.push(src.problem(
                        point.code.span().start,
                        format!(
                            "point code `{}` does not match its channel `{}` and number {number}",
                            echo(&point.code),
                            echo(channel)
                        ),
                        &format!("a channel point's code is its channel and number: `{expected}`"),
                    ));
                }
            }
            (None, None) => {}
            _ => problems.push(src.problem(
                point.code.span().start,
                format!(
                    "point `{}` has a channel or a number but not both",
                    echo(&point.code)
                ),
                "a channel point needs both `channel` and `number`; an extra point has neither",
            )),
        }
    }
}

/// Rules must cover something (what they cover is checked as links are); their stages must
/// be stages of their contraindication's patient state; patient aliases must be unique.
pub(super) fn check_rules(stage: &Stage, files: &[&CatalogueFile], problems: &mut Vec<Problem>) {
    let mut aliases: HashMap<String, &Ref> = HashMap::new();
    for (contra, &file) in stage
        .contraindications
        .items
        .iter()
        .zip(&stage.contraindications.files)
    {
        let src = source_text(files, file);
        let stages: Vec<&str> = contra
            .patient
            .as_ref()
            .map(|p| p.stages.iter().map(|s| s.as_str()).collect())
            .unwrap_or_default();
        if let Some(patient) = &contra.patient {
            let key = patient.alias.to_ascii_lowercase();
            if let Some(first) = aliases.get(&key) {
                let (line, column) = line_column(src.text, first.span().start);
                problems.push(src.problem(
                    patient.alias.span().start,
                    format!(
                        "patient state `{}` is already the alias of another contraindication (line {line}, column {column})",
                        echo(&patient.alias)
                    ),
                    "give each patient state its own alias; users type it after --patient",
                ));
            } else {
                aliases.insert(key, &patient.alias);
            }
        }
        for rule in &contra.rules {
            let empty = rule.points.is_empty()
                && rule.regions.is_empty()
                && rule.categories.is_empty()
                && rule.techniques.is_empty();
            if empty {
                let at = rule
                    .sources
                    .first()
                    .map_or(contra.id.span().start, |s| s.source.span().start);
                problems.push(src.problem(
                    at,
                    format!(
                        "a rule of contraindication `{}` covers nothing",
                        echo(&contra.id)
                    ),
                    "name what the rule covers: `points`, `regions`, `categories` or `techniques`",
                ));
            }
            for s in &rule.stages {
                if !stages.contains(&s.as_str()) {
                    let help = if stages.is_empty() {
                        "only a contraindication with a `patient` state that lists `stages` can limit a rule to stages".to_string()
                    } else {
                        format!(
                            "the stages of this patient state are: {}",
                            stages.join(", ")
                        )
                    };
                    problems.push(src.problem(
                        s.span().start,
                        format!("unknown stage `{}`", echo(s)),
                        &help,
                    ));
                }
            }
        }
    }
}
