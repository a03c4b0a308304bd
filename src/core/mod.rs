//! The headless table: rows of an era, columns, sorting, filters and minimums, facet counts, the
//! compare view's marks, the quick picks and the URL codec. Plain Rust with no browser APIs, tested natively.

pub mod columns;
pub mod compare;
pub mod compute;
pub mod export;
pub mod filters;
pub mod format;
pub mod history;
pub mod left_out;
pub mod picks;
pub mod rows;
pub mod state;
pub mod url;
pub mod words;

pub use crate::dataset::RECENT_DAYS;
pub use columns::{Column, Direction, Key};
pub use filters::{meets, threshold_fields, Filter, FilterSet, Minimums};
pub use rows::{cell, row, rows, Cell, Row, StatusAt};
pub use state::{
    compare_hint, compare_sentence, number_word, Action, ColumnSet, Preset, SortKey, State,
    MAX_COMPARE, MAX_SORT_KEYS,
};
