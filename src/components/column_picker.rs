//! The column picker: presets and a box per column, in a drop-down menu.

use crate::core::url::param;
use crate::core::{Column, ColumnSet, Preset};
use strum::IntoEnumIterator;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ColumnPickerProps {
    pub columns: ColumnSet,
    pub onpreset: Callback<ColumnSet>,
    pub ontoggle: Callback<Column>,
}

/// Which columns the table and the cards show: a preset, or a box per column.
#[component]
pub fn ColumnPicker(props: &ColumnPickerProps) -> Html {
    let current = props.columns.preset();
    let shown = current.map_or_else(
        || format!("custom, {}", props.columns.iter().count()),
        |p| p.label().to_owned(),
    );
    html! {
        <details class="menu column-picker">
            <summary>{ "Columns: " }{ shown }</summary>
            <div class="menu-body column-body">
                <fieldset>
                    <legend>{ "Preset" }</legend>
                    { for Preset::iter().map(|preset| html! {
                        <label>
                            <input type="radio" name="preset" value={preset.id()} checked={current == Some(preset)}
                                   onchange={props.onpreset.reform(move |_: Event| preset.columns())} />
                            { preset.label() }
                        </label>
                    }) }
                </fieldset>
                <fieldset>
                    <legend>{ "Show" }</legend>
                    <ul>
                        { for Column::all().map(|column| html! {
                            <li>
                                <label>
                                    <input type="checkbox" name={param::COLUMNS} value={column.id()} checked={props.columns.contains(column)}
                                           disabled={column == Column::Name}
                                           onchange={props.ontoggle.reform(move |_: Event| column)} />
                                    { column.label() }
                                </label>
                            </li>
                        }) }
                    </ul>
                </fieldset>
            </div>
        </details>
    }
}
