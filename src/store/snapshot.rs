//! A daily copy of the database: before the first change of a day, the database is copied
//! (SQLite's `VACUUM INTO`, a consistent copy even while another window writes) to
//! `snapshots/user-YYYY-MM-DD.sqlite3` beside it, and only the newest few copies are kept.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

/// How many daily copies are kept.
pub const KEEP: usize = 7;

/// The folder the copies go in, beside the database.
pub fn folder(database: &Path) -> PathBuf {
    database.with_file_name("snapshots")
}

/// Makes today's copy if there is none yet, and removes all but the newest [`KEEP`].
pub(super) fn daily(conn: &Connection, database: &Path) -> std::io::Result<()> {
    let folder = folder(database);
    std::fs::create_dir_all(&folder)?;
    let today = folder.join(format!("user-{}.sqlite3", date_today()));
    if !today.exists() {
        let partial = today.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        // A copy that fails part way (a full disk) takes no room: it is removed.
        let copied = conn
            .execute("VACUUM INTO ?1", [partial.to_string_lossy()])
            .map_err(std::io::Error::other)
            .and_then(|_| std::fs::rename(&partial, &today));
        if copied.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        copied?;
    }
    let mut copies: Vec<PathBuf> = std::fs::read_dir(&folder)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("user-") && n.ends_with(".sqlite3"))
        })
        .collect();
    copies.sort();
    let extra = copies.len().saturating_sub(KEEP);
    for old in &copies[..extra] {
        std::fs::remove_file(old)?;
    }
    Ok(())
}

/// Today's date (UTC) as YYYY-MM-DD.
fn date_today() -> String {
    let days = super::now().div_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The calendar date of a day number counted from 1970-01-01 (Howard Hinnant's algorithm).
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_are_calendar_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_788), (2026, 12, 1));
    }

    #[test]
    fn the_first_change_of_a_day_leaves_a_copy_and_old_copies_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(super::super::FILE_NAME);
        let snapshots = folder(&path);
        std::fs::create_dir_all(&snapshots).unwrap();
        for day in 1..=9 {
            std::fs::write(
                snapshots.join(format!("user-2000-01-0{day}.sqlite3")),
                "old",
            )
            .unwrap();
        }
        let mut store = super::super::Store::open(&path).unwrap();
        store.add_bookmark("point", "BL40").unwrap();
        store.add_bookmark("point", "BL23").unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&snapshots)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), KEEP);
        let today = format!("user-{}.sqlite3", date_today());
        assert_eq!(names.last(), Some(&today));
        let copy = super::super::Store::open(&snapshots.join(&today)).unwrap();
        assert!(copy.integrity_ok().unwrap(), "the copy is a sound database");
        assert!(
            copy.bookmarks().unwrap().is_empty(),
            "taken before the day's first change"
        );
    }
}
