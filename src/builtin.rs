//! The catalogue compiled into the binary. build.rs loads and checks data/ with the same
//! code the runtime uses (a problem there fails the build, with file:line:col), builds its
//! search index, and writes both as archives, which are read here at start: no TOML is parsed
//! and no index is built. The TOML files are embedded too, for `acuref check`, for problems an
//! overlay causes that point into them, and for anyone who asks to see them.

use std::borrow::Cow;

use crate::catalogue::{Catalogue, CatalogueFile};
use crate::search::SearchIndex;

/// Each file under data/, by its path from the crate root, with its text.
static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

/// The checked catalogue, in postcard.
static CATALOGUE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalogue.postcard"));

/// Its search index, in postcard: apart from the catalogue, so that a command that does not
/// search does not read it.
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.postcard"));

/// The built-in catalogue's files, in path order.
pub fn files() -> Vec<CatalogueFile> {
    FILES
        .iter()
        .map(|&(name, text)| CatalogueFile {
            name: name.to_string(),
            text: Cow::Borrowed(text),
        })
        .collect()
}

impl Catalogue {
    /// The catalogue compiled into the binary, checked when it was built.
    pub fn builtin() -> Catalogue {
        Catalogue::from_archive(CATALOGUE).expect("build.rs wrote this archive with this code")
    }
}

impl SearchIndex {
    /// The search index of [`Catalogue::builtin`], built when the binary was built.
    pub fn builtin() -> SearchIndex {
        postcard::from_bytes(INDEX).expect("build.rs wrote this archive with this code")
    }
}
