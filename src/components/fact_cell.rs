use super::{use_data, View};
use crate::core::format::fact_text;
use crate::core::{cell, Cell};
use crate::dataset::{Confidence, Dataset, Era, Fact, Field, Value};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FactCellProps {
    /// The platform's index in the dataset.
    pub platform: usize,
    pub field: Field,
    pub era: Era,
    pub view: View,
}

/// A value with its marks; hover, focus or tap it to see its source, date and confidence.
#[component]
pub fn FactCell(props: &FactCellProps) -> Html {
    let data = use_data();
    let node = use_node_ref();
    let pop = use_node_ref();
    let open = use_state(|| false);
    let pinned = use_state(|| false);

    // Placed after rendering, through the CSSOM (a strict CSP forbids style attributes); fixed to
    // the viewport, so the table's scroll box cannot clip it.
    {
        let (node, pop) = (node.clone(), pop.clone());
        use_effect_with(*open, move |open| {
            if *open {
                if let (Some(anchor), Some(pop)) = (
                    node.cast::<web_sys::Element>(),
                    pop.cast::<web_sys::HtmlElement>(),
                ) {
                    place_near(&anchor, &pop);
                }
            }
        });
    }
    let Some(platform) = data.platforms.get(props.platform) else {
        return Html::default();
    };
    let Some(cell) = cell(platform, props.era, props.field) else {
        return Html::default();
    };
    let fact = cell.fact;
    let pop_id = format!(
        "pop-{}-{}-{}",
        props.view.prefix(),
        platform.id,
        props.field.id()
    );

    let set = |open: &UseStateHandle<bool>, pinned: &UseStateHandle<bool>, to: bool| {
        open.set(to);
        if !to {
            pinned.set(false);
        }
    };
    let onmouseenter = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let onmouseleave = {
        let (open, pinned) = (open.clone(), pinned.clone());
        Callback::from(move |_: MouseEvent| {
            if !*pinned {
                open.set(false);
            }
        })
    };
    let onfocusin = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(true))
    };
    let onfocusout = {
        let (open, pinned, node) = (open.clone(), pinned.clone(), node.clone());
        Callback::from(move |e: FocusEvent| {
            // Moving focus to the popover's own link keeps it open.
            let to = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let inside = node
                .cast::<web_sys::Node>()
                .is_some_and(|me| me.contains(to.as_ref()));
            if !inside {
                set(&open, &pinned, false);
            }
        })
    };
    let onkeydown = {
        let (open, pinned) = (open.clone(), pinned.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                set(&open, &pinned, false);
            }
        })
    };
    // A tap on a touch screen fires no hover: a click pins the popover open, a second one closes it.
    let onclick = {
        let (open, pinned) = (open.clone(), pinned.clone());
        Callback::from(move |_: MouseEvent| {
            let now = !*pinned;
            pinned.set(now);
            open.set(now);
        })
    };

    let expanded = if *open { "true" } else { "false" };
    let value_class = classes!(
        "value",
        matches!(fact.value, Value::Unknown(_)).then_some("unknown"),
        matches!(fact.value, Value::None(_)).then_some("none"),
        matches!(&fact.value, Value::List(l) if l.len() > 1).then_some("list")
    );
    html! {
        <span class="fact" ref={node} {onmouseenter} {onmouseleave} {onfocusin} {onfocusout} {onkeydown}>
            <button type="button" class={value_class} aria-expanded={expanded}
                    aria-controls={open.then(|| pop_id.clone())} {onclick}>
                { icon(&fact.value) }
                { fact_text(fact) }
                { marks(&cell) }
            </button>
            if *open {
                <div class="pop" id={pop_id} ref={pop}>
                    { provenance(&data, &platform.name, props.field, &cell) }
                </div>
            }
        </span>
    }
}

/// Below the element if there is room, otherwise above; never past the right edge.
fn place_near(anchor: &web_sys::Element, pop: &web_sys::HtmlElement) {
    const WIDTH: f64 = 300.0;
    const ROOM: f64 = 220.0;
    let rect = anchor.get_bounding_client_rect();
    let window = gloo::utils::window();
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (vw, vh) = (size(window.inner_width()), size(window.inner_height()));
    let left = rect.left().min(vw - WIDTH - 8.0).max(8.0);
    let style = pop.style();
    let _ = style.set_property("left", &format!("{left:.0}px"));
    if rect.bottom() + ROOM < vh {
        let _ = style.set_property("top", &format!("{:.0}px", rect.bottom() + 4.0));
    } else {
        let _ = style.set_property("bottom", &format!("{:.0}px", vh - rect.top() + 4.0));
    }
}

fn icon(value: &Value) -> Html {
    let icon = match value {
        Value::Bool(true) => "✓ ",
        Value::Bool(false) => "✗ ",
        Value::None(_) => "— ",
        Value::Unknown(_) => "? ",
        _ => return Html::default(),
    };
    html! { <span class="icon" aria-hidden="true">{ icon }</span> }
}

/// Visible marks, each with words for screen readers: confidence, age and change.
fn marks(cell: &Cell) -> Html {
    let mark = |symbol: &'static str, words: &'static str, class: &'static str| {
        html! { <><span class={classes!("mark", class)} aria-hidden="true">{ symbol }</span><span class="sr-only">{ words }</span></> }
    };
    html! {
        <>
            if cell.fact.confidence == Confidence::Uncertain { { mark("≈", " (uncertain)", "uncertain") } }
            if cell.fact.confidence == Confidence::Conflicting { { mark("⚠", " (sources conflict)", "conflicting") } }
            if cell.from_2019 { { mark("2019", " (2019 value; no newer one entered)", "old") } }
            if cell.was.is_some() { { mark("Δ", " (changed since 2019)", "changed") } }
        </>
    }
}

fn provenance(data: &Dataset, platform: &str, field: Field, cell: &Cell) -> Html {
    let fact = cell.fact;
    html! {
        <>
            <p class="pop-title"><strong>{ format!("{platform}: {}", field.label()) }</strong></p>
            { fact_lines(data, fact) }
            if let Some(alt) = &fact.alt {
                <p class="pop-alt">{ "Another source says: " }<strong>{ fact_text(alt) }</strong></p>
                { fact_lines(data, alt) }
            }
            if cell.from_2019 {
                <p>{ "No newer value has been entered; this one is from 2019." }</p>
            }
            if let Some(was) = cell.was {
                <p class="pop-was">{ "In 2019: " }<strong>{ fact_text(was) }</strong></p>
            }
        </>
    }
}

fn fact_lines(data: &Dataset, fact: &Fact) -> Html {
    html! {
        <>
            <p>{ "Confidence: " }{ fact.confidence.label() }</p>
            if let Value::Unknown(reason) = &fact.value {
                <p>{ "Why unknown: " }{ reason }</p>
            }
            if let Value::None(reason) = &fact.value {
                <p>{ "None: " }{ reason }</p>
            }
            if let Some(note) = &fact.note {
                <p>{ note }</p>
            }
            <ul class="pop-sources">
                { for fact.sources.iter().filter_map(|id| data.sources.get(id)).map(|s| html! {
                    <li>
                        <a href={s.url.clone()} rel="noopener" target="_blank">{ &s.title }</a>
                        { ", " }<time datetime={s.date.clone()}>{ &s.date }</time>
                    </li>
                }) }
            </ul>
        </>
    }
}
