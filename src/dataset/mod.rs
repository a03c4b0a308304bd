//! The platform data: the field table, the model (which is also the file's serde schema), and the
//! validation that checks every rule at build time. Plain Rust, so `cargo test` checks the
//! embedded file natively.

mod fields;
mod history;
mod model;
mod validate;

pub use fields::*;
pub use history::{days_before, Change, ChangeKind, Reading};
pub use model::*;
pub use validate::{is_iso_date, DataError, Problem};

/// The dataset in `assets/platforms.json`, embedded at build time (compacted by build.rs).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/platforms.json"));

/// The embedded dataset. Natively (the tests, and the prerender that every release build runs,
/// which fails the build on a broken file) it is parsed and checked against every rule; the
/// browser gets the same bytes, already checked, and only parses them: the checks and the
/// error paths would cost it start-up time and bytes for nothing.
pub fn embedded() -> Result<Dataset, DataError> {
    #[cfg(not(target_arch = "wasm32"))]
    return Dataset::parse(EMBEDDED_JSON);
    #[cfg(target_arch = "wasm32")]
    serde_json::from_str(EMBEDDED_JSON).map_err(|e| DataError {
        problems: vec![Problem {
            platform: None,
            field: None,
            message: e.to_string(),
        }],
    })
}
