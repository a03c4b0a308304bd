//! The compare view's marks: for one column across the chosen rows, whether their values differ
//! and which are best by the column's own rule (the end its first click sorts to). Only amounts
//! are ranked (GB, hours, cores): two GPU or TPU models, yes/no and a status are not more or
//! less of one thing. Unknown and none are never best, and nothing is best unless another value
//! (or a none) is worse.

use super::columns::{Column, Key};
use super::format::fact_text;
use super::rows::Row;
use crate::dataset::Kind;

/// What one row of the compare view marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marks {
    /// The chosen platforms do not all show the same value.
    pub differ: bool,
    /// Per chosen row, in order: whether its value is (one of) the best.
    pub best: Vec<bool>,
}

pub fn marks(column: Column, rows: &[&Row]) -> Marks {
    let keys: Vec<Key> = rows.iter().map(|r| column.sort_key(r)).collect();
    // A fact differs in the words it shows (12 h vs 720 min); the platform's own columns by key.
    let differ = match column {
        Column::Fact(field) => {
            let texts: Vec<String> = rows.iter().map(|r| fact_text(r.cell(field).fact)).collect();
            texts.windows(2).any(|w| w[0] != w[1])
        }
        _ => keys.windows(2).any(|w| w[0] != w[1]),
    };
    let direction = column.def().first;
    let best_key = keys
        .iter()
        .filter(|k| k.is_value())
        .min_by(|a, b| a.compare(b, direction));
    // Something is best only where another value is worse than it (none counts as worse).
    let worse = |b: &Key| {
        keys.iter()
            .any(|k| *k == Key::None || (k.is_value() && k.compare(b, direction).is_gt()))
    };
    let amount = matches!(column, Column::Fact(f) if matches!(f.def().kind, Kind::Amount(_)));
    let rankable = amount && best_key.is_some_and(worse);
    let best = keys
        .iter()
        .map(|k| {
            rankable && best_key.is_some_and(|b| k.is_value() && k.compare(b, direction).is_eq())
        })
        .collect();
    Marks { differ, best }
}
