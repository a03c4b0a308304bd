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
