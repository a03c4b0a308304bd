//! On phones, the table's rows as cards.

use super::fact_cell::fact_cell;
use super::fragments::{
    platform_details, platform_line, retired_note, status_badge, use_details, Chosen, Heading,
    RowProps,
};
use super::popover::use_popover;
use super::{use_data, what_changed, Rows, View};
use crate::core::{Column, ColumnSet, StatusAt};
use crate::dataset::Era;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlatformCardsProps {
    /// The rows of the era shown, and the positions of the ones to show, in display order (the
    /// table's).
    pub rows: Rows,
    pub shown: Rc<Vec<usize>>,
    pub columns: ColumnSet,
    pub compare: Rc<Vec<String>>,
    pub oncompare: Callback<String>,
    #[prop_or_default]
    pub onera: Callback<Era>,
}

/// On phones, the table's rows as cards in the same order: the platform's line, then its chosen
/// columns as short label–value pairs that wrap, so a screen holds three or more.
#[component]
pub fn PlatformCards(props: &PlatformCardsProps) -> Html {
    let data = use_data();
    let (popover, on) = use_popover(View::Cards, &data);
    let present = props.rows.chosen(&props.compare).count();
    on.on(html! {
        <section class="cards" aria-labelledby="cards-title">
            <h2 id="cards-title" class="sr-only">{ "Platforms" }</h2>
            <ol class="card-list">
                { for props.shown.iter().map(|&at| (at, &props.rows[at])).map(|(at, r)| html! {
                    <Card key={r.index} rows={props.rows.clone()} {at} columns={props.columns}
                          chosen={Chosen::of(&r.platform.id, &props.compare, present)}
                          oncompare={props.oncompare.clone()} onera={props.onera.clone()}
                          open={popover.in_line(r.index)} />
                }) }
            </ol>
        </section>
    })
}

#[component]
fn Card(props: &RowProps) -> Html {
    let data = use_data();
    let details = use_details(&data);
    let Some(r) = props.rows.get(props.at) else {
        return Html::default();
    };
    let id = &r.platform.id;
    let detail_id = format!("detail-k-{id}");
    let retired = matches!(r.status, StatusAt::Retired { .. });
    html! {
        <li id={format!("card-{id}")} class={classes!("card", (!r.status.is_open()).then_some("not-open"))}>
            { platform_line(r, props.chosen, &props.oncompare, &details, &detail_id, !props.columns.contains(Column::Status), Heading::Card) }
            if retired {
                <p class="retired-note">{ retired_note(r, &props.onera, details.still) }</p>
            } else {
                <dl>
                    { for props.columns.iter().filter(|c| *c != Column::Name).map(|column| html! {
                        <div class="pair">
                            <dt>{ column.label() }</dt>
                            { match column {
                                Column::Fact(field) => {
                                    fact_cell(&data, r, field, View::Cards, props.open.filter(|o| o.0 == field).map(|o| o.1), false)
                                },
                                Column::Status => html! { <dd>{ status_badge(r.status) }</dd> },
                                Column::Changed => what_changed::last_changed(r, "dd"),
                                _ => html! { <dd><time datetime={r.as_of.to_owned()}>{ r.as_of }</time></dd> },
                            } }
                        </div>
                    }) }
                </dl>
            }
            if details.open {
                <div id={detail_id}>{ platform_details(r, &data) }</div>
            }
        </li>
    }
}
