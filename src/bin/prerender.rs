//! Build-time prerender, run by Trunk after each build (`scripts/prerender.sh`) on the staged
//! `index.html`:
//! - the default view, rendered by the same components, goes into `#app` for the wasm to hydrate,
//!   so the table is on screen before any script runs;
//! - every value goes into `table.html`, a page without scripts; without JavaScript the index
//!   keeps its prerendered view, hides the inert controls and links to that page;
//! - Trunk's inline loader moves to its own file, so the page runs under
//!   `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.

use free_ml_platforms::components::sources_list::{PageFooter, PageFooterProps};
use free_ml_platforms::components::static_page::{StaticApp, StaticAppProps};
use free_ml_platforms::components::what_changed::{PageHistory, PageHistoryProps};
use free_ml_platforms::components::Data;
use free_ml_platforms::dataset::{self, fnv};
use free_ml_platforms::{publish, App, AppProps};
use std::path::Path;
use std::{env, fs};
use yew::LocalServerRenderer;

const ROOT: &str = r#"<div id="app"></div>"#;
const LOADER: &str = r#"<script type="module">"#;
/// Every value in one table, for readers without JavaScript, printers and search engines.
const STATIC_PAGE: &str = "table.html";

/// The first element of index.html that starts with `start`, to reuse in the static page.
fn tag<'a>(html: &'a str, start: &str) -> Result<&'a str, String> {
    let from = html
        .find(start)
        .ok_or(format!("no {start} in index.html"))?;
    let len = html[from..].find('>').ok_or("unclosed tag")? + 1;
    Ok(&html[from..from + len])
}

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
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    // Checked and compiled in by build.rs: a broken file has already stopped the build.
    let data = Data::from(dataset::embedded());
    let html = with_default_view(html, &data).await?;
    let html = with_static_page(dir, html, &data).await?;
    let html = with_published_files(dir, html, &data)?;
    let html = with_loader_in_a_file(dir, html)?;
    fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))
}

/// The default view in the app's root, for the wasm to hydrate, and What changed and the footer
/// after it.
async fn with_default_view(html: String, data: &Data) -> Result<String, String> {
    let app = LocalServerRenderer::<App>::with_props(AppProps {
        data: data.clone(),
        initial: Default::default(),
        restore: None,
        narrow: None,
    })
    .render()
    .await;
    if !html.contains(ROOT) {
        return Err(format!("no {ROOT} in index.html"));
    }
    // What changed and the footer are the same in every state: written after the root, not
    // hydrated (the wasm carries neither).
    let history =
        LocalServerRenderer::<PageHistory>::with_props(PageHistoryProps { data: data.clone() })
            .hydratable(false)
            .render()
            .await;
    let footer =
        LocalServerRenderer::<PageFooter>::with_props(PageFooterProps { data: data.clone() })
            .hydratable(false)
            .render()
            .await;
    Ok(html.replacen(
        ROOT,
        &format!(r#"<div id="app" data-prerendered="">{app}</div>{history}{footer}"#),
        1,
    ))
}

/// Without JavaScript the prerendered view stays: its controls are inert, so a noscript
/// stylesheet hides them and a note links to every value on a page of its own.
async fn with_static_page(dir: &Path, html: String, data: &Data) -> Result<String, String> {
    let still = LocalServerRenderer::<StaticApp>::with_props(StaticAppProps { data: data.clone() })
        .hydratable(false)
        .render()
        .await;
    let table = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <title>Every value: free ML platforms compared</title>\n\
         <meta name=\"color-scheme\" content=\"light dark\" />\n{}\n{}\n</head>\n<body>{still}</body>\n</html>\n",
        tag(&html, r#"<link rel="icon""#)?,
        tag(&html, r#"<link rel="stylesheet""#)?,
    );
    fs::write(dir.join(STATIC_PAGE), table).map_err(|e| e.to_string())?;
    fs::write(
        dir.join("noscript.css"),
        concat!(
            ".controls, .share-bar, .compare-box, .compare-label, .compare-toggle, .more, .link-button, .sort-icon, caption .hint, .js-only { display: none; }\n",
            // A value opens nothing without JavaScript: it should not look as if it did.
            ".value { cursor: default; border-bottom: 0; }\n",
        ),
    )
    .map_err(|e| e.to_string())?;
    Ok(html
        .replacen(
            "</head>",
            r#"<noscript><link rel="stylesheet" href="./noscript.css"></noscript></head>"#,
            1,
        )
        .replacen(
            r#"<div id="app""#,
            &format!(
                r#"<noscript><p class="noscript-note">Sorting, filtering and the source of each value need JavaScript. <a href="./{STATIC_PAGE}">Every value of every platform, with the sources</a> is on a page without it.</p></noscript><div id="app""#
            ),
            1,
        ))
}

/// The data as files, the feeds, the prose file, and a link to the feed that readers' feed
/// finders look for.
fn with_published_files(dir: &Path, html: String, data: &Data) -> Result<String, String> {
    let base_url = env::var("FREEML_BASE_URL").ok().filter(|u| !u.is_empty());
    if let Some(url) = &base_url {
        if !(url.starts_with("https://") && url.ends_with('/')) {
            return Err(format!(
                "FREEML_BASE_URL '{url}' must be an https address ending in '/'"
            ));
        }
    }
    for (name, contents) in publish::files(data, dataset::EMBEDDED_JSON, base_url.as_deref())? {
        fs::write(dir.join(&name), contents).map_err(|e| format!("{name}: {e}"))?;
    }
    // The words the page fetches when first asked (dataset::prose), under the name it asks for.
    let prose = dataset::PROSE_FILE;
    fs::write(dir.join(prose), dataset::EMBEDDED_PROSE).map_err(|e| format!("{prose}: {e}"))?;
    Ok(html.replacen(
        "</head>",
        r#"<link rel="alternate" type="application/atom+xml" title="What changed" href="./feed.xml"></head>"#,
        1,
    ))
}

/// Trunk writes its loader inline; a strict CSP allows only scripts from files. Named after its
/// contents, so a new build never meets an old cached loader.
fn with_loader_in_a_file(dir: &Path, mut html: String) -> Result<String, String> {
    if let Some(start) = html.find(LOADER) {
        let end = html[start..]
            .find("</script>")
            .map(|i| start + i)
            .ok_or("unclosed loader script")?;
        let code = html[start + LOADER.len()..end].trim().to_owned();
        let name = format!("boot-{:016x}.js", fnv::fnv1a(code.as_bytes()));
        fs::write(dir.join(&name), format!("{code}\n")).map_err(|e| e.to_string())?;
        html.replace_range(
            start..end + "</script>".len(),
            &format!(r#"<script type="module" src="./{name}"></script>"#),
        );
    }
    Ok(html)
}
