//! Any bytes as a catalogue file: loading either succeeds or names each problem at a line and
//! column inside the file, and never panics.
#![no_main]

use acuref::catalogue::{Catalogue, CatalogueFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files = [CatalogueFile {
        name: "fuzz.toml".into(),
        text: text.to_string().into(),
    }];
    if let Err(error) = Catalogue::load(&files, &[]) {
        let lines = text.split('\n').count();
        assert!(!error.problems.is_empty());
        for problem in &error.problems {
            assert!(problem.line >= 1 && problem.line <= lines, "{problem:?}");
            assert!(problem.column >= 1, "{problem:?}");
        }
    }
});
