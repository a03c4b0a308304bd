//! What the tests read from the fixture rather than repeat as literals, and how they break it.
// Each test file includes this module and uses part of it.
#![allow(dead_code)]

use free_ml_platforms::core::State;
use free_ml_platforms::dataset::Dataset;
use free_ml_platforms::{App, AppProps};
use serde_json::Value as Json;
use std::collections::BTreeSet;

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
    let mut json: Json = serde_json::from_str(FIXTURE).unwrap();
    edit(&mut json);
    match Dataset::parse(&json.to_string()) {
        Ok(_) => panic!("the broken file was accepted"),
        Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
    }
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
    yew::LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// What changed as the prerender writes it into index.html, after the app's root.
pub async fn render_history(data: Dataset) -> String {
    use free_ml_platforms::components::what_changed::{PageHistory, PageHistoryProps};
    yew::LocalServerRenderer::<PageHistory>::with_props(PageHistoryProps { data: data.into() })
        .hydratable(false)
        .render()
        .await
}

/// `table.html`, the page without scripts, as the prerender writes it.
pub async fn render_static_page(data: Dataset) -> String {
    use free_ml_platforms::components::static_page::{StaticApp, StaticAppProps};
    yew::LocalServerRenderer::<StaticApp>::with_props(StaticAppProps { data: data.into() })
        .hydratable(false)
        .render()
        .await
}
