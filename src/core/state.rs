//! What the user chose (era, sort, filters), how each action changes it, and what it shows.
//! Pure: no browser calls; the URL and the DOM are kept in step by the components.

use super::columns::{Column, Direction};
use super::filters::{Filter, FilterSet};
use super::rows::Row;
use crate::dataset::Era;
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: Column,
    pub direction: Direction,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            column: Column::Name,
            direction: Direction::Asc,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct State {
    pub era: Era,
    pub sort: Sort,
    pub filters: FilterSet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A click on a column header: a new column sorts its useful way first, the same column reverses.
    Sort(Column),
    Toggle(Filter),
    ClearFilters,
    SetEra(Era),
}

impl State {
    pub fn apply(self, action: Action) -> State {
        match action {
            Action::Sort(column) => {
                let direction = if self.sort.column == column {
                    self.sort.direction.reversed()
                } else {
                    column.first_direction()
                };
                State {
                    sort: Sort { column, direction },
                    ..self
                }
            }
            Action::Toggle(filter) => State {
                filters: self.filters.toggled(filter),
                ..self
            },
            Action::ClearFilters => State {
                filters: FilterSet::default(),
                ..self
            },
            Action::SetEra(era) => State { era, ..self },
        }
    }

    /// Indices into `rows` of the rows to show, filtered and in sort order.
    pub fn visible(&self, rows: &[Row]) -> Vec<usize> {
        // Keys are computed once per row, not once per comparison.
        let mut keyed: Vec<_> = (0..rows.len())
            .filter(|&i| self.filters.fits(&rows[i]))
            .map(|i| {
                let p = rows[i].platform;
                (
                    self.sort.column.sort_key(&rows[i]),
                    (p.name.to_lowercase(), &p.id),
                    i,
                )
            })
            .collect();
        keyed.sort_by(|(a, tie_a, _), (b, tie_b, _)| {
            let by_key = match (a, b) {
                (Some(a), Some(b)) => match self.sort.direction {
                    Direction::Asc => a.compare(b),
                    Direction::Desc => b.compare(a),
                },
                // Unknown goes last whichever way the column is sorted.
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            // Ties: by name, then id, so the order never depends on the data file's order.
            by_key.then_with(|| tie_a.cmp(tie_b))
        });
        keyed.into_iter().map(|(_, _, i)| i).collect()
    }

    /// How many rows would be shown with `filter` ticked (as well as the ones ticked now).
    pub fn facet_count(&self, rows: &[Row], filter: Filter) -> usize {
        let filters = self.filters.with(filter);
        rows.iter().filter(|r| filters.fits(r)).count()
    }

    /// The sentence for the live region: "Sorted by RAM, largest first. 3 of 4 platforms shown."
    pub fn summary(&self, shown: usize, total: usize) -> String {
        let Sort { column, direction } = self.sort;
        let noun = if total == 1 { "platform" } else { "platforms" };
        format!(
            "Sorted by {}, {}. {shown} of {total} {noun} shown.",
            column.label(),
            column.order_words(direction)
        )
    }
}
