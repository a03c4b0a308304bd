//! A platform's dated change log: which value changed on which day, from what to what, and who
//! says so. Two kinds: a **change** of the platform's free tier (Kaggle retired the P100), and a
//! **correction** of our own data (a value we had wrong, or vaguer than it could be). The 2019
//! snapshot is not history: it is the article's view, and what happened between 2019 and today is
//! mostly undated. The rules (dates, fields, values, sources, the chain ending at today's value)
//! are checked with every other rule in `validate`.

use super::fields::{Field, Unit};
use super::model::{one_or_many, Confidence, Era, Fact, Platform, Value};
use super::types::{Amount, Items, Text, Unexpected};
use serde::Deserialize;

/// One entry of `Platform::history`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// For a change, the first day a source shows it; for a correction, the day we made it.
    pub date: Text,
    /// A field id, kept as text so that an unknown one is listed with every other problem.
    pub field: Text,
    pub kind: ChangeKind,
    pub from: Reading,
    pub to: Reading,
    /// Keys into `Dataset::sources`: one id or a list.
    #[serde(rename = "source", deserialize_with = "one_or_many", default)]
    pub sources: Items<Text>,
    /// Our own words.
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// The platform changed its free tier.
    Change,
    /// Our data changed; the platform did not (or not that we know of).
    Correction,
}

/// A value as the page shows it, without source or confidence: `{"number": 16, "unit": "GB"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Reading {
    #[serde(flatten)]
    pub value: Value,
    pub unit: Option<Unit>,
    pub low: Option<Amount>,
    #[serde(default)]
    pub up_to: bool,
    #[serde(default)]
    pub at_least: bool,
    #[serde(flatten)]
    pub(crate) unexpected: Unexpected,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Change => "change",
            ChangeKind::Correction => "correction",
        }
    }
}

impl Reading {
    /// The reading as a fact without sources, to show or compare it with a fact's own words.
    pub fn as_fact(&self) -> Fact {
        Fact {
            value: self.value.clone(),
            unit: self.unit,
            low: self.low,
            up_to: self.up_to,
            at_least: self.at_least,
            sources: Items::default(),
            confidence: Confidence::Verified,
            note: None,
            alt: None,
            unexpected: self.unexpected.clone(),
        }
    }
}

impl Reading {
    /// The value in words for the build's messages: "up to 12 h", "yes", "P100, T4", "unknown
    /// (not published)". Plain on purpose: `validate` (which build tools may compile on its own)
    /// needs nothing from `core`.
    pub fn words(&self) -> String {
        let unit = self.unit.map_or("", |u| u.symbol());
        match &self.value {
            Value::Number(n) => match (self.low, self.up_to, self.at_least) {
                (Some(low), ..) => format!("{low}–{n} {unit}"),
                (_, true, _) => format!("up to {n} {unit}"),
                (_, _, true) => format!("{n} {unit} or more"),
                _ => format!("{n} {unit}"),
            },
            Value::Bool(b) => (if *b { "yes" } else { "no" }).into(),
            Value::List(items) if items.is_empty() => "an empty list".into(),
            Value::List(items) => items.join(", "),
            Value::Unknown(reason) => format!("unknown ({reason})"),
            Value::None(reason) => format!("none ({reason})"),
        }
    }
}

impl Change {
    /// The field, once validated.
    pub fn field(&self) -> Option<Field> {
        Field::parse(&self.field)
    }
}

impl Platform {
    /// The entries about `field`, oldest first (the file keeps them in date order).
    pub fn history_of(&self, field: Field) -> impl Iterator<Item = &Change> {
        self.history
            .iter()
            .filter(move |c| c.field() == Some(field))
    }

    /// The day of the newest entry, if any.
    pub fn last_changed(&self) -> Option<&str> {
        self.history.iter().map(|c| &*c.date).max()
    }

    /// The newest entry about `field` made on or after `since` (an ISO date).
    pub fn changed_since(&self, field: Field, since: &str) -> Option<&Change> {
        self.history_of(field).filter(|c| &*c.date >= since).last()
    }

    /// Today's value of `field` as the page resolves it: today's, else 2019's.
    pub fn current(&self, field: Field) -> Option<&Fact> {
        [Era::Today, Era::Y2019]
            .into_iter()
            .find_map(|era| self.snapshot(era)?.facts.get(&field))
    }
}

/// The ISO date `days` before `date`, or None if `date` is not an ISO date.
pub fn days_before(date: &str, days: i64) -> Option<String> {
    if !super::validate::is_iso_date(date) {
        return None;
    }
    let part = |r: std::ops::Range<usize>| date[r].parse::<i64>().ok();
    let day = day_number(part(0..4)?, part(5..7)?, part(8..10)?) - days;
    let (y, m, d) = civil(day);
    Some(format!("{y:04}-{m:02}-{d:02}"))
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

#[cfg(test)]
mod tests {
    use super::{civil, day_number, days_before};

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
}
