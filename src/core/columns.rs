//! The table's columns: what each shows, how it sorts, and the words used to announce a sort.

use super::rows::{Row, StatusAt};
use crate::dataset::{Field, FieldKind, Value};
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Status,
    Fact(Field),
    Verified,
}

impl Column {
    /// Every column, in table order.
    pub fn all() -> impl Iterator<Item = Column> {
        [Column::Name, Column::Status]
            .into_iter()
            .chain(Field::ALL.map(Column::Fact))
            .chain([Column::Verified])
    }

    /// The key used in the URL (`?sort=-ram`).
    pub fn id(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Status => "status",
            Column::Fact(field) => field.id(),
            Column::Verified => "verified",
        }
    }

    pub fn parse(id: &str) -> Option<Column> {
        Column::all().find(|c| c.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Column::Name => "Platform",
            Column::Status => "Status",
            Column::Verified => "Last verified",
            Column::Fact(field) => match field {
                Field::Gpu => "GPU",
                Field::GpuMemory => "GPU memory",
                Field::GpuQuota => "GPU quota",
                Field::Tpu => "TPU",
                Field::CpuCores => "CPU cores",
                Field::Ram => "RAM",
                Field::Disk => "Disk",
                Field::Storage => "Persistent storage",
                Field::Session => "Max session",
                Field::Idle => "Idle timeout",
                Field::Languages => "Languages",
                Field::Internet => "Internet",
                Field::Terminal => "Terminal",
                Field::Card => "Credit card needed",
                Field::Phone => "Phone check",
                Field::Account => "Account needed",
                Field::Collaboration => "Real-time collaboration",
                Field::Versioning => "Version history",
            },
        }
    }

    /// The direction of the first click: the useful one (most first, A to Z, requirements "no" first).
    pub fn first_direction(self) -> Direction {
        match self {
            Column::Name => Direction::Asc,
            Column::Fact(Field::Card | Field::Phone | Field::Account) => Direction::Asc,
            _ => Direction::Desc,
        }
    }

    /// How a sort in `direction` is read out: "largest first".
    pub fn order_words(self, direction: Direction) -> &'static str {
        let (asc, desc) = match self {
            Column::Name => ("A to Z", "Z to A"),
            Column::Status => ("closed and retired first", "open first"),
            Column::Verified => ("oldest first", "newest first"),
            Column::Fact(field) => match field.kind() {
                FieldKind::Number(_) => ("smallest first", "largest first"),
                FieldKind::Bool => ("no first", "yes first"),
                FieldKind::List | FieldKind::ListOrBool => ("fewest first", "most first"),
            },
        };
        match direction {
            Direction::Asc => asc,
            Direction::Desc => desc,
        }
    }

    /// What the row sorts by in this column; `None` (unknown) always sorts last.
    pub fn sort_key(self, row: &Row) -> Option<Key> {
        Some(match self {
            Column::Name => Key::Text(row.platform.name.to_lowercase()),
            Column::Status => Key::Number(match row.status {
                StatusAt::Active => 2.0,
                StatusAt::Closed { .. } => 1.0,
                StatusAt::Retired { .. } => 0.0,
            }),
            Column::Verified => Key::Text(row.as_of.to_owned()),
            Column::Fact(field) => match &row.cell(field).fact.value {
                Value::Number(q) => Key::Number(q.canonical()),
                Value::Bool(b) => Key::Number(f64::from(u8::from(*b))),
                Value::List(items) => Key::Number(items.len() as f64),
                Value::Unknown(_) => return None,
            },
        })
    }
}

/// A comparable sort value. Within one column every key has the same variant.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    Number(f64),
    Text(String),
}

impl Key {
    pub fn compare(&self, other: &Key) -> Ordering {
        match (self, other) {
            (Key::Number(a), Key::Number(b)) => a.total_cmp(b),
            (Key::Text(a), Key::Text(b)) => a.cmp(b),
            (Key::Number(_), Key::Text(_)) => Ordering::Less,
            (Key::Text(_), Key::Number(_)) => Ordering::Greater,
        }
    }
}
