//! The Filters menu (boxes and "at least" steps, each with how many rows it would leave) and the
//! chips that show the active ones.

use crate::core::format::step_text;
use crate::core::url::param;
use crate::core::{Filter, FilterSet, Minimums};
use crate::dataset::Field;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// How many platforms each choice would leave.
#[derive(PartialEq, Debug, Default)]
pub struct Counts {
    /// Per box: with it ticked (and the other choices as they are).
    pub boxes: Vec<(Filter, usize)>,
    /// Per "at least" field: with any value, and with each step.
    pub steps: Vec<StepCounts>,
}

/// One "at least" field: how many platforms any value leaves, and how many each step leaves.
#[derive(PartialEq, Debug)]
pub struct StepCounts {
    pub field: Field,
    pub any: usize,
    pub steps: Vec<(u32, usize)>,
}

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub filters: FilterSet,
    pub minimums: Minimums,
    pub counts: Rc<Counts>,
    pub ontoggle: Callback<Filter>,
    pub onminimum: Callback<(Field, Option<u32>)>,
    pub onclear: Callback<()>,
}

/// The feature boxes and the "at least" choices: a platform must meet every one.
#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let none_set = props.filters.is_empty() && props.minimums.is_empty();
    html! {
        <div class="filter-panel" id="filter-panel">
            <fieldset class="filters">
                <legend>{ "Must have" }</legend>
                <ul>
                    { for props.counts.boxes.iter().map(|&(filter, count)| {
                        let onchange = props.ontoggle.reform(move |_: Event| filter);
                        html! {
                            <li>
                                <label>
                                    <input type="checkbox" name={param::FILTERS} value={filter.id()} checked={props.filters.contains(filter)} {onchange} />
                                    { filter.label() }
                                    <span class="count">{ format!(" ({count})") }</span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
            </fieldset>
            <fieldset class="minimums">
                <legend>{ "At least" }</legend>
                <ul>
                    { for props.counts.steps.iter().map(|StepCounts { field, any, steps }| {
                        let field = *field;
                        let current = props.minimums.get(field);
                        let onchange = props.onminimum.reform(move |e: Event| {
                            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                            (field, value.parse::<u32>().ok())
                        });
                        html! {
                            <li>
                                <label>
                                    <span class="label">{ field.label() }</span>
                                    <select name={format!("{}-{}", param::MINIMUMS, field.id())} {onchange}>
                                        <option value="" selected={current.is_none()}>{ format!("any ({any})") }</option>
                                        { for steps.iter().map(|&(step, count)| html! {
                                            <option value={step.to_string()} selected={current == Some(step)}>
                                                { format!("≥ {} ({count})", step_text(field, step)) }
                                            </option>
                                        }) }
                                    </select>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
            </fieldset>
            <button type="button" class="clear" disabled={none_set} onclick={props.onclear.reform(|_| ())}>
                { "Clear filters" }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FilterChipsProps {
    pub filters: FilterSet,
    pub minimums: Minimums,
    pub ontoggle: Callback<Filter>,
    pub onminimum: Callback<(Field, Option<u32>)>,
}

/// The active boxes and minimums in the toolbar, each a button that removes it.
#[component]
pub fn FilterChips(props: &FilterChipsProps) -> Html {
    if props.filters.is_empty() && props.minimums.is_empty() {
        return Html::default();
    }
    let chip = |words: String, onclick: Callback<MouseEvent>| {
        html! {
            <li>
                <button type="button" class="chip" {onclick}>
                    <span class="sr-only">{ "Remove filter: " }</span>{ words }<span aria-hidden="true">{ " ✕" }</span>
                </button>
            </li>
        }
    };
    html! {
        <ul class="chips" aria-label="Active filters">
            { for props.filters.iter().map(|f| chip(f.label().to_owned(), props.ontoggle.reform(move |_| f))) }
            { for props.minimums.iter().map(|(field, min)| chip(
                format!("{} ≥ {}", field.label(), step_text(field, min)),
                props.onminimum.reform(move |_| (field, None)),
            )) }
        </ul>
    }
}
