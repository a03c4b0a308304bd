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
use components::browser;

/// Mounts the app into `#app`. A prerendered page (see `src/bin/prerender.rs`) is hydrated in its
/// default state and then moved to the address bar's state; any other page is drawn afresh.
pub fn start() {
    let wanted = core::State::from_query(&browser::query());
    let document = browser::document();
    let root = document.as_ref().and_then(|d| d.get_element_by_id("app"));
    let Some(root) = root.or_else(|| document?.body().map(Into::into)) else {
        return; // no page to draw into
    };
    let data: components::Data = dataset::embedded().into();
    // Parsing and hydrating are two tasks, not one (phones take four times as long as a laptop).
    browser::next_task(move || mount(root, data, wanted));
}

fn mount(root: web_sys::Element, data: components::Data, wanted: core::State) {
    #[cfg(feature = "hydration")]
    if root.has_attribute("data-prerendered") {
        // On a plain link the prerendered controls are live from the first paint: boxes ticked
        // or steps chosen before the wasm arrived are kept, not undone by hydration.
        let wanted = if wanted == core::State::default() {
            core::State::from_query(&browser::choices_made_early(&root))
        } else {
            wanted
        };
        let props = AppProps {
            data,
            initial: core::State::default(),
            restore: (wanted != core::State::default()).then_some(wanted),
            narrow: browser::drop_unused_view(&root),
        };
        yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
        return;
    }
    root.set_inner_html("");
    let props = AppProps {
        data,
        initial: wanted,
        restore: None,
        narrow: browser::narrow_now(),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
