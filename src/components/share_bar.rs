//! The Share menu: copy the view's link, embed it, download it, print it.

use super::browser::{self, here, save};
use super::{prose, use_data, Data, Rows};
use crate::core::export;
use crate::core::{ColumnSet, Row};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The rows of the era shown, and the positions of the ones shown, in order: what the
    /// downloads hold.
    pub rows: Rows,
    pub shown: Rc<Vec<usize>>,
    pub columns: ColumnSet,
}

/// Take the view away: copy its link, embed it in a page, download it, print it. Each action
/// says what it did in a polite status line.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let data = use_data();
    let said = use_state(String::new);
    let snippet = use_state(|| None::<String>);
    // Focus moves to the snippet when it opens (selected, ready to copy; its Copy button next).
    let code_ref = use_node_ref();
    {
        let code_ref = code_ref.clone();
        use_effect_with(snippet.is_some(), move |open| {
            if let (true, Some(code)) = (*open, code_ref.cast::<web_sys::HtmlTextAreaElement>()) {
                let _ = code.focus();
                code.select();
            }
        });
    }

    let copy = |text: String, done: &'static str, said: UseStateHandle<String>| {
        wasm_bindgen_futures::spawn_local(async move {
            said.set(if browser::copy(&text).await {
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
        let view = (props.rows.clone(), props.shown.clone(), props.columns);
        download(kind, data.clone(), said.clone(), view)
    };
    let onprint = Callback::from(|_: MouseEvent| browser::print());
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
                    // Inside the menu, under what was pressed: a message beside Share would move
                    // the open menu (and push it off a phone's screen).
                    <p class="said" role="status" aria-live="polite">{ (*said).clone() }</p>
                    if let Some(code) = (*snippet).clone() {
                        <div class="embed-code">
                            <label>
                                { "Paste this into your page; the frame sizes itself to the table:" }
                                <textarea ref={code_ref} readonly=true rows="6" value={code} />
                            </label>
                            <button type="button" onclick={oncopysnippet}>{ "Copy embed code" }</button>
                        </div>
                    }
                </div>
            </details>
        </div>
    }
}

/// A download button's action: the rows shown, in order, with the chosen columns, as CSV or
/// as JSON (with the prose file's words), saved under the dataset's date; `said` tells how it went.
fn download(
    kind: &'static str,
    data: Data,
    said: UseStateHandle<String>,
    (rows, shown, columns): (Rows, Rc<Vec<usize>>, ColumnSet),
) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let (data, said) = (data.clone(), said.clone());
        let (rows, shown) = (rows.clone(), shown.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let refs: Vec<&Row> = rows.at(&shown).collect();
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
                Ok(()) => format!("Downloaded {name} ({} platforms).", refs.len()),
                Err(_) => "The download was blocked by this browser.".to_owned(),
            });
        });
    })
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
