//! What the tests read from the fixture rather than repeat as literals.

use serde_json::Value as Json;
use std::collections::BTreeSet;

pub const FIXTURE: &str = include_str!("../fixtures/mini.json");

/// Every field id the fixture's platforms give a value for, in the order they first appear (the
/// fixture holds every field, so a new field is one edit there, not one per test).
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
