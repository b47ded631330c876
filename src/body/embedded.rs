//! The body model compiled into the binary (see build.rs).

/// Each file under assets/body/, by its path from the crate root, with its text.
pub(super) static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/body_files.rs"));
