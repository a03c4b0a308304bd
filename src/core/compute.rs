//! "GPU compute a week" as the table reads it: the column's help and each row's figure (worked out
//! at build time, `dataset::compute`). The column itself (header, first direction, sort key) is
//! declared with the others in `columns`.

use super::rows::Row;
use crate::dataset::{Era, Figure};

pub use crate::dataset::{METHOD, METHOD_VERSION};

/// The column's help, once, under the table (the whole method is in the README).
pub const LEGEND: &str = "GPU compute a week: T4-hours (method 1), the week's GPU hours × the GPUs a \
session holds × the card's dense FP16 throughput over a T4's; credits are spent on the GPU with the \
most compute per dollar; one-off grants stand apart. Peak figures: an upper bound.";

/// The row's figure: today's allowance's. The 2019 view has none (the article predates it).
pub fn figure<'a>(row: &Row<'a>) -> Option<&'a Figure> {
    allowance(row).map(|a| &a.figure)
}

/// Whether the row's weekly figure comes from credits (money spent at the vendor's prices), with
/// the GPU they buy and how many hours of it a period: the words a quick pick adds.
pub fn on_credits(row: &Row, data: &crate::dataset::Dataset) -> Option<String> {
    let bought = figure(row)?.bought.as_ref()?;
    let name = data.gpu(&bought.gpu).map_or(&*bought.gpu, |g| &*g.name);
    Some(format!(
        "on credits, ≈ {} h/{} on the {name}",
        super::format::tenths(bought.hours),
        bought.per.word()
    ))
}

/// The row's allowance: today's. The 2019 view has none.
pub fn allowance<'a>(row: &Row<'a>) -> Option<&'a crate::dataset::Allowance> {
    (row.era == Era::Today)
        .then_some(row.platform.gpu_allowance.as_ref())
        .flatten()
}
