//! The platform data: the field table, the model (which is also the file's serde schema), and the
//! validation that checks every rule once at start-up. Plain Rust, so `cargo test` checks the
//! embedded file natively.

mod fields;
mod model;
mod validate;

pub use fields::*;
pub use model::*;
pub use validate::{is_iso_date, DataError, Problem};

/// The dataset in `assets/platforms.json`, embedded at build time (compacted by build.rs).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/platforms.json"));

/// The embedded dataset, parsed and checked.
pub fn embedded() -> Result<Dataset, DataError> {
    Dataset::parse(EMBEDDED_JSON)
}
