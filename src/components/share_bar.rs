use super::{prose, use_data};
use crate::core::export;
use crate::core::{row, ColumnSet, Row};
use crate::dataset::Era;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// Dataset indices of the rows shown, in order: what the downloads hold.
    pub platforms: Rc<Vec<usize>>,
    pub era: Era,
    pub columns: ColumnSet,
}

/// Take the view away: copy its link, embed it in a page, download it, print it. Each action
/// says what it did in a polite status line.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let data = use_data();
    let said = use_state(String::new);
    let snippet = use_state(|| None::<String>);

    let copy = |text: String, done: &'static str, said: UseStateHandle<String>| {
        // navigator.clipboard is missing outside secure contexts (a blog served over http).
        let promise = web_sys::window()
            .map(|w| w.navigator())
            .filter(|n| {
                js_sys::Reflect::get(n, &"clipboard".into()).is_ok_and(|c| !c.is_undefined())
            })
            .map(|n| n.clipboard().write_text(&text));
        wasm_bindgen_futures::spawn_local(async move {
            let ok = match promise {
                Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                None => false,
            };
            said.set(if ok {
                done.to_owned()
            } else {
                "Copying was blocked here: select the text and copy it yourself.".to_owned()
            });
        });
    };
    let oncopylink = {
        let said = said.clone();
        Callback::from(move |_: MouseEvent| copy(here(), "Link copied.", said.clone()))
    };
    let onembed = {
        let snippet = snippet.clone();
        Callback::from(move |_: MouseEvent| {
            snippet.set(match *snippet {
                Some(_) => None,
                None => Some(embed_snippet(&here())),
            })
        })
    };
    let oncopysnippet = {
        let (said, snippet) = (said.clone(), snippet.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = (*snippet).clone() {
                copy(text, "Embed code copied.", said.clone());
            }
        })
    };
    let download = |kind: &'static str| {
        let (data, said) = (data.clone(), said.clone());
        let (platforms, era, columns) = (props.platforms.clone(), props.era, props.columns);
        Callback::from(move |_: MouseEvent| {
            let (data, said, platforms) = (data.clone(), said.clone(), platforms.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let rows: Vec<Row> = platforms
                    .iter()
                    .filter_map(|&i| row(&data, i, era))
                    .collect();
                let refs: Vec<&Row> = rows.iter().collect();
                let (text, mime) = match kind {
                    "csv" => (export::csv(&refs, columns), "text/csv"),
                    // The JSON holds the notes and sources: the prose file's words too.
                    _ => match prose::fetch_words().await {
                        Ok(words) => (
                            json_text(&export::document(&data, &words, &refs, columns)),
                            "application/json",
                        ),
                        Err(why) => return said.set(format!("No JSON download: {why}.")),
                    },
                };
                let name = format!("free-ml-platforms-{}.{kind}", data.dataset_date);
                said.set(match save(&name, mime, &text) {
                    Ok(()) => format!("Downloaded {name} ({} platforms).", rows.len()),
                    Err(_) => "The download was blocked by this browser.".to_owned(),
                });
            });
        })
    };
    let onprint = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <div class="share-bar">
            <details class="menu share-menu">
                <summary>{ "Share" }</summary>
                <div class="menu-body">
                    <button type="button" onclick={oncopylink}>{ "Copy link" }</button>
                    <button type="button" aria-expanded={if snippet.is_some() { "true" } else { "false" }} onclick={onembed}>{ "Embed this view" }</button>
                    <button type="button" onclick={download("csv")}>{ "Download CSV" }</button>
                    <button type="button" onclick={download("json")}>{ "Download JSON" }</button>
                    <button type="button" onclick={onprint}>{ "Print" }</button>
                    if let Some(code) = (*snippet).clone() {
                        <div class="embed-code">
                            <label>
                                { "Paste this into your page; the frame sizes itself to the table:" }
                                <textarea readonly=true rows="6" value={code} />
                            </label>
                            <button type="button" onclick={oncopysnippet}>{ "Copy embed code" }</button>
                        </div>
                    }
                </div>
            </details>
            <span class="said" role="status" aria-live="polite">{ (*said).clone() }</span>
        </div>
    }
}

/// The address of this view.
fn here() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The iframe for this view in embed mode, and the few lines that size it to its content.
pub fn embed_snippet(address: &str) -> String {
    let (base, query) = address.split_once('?').unwrap_or((address, ""));
    let query = query.split('#').next().unwrap_or("");
    let extra = if query.is_empty() {
        String::new()
    } else {
        format!("&{query}")
    };
    let src = format!("{base}?embed=1{extra}").replace("&embed=1", "");
    format!(
        concat!(
            "<iframe id=\"free-ml\" src=\"{src}\" title=\"Free ML platforms compared\" width=\"100%\" height=\"900\" style=\"border:0\"></iframe>\n",
            "<script>\n",
            "addEventListener(\"message\", (e) => {{ if (e.data && e.data.freeMlHeight) ",
            "document.getElementById(\"free-ml\").height = e.data.freeMlHeight; }});\n",
            "</script>"
        ),
        src = src.replace('"', "%22")
    )
}

/// Hands `text` to the browser as a file download.
fn save(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Inside another page's iframe: every link opens a new tab, and the parent page hears the
/// page's height whenever it changes (the embed snippet sets the frame's height from it).
pub fn enter_embed_mode() {
    let document = gloo::utils::document();
    if document
        .query_selector("base[target]")
        .ok()
        .flatten()
        .is_none()
    {
        if let (Ok(base), Some(head)) = (document.create_element("base"), document.head()) {
            let _ = base.set_attribute("target", "_blank");
            let _ = head.append_child(&base);
        }
    }
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let report = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let height = gloo::utils::document()
            .document_element()
            .map_or(0, |e| e.scroll_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"freeMlHeight".into(), &height.into());
        // Any page may embed the comparison, so any origin may hear its height (nothing else).
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
        if let Some(root) = document.document_element() {
            observer.observe(&root);
        }
    }
    // Lives as long as the page.
    report.forget();
}

/// The export written by the browser's own `JSON.stringify` (two-space indent, as
/// `export::json` writes it natively): the wasm needs no JSON encoder of its own.
fn json_text(doc: &export::Json) -> String {
    use wasm_bindgen::JsValue;
    fn to_js(v: &export::Json) -> JsValue {
        use export::Json;
        match v {
            Json::Null => JsValue::NULL,
            Json::Bool(b) => JsValue::from_bool(*b),
            Json::Number(a) => JsValue::from_f64(a.to_f64()),
            Json::Text(t) => JsValue::from_str(t),
            Json::List(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
            Json::Object(pairs) => {
                let object = js_sys::Object::new();
                for (key, value) in pairs {
                    let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &to_js(value));
                }
                object.into()
            }
        }
    }
    js_sys::JSON::stringify_with_replacer_and_space(&to_js(doc), &JsValue::NULL, &JsValue::from(2))
        .map(String::from)
        .unwrap_or_default()
}
