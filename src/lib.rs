//! Free ML platforms compared: the data (`dataset`), the headless table (`core`) and the Yew
//! components that draw it (`components`). `main.rs` only mounts [`App`].

pub mod components;
pub mod core;
pub mod dataset;
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
    let data: components::app::Loaded = dataset::embedded().into();
    // Parsing and hydrating are two tasks, not one: the browser may paint or answer input
    // between them (a long task blocks both; phones take four times as long as a laptop).
    use wasm_bindgen::JsCast;
    let later: js_sys::Function =
        wasm_bindgen::closure::Closure::once_into_js(move || mount(root, data, wanted))
            .unchecked_into();
    if window.set_timeout_with_callback(&later).is_err() {
        // Only where timers are refused: mount at once.
        let _ = later.call0(&wasm_bindgen::JsValue::NULL);
    }
}

fn mount(root: web_sys::Element, data: components::app::Loaded, wanted: core::State) {
    #[cfg(feature = "hydration")]
    if root.has_attribute("data-prerendered") {
        let props = AppProps {
            data,
            initial: core::State::default(),
            restore: (wanted != core::State::default()).then_some(wanted),
        };
        yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
        return;
    }
    root.set_inner_html("");
    let props = AppProps {
        data,
        initial: wanted,
        restore: None,
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
