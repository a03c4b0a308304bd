//! The quick picks above the table.

use super::{browser, use_data, Rows};
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
            // One Tab stop, so the keyboard reaches the table in few presses; arrows move within.
            <ul onkeydown={Callback::from(|e: KeyboardEvent| browser::step_through_links(&e))}>
                { for all.into_iter().enumerate().map(|(i, (label, winners, value))| html! {
                    <li>
                        <span class="pick-label">{ label }{ ": " }</span>
                        { for winners.into_iter().enumerate().map(|(n, (w, confidence, credits))| {
                            let r = &rows[w];
                            html! {
                                <>
                                    if n > 0 { { ", " } }
                                    <a href={format!("#{target}-{}", r.platform.id)} tabindex={(i + n > 0).then_some("-1")}
                                       aria-describedby={(i + n == 0).then_some("picks-keys")}>{ &*r.platform.short_name }</a>
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
            <span id="picks-keys" class="picks-keys">{ "← → move between the picks" }</span>
        </section>
    }
}

/// ≈ or ⚠ after a pick whose value is uncertain or disputed, in words as well.
fn confidence_mark(confidence: Confidence) -> Html {
    let Some((symbol, words)) = crate::core::words::confidence_mark(confidence) else {
        return Html::default();
    };
    html! {
        <><span class="mark" aria-hidden="true">{ symbol }</span><span class="sr-only">{ words }</span></>
    }
}
