//! The page's components. They draw `core` state and forward events; no logic of their own.
//! What they ask of the browser is in `browser`; the pieces several views draw in `fragments`.
//! The dataset reaches them by context (`Data`), so props stay small: indices, ids, fields.

pub mod app;
pub mod browser;
pub mod cards;
pub mod column_picker;
pub mod compare_view;
pub mod comparison_state;
pub mod era_switch;
pub mod fact_cell;
pub mod filter_panel;
pub mod fragments;
pub mod platform_table;
pub mod popover;
pub mod prose;
pub mod quick_picks;
pub mod share_bar;
pub mod sort_control;
pub mod sources_list;
pub mod static_page;
pub mod what_changed;

use crate::core::Row;
use crate::dataset::{Dataset, Era};
use std::ops::Deref;
use std::rc::Rc;

/// The dataset every component reads (shared by context, compared by pointer), with the prose
/// file's words once fetched.
#[derive(Clone, Debug)]
pub struct Data {
    /// Lives as long as the program, so rows can borrow it from anywhere: a page has one
    /// dataset, the prerender and each test a few.
    pub set: &'static Dataset,
    pub prose: prose::ProseFile,
}

impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.set, other.set) && self.prose == other.prose
    }
}

impl From<Dataset> for Data {
    fn from(data: Dataset) -> Self {
        Data {
            set: Box::leak(Box::new(data)),
            prose: Default::default(),
        }
    }
}

/// The rows of the era shown, built once per dataset and era and shared by every view (the
/// table, the cards, the compare view, the picks, the downloads, the counts); compared by
/// pointer, so a prop of rows costs nothing to compare.
#[derive(Clone, Debug)]
pub struct Rows {
    pub era: Era,
    rows: Rc<Vec<Row<'static>>>,
}

impl PartialEq for Rows {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rows, &other.rows)
    }
}

impl Deref for Rows {
    type Target = [Row<'static>];
    fn deref(&self) -> &[Row<'static>] {
        &self.rows
    }
}

impl Rows {
    pub fn of(data: &'static Dataset, era: Era) -> Rows {
        let rows = Rc::new(crate::core::rows(data, era));
        Rows { era, rows }
    }

    /// The rows of the platforms `ids` names, in that order (the compare view's).
    pub fn chosen<'a>(&'a self, ids: &'a [String]) -> impl Iterator<Item = &'a Row<'static>> {
        ids.iter()
            .filter_map(|id| self.iter().find(|r| r.platform.id == *id))
    }

    /// The rows at `positions`, in that order.
    pub fn at<'a>(&'a self, positions: &'a [usize]) -> impl Iterator<Item = &'a Row<'static>> {
        positions.iter().filter_map(|&i| self.get(i))
    }
}

/// The rows of `era`, made again only when the dataset or the era changes.
#[yew::hook]
pub fn use_rows(data: &'static Dataset, era: Era) -> Rows {
    let rows = yew::use_memo((std::ptr::from_ref(data), era), move |&(_, era)| {
        Rows::of(data, era)
    });
    (*rows).clone()
}

impl Deref for Data {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        self.set
    }
}

/// The shared dataset; every component below `App` is inside its provider.
#[yew::hook]
pub fn use_data() -> Data {
    yew::use_context::<Data>().expect("App provides the dataset")
}

/// Marks a page drawn once, without scripts (`table.html`): what opens on demand elsewhere is
/// drawn from the start, and nothing waits for a click.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct StaticRender;

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
