//! Reading catalogue files, parsing them, merging layers and checking the result.
//!
//! Every problem is collected (not just the first), each tied to a file, line and column.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::Read as _;
use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::links::Backlinks;
use super::problem::{CatalogueError, Problem, SourceText};
use super::text::{MAX_LIST_ITEMS, MAX_TEXT_BYTES, text_fault};
use super::*;
use crate::text::{echo, escape_controls};

/// The largest catalogue file read; anything bigger is refused rather than parsed.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// One catalogue file: its name (as shown in problems) and its text.
#[derive(Clone, Debug)]
pub struct CatalogueFile {
    /// The name shown in problems, such as `data/points/BL.toml`.
    pub name: String,
    /// The file's text.
    pub text: Cow<'static, str>,
}

/// The catalogue files found in a directory, and what was passed over on the way.
#[derive(Debug, Default)]
pub struct DirFiles {
    /// The `*.toml` files, in path order.
    pub files: Vec<CatalogueFile>,
    /// One line per thing not read: editor lock and backup files, dangling links, folders
    /// deeper than the limit.
    pub notes: Vec<String>,
}

/// The deepest folder below a catalogue directory that is read.
pub const MAX_DEPTH: usize = 8;

/// Every `*.toml` file under a directory, in path order. `required`: a directory with none is
/// an error (a catalogue must hold something; an overlay may be empty).
pub fn read_dir(dir: &Path, required: bool) -> Result<DirFiles, CatalogueError> {
    let fail = |place: &Path, message: String, help: &str| CatalogueError {
        problems: vec![Problem {
            file: escape_controls(&place.display().to_string()),
            line: 1,
            column: 1,
            message,
            help: help.to_string(),
        }],
    };
    if !dir.is_dir() {
        return Err(fail(
            dir,
            "this catalogue directory does not exist or is not a directory".into(),
            "pass a directory that holds the catalogue's .toml files (see `acuref paths`)",
        ));
    }
    let mut paths = Vec::new();
    let mut notes = Vec::new();
    collect_toml(dir, &mut paths, &mut notes, 0, &mut HashSet::new()).map_err(|(place, e)| {
        fail(
            &place,
            format!("cannot read this directory: {e}"),
            "check its permissions, or move it out of the catalogue directory",
        )
    })?;
    paths.sort();
    if paths.is_empty() && required {
        return Err(fail(
            dir,
            "this directory holds no .toml files".into(),
            "pass the folder that holds the catalogue (regions.toml, points/...; see `acuref paths`)",
        ));
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = escape_controls(&path.display().to_string());
        match read_file(&path) {
            Ok(text) => files.push(CatalogueFile {
                name,
                text: Cow::Owned(text),
            }),
            Err((offset, message, help, bytes)) => {
                let (line, column) = bytes_line_column(&bytes, offset);
                problems.push(Problem {
                    file: name,
                    line,
                    column,
                    message,
                    help: help.to_string(),
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(DirFiles { files, notes })
    } else {
        Err(CatalogueError { problems })
    }
}

type ReadFault = (usize, String, &'static str, Vec<u8>);

fn read_file(path: &Path) -> Result<String, ReadFault> {
    let fault = |message: String, help: &'static str| (0, message, help, Vec::new());
    let unreadable = |e: std::io::Error| {
        fault(
            format!("cannot read the file: {e}"),
            "check that it exists and is readable",
        )
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(fault(
            "this is not a regular file (a device, a pipe or a socket?)".into(),
            "catalogue files are plain text files; remove or rename this one",
        ));
    }
    let too_big = |size: u64| {
        fault(
            format!("the file is {size} bytes, more than the {MAX_FILE_BYTES}-byte limit"),
            "split the catalogue into smaller files",
        )
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_big(metadata.len()));
    }
    // Read no more than the limit, even if the file grows while it is read.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        (
            offset,
            "the file is not UTF-8 text".to_string(),
            "save the file as UTF-8; catalogue files are plain text",
            e.into_bytes(),
        )
    })
}

fn bytes_line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let text = String::from_utf8_lossy(before);
    line_column(&text, text.len())
}

/// Whether a file name is an editor's lock or backup file (`.#x.toml`, `#x.toml#`, `x.toml~`)
/// or hidden, rather than a catalogue file.
fn is_dropping(name: &str) -> bool {
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~')
}

/// The `.toml` files under `dir`, at most [`MAX_DEPTH`] folders deep. Each folder is read
/// once, however many links lead to it, so a link loop cannot make the walk run forever. A
/// folder that cannot be read is returned with its error.
fn collect_toml(
    dir: &Path,
    out: &mut Vec<std::path::PathBuf>,
    notes: &mut Vec<String>,
    depth: usize,
    seen: &mut HashSet<std::path::PathBuf>,
) -> Result<(), (std::path::PathBuf, std::io::Error)> {
    let shown = |p: &Path| escape_controls(&p.display().to_string());
    if depth > MAX_DEPTH {
        notes.push(format!(
            "{} is more than {MAX_DEPTH} folders deep and was not read",
            shown(dir)
        ));
        return Ok(());
    }
    let failed = |e| (dir.to_path_buf(), e);
    if !seen.insert(std::fs::canonicalize(dir).map_err(failed)?) {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(failed)? {
        let path = entry.map_err(failed)?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if path.is_dir() {
            if !name.starts_with('.') {
                collect_toml(&path, out, notes, depth + 1, seen)?;
            }
        } else if name.ends_with(".toml") {
            if is_dropping(&name) {
                notes.push(format!(
                    "{} looks like an editor's lock or backup file and was skipped",
                    shown(&path)
                ));
            } else if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
                && std::fs::metadata(&path).is_err()
            {
                notes.push(format!(
                    "{} is a link to nothing and was skipped",
                    shown(&path)
                ));
            } else {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// Entries of one kind as parsed, each with the file it came from.
struct Staged<T> {
    items: Vec<T>,
    files: Vec<usize>,
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
    fn merge(&mut self, overlay: Staged<T>, file_offset: usize) {
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
struct Stage {
    regions: Staged<Region>,
    channels: Staged<Channel>,
    points: Staged<Point>,
    conditions: Staged<Condition>,
    techniques: Staged<Technique>,
    contraindications: Staged<Contraindication>,
    sources: Staged<Source>,
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
        self.sources.append(later.sources);
    }
}

const TABLE_NAMES: &str = "region, channel, point, condition, technique, contraindication, source";

pub(super) fn load(
    base: &[CatalogueFile],
    overlay: &[CatalogueFile],
) -> Result<Catalogue, CatalogueError> {
    let mut problems = Vec::new();
    // Kinds with an entry that failed to parse: links into them are not checked, since they
    // would only repeat the same problem.
    let mut failed = HashSet::new();
    let mut stage = parse_layer(base, &mut problems, &mut failed);
    let top = parse_layer(overlay, &mut problems, &mut failed);
    let files: Vec<&CatalogueFile> = base.iter().chain(overlay).collect();
    let offset = base.len();
    stage.regions.merge(top.regions, offset);
    stage.channels.merge(top.channels, offset);
    stage.points.merge(top.points, offset);
    stage.conditions.merge(top.conditions, offset);
    stage.techniques.merge(top.techniques, offset);
    stage.contraindications.merge(top.contraindications, offset);
    stage.sources.merge(top.sources, offset);

    let ids = IdSets {
        failed,
        sets: HashMap::from([
            (Kind::Region, id_set(&stage.regions)),
            (Kind::Channel, id_set(&stage.channels)),
            (Kind::Point, id_set(&stage.points)),
            (Kind::Condition, id_set(&stage.conditions)),
            (Kind::Technique, id_set(&stage.techniques)),
            (Kind::Contraindication, id_set(&stage.contraindications)),
            (Kind::Source, id_set(&stage.sources)),
        ]),
    };
    check_links(&stage.regions, &ids, &files, &mut problems);
    check_links(&stage.channels, &ids, &files, &mut problems);
    check_links(&stage.points, &ids, &files, &mut problems);
    check_links(&stage.conditions, &ids, &files, &mut problems);
    check_links(&stage.techniques, &ids, &files, &mut problems);
    check_links(&stage.contraindications, &ids, &files, &mut problems);
    check_links(&stage.sources, &ids, &files, &mut problems);
    check_point_codes(&stage.points, &files, &mut problems);
    check_rules(&stage, &files, &mut problems);

    if !problems.is_empty() {
        return Err(sorted(problems));
    }

    let channels = Table::new(stage.channels.items);
    let mut points = stage.points.items;
    points.sort_by_key(|p| {
        let channel = p
            .channel
            .as_ref()
            .and_then(|c| channels.position(c))
            .unwrap_or(usize::MAX);
        (channel, p.number.unwrap_or(0))
    });
    let mut catalogue = Catalogue {
        regions: Table::new(stage.regions.items),
        channels,
        points: Table::new(points),
        conditions: Table::new(stage.conditions.items),
        techniques: Table::new(stage.techniques.items),
        contraindications: Table::new(stage.contraindications.items),
        sources: Table::new(stage.sources.items),
        backlinks: Backlinks::default(),
        files: files.iter().map(|f| f.name.clone()).collect(),
    };
    catalogue.backlinks = Backlinks::compute(&catalogue);
    Ok(catalogue)
}

fn sorted(mut problems: Vec<Problem>) -> CatalogueError {
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    problems.dedup();
    CatalogueError { problems }
}

fn parse_layer(
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

fn source_text<'a>(files: &[&'a CatalogueFile], index: usize) -> SourceText<'a> {
    SourceText {
        name: &files[index].name,
        text: &files[index].text,
    }
}

fn check_duplicates<T: Entry>(
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

struct IdSets<'a> {
    failed: HashSet<Kind>,
    sets: HashMap<Kind, HashSet<&'a str>>,
}

fn id_set<T: Entry>(staged: &Staged<T>) -> HashSet<&str> {
    staged.items.iter().map(|i| i.id().as_str()).collect()
}

fn check_links<T: Entry>(
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

fn check_point_codes(
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

/// Rules must cover something; their categories must be ones points carry; their stages must
/// be stages of their contraindication's patient state; patient aliases must be unique.
fn check_rules(stage: &Stage, files: &[&CatalogueFile], problems: &mut Vec<Problem>) {
    let categories: Vec<&str> = stage
        .points
        .items
        .iter()
        .flat_map(|p| p.categories.iter().map(String::as_str))
        .collect();
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
                    .map_or(contra.id.span().start, |s| s.span().start);
                problems.push(src.problem(
                    at,
                    format!(
                        "a rule of contraindication `{}` covers nothing",
                        echo(&contra.id)
                    ),
                    "name what the rule covers: `points`, `regions`, `categories` or `techniques`",
                ));
            }
            for category in &rule.categories {
                let known = categories
                    .iter()
                    .any(|pc| super::cautions::category_covers(category, pc));
                if !known {
                    problems.push(src.problem(
                        category.span().start,
                        format!(
                            "no point has the category `{}`",
                            echo(category)
                        ),
                        "write a category as points write it (`Jing-Well point`, `Back-Shu point`); see data/README.md",
                    ));
                }
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
