use super::use_data;
use yew::prelude::*;

/// Every source the data cites, with its date.
#[component]
pub fn SourcesList() -> Html {
    let data = use_data();
    html! {
        <details class="sources">
            <summary>{ format!("Sources ({})", data.sources.len()) }</summary>
            <ol>
                { for data.sources.values().map(|s| html! {
                    <li>
                        <a href={s.url.to_string()} rel="noopener">{ &*s.title }</a>
                        { ", " }<time datetime={s.date.to_string()}>{ &*s.date }</time>
                    </li>
                }) }
            </ol>
        </details>
    }
}
