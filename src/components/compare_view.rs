//! The chosen platforms side by side.

use super::fact_cell::fact_cell;
use super::fragments::{best_mark, status_badge};
use super::popover::use_popover;
use super::{use_data, Rows, View};
use crate::core::compare::marks;
use crate::core::{compare_hint, Column, Row};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    /// Ids of the chosen platforms, in the order chosen.
    pub ids: Rc<Vec<String>>,
    /// The rows of the era shown.
    pub rows: Rows,
    /// Removes one platform from the comparison.
    pub ontoggle: Callback<String>,
    pub onclear: Callback<()>,
}

/// The chosen platforms side by side: fields as rows, platforms as columns. Rows whose values
/// differ carry ≠, the best value of a row ★ (by the column's own rule), both in words too.
#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let data = use_data();
    let (popover, on) = use_popover(View::Compare, &data);
    let chosen: Vec<&Row> = props.rows.chosen(&props.ids).collect();
    match chosen.len() {
        0 => return Html::default(),
        1 => {
            return html! {
                <p class="compare-hint">
                    { compare_hint(&chosen[0].platform.name) }
                    { " " }<button type="button" onclick={props.onclear.reform(|_| ())}>{ "Clear choice" }</button>
                </p>
            }
        }
        _ => {}
    }
    let names: Vec<&str> = chosen.iter().map(|r| &*r.platform.name).collect();
    let columns = Column::all().filter(|c| *c != Column::Name);
    html! {
        // The ticked boxes' links lead here (focus too: tabindex -1).
        <section class="compare" id="compare" tabindex="-1" aria-labelledby="compare-title">
            <div class="compare-head">
                <h2 id="compare-title">{ "Side by side" }</h2>
                <button type="button" class="close" onclick={props.onclear.reform(|_| ())}>{ "← Back to all platforms" }</button>
            </div>
            { on.on(html! {
            <div class="table-scroll compare-scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
                <table>
                    <caption id="compare-caption">
                        { format!("Comparing {}", names.join(", ")) }
                        <span class="hint">{ ". ≠ marks rows where they differ; ★ marks the best amount of a row." }</span>
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Field" }</th>
                            { for chosen.iter().map(|r| {
                                let id = r.platform.id.to_string();
                                html! {
                                    <th scope="col">
                                        { &*r.platform.name }
                                        <button type="button" class="remove" onclick={props.ontoggle.reform(move |_| id.clone())}>
                                            { "Remove" }<span class="sr-only">{ format!(" {}", r.platform.name) }</span>
                                        </button>
                                    </th>
                                }
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for columns.map(|column| {
                            let m = marks(column, &chosen);
                            html! {
                                <tr class={classes!(m.differ.then_some("differ"))}>
                                    <th scope="row">
                                        { column.label() }
                                        if m.differ {
                                            <span class="mark differ" aria-hidden="true">{ " ≠" }</span>
                                            <span class="sr-only">{ " (differs)" }</span>
                                        }
                                    </th>
                                    { for chosen.iter().zip(&m.best).map(|(r, &best)| match column {
                                        Column::Fact(field) => fact_cell(&data, r, field, View::Compare, popover.opened((r.index, field)), best),
                                        _ => html! {
                                            <td class={classes!(best.then_some("best"))}>
                                                if column == Column::Status { { status_badge(r.status) } }
                                                else if column == Column::Changed { { r.last_changed.unwrap_or("none recorded") } }
                                                else { <time datetime={r.as_of.to_owned()}>{ r.as_of }</time> }
                                                if best { { best_mark() } }
                                            </td>
                                        },
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            }) }
        </section>
    }
}
