use super::{prose, Data};
use super::{what_changed, View};
use crate::core::format::{comparable_text, fact_text};
use crate::core::{Cell, Row};
use crate::dataset::{Confidence, Fact, Field, Value};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Which value's popover is open in one view, and whether a click pinned it (a tap on a touch
/// screen fires no hover, so a click keeps it open through mouse-out).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Popover {
    pub open: Option<CellAt>,
    pub pinned: bool,
}

/// A value's place: the platform's index in the dataset and the field.
pub type CellAt = (usize, Field);

/// What happened to the values of a view; the events come from its container, by delegation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PopoverEvent {
    Hover(CellAt),
    /// The pointer left a value for another one or for none.
    Leave {
        to: Option<CellAt>,
    },
    Focus(CellAt),
    /// Focus left a value for another one or for none.
    Blur {
        to: Option<CellAt>,
    },
    Click(CellAt),
    Escape,
}

impl Popover {
    pub fn next(self, event: PopoverEvent) -> Popover {
        use PopoverEvent::*;
        let show = |at, pinned| Popover {
            open: Some(at),
            pinned,
        };
        match event {
            // A pinned popover stays until it is clicked shut, escaped or left by focus.
            Hover(_) | Leave { .. } if self.pinned => self,
            Hover(at) => show(at, false),
            Focus(at) if self.open == Some(at) => self,
            Focus(at) => show(at, false),
            // Moving within the value (onto its popover's link) keeps it open.
            Leave { to } | Blur { to } if to.is_some() && to == self.open => self,
            Leave { .. } | Blur { .. } | Escape => Popover::default(),
            Click(at) if self.pinned && self.open == Some(at) => Popover::default(),
            Click(at) => show(at, true),
        }
    }
}

impl Reducible for Popover {
    type Action = PopoverEvent;
    fn reduce(self: Rc<Self>, event: PopoverEvent) -> Rc<Self> {
        Rc::new(self.next(event))
    }
}

/// The listeners a view puts on its container: one set for all its values.
#[derive(Clone)]
pub struct PopoverListeners {
    pub onmouseover: Callback<MouseEvent>,
    pub onmouseout: Callback<MouseEvent>,
    pub onfocusin: Callback<FocusEvent>,
    pub onfocusout: Callback<FocusEvent>,
    pub onclick: Callback<MouseEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
}

/// The open popover of one view and the listeners for its container. The cells themselves are
/// plain markup without state, so a view of 1,000 rows holds one of these, not 7,000.
#[hook]
pub fn use_popover(view: View, data: &Data) -> (Popover, PopoverListeners) {
    let state = use_reducer_eq(Popover::default);
    let prose = data.prose.clone();
    // Placed after rendering, through the CSSOM (a strict CSP forbids style attributes); fixed to
    // the viewport, so the table's scroll box cannot clip it. Placed again when the prose file's
    // words arrive and make it taller.
    use_effect_with((state.open, prose), move |(open, prose)| {
        if open.is_some() {
            // Its notes and sources' titles are in the prose file.
            prose.need.emit(());
        }
        let pop = open.and_then(|at| gloo::utils::document().get_element_by_id(&pop_id(view, at)));
        // Beside the value's button, not its cell: a row can be much taller than its value.
        let following = pop.and_then(|pop| {
            Some(follow(
                pop.previous_element_sibling()?,
                pop.dyn_into().ok()?,
            ))
        });
        move || drop(following)
    });
    let listeners = use_memo((), |_| {
        let send = |make: fn(&Event) -> Option<PopoverEvent>| {
            let dispatcher = state.dispatcher();
            move |e: &Event| {
                if let Some(event) = make(e) {
                    dispatcher.dispatch(event)
                }
            }
        };
        let on_mouse = |make| {
            let f = send(make);
            Callback::from(move |e: MouseEvent| f(&e))
        };
        let on_focus = |make| {
            let f = send(make);
            Callback::from(move |e: FocusEvent| f(&e))
        };
        let escape = send(|_| Some(PopoverEvent::Escape));
        PopoverListeners {
            onmouseover: on_mouse(|e| cell_of(e.target()).map(PopoverEvent::Hover)),
            onmouseout: on_mouse(|e| {
                let to = e.dyn_ref::<MouseEvent>()?.related_target();
                Some(PopoverEvent::Leave { to: cell_of(to) })
            }),
            onfocusin: on_focus(|e| cell_of(e.target()).map(PopoverEvent::Focus)),
            onfocusout: on_focus(|e| {
                let to = e.dyn_ref::<FocusEvent>()?.related_target();
                Some(PopoverEvent::Blur { to: cell_of(to) })
            }),
            // Only the value's own button pins: a click on a source link just follows it.
            onclick: on_mouse(|e| {
                let button = element(e.target())?.closest("button.value").ok()??;
                cell_of(Some(button.into())).map(PopoverEvent::Click)
            }),
            onkeydown: Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    escape(&e)
                }
            }),
        }
    });
    (*state, (*listeners).clone())
}

fn element(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?.dyn_into().ok()
}

/// The value an event happened in, read from the cell's `data-p` and `data-f`.
fn cell_of(target: Option<web_sys::EventTarget>) -> Option<CellAt> {
    let cell = element(target)?.closest("[data-f]").ok()??;
    let platform = cell.get_attribute("data-p")?.parse().ok()?;
    let field = cell.get_attribute("data-f")?.parse().ok()?;
    Some((platform, field))
}

fn pop_id(view: View, (platform, field): CellAt) -> String {
    format!("pop-{}-{platform}-{}", view.prefix(), field.id())
}

/// A value's cell (a `td`; a `dd` in a card) with the value and its marks, its popover (source,
/// date, confidence) when open, and ★ when it is the best of a compared row. The cell names its
/// place (`data-p`, `data-f`) for the listeners of its view.
pub fn fact_cell(data: &Data, row: &Row, field: Field, view: View, open: bool, best: bool) -> Html {
    let cell = row.cell(field);
    let fact = cell.fact;
    let id = open.then(|| pop_id(view, (row.index, field)));
    let value_class = classes!(
        "value",
        matches!(fact.value, Value::Unknown(_)).then_some("unknown"),
        matches!(fact.value, Value::None(_)).then_some("none"),
        matches!(&fact.value, Value::List(l) if l.len() > 1).then_some("list")
    );
    let tag = if view == View::Cards { "dd" } else { "td" };
    html! {
        <@{tag} class={classes!(best.then_some("best"))} data-p={row.index.to_string()} data-f={field.id()}>
            <button type="button" class={value_class} aria-expanded={if open { "true" } else { "false" }}
                    aria-controls={id.clone()}>
                { icon(&fact.value) }
                { fact_text(fact) }
                if let Some(comparable) = comparable_text(fact) {
                    <span class="comparable">{ format!(" ({comparable})") }</span>
                }
                { marks(cell) }
            </button>
            if let Some(id) = id {
                <div class="pop" {id}>
                    { provenance(data, &row.platform.name, field, cell) }
                    { what_changed::value_history(data, row, field, cell) }
                </div>
            }
            if best { { best_mark() } }
        </@>
    }
}

/// The compare view's mark for the best value of a row, in words as well.
pub fn best_mark() -> Html {
    html! { <span class="best-mark">{ "★ best" }</span> }
}

/// Keeps an open popover beside its value until dropped: placed now, again on the next frame
/// (WebKit scrolls a newly focused value into view after the focus event, so its place in this
/// task can be stale) and on every scroll (of the page or the table's box) and resize.
fn follow(anchor: web_sys::Element, pop: web_sys::HtmlElement) -> impl Sized {
    use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
    let place = Rc::new(move || place_near(&anchor, &pop));
    place();
    let frame = {
        let place = place.clone();
        gloo::render::request_animation_frame(move |_| place())
    };
    let window = gloo::utils::window();
    let on = |event| {
        let place = place.clone();
        // Capture: a scroll inside an element does not bubble to the window.
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: true,
        };
        EventListener::new_with_options(&window, event, options, move |_| place())
    };
    (frame, on("scroll"), on("resize"))
}

/// Below the element if the popover fits there, otherwise above; where it fits neither (a popover
/// with sources and notes is 330-360 px tall), on the roomier side, scrolling within. Never past
/// the right edge.
fn place_near(anchor: &web_sys::Element, pop: &web_sys::HtmlElement) {
    const MARGIN: f64 = 8.0;
    const GAP: f64 = 4.0;
    let rect = anchor.get_bounding_client_rect();
    let window = gloo::utils::window();
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (vw, vh) = (size(window.inner_width()), size(window.inner_height()));
    let style = pop.style();
    // Measured at its full height, not at the cap of an earlier placement.
    let _ = style.remove_property("max-height");
    let (width, height) = (
        f64::from(pop.offset_width()),
        f64::from(pop.offset_height()),
    );
    let below = rect.bottom() + GAP;
    let room_below = vh - MARGIN - below;
    let room_above = rect.top() - GAP - MARGIN;
    let (top, cap) = if height <= room_below {
        (below, None)
    } else if height <= room_above {
        (rect.top() - GAP - height, None)
    } else if room_below >= room_above {
        (below, Some(room_below))
    } else {
        (MARGIN, Some(room_above))
    };
    let left = rect.left().min(vw - width - MARGIN).max(MARGIN);
    // Whole pixels, written as integers: formatting a float would bring float code into the wasm.
    let px = |x: f64| format!("{}px", x.round() as i32);
    let _ = style.set_property("left", &px(left));
    let _ = style.set_property("top", &px(top));
    if let Some(cap) = cap {
        let _ = style.set_property("max-height", &px(cap));
        let _ = style.set_property("overflow-y", "auto");
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
            { what_changed::recent_mark(cell) }
        </>
    }
}

fn provenance(data: &Data, platform: &str, field: Field, cell: &Cell) -> Html {
    let fact = cell.fact;
    html! {
        <>
            <p class="pop-title"><strong>{ format!("{platform}: {}", field.label()) }</strong></p>
            // The cell may be cut short on a narrow line; the whole value is here.
            <p class="pop-value">{ fact_text(fact) }{ comparable_text(fact).map(|c| format!(" ({c})")) }</p>
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

fn fact_lines(data: &Data, fact: &Fact) -> Html {
    html! {
        <>
            <p>{ "Confidence: " }{ fact.confidence.label() }</p>
            if let Value::Unknown(reason) = &fact.value {
                <p>{ "Why unknown: " }{ &**reason }</p>
            }
            if let Value::None(reason) = &fact.value {
                <p>{ "None: " }{ &**reason }</p>
            }
            // Where the prose file will not come, its first place says why.
            if let Some(note) = &fact.note {
                <p>{ prose::text_explained(note, data) }</p>
            }
            <ul class="pop-sources">
                { for fact.sources.iter().filter_map(|id| data.sources.get(id)).enumerate().map(|(i, s)| html! {
                    <li>
                        { prose::source_link(s, data, i == 0 && fact.note.is_none()) }
                        { ", " }<time datetime={s.date.to_string()}>{ &*s.date }</time>
                    </li>
                }) }
            </ul>
        </>
    }
}
