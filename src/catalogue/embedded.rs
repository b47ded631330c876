//! The catalogue compiled into the binary (see build.rs).

use std::borrow::Cow;

use super::CatalogueFile;

/// Each file under data/, by its path from the crate root, with its text.
static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

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
