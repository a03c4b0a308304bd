//! Left out, and why: under the table (the cards on a phone), the platforms the filters hide,
//! each with the first value that failed; a name's button clears just the filters that hid it.

use super::browser::{after_paint, document};
use super::Rows;
use crate::core::left_out::left_out;
use crate::core::State;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LeftOutProps {
    pub rows: Rows,
    pub state: State,
    /// Moves to a state that shows the platform (its hiding filters cleared).
    pub onshow: Callback<State>,
}

/// The hidden platforms as a list with a heading; nothing when no filter hides any.
#[component]
pub fn LeftOutList(props: &LeftOutProps) -> Html {
    if props.state.active_filters() == 0 {
        return Html::default();
    }
    let hidden = left_out(&props.state, &props.rows);
    if hidden.is_empty() {
        return Html::default();
    }
    html! {
        <section class="left-out" aria-labelledby="left-out-title">
            <h2 id="left-out-title">{ format!("Left out by the filters ({})", hidden.len()) }</h2>
            <p class="hint">{ "A name shows it again, clearing just the filters that hide it." }</p>
            <ul>
                { for hidden.iter().map(|out| {
                    let row = &props.rows[out.row];
                    let id = row.platform.id.to_string();
                    let next = out.shown_in(&props.state);
                    let onclick = props.onshow.reform(move |_| {
                        focus_row_later(&id);
                        next.clone()
                    });
                    html! {
                        <li>
                            <button type="button" class="link-button" {onclick}>{ &*row.platform.name }</button>
                            { format!(" — {}", out.reason) }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// Once drawn, focus goes to the platform's row (or card), which the press has brought back: the
/// button it was on is gone.
fn focus_row_later(id: &str) {
    let selector = format!("#row-{id} a.name, #card-{id} a.name");
    after_paint(move || {
        let link = document()
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(link) = link {
            let _ = link.focus();
        }
    });
}
