//! What the tests read from the fixture rather than repeat as literals, and how they break it.
// Each test file includes this module and uses part of it.
#![allow(dead_code)]

use free_ml_platforms::components::fact_cell::fact_cell;
use free_ml_platforms::components::popover::Opened;
use free_ml_platforms::components::{Data, View};
use free_ml_platforms::core::State;
use free_ml_platforms::dataset::{Dataset, Era, Fact, Field};
use free_ml_platforms::{App, AppProps};
use serde_json::Value as Json;
use std::collections::BTreeSet;
use yew::prelude::*;

pub const FIXTURE: &str = include_str!("../fixtures/mini.json");

/// Every field id the fixture's platforms give a value for, alphabetically (serde_json's map sorts
/// its keys; the fixture holds every field, so a new field is one edit there, not one per test).
pub fn field_ids() -> Vec<String> {
    let json: Json = serde_json::from_str(FIXTURE).expect("the fixture is JSON");
    let mut seen = BTreeSet::new();
    let mut ids = Vec::new();
    for p in json["platforms"].as_array().expect("platforms") {
        for snapshot in p["snapshots"].as_object().expect("snapshots").values() {
            for id in snapshot["facts"].as_object().expect("facts").keys() {
                if seen.insert(id.clone()) {
                    ids.push(id.clone());
                }
            }
        }
    }
    ids
}

/// The problems of the fixture after `edit`, each as its line of the error (the dataset and
/// history tests break the fixture one rule at a time).
pub fn problems_after(edit: impl FnOnce(&mut Json)) -> Vec<String> {
    problems_of(FIXTURE, edit)
}

/// The problems of the data file `file` after `edit`, each as its line of the error.
pub fn problems_of(file: &str, edit: impl FnOnce(&mut Json)) -> Vec<String> {
    let mut json: Json = serde_json::from_str(file).unwrap();
    edit(&mut json);
    match Dataset::parse(&json.to_string()) {
        Ok(_) => panic!("the broken file was accepted"),
        Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
    }
}

/// A verified fact from one source, with `written` as its value keys (`"number": 4, "unit": "h"`).
pub fn verified(written: &str) -> Fact {
    let json = format!(r#"{{{written}, "source": "s", "confidence": "verified"}}"#);
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{written}: {e}"))
}

/// A component drawn natively, as the prerender draws what it does not hydrate (no markers).
pub async fn render<C: BaseComponent>(props: C::Properties) -> String {
    yew::LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The page for `data` in the state `initial`, drawn as the prerender draws it (both views, no
/// hydration markers).
pub async fn render_page(data: Dataset, initial: State) -> String {
    let props = AppProps {
        data: data.into(),
        initial,
        restore: None,
        narrow: None,
    };
    render::<App>(props).await
}

/// What changed as the prerender writes it into index.html, after the app's root.
pub async fn render_history(data: Dataset) -> String {
    use free_ml_platforms::components::what_changed::{PageHistory, PageHistoryProps};
    render::<PageHistory>(PageHistoryProps { data: data.into() }).await
}

#[derive(Properties, PartialEq)]
pub struct CellProps {
    pub data: Data,
    /// The platform's index in the data.
    pub index: usize,
    pub field: Field,
    pub open: Option<Opened>,
    /// Drawn as the best of a compared row.
    pub best: bool,
}

/// One value's table cell for today, as `fact_cell` draws it (a function, so it needs a
/// component around it to render).
#[component]
pub fn Cell(props: &CellProps) -> Html {
    let row = free_ml_platforms::core::row(&props.data, props.index, Era::Today).unwrap();
    fact_cell(
        &props.data,
        &row,
        props.field,
        View::Table,
        props.open,
        props.best,
        None,
    )
}

/// The cell of platform `index`'s `field`, rendered natively (no hydration markers).
pub async fn render_cell(
    data: &Data,
    index: usize,
    field: Field,
    open: Option<Opened>,
    best: bool,
) -> String {
    let props = CellProps {
        data: data.clone(),
        index,
        field,
        open,
        best,
    };
    render::<Cell>(props).await
}

/// `table.html`, the page without scripts, as the prerender writes it.
pub async fn render_static_page(data: Dataset) -> String {
    use free_ml_platforms::components::static_page::{StaticApp, StaticAppProps};
    render::<StaticApp>(StaticAppProps { data: data.into() }).await
}

/// The cell with its popover opened on purpose (its links in the Tab order), not the best.
pub async fn render_popover(data: &Data, index: usize, field: Field) -> String {
    render_cell(data, index, field, Some(Opened::OnPurpose), false).await
}
