//! A row is one platform as seen in one era: the facts to show, where each came from, and the
//! platform's status as of that era's date.

use crate::dataset::{Change, Dataset, Era, Fact, Field, Platform, Prose, Status};

#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    /// The platform's position in the dataset: how components name it without borrowing.
    pub index: usize,
    pub era: Era,
    pub platform: &'a Platform,
    /// The status on the row's date: a platform retired in 2020 was active in 2019.
    pub status: StatusAt<'a>,
    /// The date the row's values describe (last verified, for today).
    pub as_of: &'a str,
    /// One cell per field, in `Field::all()` order (which is declaration order, so `field as usize`).
    pub cells: Vec<Cell<'a>>,
    pub pros: &'a [Prose],
    pub cons: &'a [Prose],
    /// Last verified more than a year before the dataset date (never for a retired platform).
    pub stale: bool,
    /// Today's view: the day of the newest entry of the platform's history.
    pub last_changed: Option<&'a str>,
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
    /// In today's view, the newest history entry of the value if it is at most `RECENT_DAYS`
    /// older than the dataset date (set by `row`, which knows that date).
    pub recent: Option<&'a Change>,
}

impl<'a> Row<'a> {
    pub fn cell(&self, field: Field) -> &Cell<'a> {
        &self.cells[field as usize]
    }
}

/// The rows of an era, in data-file order: in 2019, the platforms the article covered.
pub fn rows(data: &Dataset, era: Era) -> Vec<Row<'_>> {
    (0..data.platforms.len())
        .filter_map(|index| row(data, index, era))
        .collect()
}

/// The platform at `index` as seen in `era`, if that era shows it.
pub fn row(data: &Dataset, index: usize, era: Era) -> Option<Row<'_>> {
    let platform = data.platforms.get(index)?;
    let main = platform.snapshot(era).or(match era {
        Era::Today => platform.snapshots.then.as_ref(),
        Era::Y2019 => None,
    })?;
    let mut cells = Field::all()
        .map(|field| cell(platform, era, field))
        .collect::<Option<Vec<_>>>()?;
    let today = era == Era::Today;
    let since = &data.limits.recent_since;
    if today && !since.is_empty() {
        for (field, cell) in Field::all().zip(&mut cells) {
            if !cell.from_2019 {
                cell.recent = platform.changed_since(field, since);
            }
        }
    }
    // Today shows today's status; an older era shows it only if it had already happened.
    let in_force = |since: &str| era == Era::Today || since <= &*main.as_of;
    let status = match &platform.status {
        Status::Closed { since, .. } if in_force(since) => StatusAt::Closed { since },
        Status::Retired {
            since, successor, ..
        } if in_force(since) => StatusAt::Retired { since, successor },
        _ => StatusAt::Active,
    };
    Some(Row {
        index,
        era,
        platform,
        status,
        as_of: &main.as_of,
        cells,
        pros: &main.pros,
        cons: &main.cons,
        // A retired platform's facts cannot go out of date.
        stale: era == Era::Today
            && !matches!(status, StatusAt::Retired { .. })
            && *main.as_of < *data.limits.stale_before,
        last_changed: platform.last_changed().filter(|_| today),
    })
}

/// One cell of a platform in an era: today's value, else 2019's (marked), and the 2019 value when
/// it differs. `None` only for a platform the era does not show.
pub fn cell(platform: &Platform, era: Era, field: Field) -> Option<Cell<'_>> {
    let current = platform.snapshot(era).and_then(|s| s.facts.get(&field));
    let then = match era {
        Era::Today => platform
            .snapshots
            .then
            .as_ref()
            .and_then(|s| s.facts.get(&field)),
        Era::Y2019 => None,
    };
    let fact = current.or(then)?;
    Some(Cell {
        fact,
        from_2019: current.is_none(),
        // A change is between two known values: "unknown then" or "unknown now" is not one.
        was: then.filter(|old| {
            current.is_some() && !old.is_unknown() && !fact.is_unknown() && !old.same_value(fact)
        }),
        recent: None,
    })
}
