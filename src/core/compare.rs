//! The compare view's marks: for one column across the chosen rows, whether their values differ
//! and which are best by the column's own rule (the end its first click sorts to). Unknown and
//! none are never best; when every row has the same value, none is marked.

use super::columns::{Column, Key};
use super::format::fact_text;
use super::rows::Row;

/// What one row of the compare view marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marks {
    /// The chosen platforms do not all show the same value.
    pub differ: bool,
    /// Per chosen row, in order: whether its value is (one of) the best.
    pub best: Vec<bool>,
}

pub fn marks(column: Column, rows: &[&Row]) -> Marks {
    let shown = |r: &Row| match column {
        Column::Fact(field) => fact_text(r.cell(field).fact),
        _ => format!("{:?}", column.sort_key(r)),
    };
    let first = rows.first().map(|r| shown(r));
    let differ = rows.iter().any(|r| Some(shown(r)) != first);
    let keys: Vec<Key> = rows.iter().map(|r| column.sort_key(r)).collect();
    let direction = column.def().first;
    let best_key = keys
        .iter()
        .filter(|k| k.is_value())
        .min_by(|a, b| a.compare(b, direction));
    let rankable = differ && !matches!(column, Column::Name | Column::Verified);
    let best = keys
        .iter()
        .map(|k| {
            rankable && best_key.is_some_and(|b| k.compare(b, direction).is_eq() && k.is_value())
        })
        .collect();
    Marks { differ, best }
}
