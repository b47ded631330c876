//! The time study runs by: the system clock, or `ACUREF_NOW` (an RFC 3339 time such as
//! `2026-12-01T09:30:00Z` or `2026-12-01T09:30:00+01:00`) for tests and scripts. Times are
//! whole seconds since the Unix epoch; a study day is a UTC calendar day.

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

/// The study day (days since the epoch) a time falls in.
pub fn day_of(time: i64) -> i64 {
    time.div_euclid(DAY)
}

/// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (a space may stand for the `T`).
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = text.get(from..from + len)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            if rest.len() != 6 || rest.as_bytes()[3] != b':' {
                return None;
            }
            let (h, m) = (num(text.len() - 5, 2)?, num(text.len() - 2, 2)?);
            sign * (h * 3600 + m * 60)
        }
    };
    let valid = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60
        && second < 61;
    valid.then(|| {
        days_from_civil(year, month, day) * DAY + hour * 3600 + minute * 60 + second - offset
    })
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
/// algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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
        assert_eq!(day_of(1_796_083_200 + DAY - 1), day_of(1_796_083_200));
    }
}
