//! Embeds assets/platforms.json without its indentation (a third smaller in the wasm). Invalid
//! JSON is left as written, so the app's own parser can report it with the platform and field.

use std::{env, fs, path::Path};

fn main() {
    let src = "assets/platforms.json";
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).expect("assets/platforms.json is readable");
    let compact = serde_json::from_str::<serde_json::Value>(&text).map_or(text, |v| v.to_string());
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("platforms.json"),
        compact,
    )
    .unwrap();
}
