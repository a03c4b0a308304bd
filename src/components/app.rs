//! The page: the dataset by context, the controls, the live summary, the compare view, the table
//! and the cards.

use super::browser::{use_menu_dismissal, use_narrow};
use super::cards::PlatformCards;
use super::column_picker::ColumnPicker;
use super::compare_view::CompareView;
use super::comparison_state::{use_comparison, Comparing, Handlers};
use super::era_switch::EraSwitch;
use super::filter_panel::{Counts, FilterChips, FilterPanel};
use super::left_out::LeftOutList;
use super::platform_table::PlatformTable;
use super::prose::{self, use_prose_file};
use super::quick_picks::QuickPicks;
use super::share_bar::ShareBar;
use super::sort_control::SortControl;
use super::{use_data, Data};
use crate::core::{compare_sentence, State};
use crate::dataset::Era;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The dataset: the embedded one on the page (checked by the build, which refuses a broken
    /// file and lists its problems), a fixture in tests.
    pub data: Data,
    /// Where the page starts: the state read from the address bar, or the default.
    #[prop_or_default]
    pub initial: State,
    /// A state to move to right after the first render: a prerendered page is hydrated in its
    /// default state, then shows the address bar's state in one step.
    #[prop_or_default]
    pub restore: Option<State>,
    /// Whether the window is phone-narrow at the start; `None` draws both views (the prerender).
    #[prop_or_default]
    pub narrow: Option<bool>,
}

/// The page: the comparison of the dataset, which every component below reads by context, with
/// its prose once fetched.
#[component]
pub fn App(props: &AppProps) -> Html {
    let data = Data {
        set: props.data.set,
        prose: use_prose_file(),
    };
    html! {
        <ContextProvider<Data> context={data}>
            <Comparison initial={props.initial.clone()} restore={props.restore.clone()} narrow={props.narrow} />
        </ContextProvider<Data>>
    }
}

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub initial: State,
    #[prop_or_default]
    pub restore: Option<State>,
    #[prop_or_default]
    pub narrow: Option<bool>,
}

/// The page for the dataset in context: controls, live summary, compare view, table and cards.
#[component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let data = use_data();
    let narrow = use_narrow(props.narrow);
    let Comparing {
        state,
        rows,
        shown,
        counts,
        on,
    } = use_comparison(props.initial.clone(), props.restore.clone());
    let state = &state;
    let compare: Rc<Vec<String>> = Rc::new(state.compare.clone());
    use_menu_dismissal();
    let narrow_now = narrow == Some(true);
    let controls = controls(state, &on, counts, narrow);
    // An embed of a comparison is the comparison: no controls, picks or table.
    let comparing = rows.chosen(&compare).count() >= 2;
    let compare_only = state.embed && comparing;
    let full_page = format!(
        "./?{}",
        State {
            embed: false,
            ..state.clone()
        }
        .to_query()
    );

    html! {
        <main class={classes!("page", state.embed.then_some("embed"))}>
            <header class={classes!("intro", state.embed.then_some("compact"))}>
                <h1>{ "Free ML platforms compared" }</h1>
                <p class="meta">
                    { "Data reviewed " }<time datetime={data.dataset_date.to_string()}>{ &*data.dataset_date }</time>
                    if state.embed {
                        { ". " }<a href={full_page} target="_blank" rel="noopener">{ if compare_only { "Open the full table" } else { "Open the full page" } }</a>
                    }
                </p>
                <ShareBar rows={rows.clone()} shown={shown.clone()} columns={state.columns} />
                if !state.embed {
                    <p class="lede">
                        // One text node: hydration rewrites adjacent ones, which would paint this
                        // paragraph (the largest) again once the wasm runs.
                        { format!("Where to train a model without buying a GPU: the free tiers of {} notebook platforms, every value sourced and dated. 2019 shows the article this began as.", data.platforms.len()) }
                    </p>
                }
            </header>
            if !compare_only {
                { controls }
                <QuickPicks rows={rows.clone()} shown={shown.clone()} narrow={narrow_now} />
            }
            <p id="results" class="summary" role="status" aria-live="polite" tabindex="-1">
                { state.summary(shown.len(), rows.len()) }
                if !compare_only { { left_out_words(rows.len() - shown.len()) } }
                // An embed of the comparison has no table, nor boxes to follow.
                if !compare.is_empty() && !compare_only { { " " }{ compare_sentence(&rows.chosen(&compare).map(|r| &*r.platform.name).collect::<Vec<_>>()) } }
            </p>
            <CompareView ids={compare.clone()} rows={rows.clone()} ontoggle={on.compare.clone()} onclear={on.clear_compare.clone()} />
            if state.era == Era::Y2019 { { article_2019(&data) } }
            if compare_only {
            } else if shown.is_empty() {
                <div class="empty">
                    <p>{ state.no_match() }</p>
                    <button type="button" onclick={on.clear.reform(|_| ())}>{ "Clear filters" }</button>
                </div>
            } else {
                if narrow != Some(true) {
                    <PlatformTable rows={rows.clone()} shown={shown.clone()} sort={state.sort.clone()} columns={state.columns}
                                   compare={compare.clone()} onsort={on.sort.clone()} oncompare={on.compare.clone()} onera={on.era.clone()} />
                }
                if narrow != Some(false) {
                    <PlatformCards rows={rows.clone()} {shown} columns={state.columns} {compare} oncompare={on.compare.clone()} onera={on.era.clone()} />
                }
            }
            if !compare_only { <LeftOutList rows={rows.clone()} state={state.clone()} onshow={on.restore.clone()} /> }
        </main>
    }
}

/// The live region's word on the platforms the filters hide (listed under the table).
fn left_out_words(hidden: usize) -> String {
    match hidden {
        0 => String::new(),
        1 => " 1 left out, listed below with why.".to_owned(),
        n => format!(" {n} left out, listed below with why."),
    }
}

/// The sheet of controls: era, sort, columns, the filters and their chips. Open on a laptop,
/// folded behind one summary of what is chosen on a phone and in an embed.
fn controls(state: &State, on: &Handlers, counts: Rc<Counts>, narrow: Option<bool>) -> Html {
    html! {
        <section class="controls" aria-label="Choose what to show">
            // Open on a laptop (the stylesheet also shows it before the wasm runs); folded on a
            // phone and in an embed, behind one summary of what is chosen.
            <details class="sheet" open={narrow == Some(false) && !state.embed}>
                <summary>
                    <span class="sheet-title">{ if state.embed { "Filters, sort and columns" } else { "Filters & sort" } }</span>
                    <span class="sr-only">{ ": " }</span><span class="sheet-state">{ state.chosen() }</span>
                </summary>
                <div class="toolbar">
                    <EraSwitch era={state.era} onchange={on.era.clone()} />
                    <SortControl sort={state.sort.clone()} onchange={on.sort_key.clone()} oncolumn={on.sort_column.clone()} />
                    // Before the filters, which a phone lists in full: near the top of the sheet.
                    <ColumnPicker columns={state.columns} onpreset={on.columns.clone()} ontoggle={on.column.clone()} />
                    <details class="menu filters-menu" open={narrow == Some(true)}>
                        <summary>{ state.filters_label() }</summary>
                        <div class="menu-body">
                            <FilterPanel filters={state.filters} minimums={state.minimums.clone()} {counts}
                                         ontoggle={on.toggle.clone()} onminimum={on.minimum.clone()} onclear={on.clear.clone()} />
                        </div>
                    </details>
                    <FilterChips filters={state.filters} minimums={state.minimums.clone()} ontoggle={on.toggle.clone()} onminimum={on.minimum.clone()} />
                </div>
            </details>
        </section>
    }
}

/// The 2019 view names and links the article it reproduces (its source stays compiled in).
fn article_2019(data: &Data) -> Html {
    let Some(source) = data.sources.get(crate::dataset::prose::ARTICLE_2019) else {
        return Html::default();
    };
    let Some((url, title)) = prose::link(source) else {
        return Html::default();
    };
    html! {
        <p class="era-note">
            { "January 2019's values, as in the article this page began as: " }
            <a href={url.to_owned()} rel="noopener">{ title.to_owned() }</a>{ ", " }
            <time datetime={source.date.to_string()}>{ &*source.date }</time>
            { ". What changed, at the end of the page, lists changes of today's values." }
        </p>
    }
}
