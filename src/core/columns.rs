//! The table's columns: the platform's own four (name, status, last verified, last changed) and
//! one per field.
//! Each column's id, header, first sort direction and sort words come from one definition;
//! a field's come from the field table.

use super::compute;
use super::rows::{Row, StatusAt};
use crate::dataset::{Better, Field, Standing, Value};
use std::cmp::Ordering;
use strum::EnumCount;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    Asc,
    Desc,
}

impl Direction {
    pub fn reversed(self) -> Self {
        match self {
            Direction::Asc => Direction::Desc,
            Direction::Desc => Direction::Asc,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Name,
    Status,
    Fact(Field),
    /// "GPU compute a week" (`compute.rs`): worked out from the allowance, not a field.
    Compute,
    Verified,
    /// The day of the newest entry of the platform's history.
    Changed,
}

/// How a column is named, sorted and read out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnDef {
    /// The key in the URL (`?sort=-ram`).
    pub id: &'static str,
    pub label: &'static str,
    /// The first click sorts the useful way: best first, A to Z.
    pub first: Direction,
    /// How a sort reads: (ascending, descending).
    pub order_words: (&'static str, &'static str),
}

/// Every column in table order: one array, so each loop over the columns is a plain one (a test
/// holds it to `Field::all()` and `index`).
const ALL: [Column; COLUMN_COUNT] = {
    use Field::*;
    [
        Column::Name,
        Column::Status,
        Column::Fact(Gpu),
        Column::Fact(GpuMemory),
        Column::Fact(GpuQuota),
        Column::Compute,
        Column::Fact(Tpu),
        Column::Fact(CpuCores),
        Column::Fact(Ram),
        Column::Fact(Disk),
        Column::Fact(Storage),
        Column::Fact(Session),
        Column::Fact(Idle),
        Column::Fact(Languages),
        Column::Fact(Internet),
        Column::Fact(Terminal),
        Column::Fact(Card),
        Column::Fact(Phone),
        Column::Fact(Account),
        Column::Fact(Collaboration),
        Column::Fact(Versioning),
        Column::Verified,
        Column::Changed,
    ]
};

/// The field the compute column follows.
const COMPUTE_AFTER: Field = Field::GpuQuota;

/// The number of columns; `ColumnSet` keeps one bit for each.
pub const COLUMN_COUNT: usize = Field::COUNT + 5;

impl Column {
    pub fn def(self) -> ColumnDef {
        let own = |id, label, first, order_words| ColumnDef {
            id,
            label,
            first,
            order_words,
        };
        match self {
            Column::Name => own("name", "Platform", Direction::Asc, ("A to Z", "Z to A")),
            Column::Status => own(
                "status",
                "Status",
                Direction::Desc,
                ("closed and retired first", "open first"),
            ),
            Column::Verified => own(
                "verified",
                "Last verified",
                Direction::Desc,
                ("oldest first", "newest first"),
            ),
            Column::Changed => own(
                "changed",
                "Last changed",
                Direction::Desc,
                ("oldest first", "newest first"),
            ),
            // Recurring allowances sort by T4-hours a week; one-off grants after all of them;
            // then none; then unknown, whichever the direction.
            Column::Compute => own(
                "compute",
                "GPU compute a week",
                Direction::Desc,
                ("least first", "most first"),
            ),
            Column::Fact(field) => {
                let def = field.def();
                ColumnDef {
                    id: field.id(),
                    label: def.label,
                    first: match def.better {
                        Better::More => Direction::Desc,
                        Better::Less => Direction::Asc,
                    },
                    order_words: def.order_words,
                }
            }
        }
    }

    /// Every column, in table order (GPU compute right after GPU time).
    pub fn all() -> impl Iterator<Item = Column> {
        ALL.into_iter()
    }

    /// Its place in `all()`.
    pub fn index(self) -> usize {
        match self {
            Column::Name => 0,
            Column::Status => 1,
            Column::Fact(field) => 2 + field as usize + usize::from(field > COMPUTE_AFTER),
            Column::Compute => 3 + COMPUTE_AFTER as usize,
            Column::Verified => COLUMN_COUNT - 2,
            Column::Changed => COLUMN_COUNT - 1,
        }
    }

    pub fn id(self) -> &'static str {
        self.def().id
    }

    pub fn label(self) -> &'static str {
        self.def().label
    }

    pub fn parse(id: &str) -> Option<Column> {
        Column::all().find(|c| c.id() == id)
    }

    /// How a sort in `direction` is read out: "largest first".
    pub fn order_words(self, direction: Direction) -> &'static str {
        let (asc, desc) = self.def().order_words;
        match direction {
            Direction::Asc => asc,
            Direction::Desc => desc,
        }
    }

    /// What the row sorts by in this column.
    pub fn sort_key(self, row: &Row) -> Key {
        match self {
            Column::Name => Key::Text(row.platform.short_name.to_lowercase()),
            Column::Status => Key::Number(match row.status {
                StatusAt::Active => 2,
                StatusAt::Closed { .. } => 1,
                StatusAt::Retired { .. } => 0,
            }),
            Column::Compute => match compute::figure(row).map(|f| (f.standing, f.t4_hours)) {
                Some((Standing::Weekly, Some(hours))) => Key::Number(hours.milli()),
                Some((Standing::Once, hours)) => Key::Once(hours.map(|h| h.milli())),
                Some((Standing::None, _)) => Key::None,
                _ => Key::Unknown,
            },
            Column::Verified => Key::Text(row.as_of.to_owned()),
            // No recorded change is not a date: it sorts last, whichever the direction.
            Column::Changed => row
                .last_changed
                .map_or(Key::Unknown, |d| Key::Text(d.to_owned())),
            Column::Fact(field) => {
                let fact = row.cell(field).fact;
                match &fact.value {
                    Value::Number(_) => {
                        Key::Number(fact.quantity().map_or(0, |q| q.canonical().milli()))
                    }
                    Value::Bool(b) => Key::Number(i64::from(*b)),
                    Value::List(items) => Key::Number(items.len() as i64),
                    Value::None(_) => Key::None,
                    Value::Unknown(_) => Key::Unknown,
                }
            }
        }
    }
}

/// A comparable sort value. Within one column every known key has the same variant.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// An amount in thousandths of its canonical unit; a count; a rank.
    Number(i64),
    Text(String),
    /// A one-off amount (a grant of GPU hours): after every recurring value and before none,
    /// whichever the direction; among themselves by amount, an unknown amount last.
    Once(Option<i64>),
    /// A definite "none": after every value, before unknown, whichever the direction.
    None,
    /// Not known: always last.
    Unknown,
}

impl Key {
    /// Orders two keys for a sort in `direction`: values by the direction, then one-off amounts,
    /// then none, then unknown.
    pub fn compare(&self, other: &Key, direction: Direction) -> Ordering {
        let rank = |k: &Key| match k {
            Key::Number(_) | Key::Text(_) => 0,
            Key::Once(_) => 1,
            Key::None => 2,
            Key::Unknown => 3,
        };
        let by_value = match (self, other) {
            (Key::Number(a), Key::Number(b)) => a.cmp(b),
            (Key::Text(a), Key::Text(b)) => a.cmp(b),
            (Key::Once(Some(a)), Key::Once(Some(b))) => a.cmp(b),
            (Key::Once(a), Key::Once(b)) => return a.is_none().cmp(&b.is_none()),
            _ => return rank(self).cmp(&rank(other)),
        };
        match direction {
            Direction::Asc => by_value,
            Direction::Desc => by_value.reverse(),
        }
    }

    pub fn is_value(&self) -> bool {
        matches!(self, Key::Number(_) | Key::Text(_))
    }
}
