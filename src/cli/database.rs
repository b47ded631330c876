//! `acuref new-database`: the user's database set aside (renamed beside itself, never
//! deleted) when the user asks, so that the next change starts a fresh one. A damaged
//! database is never set aside unasked.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::user::{confirmed, database_for};
use super::{Status, diagnostic};
use crate::store::{SetAsideError, set_aside};
use crate::text::escape_controls;

/// `acuref new-database [--yes]`.
pub(super) fn new_database(
    database: Option<&Path>,
    yes: bool,
    out: &mut impl Write,
) -> Result<Status> {
    let Some(database) = database_for(database, "name the one to set aside") else {
        return Ok(Status::Error);
    };
    let shown = escape_controls(&database.display().to_string());
    if database.symlink_metadata().is_err() {
        diagnostic(&SetAsideError::Missing(database.to_path_buf()).to_string());
        return Ok(Status::NothingFound);
    }
    if !yes
        && !confirmed(&format!(
            "set the user database {shown} aside (renamed beside it, not deleted) and start a new one? Close other acuref windows first."
        ))?
    {
        diagnostic("nothing moved (pass --yes to set it aside without asking)");
        return Ok(Status::Error);
    }
    match set_aside(database) {
        Ok(aside) => {
            writeln!(
                out,
                "set the user database aside: it is now {}",
                escape_controls(&aside.display().to_string())
            )?;
            writeln!(
                out,
                "the next change (a star, a note, a protocol) starts a fresh database at {shown}"
            )?;
            Ok(Status::Success)
        }
        Err(e) => {
            diagnostic(&e.to_string());
            Ok(Status::Error)
        }
    }
}
