//! The domain: the catalogue's entries, how they are loaded and checked, and the links
//! between them. Nothing here knows about terminals.

mod archive;
mod backlinks;
pub mod cautions;
mod check;
pub mod codes;
mod links;
mod load;
pub mod model;
mod parse;
pub mod patient;
pub(crate) mod problem;
mod read;
mod table;
pub mod text;

use serde::{Deserialize, Serialize};

pub use backlinks::Backlinks;
pub use links::{Link, Relation};
pub use model::*;
pub(crate) use problem::line_column;
pub use problem::{CatalogueError, Problem};
pub use read::{BODY_DIR, CatalogueFile, DirFiles, MAX_DEPTH, MAX_FILE_BYTES, read_dir};
pub use table::Table;

/// The kinds of entry, in the order search results break ties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Kind {
    /// An acupuncture point.
    Point,
    /// A condition.
    Condition,
    /// A technique.
    Technique,
    /// A contraindication.
    Contraindication,
    /// A channel or vessel.
    Channel,
    /// A body region.
    Region,
    /// A point category (Back-Shu, Luo-Connecting...).
    Category,
    /// A red flag: a sign that means see a physician now.
    RedFlag,
    /// A source.
    Source,
}

impl Kind {
    /// Every kind, in tie-break order.
    pub const ALL: [Kind; 9] = [
        Kind::Point,
        Kind::Condition,
        Kind::Technique,
        Kind::Contraindication,
        Kind::Channel,
        Kind::Region,
        Kind::Category,
        Kind::RedFlag,
        Kind::Source,
    ];

    /// The singular name, as in `[[point]]`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Point => "point",
            Kind::Condition => "condition",
            Kind::Technique => "technique",
            Kind::Contraindication => "contraindication",
            Kind::Channel => "channel",
            Kind::Region => "region",
            Kind::Category => "category",
            Kind::RedFlag => "red_flag",
            Kind::Source => "source",
        }
    }

    /// The kind with this singular name, as [`Kind::name`] writes it.
    pub fn named(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// A short badge (at most three letters): the list's kind column, and the search prefix
    /// that keeps one kind (`pt:`, `con:`).
    pub fn badge(self) -> &'static str {
        match self {
            Kind::Point => "pt",
            Kind::Condition => "con",
            Kind::Technique => "tec",
            Kind::Contraindication => "cau",
            Kind::Channel => "chn",
            Kind::Region => "reg",
            Kind::Category => "cat",
            Kind::RedFlag => "flg",
            Kind::Source => "src",
        }
    }

    /// The plural name, as in `acuref list categories`.
    pub(crate) fn plural(self) -> String {
        match self {
            Kind::Category => "categories".to_string(),
            other => format!("{}s", other.name()),
        }
    }
}

/// Words joined as a sentence lists them: "A", "A and B", "A, B and C".
fn and_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A reference to one entry of a loaded catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct EntryRef {
    /// Which table.
    pub kind: Kind,
    /// Position in that table.
    pub index: usize,
}

/// What every kind of entry shares: an id, and the links it writes.
pub trait Entry {
    /// The kind of entry.
    const KIND: Kind;
    /// The entry's id.
    fn id(&self) -> &Ref;
    /// Every link the entry writes, with the kind it must point to.
    fn links(&self) -> Vec<(Kind, &Ref)>;
}

/// A loaded, checked catalogue.
#[derive(Debug)]
pub struct Catalogue {
    /// Body regions.
    pub regions: Table<Region>,
    /// Channels and vessels, in channel order.
    pub channels: Table<Channel>,
    /// Points: channel points in channel order, then extra points.
    pub points: Table<Point>,
    /// Conditions.
    pub conditions: Table<Condition>,
    /// Techniques.
    pub techniques: Table<Technique>,
    /// Contraindications.
    pub contraindications: Table<Contraindication>,
    /// Point categories.
    pub categories: Table<Category>,
    /// Red flags.
    pub red_flags: Table<RedFlag>,
    /// Sources.
    pub sources: Table<Source>,
    /// The links, seen from the other end.
    pub backlinks: Backlinks,
    /// The files the catalogue was read from, in reading order.
    pub files: Vec<String>,
}

impl Catalogue {
    /// A catalogue from base files, with overlay files adding entries or replacing entries of
    /// the same id.
    pub fn load(
        base: &[CatalogueFile],
        overlay: &[CatalogueFile],
    ) -> Result<Catalogue, CatalogueError> {
        load::load(base, overlay)
    }

    /// This catalogue, read from `base` (the files named in [`Catalogue::files`]), with
    /// overlay files adding entries or replacing entries of the same id: the same catalogue
    /// [`Catalogue::load`] makes of `base` and `overlay`, but only the overlay is parsed. The
    /// whole is checked again, as `load` checks it.
    pub fn with_overlay(
        self,
        base: &[CatalogueFile],
        overlay: &[CatalogueFile],
    ) -> Result<Catalogue, CatalogueError> {
        load::with_overlay(self, base, overlay)
    }

    /// The id of an entry.
    pub fn id(&self, entry: EntryRef) -> &str {
        match entry.kind {
            Kind::Point => &self.points[entry.index].code,
            Kind::Condition => &self.conditions[entry.index].id,
            Kind::Technique => &self.techniques[entry.index].id,
            Kind::Contraindication => &self.contraindications[entry.index].id,
            Kind::Channel => &self.channels[entry.index].id,
            Kind::Region => &self.regions[entry.index].id,
            Kind::Category => &self.categories[entry.index].id,
            Kind::RedFlag => &self.red_flags[entry.index].id,
            Kind::Source => &self.sources[entry.index].id,
        }
    }

    /// The display name of an entry: a point's pinyin, a channel's English name, a source's id.
    pub fn name(&self, entry: EntryRef) -> &str {
        match entry.kind {
            Kind::Point => &self.points[entry.index].pinyin,
            Kind::Condition => &self.conditions[entry.index].name,
            Kind::Technique => &self.techniques[entry.index].name,
            Kind::Contraindication => &self.contraindications[entry.index].name,
            Kind::Channel => &self.channels[entry.index].name,
            Kind::Region => &self.regions[entry.index].name,
            Kind::Category => &self.categories[entry.index].name,
            Kind::RedFlag => &self.red_flags[entry.index].text,
            Kind::Source => &self.sources[entry.index].citation,
        }
    }

    /// A point's category as its card writes it: the category's name, then the channels and
    /// vessels it concerns ("Meeting point of the Stomach and Gallbladder channels and Yang Wei
    /// Mai") and any other detail ("Back-Shu point of the Kidney").
    pub fn category_label(&self, of: &PointCategory) -> String {
        let name = self
            .categories
            .get(&of.category)
            .map_or(of.category.as_str(), |c| c.name.as_str());
        let mut label = name.to_string();
        let channels: Vec<&Channel> = of
            .channels
            .iter()
            .filter_map(|id| self.channels.get(id))
            .collect();
        if !channels.is_empty() {
            let primary: Vec<&str> = channels
                .iter()
                .filter(|c| c.kind == ChannelKind::Primary)
                .map(|c| c.name.as_str())
                .collect();
            let mut parts = Vec::new();
            if !primary.is_empty() {
                let noun = if primary.len() == 1 {
                    "channel"
                } else {
                    "channels"
                };
                parts.push(format!("{} {noun}", and_list(&primary)));
            }
            parts.extend(
                channels
                    .iter()
                    .filter(|c| c.kind != ChannelKind::Primary)
                    .map(|c| c.pinyin.clone()),
            );
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            label = format!("{label} of the {}", and_list(&parts));
        }
        if let Some(detail) = &of.detail {
            label = format!("{label} {detail}");
        }
        label
    }

    /// A one-line title: code, pinyin, hanzi and English for a point; id, name and hanzi for a
    /// channel; the id of a source; the name otherwise.
    pub fn title(&self, entry: EntryRef) -> String {
        match entry.kind {
            Kind::Point => {
                let p = &self.points[entry.index];
                format!(
                    "{} {} {} ({})",
                    p.code.as_str(),
                    p.pinyin,
                    p.hanzi,
                    p.english
                )
            }
            Kind::Channel => {
                let ch = &self.channels[entry.index];
                format!("{} {} {}", ch.id.as_str(), ch.name, ch.hanzi)
            }
            Kind::Source => self.sources[entry.index].id.to_string(),
            _ => self.name(entry).to_string(),
        }
    }

    /// The entry of a kind with this exact id.
    pub fn find(&self, kind: Kind, id: &str) -> Option<EntryRef> {
        let index = match kind {
            Kind::Point => self.points.position(id),
            Kind::Condition => self.conditions.position(id),
            Kind::Technique => self.techniques.position(id),
            Kind::Contraindication => self.contraindications.position(id),
            Kind::Channel => self.channels.position(id),
            Kind::Region => self.regions.position(id),
            Kind::Category => self.categories.position(id),
            Kind::RedFlag => self.red_flags.position(id),
            Kind::Source => self.sources.position(id),
        }?;
        Some(EntryRef { kind, index })
    }

    /// The entry with this id, of any kind (ids are compared case-insensitively).
    pub(crate) fn find_any(&self, id: &str) -> Option<EntryRef> {
        Kind::ALL.into_iter().find_map(|kind| {
            self.find(kind, id)
                .or_else(|| self.find(kind, &id.to_ascii_uppercase()))
                .or_else(|| self.find(kind, &id.to_ascii_lowercase()))
        })
    }

    /// The number of entries of a kind.
    pub fn count(&self, kind: Kind) -> usize {
        match kind {
            Kind::Point => self.points.len(),
            Kind::Condition => self.conditions.len(),
            Kind::Technique => self.techniques.len(),
            Kind::Contraindication => self.contraindications.len(),
            Kind::Channel => self.channels.len(),
            Kind::Region => self.regions.len(),
            Kind::Category => self.categories.len(),
            Kind::RedFlag => self.red_flags.len(),
            Kind::Source => self.sources.len(),
        }
    }

    /// Every entry, kind by kind, in catalogue order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = EntryRef> + '_ {
        Kind::ALL
            .into_iter()
            .flat_map(move |kind| (0..self.count(kind)).map(move |index| EntryRef { kind, index }))
    }

    /// The channel a point belongs to, if any.
    pub(crate) fn channel_of(&self, point: &Point) -> Option<&Channel> {
        point.channel.as_ref().and_then(|c| self.channels.get(c))
    }
}
