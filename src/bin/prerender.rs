//! Build-time prerender, run by Trunk after each build (`scripts/prerender.sh`) on the staged
//! `index.html`:
//! - the default view, rendered by the same components, goes into `#app` for the wasm to hydrate,
//!   so the table is on screen before any script runs;
//! - every value goes into a `<noscript>` table for readers without JavaScript (a `<noscript>`
//!   stylesheet hides the then-inert `#app`);
//! - Trunk's inline loader moves to its own file, so the page runs under
//!   `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.

use free_ml_platforms::components::app::Loaded;
use free_ml_platforms::components::static_page::{StaticApp, StaticAppProps};
use free_ml_platforms::{dataset, App, AppProps};
use std::path::Path;
use std::{env, fs};
use yew::LocalServerRenderer;

const ROOT: &str = r#"<div id="app"></div>"#;
const LOADER: &str = r#"<script type="module">"#;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let Some(dir) = env::args().nth(1) else {
        eprintln!("usage: prerender DIR (the folder with Trunk's index.html)");
        std::process::exit(2);
    };
    if let Err(e) = run(Path::new(&dir)).await {
        eprintln!("prerender: {e}");
        std::process::exit(1);
    }
}

async fn run(dir: &Path) -> Result<(), String> {
    let index = dir.join("index.html");
    let mut html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let data: Loaded = dataset::embedded().into();

    let app = LocalServerRenderer::<App>::with_props(AppProps {
        data: data.clone(),
        initial: Default::default(),
        restore: None,
    })
    .render()
    .await;
    if !html.contains(ROOT) {
        return Err(format!("no {ROOT} in index.html"));
    }
    html = html.replacen(
        ROOT,
        &format!(r#"<div id="app" data-prerendered="">{app}</div>"#),
        1,
    );

    if let Loaded::Ready(data) = data {
        let still = LocalServerRenderer::<StaticApp>::with_props(StaticAppProps { data })
            .hydratable(false)
            .render()
            .await;
        html = html.replacen(
            "</body>",
            &format!("<noscript>{still}</noscript>\n</body>"),
            1,
        );
        fs::write(dir.join("noscript.css"), "#app { display: none; }\n")
            .map_err(|e| e.to_string())?;
        html = html.replacen(
            "</head>",
            r#"<noscript><link rel="stylesheet" href="./noscript.css"></noscript></head>"#,
            1,
        );
    }

    // Trunk writes its loader inline; a strict CSP allows only scripts from files.
    if let Some(start) = html.find(LOADER) {
        let end = html[start..]
            .find("</script>")
            .map(|i| start + i)
            .ok_or("unclosed loader script")?;
        let code = html[start + LOADER.len()..end].trim().to_owned();
        let name = format!("boot-{:016x}.js", fnv1a(&code));
        fs::write(dir.join(&name), format!("{code}\n")).map_err(|e| e.to_string())?;
        html.replace_range(
            start..end + "</script>".len(),
            &format!(r#"<script type="module" src="./{name}"></script>"#),
        );
    }
    fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))
}

/// A content hash for the loader's file name, so a new build never meets an old cached loader.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
