use super::fact_cell::{fact_cell, use_popover};
use super::platform_table::{platform_heading, status_badge, Heading};
use super::{use_data, View};
use crate::core::{row, Column, ColumnSet};
use crate::dataset::Era;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlatformCardsProps {
    /// Dataset indices of the platforms to show, in display order (the table's).
    pub platforms: Rc<Vec<usize>>,
    pub era: Era,
    pub columns: ColumnSet,
    pub compare: Rc<Vec<String>>,
    pub oncompare: Callback<String>,
}

/// On phones, the table's rows as cards: a heading per platform and its chosen columns as
/// label–value pairs, in the same order. The stylesheet shows either these or the table.
#[component]
pub fn PlatformCards(props: &PlatformCardsProps) -> Html {
    let data = use_data();
    let (popover, on) = use_popover(View::Cards);
    html! {
        <section class="cards" aria-labelledby="cards-title"
                 onmouseover={on.onmouseover} onmouseout={on.onmouseout} onfocusin={on.onfocusin}
                 onfocusout={on.onfocusout} onclick={on.onclick} onkeydown={on.onkeydown}>
            <h2 id="cards-title" class="sr-only">{ "Platforms" }</h2>
            <ol class="card-list">
                { for props.platforms.iter().filter_map(|&i| row(&data, i, props.era)).map(|r| html! {
                    <li key={r.platform.id.clone()} class={classes!("card", (!r.status.is_open()).then_some("not-open"))}>
                        { platform_heading(&r, props.compare.contains(&r.platform.id), &props.oncompare, Heading::Card, !props.columns.contains(Column::Status)) }
                        <dl>
                            { for props.columns.iter().filter(|c| *c != Column::Name).map(|column| html! {
                                <div class="pair">
                                    <dt>{ column.label() }</dt>
                                    { match column {
                                        Column::Fact(field) => {
                                            fact_cell(&data, &r, field, View::Cards, popover.open == Some((r.index, field)), false)
                                        },
                                        Column::Status => html! { <dd>{ status_badge(r.status) }</dd> },
                                        _ => html! { <dd><time datetime={r.as_of.to_owned()}>{ r.as_of }</time></dd> },
                                    } }
                                </div>
                            }) }
                        </dl>
                    </li>
                }) }
            </ol>
        </section>
    }
}
