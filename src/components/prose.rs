//! The prose file on the page (`dataset::prose` says what is in it and why): fetched once, the
//! first time a popover or a platform's details shows one of its words, or a download needs
//! them. Natively (the prerender, the tests) every word is already here and nothing is fetched.

use super::{browser, Data};
use crate::dataset::{Prose, Source, Words, PROSE_FILE};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where `table.html` lists every source: the footer and a popover whose words could not be
/// fetched link here.
pub const SOURCES_PAGE: &str = "./table.html#sources";

/// What the components know of the prose file (part of the `Data` context).
#[derive(Clone, Debug, Default)]
pub struct ProseFile {
    /// The file's words: none until it has been fetched.
    pub words: Rc<Words>,
    /// Why the file could not be read, once that is known.
    pub failed: Option<Rc<str>>,
    /// Asks for the file: once, or again after it could not be read (a network that came back).
    pub need: Callback<()>,
}

impl PartialEq for ProseFile {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.words, &other.words) && self.failed == other.failed
    }
}

/// The prose file's state, kept by `App`.
#[hook]
pub fn use_prose_file() -> ProseFile {
    let words = use_state_eq(Rc::<Words>::default);
    let failed = use_state_eq(|| None::<Rc<str>>);
    let asked = use_mut_ref(|| false);
    let need = {
        let (words, failed) = (words.setter(), failed.setter());
        use_callback((), move |(), ()| {
            if std::mem::replace(&mut *asked.borrow_mut(), true) {
                return;
            }
            let (words, failed, asked) = (words.clone(), failed.clone(), asked.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match fetch_words().await {
                    Ok(w) => {
                        words.set(Rc::new(w));
                        failed.set(None);
                    }
                    Err(why) => {
                        // The next popover or details row asks again.
                        *asked.borrow_mut() = false;
                        failed.set(Some(why.into()));
                    }
                }
            });
        })
    };
    ProseFile {
        words: (*words).clone(),
        failed: (*failed).clone(),
        need,
    }
}

/// The prose file's words (one request for the whole page, however many ask; a new one once a
/// request has failed).
pub async fn fetch_words() -> Result<Words, String> {
    let answer = wasm_bindgen_futures::JsFuture::from(request()).await;
    let list: js_sys::Array = answer.ok().and_then(|v| v.dyn_into().ok()).ok_or_else(|| {
        REQUEST.with(|r| r.borrow_mut().take());
        format!("{PROSE_FILE} could not be read")
    })?;
    Ok(Words(
        list.iter()
            .map(|v| v.as_string().unwrap_or_default())
            .collect(),
    ))
}

thread_local! {
    /// The one request for the file: a promise of its parsed list, shared by every caller.
    static REQUEST: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

fn request() -> js_sys::Promise {
    REQUEST.with(|r| {
        r.borrow_mut()
            .get_or_insert_with(|| browser::fetch_json(PROSE_FILE))
            .clone()
    })
}

/// Words of the data that may still be in the prose file (a popover or details row asked for
/// it when it opened): the words, or that they are on their way, or that they will not come.
pub fn text(prose: &Prose, data: &Data) -> Html {
    words_or(prose.read(&data.prose.words), data, false)
}

/// As [`text`], and where the words will not come, why: for the first place of a popover or a
/// platform's details, so the reason is said once.
pub fn text_explained(prose: &Prose, data: &Data) -> Html {
    words_or(prose.read(&data.prose.words), data, true)
}

fn words_or(words: Option<&str>, data: &Data, explain: bool) -> Html {
    let pending = match (words, &data.prose.failed) {
        (Some(text), _) => return html! { { text.to_owned() } },
        (None, None) => "Loading…".to_owned(),
        (None, Some(why)) if explain => {
            return html! {
                <span class="prose-pending">
                    { format!("Could not be loaded ({why}); ") }
                    <a href={SOURCES_PAGE}>{ "every source" }</a>{ " is also listed on the page of every value." }
                </span>
            }
        }
        (None, Some(_)) => "Not loaded".to_owned(),
    };
    html! { <span class="prose-pending">{ pending }</span> }
}

/// A source's title, linked (in a new tab: it opens from a popover); `explain` as for
/// [`text_explained`].
/// `tabindex` -1 keeps it out of the Tab order (a popover opened at a glance).
pub fn source_link(s: &Source, data: &Data, explain: bool, tabindex: Option<&'static str>) -> Html {
    let words = &data.prose.words;
    match (s.url.read(words), s.title.read(words)) {
        (Some(url), Some(title)) => html! {
            <a href={url.to_owned()} rel="noopener" target="_blank" {tabindex}>{ title.to_owned() }</a>
        },
        _ => words_or(None, data, explain),
    }
}

/// A source's link and title, where both are compiled in (table.html's sources, What changed).
pub fn link(source: &Source) -> Option<(&str, &str)> {
    Some((source.url.text()?, source.title.text()?))
}
