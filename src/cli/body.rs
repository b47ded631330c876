//! Which body map goes with the catalogue in use: the built-in one, or the `body/` folder of a
//! catalogue directory (laid out as assets/body/).

use std::path::Path;

use crate::body::{Body, BodyError};
use crate::catalogue::{BODY_DIR, read_dir};

/// The body map for a catalogue directory (`None`: the built-in catalogue), and whether it is
/// that catalogue's own (the built-in map is the built-in catalogue's; a directory without a
/// `body/` folder borrows it).
pub(super) fn load(base: Option<&Path>) -> Result<(Body, bool), BodyError> {
    let Some(dir) = base.map(|b| b.join(BODY_DIR)).filter(|d| d.is_dir()) else {
        return Ok((Body::builtin()?, base.is_none()));
    };
    let files = read_dir(&dir, true).map_err(|e| BodyError {
        problems: e.problems,
    })?;
    let named: Vec<(&str, &str)> = files
        .files
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_ref()))
        .collect();
    Ok((Body::from_files(&named)?, true))
}
