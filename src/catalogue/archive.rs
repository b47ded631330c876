//! The archive build.rs makes of the built-in catalogue (see src/builtin.rs): each table's
//! ids and files, its entries encoded one by one (postcard), the backlinks and the file names.
//! Reading it decodes only the ids; an entry is decoded the first time it is asked for, so a
//! lookup pays for the entries it shows, not for the catalogue.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::table::Archived;
use super::*;

#[derive(Deserialize, Serialize)]
struct Layout<'a> {
    /// One per kind, in [`Kind::ALL`] order.
    #[serde(borrow)]
    tables: Vec<TableLayout<'a>>,
    backlinks: Backlinks,
    files: Vec<String>,
}

#[derive(Deserialize, Serialize)]
struct TableLayout<'a> {
    #[serde(borrow)]
    ids: Vec<&'a str>,
    files: Vec<usize>,
    /// Where each entry ends in `entries`.
    ends: Vec<usize>,
    #[serde(borrow)]
    entries: Cow<'a, [u8]>,
}

fn layout<T: Entry + Serialize + DeserializeOwned>(table: &Table<T>) -> TableLayout<'_> {
    let mut entries = Vec::new();
    let mut ends = Vec::new();
    for entry in table.all() {
        entries = postcard::to_extend(entry, entries).expect("an entry encodes");
        ends.push(entries.len());
    }
    TableLayout {
        ids: table.all().map(|e| e.id().as_str()).collect(),
        files: table.files().to_vec(),
        ends,
        entries: Cow::Owned(entries),
    }
}

fn table<T: Entry + DeserializeOwned>(layout: TableLayout<'static>) -> Table<T> {
    Table::archived(
        layout.ids.into_iter().map(Cow::Borrowed).collect(),
        layout.files,
        Archived {
            bytes: layout.entries,
            ends: layout.ends,
        },
    )
}

impl Catalogue {
    /// The catalogue as an archive, for [`Catalogue::from_archive`].
    pub fn archive(&self) -> Vec<u8> {
        let layout = Layout {
            tables: vec![
                layout(&self.points),
                layout(&self.conditions),
                layout(&self.techniques),
                layout(&self.contraindications),
                layout(&self.channels),
                layout(&self.regions),
                layout(&self.categories),
                layout(&self.red_flags),
                layout(&self.sources),
            ],
            backlinks: self.backlinks.clone(),
            files: self.files.clone(),
        };
        postcard::to_stdvec(&layout).expect("a catalogue encodes")
    }

    /// The catalogue an archive holds. Its entries are decoded as they are asked for.
    pub fn from_archive(bytes: &'static [u8]) -> Result<Catalogue, postcard::Error> {
        let layout: Layout<'static> = postcard::from_bytes(bytes)?;
        let [
            points,
            conditions,
            techniques,
            contraindications,
            channels,
            regions,
            categories,
            red_flags,
            sources,
        ] = <[TableLayout<'static>; Kind::ALL.len()]>::try_from(layout.tables)
            .map_err(|_| postcard::Error::DeserializeUnexpectedEnd)?;
        Ok(Catalogue {
            regions: table(regions),
            channels: table(channels),
            points: table(points),
            conditions: table(conditions),
            techniques: table(techniques),
            contraindications: table(contraindications),
            categories: table(categories),
            red_flags: table(red_flags),
            sources: table(sources),
            backlinks: layout.backlinks,
            files: layout.files,
        })
    }
}
