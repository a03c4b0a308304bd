//! Quick picks: one short line above the table that answers the usual questions ("where is the
//! most GPU time?") from the rows shown, by each field's own "better" rule (the one the compare
//! view and the first click use). Nothing is hand-picked: ties are named together, unknown and
//! none never win, and only platforms open to new users are picked.

use super::columns::{Column, Key};
use super::compute;
use super::filters::Filter;
use super::rows::Row;
use crate::dataset::{AllowanceKind, Dataset, Field};

/// How a pick chooses its platforms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// The best known value of a field, by the field's rule.
    Best(Field),
    /// Every platform that passes all these boxes.
    Meets(&'static [Filter]),
}

/// A pick's words and rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PickDef {
    pub label: &'static str,
    pub rule: Rule,
}

/// The picks, in the order they are shown.
pub const PICKS: [PickDef; 6] = [
    PickDef {
        label: "Most GPU time",
        rule: Rule::Best(Field::GpuQuota),
    },
    PickDef {
        label: "Biggest GPU",
        rule: Rule::Best(Field::GpuMemory),
    },
    PickDef {
        label: "Most RAM",
        rule: Rule::Best(Field::Ram),
    },
    PickDef {
        label: "Longest session",
        rule: Rule::Best(Field::Session),
    },
    PickDef {
        label: "No sign-up",
        rule: Rule::Meets(&[Filter::Feature(Field::Account)]),
    },
    PickDef {
        label: "No card and no phone",
        rule: Rule::Meets(&[Filter::Feature(Field::Card), Filter::Feature(Field::Phone)]),
    },
];

/// One pick with its winners: indices into the rows it was given, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub def: PickDef,
    pub winners: Vec<usize>,
}

/// The picks among `shown` (indices into `rows`, in display order); a pick nobody wins is left out.
pub fn picks(rows: &[Row], shown: &[usize]) -> Vec<Pick> {
    let open: Vec<usize> = shown
        .iter()
        .copied()
        .filter(|&i| rows[i].status.is_open())
        .collect();
    PICKS
        .iter()
        .map(|&def| Pick {
            def,
            winners: match def.rule {
                Rule::Best(field) => best(rows, &open, field),
                Rule::Meets(filters) => open
                    .iter()
                    .copied()
                    .filter(|&i| filters.iter().all(|f| f.fits(&rows[i])))
                    .collect(),
            },
        })
        .filter(|p| !p.winners.is_empty())
        .collect()
}

fn best(rows: &[Row], candidates: &[usize], field: Field) -> Vec<usize> {
    let column = Column::Fact(field);
    let direction = column.def().first;
    let keys: Vec<(usize, Key)> = candidates
        .iter()
        .map(|&i| (i, column.sort_key(&rows[i])))
        .filter(|(_, k)| k.is_value())
        .collect();
    let Some(top) = keys
        .iter()
        .map(|(_, k)| k)
        .min_by(|a, b| a.compare(b, direction))
    else {
        return Vec::new();
    };
    keys.iter()
        .filter(|(_, k)| k.compare(top, direction).is_eq())
        .map(|&(i, _)| i)
        .collect()
}

/// "Most GPU compute a week": the open platforms shown with the most T4-hours a week from a
/// recurring allowance (one-off grants never win), ties together, each with the words it needs
/// when the figure is reached only by spending credits ("on credits, ≈ 4.8 h/month on the
/// NVIDIA B200"). The pick the page leads with; `None` when no shown platform has a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ComputePick {
    pub label: &'static str,
    /// Indices into the rows given, in the order given, each with its credits words, if any.
    pub winners: Vec<(usize, Option<String>)>,
    /// The figure's words: "60 T4-h/week".
    pub value: String,
}

pub fn most_compute(data: &Dataset, rows: &[Row], shown: &[usize]) -> Option<ComputePick> {
    let keyed: Vec<(usize, Key)> = shown
        .iter()
        .copied()
        .filter(|&i| rows[i].status.is_open())
        .map(|i| (i, Column::Compute.sort_key(&rows[i])))
        .filter(|(_, k)| k.is_value())
        .collect();
    let direction = Column::Compute.def().first;
    let top = keyed
        .iter()
        .map(|(_, k)| k)
        .min_by(|a, b| a.compare(b, direction))?
        .clone();
    let winners: Vec<(usize, Option<String>)> = keyed
        .iter()
        .filter(|(_, k)| k.compare(&top, direction).is_eq())
        .map(|&(i, _)| (i, compute::on_credits(&rows[i], data)))
        .collect();
    let value = compute::figure(&rows[winners[0].0])?.text.to_string();
    Some(ComputePick {
        label: "Most GPU compute a week",
        winners,
        value,
    })
}

/// For a "Biggest GPU" winner: the words it needs when that card is reached only by spending
/// credits or a one-off grant. The hours are named only where the credits' best buy is that card
/// (its memory within a tenth of the platform's figure): Modal's B200 is both.
pub fn card_on_credits(data: &Dataset, row: &Row) -> Option<String> {
    let allowance = compute::allowance(row)?;
    match allowance.kind {
        AllowanceKind::Credits => {
            let memory = row
                .cell(Field::GpuMemory)
                .fact
                .quantity()?
                .canonical()
                .milli();
            let same_card = allowance
                .figure
                .bought
                .as_ref()
                .and_then(|b| data.gpu(&b.gpu))
                .is_some_and(|g| (g.memory.milli() - memory).abs() * 10 <= memory);
            Some(if same_card {
                compute::on_credits(row, data)?
            } else {
                "on credits".to_owned()
            })
        }
        AllowanceKind::Grant => Some("on a one-off grant".to_owned()),
        _ => None,
    }
}
