use crate::core::format::value_text;
use crate::core::{Cell, Column};
use crate::dataset::{Confidence, Fact, Field, Source, Value};
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FactCellProps {
    pub cell: Cell<'static>,
    pub field: Field,
    pub platform: AttrValue,
    pub sources: &'static BTreeMap<String, Source>,
}

/// Where the open popover sits: fixed to the viewport, so the table's scroll box cannot clip it.
#[derive(Clone, Copy, PartialEq)]
struct Place {
    left: f64,
    edge: Edge,
}

/// Below the value (its top edge), or above it when the value is low on the screen (its bottom edge).
#[derive(Clone, Copy, PartialEq)]
enum Edge {
    Top(f64),
    Bottom(f64),
}

/// A value with its marks; hover, focus or tap it to see its source, date and confidence.
#[component]
pub fn FactCell(props: &FactCellProps) -> Html {
    let node = use_node_ref();
    let open = use_state(|| false);
    let pinned = use_state(|| false);
    let place = use_state(|| None::<Place>);
    let fact = props.cell.fact;
    let pop_id = format!(
        "pop-{}-{}",
        props
            .platform
            .replace(|c: char| !c.is_ascii_alphanumeric(), ""),
        props.field.id()
    );

    // Placed after rendering, so a focus that scrolled the value into view is already done.
    {
        let (node, place) = (node.clone(), place.setter());
        use_effect_with(*open, move |open| {
            place.set(
                open.then(|| node.cast::<web_sys::Element>().map(|el| place_near(&el)))
                    .flatten(),
            );
        });
    }
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

    let shown = *place;
    let expanded = if shown.is_some() { "true" } else { "false" };
    let value_class = classes!(
        "value",
        matches!(fact.value, Value::Unknown(_)).then_some("unknown"),
        matches!(&fact.value, Value::List(l) if l.len() > 1).then_some("list")
    );
    html! {
        <span class="fact" ref={node} {onmouseenter} {onmouseleave} {onfocusin} {onfocusout} {onkeydown}>
            <button type="button" class={value_class} aria-expanded={expanded}
                    aria-controls={shown.map(|_| pop_id.clone())} {onclick}>
                { icon(&fact.value) }
                { value_text(&fact.value) }
                { marks(&props.cell) }
            </button>
            if let Some(place) = shown {
                <div class="pop" id={pop_id} style={place.css()}>
                    { provenance(props, fact) }
                </div>
            }
        </span>
    }
}

impl Place {
    fn css(self) -> String {
        let edge = match self.edge {
            Edge::Top(top) => format!("top:{top:.0}px"),
            Edge::Bottom(bottom) => format!("bottom:{bottom:.0}px"),
        };
        format!("left:{:.0}px;{edge}", self.left)
    }
}

/// Below the element if there is room, otherwise above; never past the right edge.
fn place_near(el: &web_sys::Element) -> Place {
    const WIDTH: f64 = 300.0;
    const ROOM: f64 = 220.0;
    let rect = el.get_bounding_client_rect();
    let window = gloo::utils::window();
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (vw, vh) = (size(window.inner_width()), size(window.inner_height()));
    let left = rect.left().min(vw - WIDTH - 8.0).max(8.0);
    let edge = if rect.bottom() + ROOM < vh {
        Edge::Top(rect.bottom() + 4.0)
    } else {
        Edge::Bottom(vh - rect.top() + 4.0)
    };
    Place { left, edge }
}

fn icon(value: &Value) -> Html {
    let icon = match value {
        Value::Bool(true) => "✓ ",
        Value::Bool(false) => "✗ ",
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

fn provenance(props: &FactCellProps, fact: &'static Fact) -> Html {
    let label = Column::Fact(props.field).label();
    html! {
        <>
            <p class="pop-title"><strong>{ format!("{}: {label}", props.platform) }</strong></p>
            { fact_lines(props.sources, fact) }
            if let Some(alt) = &fact.alt {
                <p class="pop-alt">{ "Another source says: " }<strong>{ value_text(&alt.value) }</strong></p>
                { fact_lines(props.sources, alt) }
            }
            if props.cell.from_2019 {
                <p>{ "No newer value has been entered; this one is from 2019." }</p>
            }
            if let Some(was) = props.cell.was {
                <p class="pop-was">{ "In 2019: " }<strong>{ value_text(&was.value) }</strong></p>
            }
        </>
    }
}

fn fact_lines(sources: &BTreeMap<String, Source>, fact: &Fact) -> Html {
    html! {
        <>
            <p>{ "Confidence: " }{ fact.confidence.label() }</p>
            if let Value::Unknown(reason) = &fact.value {
                <p>{ "Why unknown: " }{ reason }</p>
            }
            if let Some(note) = &fact.note {
                <p>{ note }</p>
            }
            <ul class="pop-sources">
                { for fact.sources.iter().filter_map(|id| sources.get(id)).map(|s| html! {
                    <li>
                        <a href={s.url.clone()} rel="noopener" target="_blank">{ &s.title }</a>
                        { ", " }<time datetime={s.date.clone()}>{ &s.date }</time>
                    </li>
                }) }
            </ul>
        </>
    }
}
