//! Embeds every catalogue file under data/ and every body-model file under assets/body/ into
//! the binary, so acuref works offline from any directory.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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

/// Writes `OUT_DIR/<out>`: an array of (path from the crate root, include_str!) pairs, one per
/// `.toml` file under `dir`, in path order.
fn embed(root: &Path, dir: &str, out: &str) {
    let mut files = Vec::new();
    collect(&root.join(dir), &mut files);
    files.sort();
    let mut code = String::from("&[\n");
    for path in &files {
        let name = path
            .strip_prefix(root)
            .expect("under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join(out);
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=assets/body");
    embed(&root, "data", "embedded_files.rs");
    embed(&root, "assets/body", "body_files.rs");
}
