//! `table.html`: every platform and every value in one table, for readers without JavaScript.

use super::platform_table::PlatformTable;
use super::sources_list::SourcesList;
use super::what_changed::WhatChanged;
use super::{use_data, Data, Rows, StaticRender};
use crate::core::{Preset, State};
use crate::dataset::Era;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StaticAppProps {
    pub data: Data,
}

/// Every platform and every value in one table, and the sources: `table.html`, a page without
/// scripts for readers without JavaScript, printers and search engines (see the prerender).
#[component]
pub fn StaticApp(props: &StaticAppProps) -> Html {
    html! {
        <ContextProvider<Data> context={props.data.clone()}>
            <ContextProvider<StaticRender> context={StaticRender}>
                <StaticPage />
            </ContextProvider<StaticRender>>
        </ContextProvider<Data>>
    }
}

#[component]
fn StaticPage() -> Html {
    let data = use_data();
    let state = State::default();
    let rows = Rows::of(data.set, Era::Today);
    let shown = Rc::new(state.visible(&rows));
    html! {
        <main class="page static-page">
            <h1>{ "Free ML platforms compared" }</h1>
            <p class="note">
                { format!("The free tiers of {} notebook and GPU platforms, every value as of ", data.platforms.len()) }
                <time datetime={data.dataset_date.to_string()}>{ &*data.dataset_date }</time>
                { ". The sources are listed below the table. " }
                <a href="./">{ "The interactive table" }</a>
                { " sorts, filters, compares side by side and shows each value's source; it needs JavaScript." }
            </p>
            <PlatformTable {rows} {shown} sort={state.sort.clone()}
                           columns={Preset::All.columns()} compare={Rc::new(Vec::new())}
                           onsort={Callback::noop()} oncompare={Callback::noop()} caption_id="static-caption" />
            <WhatChanged />
            <footer class="footer"><SourcesList /></footer>
        </main>
    }
}
