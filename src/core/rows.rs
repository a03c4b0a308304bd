//! A row is one platform as seen in one era: the facts to show, where each came from, and the
//! platform's status as of that era's date.

use crate::dataset::{Dataset, Era, Fact, Field, Platform, Status, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub platform: &'a Platform,
    /// The status on the row's date: a platform retired in 2020 was active in 2019.
    pub status: StatusAt<'a>,
    /// The date the row's values describe (last verified, for today).
    pub as_of: &'a str,
    /// One cell per `Field::ALL`, in that order.
    pub cells: Vec<Cell<'a>>,
    pub pros: &'a [String],
    pub cons: &'a [String],
    /// Last verified more than a year before the dataset date (never for a retired platform).
    pub stale: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StatusAt<'a> {
    Active,
    Closed { since: &'a str },
    Retired { since: &'a str, successor: &'a str },
}

impl StatusAt<'_> {
    pub fn is_open(&self) -> bool {
        matches!(self, StatusAt::Active)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell<'a> {
    pub fact: &'a Fact,
    /// Today's view is showing the 2019 value because no newer one is entered.
    pub from_2019: bool,
    /// In today's view, the 2019 value when it differs from today's.
    pub was: Option<&'a Fact>,
}

impl<'a> Row<'a> {
    pub fn cell(&self, field: Field) -> &Cell<'a> {
        &self.cells[field as usize]
    }
}

/// The rows of an era, in data-file order: in 2019, the platforms the article covered.
pub fn rows(data: &Dataset, era: Era) -> Vec<Row<'_>> {
    data.platforms
        .iter()
        .filter_map(|p| row(p, era, &data.dataset_date))
        .collect()
}

fn row<'a>(platform: &'a Platform, era: Era, dataset_date: &str) -> Option<Row<'a>> {
    let main = platform.snapshot(era).or(match era {
        Era::Today => platform.then.as_ref(),
        Era::Y2019 => None,
    })?;
    let then = platform.then.as_ref().filter(|_| era == Era::Today);
    let cells = Field::ALL
        .iter()
        .map(|field| {
            let today = platform.snapshot(era).and_then(|s| s.facts.get(field));
            let old = then.and_then(|s| s.facts.get(field));
            // The parser guarantees one of the two holds each field.
            let fact = today.or(old).expect("validated dataset covers every field");
            Cell {
                fact,
                from_2019: today.is_none(),
                // A change is between two known values: "unknown then" or "unknown now" is not one.
                was: old.filter(|o| {
                    let known = |v: &Value| !matches!(v, Value::Unknown(_));
                    today.is_some()
                        && known(&o.value)
                        && known(&fact.value)
                        && o.value != fact.value
                }),
            }
        })
        .collect();
    // Today shows today's status; an older era shows it only if it had already happened.
    let in_force = |since: &str| era == Era::Today || since <= main.as_of.as_str();
    let status = match &platform.status {
        Status::Closed { since, .. } if in_force(since) => StatusAt::Closed { since },
        Status::Retired {
            since, successor, ..
        } if in_force(since) => StatusAt::Retired { since, successor },
        _ => StatusAt::Active,
    };
    Some(Row {
        platform,
        status,
        as_of: &main.as_of,
        cells,
        pros: &main.pros,
        cons: &main.cons,
        // A retired platform's facts cannot go out of date.
        stale: era == Era::Today
            && !matches!(status, StatusAt::Retired { .. })
            && is_year_older(&main.as_of, dataset_date),
    })
}

/// Whether ISO date `a` is more than twelve months before ISO date `b`.
fn is_year_older(a: &str, b: &str) -> bool {
    let year = |d: &str| d.get(..4).and_then(|y| y.parse::<u32>().ok()).unwrap_or(0);
    let a_plus_year = format!("{:04}{}", year(a) + 1, a.get(4..).unwrap_or(""));
    a_plus_year.as_str() < b
}

#[cfg(test)]
mod tests {
    use super::is_year_older;

    #[test]
    fn a_year_is_twelve_months_to_the_day() {
        assert!(!is_year_older("2025-11-26", "2026-11-26"));
        assert!(is_year_older("2025-11-25", "2026-11-26"));
        assert!(!is_year_older("2026-01-01", "2026-11-26"));
        assert!(is_year_older("2019-01-22", "2026-11-26"));
    }
}
