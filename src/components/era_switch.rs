//! The era switch: today or the 2019 article's values.

use crate::core::url::param;
use crate::dataset::Era;
use strum::IntoEnumIterator;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EraSwitchProps {
    pub era: Era,
    pub onchange: Callback<Era>,
}

/// Then and now: the article's 2019 values or today's.
#[component]
pub fn EraSwitch(props: &EraSwitchProps) -> Html {
    html! {
        <fieldset class="era">
            <legend>{ "Values as of" }</legend>
            { for Era::iter().rev().map(|era| {
                let onchange = props.onchange.reform(move |_: Event| era);
                html! {
                    <label>
                        <input type="radio" name={param::ERA} value={era.id()} checked={props.era == era} {onchange} />
                        // Short in the bar; the intro says 2019 is the article's table.
                        { match era { Era::Today => "Today", Era::Y2019 => "2019" } }
                    </label>
                }
            }) }
        </fieldset>
    }
}
