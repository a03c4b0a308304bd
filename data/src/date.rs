//! Calendar dates as the data writes them (ISO `YYYY-MM-DD` text): checked, and counted back.
//! Native work only: the build derives the dates the page compares against (`Limits`), so the
//! page itself compares text and carries no date arithmetic.

/// `YYYY-MM-DD` with a month 01–12 and a day that exists in that month.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// The ISO date `days` before `date`, or None if `date` is not an ISO date.
pub fn days_before(date: &str, days: i64) -> Option<String> {
    if !is_iso_date(date) {
        return None;
    }
    let part = |r: std::ops::Range<usize>| date[r].parse::<i64>().ok();
    let day = day_number(part(0..4)?, part(5..7)?, part(8..10)?) - days;
    let (y, m, d) = civil(day);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Today's date (UTC) from the system clock, for the source checker's `checked` dates.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

// Days since 1970-01-01 and back (Howard Hinnant's civil-date algorithms).
fn day_number(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The same day a year earlier, as text (`2026-02-28` for `2027-02-28`; `2025-02-29` for
/// `2026-02-29`, which no date equals but every date compares with correctly): an ISO date `a`
/// is more than a year before `b` exactly when `a < year_before(b)`.
pub fn year_before(date: &str) -> Option<String> {
    let year: u32 = date.get(..4)?.parse().ok()?;
    Some(format!("{:04}{}", year.checked_sub(1)?, date.get(4..)?))
}

#[cfg(test)]
mod tests {
    use super::{civil, day_number, days_before, year_before};

    /// Every day from 1600-01-01 to 2400-12-31 against a plain walk through the calendar, which
    /// knows only month lengths and the leap-year rule: an oracle independent of the formulas.
    #[test]
    fn day_numbers_match_a_walk_through_the_calendar() {
        let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let length = |y: i64, m: i64| match m {
            2 if leap(y) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        // 1600-01-01 is 135,140 days before 1970-01-01 (worked out with a date library once).
        let (mut y, mut m, mut d, mut n) = (1600, 1, 1, -135_140);
        while y <= 2400 {
            assert_eq!(day_number(y, m, d), n, "{y}-{m}-{d}");
            assert_eq!(civil(n), (y, m, d), "day {n}");
            n += 1;
            d += 1;
            if d > length(y, m) {
                (d, m) = (1, m + 1);
                if m > 12 {
                    (m, y) = (1, y + 1);
                }
            }
        }
    }

    #[test]
    fn days_before_crosses_months_years_and_leap_days() {
        assert_eq!(days_before("2026-11-30", 90).as_deref(), Some("2026-09-01"));
        assert_eq!(days_before("2026-04-10", 90).as_deref(), Some("2026-01-10"));
        assert_eq!(days_before("2026-01-15", 30).as_deref(), Some("2025-12-16"));
        assert_eq!(days_before("2024-03-01", 1).as_deref(), Some("2024-02-29"));
        assert_eq!(days_before("2100-03-01", 1).as_deref(), Some("2100-02-28"));
        assert_eq!(days_before("2026-13-01", 1), None);
    }

    /// `a < year_before(b)` is "more than twelve months before", to the day.
    #[test]
    fn a_year_is_twelve_months_to_the_day() {
        let older = |a: &str, b: &str| a < year_before(b).unwrap().as_str();
        assert!(!older("2025-11-26", "2026-11-26"));
        assert!(older("2025-11-25", "2026-11-26"));
        assert!(!older("2026-01-01", "2026-11-26"));
        assert!(older("2019-01-22", "2026-11-26"));
        assert!(older("2023-02-28", "2024-02-29"));
        assert!(!older("2023-03-01", "2024-02-29"));
        assert_eq!(year_before("x"), None);
    }
}
