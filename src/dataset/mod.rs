//! The platform data: its model, and the parser that checks every fact once at start-up.
//! Plain Rust (no browser APIs) so `cargo test` validates the embedded file natively.

mod model;
mod parse;

pub use model::*;
pub use parse::DataError;

use std::sync::OnceLock;

/// The dataset in `assets/platforms.json`, embedded at build time (compacted by build.rs).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/platforms.json"));

/// The embedded dataset, parsed and validated on first use.
pub fn embedded() -> Result<&'static Dataset, &'static DataError> {
    static PARSED: OnceLock<Result<Dataset, DataError>> = OnceLock::new();
    PARSED
        .get_or_init(|| Dataset::parse(EMBEDDED_JSON))
        .as_ref()
}
