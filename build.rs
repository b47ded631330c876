//! Embeds every catalogue file under data/ and every body-model file under assets/body/ into
//! the binary, so acuref works offline from any directory; and loads, checks and indexes the
//! catalogue with the very code the program runs (the modules below are the library's own
//! files), so that a problem in data/ fails the build with the file:line:col `acuref check`
//! gives, and the program starts from archives of the result (see src/builtin.rs).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// Only the loading, checking and indexing are used here; the rest of these modules serves
// the program.
#[allow(unused)]
#[path = "src/catalogue/mod.rs"]
mod catalogue;
#[allow(unused)]
#[path = "src/cores.rs"]
mod cores;
#[allow(unused)]
#[path = "src/search/mod.rs"]
mod search;
#[allow(unused)]
#[path = "src/text.rs"]
mod text;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a folder to embed is readable")
        .map(|e| e.expect("its entries are readable").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// Every `.toml` file under `dir`, in path order, with its path from the crate root.
fn toml_files(root: &Path, dir: &str) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    collect(&root.join(dir), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(root)
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            (name, path)
        })
        .collect()
}

/// Writes `OUT_DIR/<out>`: an array of (path from the crate root, include_str!) pairs, one per
/// file, in path order.
fn embed(files: &[(String, PathBuf)], out: &Path) {
    let mut code = String::from("&[\n");
    for (name, path) in files {
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push(']');
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

// A failed build script's standard error is what cargo shows of it.
#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=assets/body");
    let data = toml_files(&root, "data");
    embed(&data, &out.join("embedded_files.rs"));
    embed(
        &toml_files(&root, "assets/body"),
        &out.join("body_files.rs"),
    );

    let files: Vec<catalogue::CatalogueFile> = data
        .iter()
        .map(|(name, path)| catalogue::CatalogueFile {
            name: name.clone(),
            text: Cow::Owned(std::fs::read_to_string(path).expect("a catalogue file is readable")),
        })
        .collect();
    let catalogue = match catalogue::Catalogue::load(&files, &[]) {
        Ok(c) => c,
        Err(problems) => {
            eprintln!(
                "the built-in catalogue in data/ has problems (`acuref check data` gives the same)\n{problems}"
            );
            return ExitCode::FAILURE;
        }
    };
    let index = search::SearchIndex::new(&catalogue);
    std::fs::write(out.join("catalogue.postcard"), catalogue.archive())
        .expect("OUT_DIR is writable");
    let index = postcard::to_stdvec(&index).expect("the index serializes");
    std::fs::write(out.join("index.postcard"), index).expect("OUT_DIR is writable");
    ExitCode::SUCCESS
}
