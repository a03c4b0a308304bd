//! The quick picks above the table.

use super::fact_cell::confidence_mark;
use super::{use_data, Rows};
use crate::core::format::canonical_text;
use crate::core::picks::{card_on_credits, most_compute, picks, Rule};
use crate::core::{compute, Row};
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
    let found = picks(rows, &props.shown);
    let compute = most_compute(&data, rows, &props.shown);
    if found.is_empty() && compute.is_none() {
        return Html::default();
    }
    let target = if props.narrow { "card" } else { "row" };
    // A winner's name, linked, with its confidence mark and, where money decides, what it buys.
    let name = |n: usize, r: &Row, confidence: Confidence, credits: Option<String>| {
        html! {
            <>
                if n > 0 { { ", " } }
                <a href={format!("#{target}-{}", r.platform.id)}>{ &*r.platform.name }</a>
                { confidence_mark(confidence) }
                if let Some(words) = credits { { format!(" ({words})") } }
            </>
        }
    };
    html! {
        <section class="picks" aria-labelledby="picks-title">
            <h2 id="picks-title">{ "Quick picks" }</h2>
            <ul>
                if let Some(pick) = compute {
                    <li>
                        <span class="pick-label">{ pick.label }{ ": " }</span>
                        { for pick.winners.into_iter().enumerate().map(|(n, (w, credits))| {
                            let r = &rows[w];
                            let confidence = compute::allowance(r).map_or(Confidence::Verified, |a| a.confidence);
                            name(n, r, confidence, credits)
                        }) }
                        { format!(", {}", pick.value) }
                    </li>
                }
                { for found.iter().map(|pick| {
                    let value = match pick.def.rule {
                        Rule::Best(field) => canonical_text(rows[pick.winners[0]].cell(field).fact),
                        Rule::Meets(_) => None,
                    };
                    let names = pick.winners.iter().enumerate().map(|(n, &w)| {
                        let r = &rows[w];
                        let (confidence, credits) = match pick.def.rule {
                            Rule::Best(field) => (
                                r.cell(field).fact.confidence,
                                (field == Field::GpuMemory).then(|| card_on_credits(&data, r)).flatten(),
                            ),
                            Rule::Meets(_) => (Confidence::Verified, None),
                        };
                        name(n, r, confidence, credits)
                    });
                    html! {
                        <li>
                            <span class="pick-label">{ pick.def.label }{ ": " }</span>
                            { for names }
                            if let Some(value) = value { { format!(", {value}") } }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
