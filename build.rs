//! Reads `assets/platforms.json` (or the file `FREEML_DATA` names; the bench builds a 1,000-row
//! page that way) with the app's own model, checks every rule, and writes it as Rust statics
//! (`$OUT_DIR/platforms.rs`, see data/src/codegen.rs). A broken file fails the build with
//! every problem listed. The model and its checks are the app's own, the `freeml-data` crate
//! (`data/`), here as a build-dependency.

use freeml_data::{codegen, prose, Dataset};
use std::{env, fs, path::Path, process};

fn main() {
    println!("cargo:rerun-if-env-changed=FREEML_DATA");
    println!("cargo:rerun-if-changed=data/src");
    let src = env::var("FREEML_DATA").unwrap_or_else(|_| "assets/platforms.json".into());
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(&src).unwrap_or_else(|e| {
        eprintln!("{src}: {e}");
        process::exit(1);
    });
    let mut data = Dataset::parse(&text).unwrap_or_else(|e| {
        eprintln!("{src} is broken ({} problems):\n{e}", e.problems.len());
        process::exit(1);
    });
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, contents: String| {
        let path = Path::new(&out_dir).join(name);
        fs::write(&path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    };
    // The page shows each allowance's figure, not the prices it was worked out from (compute.rs).
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        data.drop_prices();
    }
    // The prose leaves the statics for a file of its own, fetched when first shown (prose.rs).
    let words = prose::take(&mut data);
    let prose_json = serde_json::to_string(&words).expect("a list of strings is JSON");
    write("platforms.rs", codegen::dataset_source(&data, &prose_json));
    write("prose.json", prose_json);
    // The checked file without its indentation, for the files the prerender publishes (native only).
    let compact = serde_json::from_str::<serde_json::Value>(&text).map_or(text, |v| v.to_string());
    write("platforms.json", compact);
}
