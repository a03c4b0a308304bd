//! "GPU compute a week" as the table reads it: the column's words, each row's figure (worked out
//! at build time, `dataset::compute`), and its sort key. Recurring allowances sort by T4-hours a
//! week; one-off grants after all of them; then none; then unknown, whichever the direction.

use super::columns::{ColumnDef, Direction, Key};
use super::rows::Row;
use crate::dataset::{Era, Figure, Standing};

pub use crate::dataset::{METHOD, METHOD_VERSION};

/// The column: its URL key, header, first direction (most first) and sort words.
pub const COLUMN: ColumnDef = ColumnDef {
    id: "compute",
    label: "GPU compute a week",
    first: Direction::Desc,
    order_words: ("least first", "most first"),
};

/// The row's figure: today's allowance's. The 2019 view has none (the article predates it).
pub fn figure<'a>(row: &Row<'a>) -> Option<&'a Figure> {
    if row.era != Era::Today {
        return None;
    }
    row.platform.gpu_allowance.as_ref().map(|a| &a.figure)
}

/// What the row sorts by in the column.
pub fn sort_key(row: &Row) -> Key {
    let Some(figure) = figure(row) else {
        return Key::Unknown;
    };
    let hours = figure.t4_hours.map(|h| h.milli());
    match (figure.standing, hours) {
        (Standing::Weekly, Some(h)) => Key::Number(h),
        (Standing::Once, h) => Key::Once(h),
        (Standing::None, _) => Key::None,
        _ => Key::Unknown,
    }
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
