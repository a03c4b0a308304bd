//! Free ML platforms compared: the data (`dataset`), the headless table (`core`) and the Yew
//! components that draw it (`components`). `main.rs` only mounts [`App`].

pub mod components;
pub mod core;
pub mod dataset;
pub mod report;

pub use components::app::{App, AppProps};

/// Mounts the app into `#app`, starting from the state in the address bar.
pub fn start() {
    let window = gloo::utils::window();
    let query = window.location().search().unwrap_or_default();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    root.set_inner_html("");
    let props = AppProps {
        data: dataset::embedded().into(),
        initial: core::State::from_query(&query),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
