//! Embeds the platform data without its indentation (a third smaller in the wasm). Invalid JSON
//! is left as written, so the app's own parser can report it with the platform and field.
//! `FREEML_DATA` points at another file (the bench builds a 1,000-row page that way).

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-env-changed=FREEML_DATA");
    let src = env::var("FREEML_DATA").unwrap_or_else(|_| "assets/platforms.json".into());
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let compact = serde_json::from_str::<serde_json::Value>(&text).map_or(text, |v| v.to_string());
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("platforms.json"),
        compact,
    )
    .unwrap();
}
