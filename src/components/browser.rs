//! Everything the components ask of the browser, in one place: the window and the document
//! (reached through `web_sys::window()`, which is `None` where there is none, never through a
//! call that panics), event listeners (gloo's `EventListener`, removed when dropped), the address
//! bar, downloads, placing a popover, the start-up reading of the prerendered page and fetching
//! a file. The views themselves only draw; none of this runs in a first render, so every
//! component also renders natively (the prerender, the tests).

use crate::core::State;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use yew::prelude::*;

pub fn window() -> Option<web_sys::Window> {
    if cfg!(not(target_arch = "wasm32")) {
        return None; // js-sys panics when asked for a window outside a browser
    }
    web_sys::window()
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The elements under `root` that match `selector` (none if the selector is refused).
pub fn elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// Runs `f` in a task of its own, after the current one (at once where timers are refused): long
/// work split this way lets the browser paint and answer input in between.
pub fn next_task(f: impl FnOnce() + 'static) {
    let f: js_sys::Function = Closure::once_into_js(f).unchecked_into();
    let queued = window().is_some_and(|w| w.set_timeout_with_callback(&f).is_ok());
    if !queued {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// Runs `f` once the next frame is painted. `history.replaceState` costs Chromium several
/// milliseconds (more than a whole re-sort of the table); run after the paint, it no longer
/// delays what the person sees. Writes keep their order, so the last state wins.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let on_frame = Closure::once_into_js(move || next_task(f));
    if let Some(window) = window() {
        let _ = window.request_animation_frame(on_frame.unchecked_ref());
    }
}

/// The media query of phone-narrow windows (the stylesheet's breakpoint), where cards replace
/// the table.
pub const NARROW: &str = "(max-width: 640px)";

fn narrow_query() -> Option<web_sys::MediaQueryList> {
    window()?.match_media(NARROW).ok()?
}

/// Whether the window is phone-narrow now; `None` where there is no window (the prerender).
pub fn narrow_now() -> Option<bool> {
    Some(narrow_query()?.matches())
}

/// Whether the window is phone-narrow, followed as it changes, from `initial`. The prerender has
/// `None`: it draws both views and lets the stylesheet choose. In the browser only the one in use
/// is drawn; `start` removes the other from the prerendered page before hydrating, or, if it
/// could not, hydrates both and the first effect drops one.
#[hook]
pub fn use_narrow(initial: Option<bool>) -> Option<bool> {
    let narrow = use_state_eq(|| initial);
    {
        let narrow = narrow.setter();
        use_effect_with((), move |_| {
            let listener = narrow_query().map(|query| {
                if initial.is_none() {
                    // A task of its own: not more work in the hydration's long task.
                    let (first, q) = (narrow.clone(), query.clone());
                    next_task(move || first.set(Some(q.matches())));
                }
                let q = query.clone();
                EventListener::new(&query, "change", move |_| narrow.set(Some(q.matches())))
            });
            move || drop(listener)
        });
    }
    *narrow
}

/// Lifts the cover assets/early.js put on a page opened with a chosen view.
pub fn reveal() {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.class_list().remove_1("pending");
    }
}

/// Puts the state in the address bar without adding a history entry, keeping other parameters.
pub fn write_address_bar(state: &State) {
    let Some(window) = window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    let next = state.merge_into_query(&search);
    if next != search {
        if let Ok(history) = window.history() {
            // Fails only where history is blocked (some sandboxed frames); the page works regardless.
            let _ = history.replace_state_with_url(
                &JsValue::NULL,
                "",
                Some(&format!("{path}{next}{hash}")),
            );
        }
    }
}

/// The address of this view.
pub fn here() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The address bar's query string (empty where there is no window).
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Copies `text` to the clipboard; false where the browser refuses (navigator.clipboard is
/// missing outside secure contexts, such as a blog served over http).
pub async fn copy(text: &str) -> bool {
    let promise = window()
        .map(|w| w.navigator())
        .filter(|n| js_sys::Reflect::get(n, &"clipboard".into()).is_ok_and(|c| !c.is_undefined()))
        .map(|n| n.clipboard().write_text(text));
    match promise {
        Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
        None => false,
    }
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Hands `text` to the browser as a file download. The object URL is revoked in a later task:
/// revoked in the click's own task, some engines have not started reading it yet.
pub fn save(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let document = document().ok_or(JsValue::NULL)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    next_task(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// Inside another page's iframe: every link opens a new tab, and the parent page hears the
/// page's height whenever it changes (the embed snippet sets the frame's height from it).
pub fn enter_embed_mode() {
    let Some(document) = document() else {
        return;
    };
    if document
        .query_selector("base[target]")
        .ok()
        .flatten()
        .is_none()
    {
        if let (Ok(base), Some(head)) = (document.create_element("base"), document.head()) {
            let _ = base.set_attribute("target", "_blank");
            let _ = head.append_child(&base);
        }
    }
    let (Some(root), Some(Ok(Some(parent)))) =
        (document.document_element(), window().map(|w| w.parent()))
    else {
        return;
    };
    // The footer's list of sources is the page's, not the embed's (each value keeps its own).
    let _ = root.class_list().add_1("embedded");
    let measured = root.clone();
    let report = Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        // The content's height: the root's box, not its scroll height, which is never less than
        // the frame's own height and so would never let a frame shrink to a short comparison.
        let height = measured.get_bounding_client_rect().height().ceil() as i32;
        let _ = js_sys::Reflect::set(&message, &"freeMlHeight".into(), &height.into());
        // Any page may embed the comparison, so any origin may hear its height (nothing else).
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // Lives as long as the page.
    report.forget();
}

/// Keeps an open popover beside its value until dropped: placed now, again on the next frame
/// (WebKit scrolls a newly focused value into view after the focus event, so its place in this
/// task can be stale) and on every scroll (of the page or the table's box) and resize.
pub fn follow(anchor: web_sys::Element, pop: web_sys::HtmlElement) -> Option<impl Sized> {
    let window = window()?;
    let place = Rc::new(move || place_near(&anchor, &pop));
    place();
    let frame = {
        let place = place.clone();
        gloo::render::request_animation_frame(move |_| place())
    };
    let on = |event| {
        let place = place.clone();
        // Capture: a scroll inside an element does not bubble to the window.
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: true,
        };
        EventListener::new_with_options(&window, event, options, move |_| place())
    };
    Some((frame, on("scroll"), on("resize")))
}

/// Below the element if the popover fits there, otherwise above; where it fits neither (a popover
/// with sources and notes is 330-360 px tall), on the roomier side, scrolling within. Never past
/// the right edge.
fn place_near(anchor: &web_sys::Element, pop: &web_sys::HtmlElement) {
    const MARGIN: f64 = 8.0;
    const GAP: f64 = 4.0;
    let Some(window) = window() else {
        return;
    };
    let rect = anchor.get_bounding_client_rect();
    let size = |v: Result<JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (vw, vh) = (size(window.inner_width()), size(window.inner_height()));
    let style = pop.style();
    // Its full height (content and borders), not the cap of an earlier placement; measured without
    // lifting the cap, which would reset a scroll the reader made within it (placement runs on
    // every scroll, its own included).
    let (width, height) = (
        f64::from(pop.offset_width()),
        f64::from(pop.scroll_height() + pop.offset_height() - pop.client_height()),
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
    match cap {
        Some(cap) => style.set_property("max-height", &px(cap)),
        None => style.remove_property("max-height").map(drop),
    }
    .ok();
}

/// The popover of `id` and the value's button before it, once drawn.
pub fn popover_and_anchor(id: &str) -> Option<(web_sys::Element, web_sys::HtmlElement)> {
    let pop = document()?.get_element_by_id(id)?;
    Some((pop.previous_element_sibling()?, pop.dyn_into().ok()?))
}

/// Whether the table fits the width of its box, measured whenever the box resizes or the columns
/// change: a table that fits scrolls with the page (its header sticking to the window's top); one
/// that does not gets a sideways scroll box of its own. The prerendered page assumes it fits.
#[hook]
pub fn use_fits<T: PartialEq + 'static>(columns: T) -> (NodeRef, bool) {
    let node = use_node_ref();
    let fits = use_state_eq(|| true);
    {
        let (node, fits) = (node.clone(), fits.setter());
        use_effect_with(columns, move |_| {
            let observed = node.cast::<web_sys::Element>().and_then(|scroll| {
                let observed = scroll.clone();
                let measure = Closure::<dyn FnMut()>::new(move || {
                    if let Some(table) = scroll.query_selector("table").ok().flatten() {
                        fits.set(table.scroll_width() <= scroll.client_width());
                    }
                });
                let observer =
                    web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()).ok()?;
                observer.observe(&observed);
                Some((observer, measure))
            });
            move || {
                if let Some((observer, _measure)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    (node, *fits)
}

/// Closes an open menu (`details.menu`: filters, columns, share) on a click outside it, and on
/// Escape inside it, putting focus back on its summary, as people expect of a drop-down. Menus
/// are native `<details class="menu">`, so they work before the wasm arrives.
#[hook]
pub fn use_menu_dismissal() {
    use_effect_with((), |_| {
        let listeners = document().map(|document| {
            let root = document.document_element();
            let on_click = EventListener::new(&document, "click", move |e| {
                let target: Option<web_sys::Node> = e.target().and_then(|t| t.dyn_into().ok());
                for menu in root.iter().flat_map(|r| elements(r, "details.menu[open]")) {
                    if !menu.contains(target.as_ref()) {
                        let _ = menu.remove_attribute("open");
                    }
                }
            });
            let on_key = EventListener::new(&document, "keydown", |e| {
                if e.dyn_ref::<web_sys::KeyboardEvent>()
                    .map(|k| k.key())
                    .as_deref()
                    != Some("Escape")
                {
                    return;
                }
                let menu = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest("details.menu[open]").ok().flatten());
                if let Some(menu) = menu {
                    let _ = menu.remove_attribute("open");
                    if let Some(summary) = menu
                        .query_selector("summary")
                        .ok()
                        .flatten()
                        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = summary.focus();
                    }
                }
            });
            (on_click, on_key)
        });
        move || drop(listeners)
    });
}

/// `fetch(path)`, then its body read as JSON; refused where the answer is not OK. A promise, so
/// that several callers can await one request.
pub fn fetch_json(path: &'static str) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let window = window().ok_or(JsValue::NULL)?;
        let answer = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(path)).await?;
        let answer: web_sys::Response = answer.dyn_into()?;
        if !answer.ok() {
            return Err(JsValue::NULL);
        }
        wasm_bindgen_futures::JsFuture::from(answer.json()?).await
    })
}

/// The prerendered page holds both the table (with its legend) and the cards, the stylesheet
/// showing the one that suits the width. The app draws only that one, so the other is removed
/// before hydrating rather than hydrated and then dropped: half the rows to take over. Returns
/// whether the window is narrow, or `None` (nothing removed) if the page is not as expected.
pub fn drop_unused_view(root: &web_sys::Element) -> Option<bool> {
    let narrow = narrow_now()?;
    let unused = root
        .query_selector(if narrow { ".results-table" } else { ".cards" })
        .ok()??;
    // Hydration finds components by the comments around them: the view goes with its pair.
    let opening = unused.previous_sibling()?;
    let name = opening.node_value()?;
    let name = name.strip_prefix("<[")?.strip_suffix("]>")?;
    let closing = format!("</[{name}]>");
    let parent = opening.parent_node()?;
    let mut node = Some(opening);
    while let Some(current) = node {
        node = current.next_sibling();
        let last = current.node_type() == web_sys::Node::COMMENT_NODE
            && current.node_value().as_deref() == Some(closing.as_str());
        let _ = parent.remove_child(&current);
        if last {
            return Some(narrow);
        }
    }
    None
}

/// The era, boxes, "at least" steps and compare ticks set on the prerendered page, as a query
/// string (the column boxes are in `take_early_log`'s log, in order with the presets).
pub fn choices_made_early(root: &web_sys::Element) -> String {
    use crate::core::url::param::{COMPARE, ERA, FILTERS, MINIMUMS};
    let values = |selector: &str| -> Vec<String> {
        elements(root, selector)
            .iter()
            .filter_map(|e| e.get_attribute("value"))
            .collect()
    };
    let steps: Vec<String> = elements(root, &format!("select[name^='{MINIMUMS}-']"))
        .into_iter()
        .filter_map(|e| {
            let select: web_sys::HtmlSelectElement = e.dyn_into().ok()?;
            let field = select
                .name()
                .strip_prefix(MINIMUMS)?
                .strip_prefix('-')?
                .to_owned();
            let value = select.value();
            (!value.is_empty()).then(|| format!("{field}:{value}"))
        })
        .collect();
    let checked = |name: &str, by: &str| values(&format!("input[name={name}]:checked")).join(by);
    format!(
        "{ERA}={}&{FILTERS}={}&{MINIMUMS}={}&{COMPARE}={}",
        checked(ERA, ""),
        checked(FILTERS, ","),
        steps.join(","),
        // The table and the cards each hold a box per platform; the reader drops repeats.
        checked(COMPARE, ",")
    )
}

/// Arrow keys, Home and End move focus among a list's links, which are one Tab stop (the first
/// link; the others are `tabindex=-1`): Tab from any of them goes on past the list.
pub fn step_through_links(e: &KeyboardEvent) {
    // Yew listens at the root, so the list is found from the link, not the event's current target.
    let target = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let Some(list) = target.and_then(|t| t.closest("ul").ok().flatten()) else {
        return;
    };
    let links = elements(&list, "a");
    let focused = document().and_then(|d| d.active_element());
    let Some(at) = links.iter().position(|l| Some(l) == focused.as_ref()) else {
        return;
    };
    let last = links.len() - 1;
    let to = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => (at + 1).min(last),
        "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        _ => return,
    };
    e.prevent_default();
    if let Ok(link) = links[to].clone().dyn_into::<web_sys::HtmlElement>() {
        let _ = link.focus();
    }
}

/// The log `assets/early.js` kept of the clicks the prerendered page cannot apply itself (sort
/// headers, column presets and boxes; see `State::replay`), taken once: from now on the app
/// handles them, and `data-live` tells early.js to stop.
pub fn take_early_log() -> String {
    let Some(html) = document().and_then(|d| d.document_element()) else {
        return String::new();
    };
    let _ = html.set_attribute("data-live", "");
    html.get_attribute("data-early").unwrap_or_default()
}
