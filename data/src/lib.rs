//! The platform data: the field table, the model (which is also the file's serde schema), and the
//! validation that checks every rule. A crate of its own so the app's `build.rs` can use it too
//! (a build-dependency): it reads, checks and writes `assets/platforms.json` as Rust statics
//! (`codegen`), which the app compiles in as `dataset::EMBEDDED`; a broken file fails the build
//! with every problem listed, and the page carries no JSON.

pub mod compute;
mod date;
mod fields;
pub mod fnv;
mod history;
mod model;
mod problem;
pub mod prose;
mod types;
mod validate;

/// The Rust source of the statics, for the app's `build.rs` (a native build script, never wasm).
#[cfg(not(target_arch = "wasm32"))]
pub mod codegen;

pub use compute::{METHOD, METHOD_VERSION};
#[cfg(not(target_arch = "wasm32"))]
pub use date::today;
pub use date::{days_before, is_iso_date, year_before};
pub use fields::*;
pub use model::*;
pub use problem::{DataError, Problem};
pub use types::*;
