//! "Sort by … then by …": the header sort as labelled selects.

use crate::core::{Column, SortKey, MAX_SORT_KEYS};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SortControlProps {
    pub sort: Vec<SortKey>,
    /// Sets (or with `None`, removes) the key at a position.
    pub onchange: Callback<(usize, Option<SortKey>)>,
    /// Sorts by (or with `None`, removes) the column at a position, in its first direction.
    pub oncolumn: Callback<(usize, Option<Column>)>,
}

/// "Sort by … then by …": the header sort as labelled selects, for any column, shown or not.
#[component]
pub fn SortControl(props: &SortControlProps) -> Html {
    // One empty "then by" after the keys, while there is room for another.
    let slots = (props.sort.len() + 1).min(MAX_SORT_KEYS);
    html! {
        <fieldset class="sort-control">
            <legend>{ "Sort" }</legend>
            { for (0..slots).map(|i| {
                let key = props.sort.get(i).copied();
                let onselect = props.oncolumn.reform(move |e: Event| {
                    let id = e.target_unchecked_into::<HtmlSelectElement>().value();
                    (i, Column::parse(&id))
                });
                html! {
                    <div class="sort-key">
                        <label>
                            { if i == 0 { "Sort by" } else { "then by" } }
                            <select name={format!("sort-{i}")} onchange={onselect}>
                                if i > 0 {
                                    <option value="" selected={key.is_none()}>{ "(nothing)" }</option>
                                }
                                { for Column::all().map(|c| html! {
                                    <option value={c.id()} selected={key.map(|k| k.column) == Some(c)}>{ c.label() }</option>
                                }) }
                            </select>
                        </label>
                        if let Some(key) = key {
                            <button type="button" class="direction"
                                    onclick={props.onchange.reform(move |_| (i, Some(SortKey { direction: key.direction.reversed(), ..key })))}>
                                <span class="sr-only">{ "Order: " }</span>
                                { key.column.order_words(key.direction) }
                                <span aria-hidden="true">{ if key.direction == crate::core::Direction::Asc { " ▲" } else { " ▼" } }</span>
                            </button>
                        }
                    </div>
                }
            }) }
        </fieldset>
    }
}
