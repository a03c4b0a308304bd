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
