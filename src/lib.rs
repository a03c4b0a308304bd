//! Free ML platforms compared: the data (`dataset`), the headless table (`core`) and the Yew
//! components that draw it (`components`). `main.rs` only mounts [`App`].

#[cfg(not(target_arch = "wasm32"))]
pub mod checker;
pub mod components;
pub mod core;
pub mod dataset;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod report;

pub use components::app::{App, AppProps};

/// Mounts the app into `#app`. A prerendered page (see `src/bin/prerender.rs`) is hydrated in its
/// default state and then moved to the address bar's state; any other page is drawn afresh.
pub fn start() {
    let window = gloo::utils::window();
    let query = window.location().search().unwrap_or_default();
    let wanted = core::State::from_query(&query);
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    let data: components::Data = dataset::embedded().into();
    // Parsing and hydrating are two tasks, not one (phones take four times as long as a laptop).
    components::next_task(move || mount(root, data, wanted));
}

fn mount(root: web_sys::Element, data: components::Data, wanted: core::State) {
    #[cfg(feature = "hydration")]
    if root.has_attribute("data-prerendered") {
        // On a plain link the prerendered controls are live from the first paint: boxes ticked
        // or steps chosen before the wasm arrived are kept, not undone by hydration.
        let wanted = if wanted == core::State::default() {
            core::State::from_query(&choices_made_early(&root))
        } else {
            wanted
        };
        let props = AppProps {
            data,
            initial: core::State::default(),
            restore: (wanted != core::State::default()).then_some(wanted),
            narrow: drop_unused_view(&root),
        };
        yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
        return;
    }
    root.set_inner_html("");
    let props = AppProps {
        data,
        initial: wanted,
        restore: None,
        narrow: components::narrow_now(),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// The prerendered page holds both the table (with its legend) and the cards, the stylesheet
/// showing the one that suits the width. The app draws only that one, so the other is removed
/// before hydrating rather than hydrated and then dropped: half the rows to take over. Returns
/// whether the window is narrow, or `None` (nothing removed) if the page is not as expected.
#[cfg(feature = "hydration")]
fn drop_unused_view(root: &web_sys::Element) -> Option<bool> {
    let narrow = components::narrow_now()?;
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

/// The era, boxes, "at least" steps, columns and compare ticks set on the prerendered page, as a
/// query string.
#[cfg(feature = "hydration")]
fn choices_made_early(root: &web_sys::Element) -> String {
    use core::url::param::{COLUMNS, COMPARE, ERA, FILTERS, MINIMUMS};
    use wasm_bindgen::JsCast;
    let elements = |selector: &str| -> Vec<web_sys::Element> {
        let Ok(list) = root.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    };
    let values = |selector: &str| -> Vec<String> {
        elements(selector)
            .iter()
            .filter_map(|e| e.get_attribute("value"))
            .collect()
    };
    let steps: Vec<String> = elements(&format!("select[name^='{MINIMUMS}-']"))
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
        "{ERA}={}&{FILTERS}={}&{MINIMUMS}={}&{COLUMNS}={}&{COMPARE}={}",
        checked(ERA, ""),
        checked(FILTERS, ","),
        steps.join(","),
        checked(COLUMNS, ","),
        // The table and the cards each hold a box per platform; the reader drops repeats.
        checked(COMPARE, ",")
    )
}
