//! The time study runs by: the system clock, or `ACUREF_NOW` (an RFC 3339 time such as
//! `2026-12-01T09:30:00Z` or `2026-12-01T09:30:00+01:00`) for tests and scripts. Times are
//! whole seconds since the Unix epoch. A study day runs from 4 am to 4 am in the local time
//! zone (the system's, or `TZ`), as Anki's does, so a late session counts with its evening.

use std::sync::OnceLock;

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// Now, from `ACUREF_NOW` when it is set, else the system clock; a value that is no RFC 3339
/// time is an error that says what was read.
pub fn now() -> Result<i64, String> {
    match std::env::var("ACUREF_NOW") {
        Ok(text) if !text.trim().is_empty() => parse_rfc3339(text.trim()).ok_or_else(|| {
            format!(
                "ACUREF_NOW is `{}`, which is no RFC 3339 time; write it as 2026-12-01T09:30:00Z",
                crate::text::escape_controls(&text)
            )
        }),
        _ => Ok(system_ms().div_euclid(1000)),
    }
}

/// Now in milliseconds, from `ACUREF_NOW` (to the second) when it is set, else the system
/// clock.
pub fn now_ms() -> Result<i64, String> {
    match std::env::var("ACUREF_NOW") {
        Ok(text) if !text.trim().is_empty() => now().map(|s| s * 1000),
        _ => Ok(system_ms()),
    }
}

/// The system clock in milliseconds.
pub fn system_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// The hour of the local day at which a study day begins.
pub const DAY_STARTS_AT_HOUR: i64 = 4;

/// The local time zone, read once: `TZ` when set, else the system's (UTC if neither can be
/// read).
fn zone() -> &'static TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(|| TimeZone::try_system().unwrap_or(TimeZone::UTC))
}

/// The study day (days since the epoch, local, from 4 am) a time falls in.
pub fn day_of(time: i64) -> i64 {
    let offset =
        Timestamp::from_second(time).map_or(0, |t| i64::from(zone().to_offset(t).seconds()));
    (time + offset - DAY_STARTS_AT_HOUR * 3600).div_euclid(DAY)
}

/// Reads an RFC 3339 time, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (a space may stand for
/// the `T`), as seconds since the epoch.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let stamp: Timestamp = text.trim().parse().ok()?;
    Some(stamp.as_second())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_times_are_read_with_their_offsets() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339("2026-12-01T00:00:00Z"), Some(1_796_083_200));
        assert_eq!(
            parse_rfc3339("2026-12-01T01:00:00+01:00"),
            Some(1_796_083_200)
        );
        assert_eq!(
            parse_rfc3339("2026-11-30T23:30:00.25-00:30"),
            Some(1_796_083_200)
        );
        assert_eq!(parse_rfc3339("2024-02-29 12:00:00Z"), Some(1_709_208_000));
        for wrong in [
            "2026-02-30T00:00:00Z",
            "2026-12-01",
            "2026-12-01T25:00:00Z",
            "2026-12-01T00:00:00",
            "2026-12-01T00:00:00+1:00",
        ] {
            assert_eq!(parse_rfc3339(wrong), None, "{wrong}");
        }
        // (The tests run in UTC: `TZ` is unset or UTC on the machines they run on.)
        let midnight = 1_796_083_200;
        let four = midnight + DAY_STARTS_AT_HOUR * 3600;
        assert_eq!(day_of(four), day_of(four + DAY - 1), "4 am to 4 am");
        assert_eq!(
            day_of(four - 1),
            day_of(four) - 1,
            "before 4 am: the day before"
        );
    }
}
