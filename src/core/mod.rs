//! The headless table: rows of an era, columns, sorting, filters, facet counts and the URL codec.
//! Plain Rust with no browser APIs, tested natively.

pub mod columns;
pub mod filters;
pub mod format;
pub mod rows;
pub mod state;
pub mod url;

pub use columns::{Column, Direction, Key};
pub use filters::{Filter, FilterSet};
pub use rows::{rows, Cell, Row, StatusAt};
pub use state::{Action, Sort, State};
