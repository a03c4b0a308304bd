//! The sources the data cites (on `table.html`), and the page's footer, which points there.

use super::{prose, use_data, Data};
use yew::prelude::*;

/// Every source the data cites, with its date: on `table.html` only, drawn natively (the
/// prerender), where every source has its words.
#[component]
pub fn SourcesList() -> Html {
    let data = use_data();
    html! {
        <section id="sources" class="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{ format!("Sources ({})", data.sources.len()) }</h2>
            <ol>
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
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct PageFooterProps {
    pub data: Data,
}

/// The page's footer: where the sources are and how to read the values. The same in every state,
/// so the prerender writes it after the app's root and the wasm neither draws nor hydrates it.
/// The list of every source stays on `table.html`: in the default page it weighed 8 KB gzip of a
/// 200 KB budget, and each value's popover already names its own.
#[component]
pub fn PageFooter(props: &PageFooterProps) -> Html {
    html! {
        <footer class="page footer">
            <p class="sources-note">
                { format!("The data cites {} sources; each value's popover names its own, with its date. ", props.data.sources.len()) }
                <a href={prose::SOURCES_PAGE}>{ "Every source" }</a>{ " is listed on the page of every value, and the whole data is in " }
                <a href="./platforms.json">{ "platforms.json" }</a>{ "." }
            </p>
            <p>
                { "Numbers are what each vendor publishes for its free tier, or what others reported where it publishes nothing; free tiers change often. Unknown values stay unknown and sort last; \"none\" (no GPU, say) sorts just before them; a retired platform comes last whatever the sort." }
            </p>
        </footer>
    }
}
