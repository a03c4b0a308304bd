//! The platform data, compiled in: the model, field table and validation are the `freeml-data`
//! crate (`data/`), re-exported here; `build.rs` uses the same crate to read, check and write
//! `assets/platforms.json` as Rust statics ([`EMBEDDED`]): a broken file fails the build with
//! every problem listed, and the page carries no JSON.

pub use freeml_data::*;

mod compiled {
    use super::*;
    use std::borrow::Cow::Borrowed as B;
    // Written by build.rs (see data/src/codegen.rs): `pub static EMBEDDED: Dataset = …;`.
    include!(concat!(env!("OUT_DIR"), "/platforms.rs"));
}

/// The dataset in `assets/platforms.json` (or `FREEML_DATA`), checked and compiled in by build.rs.
pub use compiled::{EMBEDDED, PROSE_FILE};

/// The same checked file as JSON, compacted, for the files the prerender publishes. Native
/// builds only: the page has the statics and carries no JSON.
#[cfg(not(target_arch = "wasm32"))]
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/platforms.json"));

/// The prose file (`prose.rs`) the statics' `Later` places point into, as the build wrote it: a
/// JSON list of strings. Native builds only: the prerender publishes it as `PROSE_FILE`, and
/// native code reads the dataset with its prose in place.
#[cfg(not(target_arch = "wasm32"))]
pub const EMBEDDED_PROSE: &str = include_str!(concat!(env!("OUT_DIR"), "/prose.json"));

/// The embedded dataset, as a value to hand to the app (a shallow copy: its strings and lists
/// stay in the static). The page's has its prose still to fetch (`Prose::Later`); natively it is
/// filled in from the prose file compiled in beside it.
pub fn embedded() -> Dataset {
    #[allow(unused_mut)]
    let mut data = EMBEDDED.clone();
    #[cfg(not(target_arch = "wasm32"))]
    {
        let words = Words(serde_json::from_str(EMBEDDED_PROSE).unwrap_or_default());
        // The build wrote both from one dataset, so every place has its words.
        let _ = prose::fill(&mut data, &words);
    }
    data
}
