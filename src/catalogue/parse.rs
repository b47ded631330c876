//! Parsing catalogue text into entries (pure: text in, entries and located problems out).
//! Every problem is collected, not just the first.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::check::check_duplicates;

const TABLE_NAMES: &str =
    "region, channel, point, condition, technique, contraindication, category, red_flag, source";
use super::problem::{Problem, SourceText};
use super::read::CatalogueFile;
use super::text::{MAX_LIST_ITEMS, MAX_TEXT_BYTES, text_fault};
use super::*;
use crate::text::{echo, escape_controls};

/// Entries of one kind as parsed, each with the file it came from.
pub(super) struct Staged<T> {
    pub(super) items: Vec<T>,
    pub(super) files: Vec<usize>,
}

impl<T> Default for Staged<T> {
    fn default() -> Self {
        Staged {
            items: Vec::new(),
            files: Vec::new(),
        }
    }
}

impl<T> Staged<T> {
    /// Adds entries parsed after these.
    fn append(&mut self, later: Staged<T>) {
        self.items.extend(later.items);
        self.files.extend(later.files);
    }
}

impl<T: Entry> Staged<T> {
    /// Overlay entries replace base entries of the same id, or are added after them.
    pub(super) fn merge(&mut self, overlay: Staged<T>, file_offset: usize) {
        let positions: HashMap<String, usize> = self
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id().to_string(), i))
            .collect();
        for (item, file) in overlay.items.into_iter().zip(overlay.files) {
            match positions.get(item.id().as_str()) {
                Some(&i) => {
                    self.items[i] = item;
                    self.files[i] = file + file_offset;
                }
                None => {
                    self.items.push(item);
                    self.files.push(file + file_offset);
                }
            }
        }
    }
}

/// Everything parsed from one layer of files.
#[derive(Default)]
pub(super) struct Stage {
    pub(super) regions: Staged<Region>,
    pub(super) channels: Staged<Channel>,
    pub(super) points: Staged<Point>,
    pub(super) conditions: Staged<Condition>,
    pub(super) techniques: Staged<Technique>,
    pub(super) contraindications: Staged<Contraindication>,
    pub(super) categories: Staged<Category>,
    pub(super) red_flags: Staged<RedFlag>,
    pub(super) sources: Staged<Source>,
}

impl Stage {
    /// Adds entries parsed after these.
    fn append(&mut self, later: Stage) {
        self.regions.append(later.regions);
        self.channels.append(later.channels);
        self.points.append(later.points);
        self.conditions.append(later.conditions);
        self.techniques.append(later.techniques);
        self.contraindications.append(later.contraindications);
        self.categories.append(later.categories);
        self.red_flags.append(later.red_flags);
        self.sources.append(later.sources);
    }
}

pub(super) fn parse_layer(
    files: &[CatalogueFile],
    problems: &mut Vec<Problem>,
    failed: &mut HashSet<Kind>,
) -> Stage {
    let mut stage = Stage::default();
    for part in parse_in_parallel(files) {
        stage.append(part.stage);
        problems.extend(part.problems);
        failed.extend(part.failed);
    }
    check_duplicates(&stage.regions, files, problems);
    check_duplicates(&stage.channels, files, problems);
    check_duplicates(&stage.points, files, problems);
    check_duplicates(&stage.conditions, files, problems);
    check_duplicates(&stage.techniques, files, problems);
    check_duplicates(&stage.contraindications, files, problems);
    check_duplicates(&stage.categories, files, problems);
    check_duplicates(&stage.red_flags, files, problems);
    check_duplicates(&stage.sources, files, problems);
    stage
}

/// What parsing a run of files found.
#[derive(Default)]
struct Parsed {
    stage: Stage,
    problems: Vec<Problem>,
    failed: HashSet<Kind>,
}

/// Parses the files on every core, each core taking a run of consecutive files of about the
/// same size; the runs come back in file order.
fn parse_in_parallel(files: &[CatalogueFile]) -> Vec<Parsed> {
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    let share = total / crate::cores::count() + 1;
    let mut runs: Vec<(usize, &[CatalogueFile])> = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, file) in files.iter().enumerate() {
        size += file.text.len();
        if size >= share || i + 1 == files.len() {
            runs.push((start, &files[start..=i]));
            (start, size) = (i + 1, 0);
        }
    }
    crate::cores::map(runs, |(first, run)| {
        let mut parsed = Parsed::default();
        let Parsed {
            stage,
            problems,
            failed,
        } = &mut parsed;
        for (i, file) in run.iter().enumerate() {
            parse_file(first + i, file, stage, problems, failed);
        }
        parsed
    })
}

fn parse_file(
    index: usize,
    file: &CatalogueFile,
    stage: &mut Stage,
    problems: &mut Vec<Problem>,
    failed: &mut HashSet<Kind>,
) {
    let src = SourceText {
        name: &file.name,
        text: &file.text,
    };
    let table = match DeTable::parse(&file.text) {
        Ok(table) => table,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let help = if e.message().contains("recurs") {
                "brackets or tables are nested too deeply here; catalogue entries need only a few levels"
            } else {
                "fix the TOML syntax at this place (a missing quote, bracket or `=` is the usual cause)"
            };
            problems.push(src.problem(
                offset,
                format!("TOML syntax error: {}", one_line(e.message())),
                help,
            ));
            failed.extend(Kind::ALL);
            return;
        }
    };
    for (_, value) in table.get_ref().iter() {
        check_text(value, &src, problems);
    }
    for (key, value) in table.into_inner() {
        let name = key.get_ref().as_ref();
        match name {
            "region" => parse_array(value, &src, index, &mut stage.regions, problems, failed),
            "channel" => parse_array(value, &src, index, &mut stage.channels, problems, failed),
            "point" => parse_array(value, &src, index, &mut stage.points, problems, failed),
            "condition" => parse_array(value, &src, index, &mut stage.conditions, problems, failed),
            "technique" => parse_array(value, &src, index, &mut stage.techniques, problems, failed),
            "contraindication" => parse_array(
                value,
                &src,
                index,
                &mut stage.contraindications,
                problems,
                failed,
            ),
            "category" => parse_array(value, &src, index, &mut stage.categories, problems, failed),
            "red_flag" => parse_array(value, &src, index, &mut stage.red_flags, problems, failed),
            "source" => parse_array(value, &src, index, &mut stage.sources, problems, failed),
            other => problems.push(src.problem(
                key.span().start,
                format!("unknown table `{}`", echo(other)),
                &format!(
                    "a catalogue file holds only [[{}]] tables; check the spelling",
                    TABLE_NAMES.replace(", ", "]], [[")
                ),
            )),
        }
    }
}

fn parse_array<T: Entry + DeserializeOwned>(
    value: Spanned<DeValue<'_>>,
    src: &SourceText<'_>,
    file: usize,
    staged: &mut Staged<T>,
    problems: &mut Vec<Problem>,
    failed: &mut HashSet<Kind>,
) {
    let span = value.span();
    let DeValue::Array(items) = value.into_inner() else {
        problems.push(src.problem(
            span.start,
            format!("`{}` must be an array of tables", T::KIND.name()),
            &format!("write each entry as a [[{}]] table", T::KIND.name()),
        ));
        failed.insert(T::KIND);
        return;
    };
    for item in items.into_iter() {
        let start = item.span().start;
        match T::deserialize(ValueDeserializer::from(item)) {
            Ok(entry) => {
                staged.items.push(entry);
                staged.files.push(file);
            }
            Err(e) => {
                failed.insert(T::KIND);
                let offset = e.span().map_or(start, |s| s.start);
                problems.push(src.problem(
                    offset,
                    format!("in this {}: {}", T::KIND.name(), one_line(e.message())),
                    "see data/README.md for the fields of each kind; unknown or misspelt field names are errors",
                ));
            }
        }
    }
}

fn one_line(message: &str) -> String {
    escape_controls(&message.trim().replace('\n', " "))
}

/// Every string value anywhere in the file must be non-empty, NFC and free of control
/// characters.
fn check_text(value: &Spanned<DeValue<'_>>, src: &SourceText<'_>, problems: &mut Vec<Problem>) {
    match value.get_ref() {
        DeValue::String(s) => {
            if let Some(fault) = text_fault(s) {
                problems.push(src.problem(
                    value.span().start,
                    format!("{fault}: \"{}\"", echo(s)),
                    &format!(
                        "write plain text: no control or escape characters, no empty strings, \
                         at most {MAX_TEXT_BYTES} bytes, and save as Unicode NFC"
                    ),
                ));
            }
        }
        DeValue::Array(items) if items.len() > MAX_LIST_ITEMS => problems.push(src.problem(
            value.span().start,
            format!(
                "a list of {} items, more than the {MAX_LIST_ITEMS}-item limit",
                items.len()
            ),
            "split the entry, or keep the list to what a reader needs",
        )),
        DeValue::Array(items) => items.iter().for_each(|v| check_text(v, src, problems)),
        DeValue::Table(table) => table.iter().for_each(|(_, v)| check_text(v, src, problems)),
        _ => {}
    }
}
