//! The quick picks above the table.

use super::fact_cell::confidence_mark;
use super::{use_data, Rows};
use crate::core::compute;
use crate::core::format::canonical_text;
use crate::core::picks::{card_on_credits, most_compute, picks, Rule};
use crate::dataset::{Confidence, Field};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuickPicksProps {
    /// The rows of the era shown, and the positions of the ones shown, in display order: the
    /// picks are made among them.
    pub rows: Rows,
    pub shown: Rc<Vec<usize>>,
    /// Phone-narrow: a pick links to the platform's card instead of its table row.
    pub narrow: bool,
}

/// One short line of answers computed from the rows shown ("Most GPU compute a week: Kaggle,
/// 60 T4-h/week"), each name a link to its row, saying when only credits reach the figure.
#[component]
pub fn QuickPicks(props: &QuickPicksProps) -> Html {
    let data = use_data();
    let rows = &props.rows;
    // Each pick as (label, winners as (row, confidence, credits words), value), the compute one first.
    type Winner = (usize, Confidence, Option<String>);
    let compute = most_compute(&data, rows, &props.shown).map(|pick| {
        let winners: Vec<Winner> = pick
            .winners
            .into_iter()
            .map(|(w, credits)| {
                let confidence =
                    compute::allowance(&rows[w]).map_or(Confidence::Verified, |a| a.confidence);
                (w, confidence, credits)
            })
            .collect();
        (pick.label, winners, Some(pick.value))
    });
    let others = picks(rows, &props.shown).into_iter().map(|pick| {
        let winners: Vec<Winner> = pick
            .winners
            .iter()
            .map(|&w| match pick.def.rule {
                Rule::Best(field) => (
                    w,
                    rows[w].cell(field).fact.confidence,
                    (field == Field::GpuMemory)
                        .then(|| card_on_credits(&data, &rows[w]))
                        .flatten(),
                ),
                Rule::Meets(_) => (w, Confidence::Verified, None),
            })
            .collect();
        let value = match pick.def.rule {
            Rule::Best(field) => canonical_text(rows[pick.winners[0]].cell(field).fact),
            Rule::Meets(_) => None,
        };
        (pick.def.label, winners, value)
    });
    let all: Vec<_> = compute.into_iter().chain(others).collect();
    if all.is_empty() {
        return Html::default();
    }
    let target = if props.narrow { "card" } else { "row" };
    html! {
        <section class="picks" aria-labelledby="picks-title">
            <h2 id="picks-title">{ "Quick picks" }</h2>
            <ul>
                { for all.into_iter().map(|(label, winners, value)| html! {
                    <li>
                        <span class="pick-label">{ label }{ ": " }</span>
                        { for winners.into_iter().enumerate().map(|(n, (w, confidence, credits))| {
                            let r = &rows[w];
                            html! {
                                <>
                                    if n > 0 { { ", " } }
                                    <a href={format!("#{target}-{}", r.platform.id)}>{ &*r.platform.name }</a>
                                    { confidence_mark(confidence) }
                                    // Where money decides, what it buys.
                                    if let Some(words) = credits { { format!(" ({words})") } }
                                </>
                            }
                        }) }
                        if let Some(value) = value { { format!(", {value}") } }
                    </li>
                }) }
            </ul>
        </section>
    }
}
