//! The page's components. They draw `core` state and forward events; no logic of their own.
//! The dataset reaches them by context (`Data`), so props stay small: indices, ids, fields.

pub mod app;
pub mod cards;
pub mod column_picker;
pub mod compare_view;
pub mod era_switch;
pub mod fact_cell;
pub mod filter_panel;
pub mod platform_table;
pub mod share_bar;
pub mod sort_control;
pub mod sources_list;
pub mod static_page;

use crate::dataset::Dataset;
use std::ops::Deref;
use std::rc::Rc;

/// The dataset every component reads: one allocation, shared by context, compared by pointer.
#[derive(Clone, Debug)]
pub struct Data(pub Rc<Dataset>);

impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Data {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        &self.0
    }
}

/// The shared dataset; every component below `App` is inside its provider.
#[yew::hook]
pub fn use_data() -> Data {
    yew::use_context::<Data>().expect("App provides the dataset")
}

/// Whether the window is phone-narrow (≤ 640 px, where cards replace the table): `None` until
/// the page has started, so the first render matches the prerendered page, which holds both and
/// lets the stylesheet choose; afterwards only the one in use is drawn.
#[yew::hook]
pub fn use_narrow() -> Option<bool> {
    use wasm_bindgen::{closure::Closure, JsCast};
    let narrow = yew::use_state(|| None::<bool>);
    {
        let narrow = narrow.setter();
        yew::use_effect_with((), move |_| {
            let window = web_sys::window();
            let query = window
                .as_ref()
                .and_then(|w| w.match_media("(max-width: 640px)").ok().flatten());
            let listener = query.map(|query| {
                // In a task of its own: dropping the view this width does not use is work the
                // hydration's long task need not carry.
                let (first, q) = (narrow.clone(), query.clone());
                let later = Closure::once_into_js(move || first.set(Some(q.matches())));
                if let Some(w) = &window {
                    let _ = w.set_timeout_with_callback(later.unchecked_ref());
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
