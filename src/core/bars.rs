//! Bars you can see: under each number of the Essentials' numeric columns, a thin bar scaled to
//! the column's largest value among the rows shown, on a logarithmic scale where the column's
//! values span more than ten times. A width is one of `STEPS` + 1 fixed steps (a class the
//! stylesheet sizes: no inline style under the strict CSP), worked out in whole numbers.

use super::columns::{Column, Key};
use super::rows::Row;
use super::state::ColumnSet;
use crate::dataset::Field;

/// The columns that carry bars.
pub const BAR_COLUMNS: [Column; 5] = [
    Column::Fact(Field::GpuMemory),
    Column::Compute,
    Column::Fact(Field::Ram),
    Column::Fact(Field::Session),
    Column::Fact(Field::Idle),
];

/// The widest bar's step: steps run 0 (no bar) to `STEPS` (the column's largest value).
pub const STEPS: i64 = 20;

/// One column's scale among the rows shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub column: Column,
    /// The smallest and largest positive values, in thousandths of the canonical unit.
    min: i64,
    max: i64,
    /// The values span more than ten times: widths follow their logarithm.
    pub log: bool,
}

/// A row's amount in a bar column: a positive recurring amount, or zero; nothing for unknown,
/// none, a one-off grant or a column without numbers.
fn amount(column: Column, row: &Row) -> Option<i64> {
    match column.sort_key(row) {
        Key::Number(n) if n >= 0 => Some(n),
        _ => None,
    }
}

/// The scales of the bar columns shown, over the rows at `shown` (a column without a positive
/// value among them has none).
pub fn scales(rows: &[Row], shown: &[usize], columns: ColumnSet) -> Vec<Scale> {
    BAR_COLUMNS
        .into_iter()
        .filter(|&c| columns.contains(c))
        .filter_map(|column| {
            let positive = shown
                .iter()
                .filter_map(|&i| amount(column, &rows[i]))
                .filter(|&n| n > 0);
            let (min, max) = positive.fold(None, |acc: Option<(i64, i64)>, n| {
                Some(acc.map_or((n, n), |(lo, hi)| (lo.min(n), hi.max(n))))
            })?;
            Some(Scale {
                column,
                min,
                max,
                log: max > min.saturating_mul(10),
            })
        })
        .collect()
}

/// log₂ of `x` (≥ 1) in 1/256ths: the integer part from the leading zeros, the fraction from the
/// next eight bits (linear between powers of two). Never decreasing in `x`; no float code.
fn log2_fixed(x: i64) -> i64 {
    let x = x.max(1) as u64;
    let whole = 63 - i64::from(x.leading_zeros());
    let fraction = ((x << (63 - whole)) >> 55) as i64 & 0xff;
    whole * 256 + fraction
}

impl Scale {
    /// The bar's step for `row`: 0 for zero, 1 to `STEPS` for a positive amount (the largest
    /// gets `STEPS`), `None` where the row has no amount in the column.
    pub fn step(&self, row: &Row) -> Option<i64> {
        let n = amount(self.column, row)?;
        if n <= 0 {
            return Some(0);
        }
        let n = n.clamp(self.min, self.max);
        Some(if self.log {
            let (lo, hi) = (log2_fixed(self.min), log2_fixed(self.max));
            1 + (STEPS - 1) * (log2_fixed(n) - lo) / (hi - lo).max(1)
        } else {
            // Rounded up, so a small positive amount still shows.
            (STEPS * n + self.max - 1) / self.max
        })
    }
}

/// The scale of `column` among `scales`, if it has bars.
pub fn scale_of(scales: &[Scale], column: Column) -> Option<&Scale> {
    scales.iter().find(|s| s.column == column)
}
