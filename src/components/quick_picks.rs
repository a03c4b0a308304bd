//! The quick picks above the table.

use super::{browser, Rows};
use crate::core::format::canonical_text;
use crate::core::picks::{picks, Rule};
use crate::dataset::Confidence;
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

/// One short line of answers computed from the rows shown ("Most GPU time: Kaggle, 30 h/week"),
/// each name a link to its row.
#[component]
pub fn QuickPicks(props: &QuickPicksProps) -> Html {
    let rows = &props.rows;
    let found = picks(rows, &props.shown);
    if found.is_empty() {
        return Html::default();
    }
    let target = if props.narrow { "card" } else { "row" };
    html! {
        <section class="picks" aria-labelledby="picks-title">
            <h2 id="picks-title">{ "Quick picks" }</h2>
            // One Tab stop, so the keyboard reaches the table in few presses; arrows move within.
            <ul onkeydown={Callback::from(|e: KeyboardEvent| browser::step_through_links(&e))}>
                { for found.iter().enumerate().map(|(i, pick)| {
                    let value = match pick.def.rule {
                        Rule::Best(field) => canonical_text(rows[pick.winners[0]].cell(field).fact),
                        Rule::Meets(_) => None,
                    };
                    let names = pick.winners.iter().enumerate().map(|(n, &w)| {
                        let r = &rows[w];
                        let confidence = match pick.def.rule {
                            Rule::Best(field) => r.cell(field).fact.confidence,
                            Rule::Meets(_) => Confidence::Verified,
                        };
                        html! {
                            <>
                                if n > 0 { { ", " } }
                                <a href={format!("#{target}-{}", r.platform.id)} tabindex={(i + n > 0).then_some("-1")}
                                   aria-describedby={(i + n == 0).then_some("picks-keys")}>{ &*r.platform.short_name }</a>
                                { confidence_mark(confidence) }
                            </>
                        }
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
