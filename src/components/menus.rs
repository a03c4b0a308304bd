//! Drop-down menus are native `<details class="menu">` (they work before the wasm arrives); this
//! closes them the way people expect of a drop-down.

use yew::prelude::*;

/// Closes an open menu (`details.menu`: filters, columns, share) on a click outside it, and on
/// Escape inside it, putting focus back on its summary, as people expect of a drop-down.
#[hook]
pub fn use_menu_dismissal() {
    use wasm_bindgen::{closure::Closure, JsCast};
    use_effect_with((), |_| {
        let document = gloo::utils::document();
        let open_menus = |document: &web_sys::Document| -> Vec<web_sys::Element> {
            let Ok(list) = document.query_selector_all("details.menu[open]") else {
                return Vec::new();
            };
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into().ok())
                .collect()
        };
        let doc = document.clone();
        let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let target: Option<web_sys::Node> = e.target().and_then(|t| t.dyn_into().ok());
            for menu in open_menus(&doc) {
                if !menu.contains(target.as_ref()) {
                    let _ = menu.remove_attribute("open");
                }
            }
        });
        let on_key =
            Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(|e: web_sys::KeyboardEvent| {
                if e.key() != "Escape" {
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
        let _ =
            document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        let _ =
            document.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        move || {
            let _ = document
                .remove_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
            let _ = document
                .remove_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        }
    });
}
