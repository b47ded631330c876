//! Loading a catalogue: parse each layer, merge the overlay by id, check the result, and
//! compute the links seen from their other end.

use std::collections::{HashMap, HashSet};

use super::backlinks::Backlinks;
use super::check::{IdSets, check_links, check_point_codes, check_rules, id_set};
use super::parse::{Stage, Staged, parse_layer};
use super::problem::{CatalogueError, Problem};
use super::read::CatalogueFile;
use super::*;

pub(super) fn load(
    base: &[CatalogueFile],
    overlay: &[CatalogueFile],
) -> Result<Catalogue, CatalogueError> {
    let mut problems = Vec::new();
    // Kinds with an entry that failed to parse: links into them are not checked, since they
    // would only repeat the same problem.
    let mut failed = HashSet::new();
    let stage = parse_layer(base, &mut problems, &mut failed);
    combine(stage, base, overlay, problems, failed)
}

pub(super) fn with_overlay(
    base: Catalogue,
    base_files: &[CatalogueFile],
    overlay: &[CatalogueFile],
) -> Result<Catalogue, CatalogueError> {
    debug_assert!(base.files.iter().eq(base_files.iter().map(|f| &f.name)));
    let stage = Stage {
        regions: staged(base.regions),
        channels: staged(base.channels),
        points: staged(base.points),
        conditions: staged(base.conditions),
        techniques: staged(base.techniques),
        contraindications: staged(base.contraindications),
        categories: staged(base.categories),
        red_flags: staged(base.red_flags),
        sources: staged(base.sources),
    };
    combine(stage, base_files, overlay, Vec::new(), HashSet::new())
}

fn staged<T: Entry + serde::de::DeserializeOwned>(table: Table<T>) -> Staged<T> {
    let (items, files) = table.into_parts();
    Staged { items, files }
}

/// The base layer's entries with the overlay parsed and merged onto them by id, checked as a
/// whole, with the links computed.
fn combine(
    mut stage: Stage,
    base: &[CatalogueFile],
    overlay: &[CatalogueFile],
    mut problems: Vec<Problem>,
    mut failed: HashSet<Kind>,
) -> Result<Catalogue, CatalogueError> {
    let top = parse_layer(overlay, &mut problems, &mut failed);
    let files: Vec<&CatalogueFile> = base.iter().chain(overlay).collect();
    let offset = base.len();
    stage.regions.merge(top.regions, offset);
    stage.channels.merge(top.channels, offset);
    stage.points.merge(top.points, offset);
    stage.conditions.merge(top.conditions, offset);
    stage.techniques.merge(top.techniques, offset);
    stage.contraindications.merge(top.contraindications, offset);
    stage.categories.merge(top.categories, offset);
    stage.red_flags.merge(top.red_flags, offset);
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
            (Kind::Category, id_set(&stage.categories)),
            (Kind::RedFlag, id_set(&stage.red_flags)),
            (Kind::Source, id_set(&stage.sources)),
        ]),
    };
    check_links(&stage.regions, &ids, &files, &mut problems);
    check_links(&stage.channels, &ids, &files, &mut problems);
    check_links(&stage.points, &ids, &files, &mut problems);
    check_links(&stage.conditions, &ids, &files, &mut problems);
    check_links(&stage.techniques, &ids, &files, &mut problems);
    check_links(&stage.contraindications, &ids, &files, &mut problems);
    check_links(&stage.categories, &ids, &files, &mut problems);
    check_links(&stage.red_flags, &ids, &files, &mut problems);
    check_links(&stage.sources, &ids, &files, &mut problems);
    check_point_codes(&stage.points, &files, &mut problems);
    check_rules(&stage, &files, &mut problems);

    if !problems.is_empty() {
        return Err(sorted(problems));
    }

    let channels = table(stage.channels);
    let mut points: Vec<(Point, usize)> = stage
        .points
        .items
        .into_iter()
        .zip(stage.points.files)
        .collect();
    points.sort_by_key(|(p, _)| {
        let channel = p
            .channel
            .as_ref()
            .and_then(|c| channels.position(c))
            .unwrap_or(usize::MAX);
        (channel, p.number.unwrap_or(0))
    });
    let (points, point_files) = points.into_iter().unzip();
    let mut catalogue = Catalogue {
        regions: table(stage.regions),
        channels,
        points: Table::new(points, point_files),
        conditions: table(stage.conditions),
        techniques: table(stage.techniques),
        contraindications: table(stage.contraindications),
        categories: table(stage.categories),
        red_flags: table(stage.red_flags),
        sources: table(stage.sources),
        backlinks: Backlinks::default(),
        files: files.iter().map(|f| f.name.clone()).collect(),
    };
    catalogue.backlinks = Backlinks::compute(&catalogue);
    Ok(catalogue)
}

fn table<T: Entry + serde::de::DeserializeOwned>(staged: Staged<T>) -> Table<T> {
    Table::new(staged.items, staged.files)
}

fn sorted(mut problems: Vec<Problem>) -> CatalogueError {
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    problems.dedup();
    CatalogueError { problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn file(name: &str, text: &'static str) -> CatalogueFile {
        CatalogueFile {
            name: name.into(),
            text: Cow::Borrowed(text),
        }
    }

    #[test]
    fn problems_are_found_in_memory_with_their_places() {
        let regions = file("r.toml", "[[region]]\nid = \"hand\"\nname = \"Hand\"\n");
        let again = file("s.toml", "\n[[region]]\nid = \"hand\"\nname = \"Hand\"\n");
        let err = Catalogue::load(&[regions.clone(), again], &[]).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        let p = &err.problems[0];
        assert_eq!((p.file.as_str(), p.line, p.column), ("s.toml", 3, 6));
        assert!(
            p.message.contains("already defined at r.toml:2:6"),
            "{}",
            p.message
        );
        // An overlay entry of the same id replaces the base one.
        let renamed = file("mine.toml", "[[region]]\nid = \"hand\"\nname = \"Palm\"\n");
        let c = Catalogue::load(&[regions], &[renamed]).unwrap();
        assert_eq!(c.regions.get("hand").unwrap().name, "Palm");
    }
}
