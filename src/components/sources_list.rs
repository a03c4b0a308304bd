//! The sources the data cites, and the page's footer around them.

use super::{prose, use_data, Data};
use yew::prelude::*;

/// Every source the data cites, with its date.
#[component]
pub fn SourcesList() -> Html {
    let data = use_data();
    html! {
        <details class="sources">
            <summary>{ format!("Sources ({})", data.sources.len()) }</summary>
            <ol>
                // Drawn natively (prerender), where every source has its words.
                { for data.sources.values().filter_map(|s| {
                    let (url, title) = prose::link(s)?;
                    Some(html! {
                        <li>
                            <a href={url.to_owned()} rel="noopener">{ title.to_owned() }</a>
                            { ", " }<time datetime={s.date.to_string()}>{ &*s.date }</time>
                        </li>
                    })
                }) }
            </ol>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct PageFooterProps {
    pub data: Data,
}

/// The page's footer: the sources and how to read the values. The same in every state, so the
/// prerender writes it after the app's root, and the wasm neither draws nor hydrates it (a few
/// hundred elements less to take over at start-up).
#[component]
pub fn PageFooter(props: &PageFooterProps) -> Html {
    html! {
        <footer class="page footer">
            <ContextProvider<Data> context={props.data.clone()}><SourcesList /></ContextProvider<Data>>
            <p>
                { "Numbers are what each vendor publishes for its free tier, or what others reported where it publishes nothing; free tiers change often. Unknown values stay unknown and sort last; \"none\" (no GPU, say) sorts just before them; a retired platform comes last whatever the sort." }
            </p>
        </footer>
    }
}
