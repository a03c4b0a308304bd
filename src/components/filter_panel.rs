use crate::core::{Filter, FilterSet};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub filters: FilterSet,
    /// For each filter, how many platforms would be shown with it ticked.
    pub counts: Vec<(Filter, usize)>,
    pub ontoggle: Callback<Filter>,
    pub onclear: Callback<()>,
}

/// The feature checkboxes: a platform must have every ticked feature.
#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    html! {
        <fieldset class="filters">
            <legend>{ "Must have" }</legend>
            <ul>
                { for props.counts.iter().map(|&(filter, count)| {
                    let onchange = props.ontoggle.reform(move |_: Event| filter);
                    html! {
                        <li>
                            <label>
                                <input type="checkbox" name="f" value={filter.id()} checked={props.filters.contains(filter)} {onchange} />
                                { filter.label() }
                                <span class="count">{ format!(" ({count})") }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" class="clear" disabled={props.filters.is_empty()} onclick={props.onclear.reform(|_| ())}>
                { "Clear filters" }
            </button>
        </fieldset>
    }
}
