//! The page's components. They draw `core` state and forward events; no logic of their own.
//! The dataset reaches them by context (`Data`), so props stay small: indices, ids, fields.

pub mod app;
pub mod cards;
pub mod column_picker;
pub mod compare_view;
pub mod comparison_state;
pub mod era_switch;
pub mod fact_cell;
pub mod filter_panel;
pub mod menus;
pub mod platform_table;
pub mod prose;
pub mod quick_picks;
pub mod share_bar;
pub mod sort_control;
pub mod sources_list;
pub mod static_page;
pub mod what_changed;

use crate::dataset::Dataset;
use std::ops::Deref;
use std::rc::Rc;

/// The dataset every component reads (one allocation, shared by context, compared by pointer),
/// with the prose file's words once fetched.
#[derive(Clone, Debug)]
pub struct Data {
    pub set: Rc<Dataset>,
    pub prose: prose::ProseFile,
}

impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.set, &other.set) && self.prose == other.prose
    }
}

impl From<Dataset> for Data {
    fn from(data: Dataset) -> Self {
        Data {
            set: Rc::new(data),
            prose: Default::default(),
        }
    }
}

impl Deref for Data {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        &self.set
    }
}

/// The shared dataset; every component below `App` is inside its provider.
#[yew::hook]
pub fn use_data() -> Data {
    yew::use_context::<Data>().expect("App provides the dataset")
}

/// Runs `f` in a task of its own, after the current one (at once where timers are refused): long
/// work split this way lets the browser paint and answer input in between.
pub fn next_task(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let f: js_sys::Function = wasm_bindgen::closure::Closure::once_into_js(f).unchecked_into();
    let queued = web_sys::window().is_some_and(|w| w.set_timeout_with_callback(&f).is_ok());
    if !queued {
        let _ = f.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// The media query of phone-narrow windows (the stylesheet's breakpoint), where cards replace
/// the table.
pub const NARROW: &str = "(max-width: 640px)";

/// Whether the window is phone-narrow now; `None` where there is no window (the prerender).
pub fn narrow_now() -> Option<bool> {
    if cfg!(not(target_arch = "wasm32")) {
        return None; // js-sys panics when asked for a window outside a browser
    }
    Some(web_sys::window()?.match_media(NARROW).ok()??.matches())
}

/// Whether the window is phone-narrow, followed as it changes, from `initial`. The prerender has
/// `None`: it draws both views and lets the stylesheet choose. In the browser only the one in use
/// is drawn; `start` removes the other from the prerendered page before hydrating, or, if it
/// could not, hydrates both and the first effect drops one.
#[yew::hook]
pub fn use_narrow(initial: Option<bool>) -> Option<bool> {
    use wasm_bindgen::{closure::Closure, JsCast};
    let narrow = yew::use_state_eq(|| initial);
    {
        let narrow = narrow.setter();
        yew::use_effect_with((), move |_| {
            let query = web_sys::window().and_then(|w| w.match_media(NARROW).ok().flatten());
            let listener = query.map(|query| {
                if initial.is_none() {
                    // A task of its own: not more work in the hydration's long task.
                    let (first, q) = (narrow.clone(), query.clone());
                    next_task(move || first.set(Some(q.matches())));
                }
                let q = query.clone();
                let on_change = Closure::<dyn FnMut()>::new(move || narrow.set(Some(q.matches())));
                let _ = query
                    .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
                (query, on_change)
            });
            move || {
                if let Some((query, on_change)) = listener {
                    let _ = query.remove_event_listener_with_callback(
                        "change",
                        on_change.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    *narrow
}

/// Which view a value is drawn in: keeps the ids of its popovers unique on the page.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Table,
    Cards,
    Compare,
}

impl View {
    pub fn prefix(self) -> &'static str {
        match self {
            View::Table => "t",
            View::Cards => "k",
            View::Compare => "c",
        }
    }
}
