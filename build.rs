//! Embeds every catalogue file under data/ into the binary, so acuref works offline from any
//! directory.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("data/ is readable")
        .map(|e| e.expect("data/ entry is readable").path())
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

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let data = root.join("data");
    println!("cargo:rerun-if-changed=data");
    let mut files = Vec::new();
    collect(&data, &mut files);
    files.sort();
    let mut code = String::from("&[\n");
    for path in &files {
        let name = path
            .strip_prefix(&root)
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
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("embedded_files.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
