use crate::dataset::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcesListProps {
    pub data: &'static Dataset,
}

/// Every source the data cites, with its date.
#[component]
pub fn SourcesList(props: &SourcesListProps) -> Html {
    let sources = &props.data.sources;
    html! {
        <details class="sources">
            <summary>{ format!("Sources ({})", sources.len()) }</summary>
            <ol>
                { for sources.iter().map(|(id, s)| html! {
                    <li id={format!("src-{id}")}>
                        <a href={s.url.clone()} rel="noopener">{ &s.title }</a>
                        { ", " }<time datetime={s.date.clone()}>{ &s.date }</time>
                    </li>
                }) }
            </ol>
        </details>
    }
}
