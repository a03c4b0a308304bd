use super::cards::PlatformCards;
use super::column_picker::ColumnPicker;
use super::compare_view::CompareView;
use super::era_switch::EraSwitch;
use super::filter_panel::{Counts, FilterChips, FilterPanel, StepCounts};
use super::platform_table::PlatformTable;
use super::quick_picks::QuickPicks;
use super::share_bar::ShareBar;
use super::sort_control::SortControl;
use super::sources_list::SourcesList;
use super::what_changed::WhatChanged;
use super::{use_data, Data};
use crate::core::format::step_text;
use crate::core::{rows, threshold_fields, Action, Column, Filter, SortKey, State};
use crate::dataset::{DataError, Dataset, Field};
use std::rc::Rc;
use yew::prelude::*;

/// The dataset to show, or everything that is wrong with it.
#[derive(Clone, PartialEq, Debug)]
pub enum Loaded {
    Ready(Data),
    Broken(Rc<DataError>),
}

impl From<Dataset> for Loaded {
    fn from(data: Dataset) -> Self {
        Loaded::Ready(Data(Rc::new(data)))
    }
}

impl From<Result<Dataset, DataError>> for Loaded {
    fn from(result: Result<Dataset, DataError>) -> Self {
        match result {
            Ok(data) => Loaded::Ready(Data(Rc::new(data))),
            Err(error) => Loaded::Broken(Rc::new(error)),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The dataset: the embedded one on the page, a fixture in tests.
    pub data: Loaded,
    /// Where the page starts: the state read from the address bar, or the default.
    #[prop_or_default]
    pub initial: State,
    /// A state to move to right after the first render: a prerendered page is hydrated in its
    /// default state, then shows the address bar's state in one step.
    #[prop_or_default]
    pub restore: Option<State>,
}

/// The page: the comparison for a valid dataset, or the list of its problems.
#[component]
pub fn App(props: &AppProps) -> Html {
    match &props.data {
        Loaded::Ready(data) => html! {
            <ContextProvider<Data> context={data.clone()}>
                <Comparison initial={props.initial.clone()} restore={props.restore.clone()} />
            </ContextProvider<Data>>
        },
        Loaded::Broken(error) => html! { <DataProblem error={error.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct DataProblemProps {
    pub error: Rc<DataError>,
}

/// Shown instead of the table when the data is broken: every problem, and where.
#[component]
pub fn DataProblem(props: &DataProblemProps) -> Html {
    let problems = &props.error.problems;
    html! {
        <main class="page">
            <h1>{ "Free ML platforms compared" }</h1>
            <div class="error" role="alert">
                <p>{ format!("The platform data could not be read, so there is nothing to compare. {} problem{} found:", problems.len(), if problems.len() == 1 { "" } else { "s" }) }</p>
                <ul>
                    { for problems.iter().map(|p| html! { <li><code>{ p.to_string() }</code></li> }) }
                </ul>
            </div>
        </main>
    }
}

/// yew's reducer hook over the pure `State::apply`; an action that changes nothing re-renders nothing.
#[derive(PartialEq)]
struct Reducer(State);

impl Reducible for Reducer {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.clone().apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Reducer(next))
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub initial: State,
    #[prop_or_default]
    pub restore: Option<State>,
}

/// The page for the dataset in context: controls, live summary, compare view, table and cards.
#[component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let data = use_data();
    let narrow = super::use_narrow();
    let reducer = {
        let (initial, data) = (props.initial.clone(), data.clone());
        use_reducer(move || Reducer(known_platforms(initial, &data)))
    };
    {
        let (reducer, data) = (reducer.clone(), data.clone());
        use_effect_with(props.restore.clone(), move |restore| {
            if let Some(state) = restore {
                reducer.dispatch(Action::Restore(Box::new(known_platforms(
                    state.clone(),
                    &data,
                ))));
            }
        });
    }
    let state = &reducer.0;
    let rows = rows(&data, state.era);
    let visible = state.visible(&rows);
    // The choices' counts change with the era, the boxes and the minimums, not with a sort.
    let counts = {
        let (data, state) = (data.clone(), state.clone());
        use_memo(
            (state.era, state.filters, state.minimums.clone()),
            move |_| {
                let rows = crate::core::rows(&data, state.era);
                Counts {
                    boxes: Filter::all()
                        .map(|f| (f, state.facet_count(&rows, f)))
                        .collect(),
                    steps: threshold_fields()
                        .map(|field| {
                            let any = state.threshold_count(&rows, field, None);
                            let steps = field
                                .def()
                                .steps
                                .iter()
                                .map(|&s| (s, state.threshold_count(&rows, field, Some(s))))
                                .collect();
                            StepCounts { field, any, steps }
                        })
                        .collect(),
                }
            },
        )
    };

    {
        // Shown once it is in the view the address asked for (see assets/early.js).
        let target = props.restore.clone().map(|r| known_platforms(r, &data));
        use_effect_with(state.clone(), move |state| {
            let next = state.clone();
            after_paint(move || write_address_bar(&next));
            if target.is_none_or(|t| t == *state) {
                reveal();
            }
        });
    }

    // Callbacks kept from render to render: the rows compare their props, and a new callback
    // would draw every row again.
    let dispatcher = reducer.dispatcher();
    let onsort = use_forward(dispatcher.clone(), |(column, add): (Column, bool)| {
        if add {
            Action::AddSort(column)
        } else {
            Action::Sort(column)
        }
    });
    let oncompare = use_forward(dispatcher.clone(), Action::ToggleCompare);
    let onsortkey = use_forward(dispatcher.clone(), |(i, key): (usize, Option<SortKey>)| {
        Action::SetSortKey(i, key)
    });
    let ontoggle = use_forward(dispatcher.clone(), Action::Toggle);
    let onminimum = use_forward(dispatcher.clone(), |(f, m): (Field, Option<u32>)| {
        Action::SetMinimum(f, m)
    });
    let onera = use_forward(dispatcher.clone(), Action::SetEra);
    let onclear = use_forward(dispatcher.clone(), |_: ()| Action::ClearFilters);
    let oncolumns = use_forward(dispatcher.clone(), Action::ShowColumns);
    let oncolumn = use_forward(dispatcher.clone(), Action::ToggleColumn);
    let onclearcompare = use_forward(dispatcher, |_: ()| Action::ClearCompare);

    let platforms: Rc<Vec<usize>> = Rc::new(visible.iter().map(|&i| rows[i].index).collect());
    let compare: Rc<Vec<String>> = Rc::new(state.compare.clone());
    let wanted: Vec<String> = state
        .filters
        .iter()
        .map(|f| f.label().to_owned())
        .chain(state.minimums.iter().map(|(f, m)| minimum_words(*f, *m)))
        .collect();

    {
        // Inside another page: links open a new tab and the frame learns its height.
        use_effect_with(state.embed, |embed| {
            if *embed {
                super::share_bar::enter_embed_mode();
            }
        });
    }
    use_menu_dismissal();
    let narrow_now = narrow == Some(true);
    let active = state.filters.iter().count() + state.minimums.len();
    let first_key = &state.sort[0];
    // What the folded "Filters & sort" sheet has chosen, in one line.
    let chosen = format!(
        "{} · {}, {}",
        match active {
            0 => "no filters".to_owned(),
            1 => "1 filter".to_owned(),
            n => format!("{n} filters"),
        },
        first_key.column.label(),
        first_key.column.order_words(first_key.direction)
    );
    let filters_label = match active {
        0 => "Filters".to_owned(),
        n => format!("Filters ({n})"),
    };
    let controls = html! {
        <section class="controls" aria-label="Choose what to show">
            // Open on a laptop (the stylesheet also shows it before the wasm runs); folded on a
            // phone and in an embed, behind one summary of what is chosen.
            <details class="sheet" open={narrow == Some(false) && !state.embed}>
                <summary>
                    <span class="sheet-title">{ if state.embed { "Filters, sort and columns" } else { "Filters & sort" } }</span>
                    <span class="sheet-state">{ format!(": {chosen}") }</span>
                </summary>
                <div class="toolbar">
                    <EraSwitch era={state.era} onchange={onera.clone()} />
                    <SortControl sort={state.sort.clone()} onchange={onsortkey} />
                    <details class="menu filters-menu" open={narrow_now}>
                        <summary>{ filters_label }</summary>
                        <div class="menu-body">
                            <FilterPanel filters={state.filters} minimums={state.minimums.clone()} {counts}
                                         ontoggle={ontoggle.clone()} onminimum={onminimum.clone()} onclear={onclear.clone()} />
                        </div>
                    </details>
                    <ColumnPicker columns={state.columns} onpreset={oncolumns} ontoggle={oncolumn} />
                    <FilterChips filters={state.filters} minimums={state.minimums.clone()} {ontoggle} {onminimum} />
                </div>
            </details>
        </section>
    };
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
                        { ". " }<a href={full_page} target="_blank" rel="noopener">{ "Open the full page" }</a>
                    }
                </p>
                <ShareBar platforms={platforms.clone()} era={state.era} columns={state.columns} />
                if !state.embed {
                    <p class="lede">
                        // One text node: hydration rewrites adjacent ones, which would paint this
                        // paragraph (the largest) again once the wasm runs.
                        { format!("Where to train a model without buying a GPU: the free tiers of {} notebook platforms, every value sourced and dated (hover, focus or tap it). 2019 shows the article this began as.", data.platforms.len()) }
                    </p>
                }
            </header>
            { controls }
            <QuickPicks platforms={platforms.clone()} era={state.era} narrow={narrow_now} />
            <p class="summary" role="status" aria-live="polite">{ state.summary(visible.len(), rows.len()) }</p>
            <CompareView ids={compare.clone()} era={state.era} ontoggle={oncompare.clone()} onclear={onclearcompare} />
            if visible.is_empty() {
                <div class="empty">
                    <p>{ format!("No platform has all of: {}.", wanted.join(", ")) }</p>
                    <button type="button" onclick={onclear.reform(|_| ())}>{ "Clear filters" }</button>
                </div>
            } else {
                if narrow != Some(true) {
                    <PlatformTable platforms={platforms.clone()} era={state.era} sort={state.sort.clone()} columns={state.columns}
                                   compare={compare.clone()} {onsort} oncompare={oncompare.clone()} onera={onera.clone()} />
                }
                if narrow != Some(false) {
                    <PlatformCards {platforms} era={state.era} columns={state.columns} {compare} {oncompare} {onera} />
                }
            }
            if !state.embed { <WhatChanged /> }
            <footer class="footer">
                <SourcesList />
                <p>
                    { "Numbers are what each vendor publishes for its free tier, or what others reported where it publishes nothing; free tiers change often. Unknown values stay unknown and sort last; \"none\" (no GPU, say) sorts just before them; a retired platform comes last whatever the sort." }
                </p>
            </footer>
        </main>
    }
}

/// Closes an open menu (`details.menu`: filters, columns, share) on a click outside it, and on
/// Escape inside it, putting focus back on its summary, as people expect of a drop-down.
#[hook]
fn use_menu_dismissal() {
    use wasm_bindgen::{closure::Closure, JsCast};
    use_effect_with((), |_| {
        let document = gloo::utils::document();
        let open_menus = |document: &web_sys::Document| -> Vec<web_sys::Element> {
            let Ok(list) = document.query_selector_all("details.menu[open]") else {
                return Vec::new();
            };
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into().ok())
                .collect()
        };
        let doc = document.clone();
        let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let target: Option<web_sys::Node> = e.target().and_then(|t| t.dyn_into().ok());
            for menu in open_menus(&doc) {
                if !menu.contains(target.as_ref()) {
                    let _ = menu.remove_attribute("open");
                }
            }
        });
        let on_key =
            Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(|e: web_sys::KeyboardEvent| {
                if e.key() != "Escape" {
                    return;
                }
                let menu = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest("details.menu[open]").ok().flatten());
                if let Some(menu) = menu {
                    let _ = menu.remove_attribute("open");
                    if let Some(summary) = menu
                        .query_selector("summary")
                        .ok()
                        .flatten()
                        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = summary.focus();
                    }
                }
            });
        let _ =
            document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        let _ =
            document.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        move || {
            let _ = document
                .remove_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
            let _ = document
                .remove_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        }
    });
}

/// The state without compared platforms the dataset lacks (a shared link may name some).
fn known_platforms(mut state: State, data: &Data) -> State {
    state.compare.retain(|id| data.platform(id).is_some());
    state
}

/// "RAM at least 16 GB".
fn minimum_words(field: Field, min: u32) -> String {
    format!("{} at least {}", field.label(), step_text(field, min))
}

/// A callback, the same from render to render, that turns its event into an action and
/// dispatches it.
#[hook]
fn use_forward<T: 'static>(
    dispatcher: UseReducerDispatcher<Reducer>,
    make: fn(T) -> Action,
) -> Callback<T> {
    use_callback(dispatcher, move |x, d| d.dispatch(make(x)))
}

/// Lifts the cover assets/early.js put on a page opened with a chosen view.
fn reveal() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().remove_1("pending");
    }
}

/// Runs `f` once the next frame is painted. `history.replaceState` costs Chromium several
/// milliseconds (more than a whole re-sort of the table); run after the paint, it no longer
/// delays what the person sees. Writes keep their order, so the last state wins.
fn after_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let on_frame = wasm_bindgen::closure::Closure::once_into_js(move || super::next_task(f));
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(on_frame.unchecked_ref());
    }
}

/// Puts the state in the address bar without adding a history entry, keeping other parameters.
fn write_address_bar(state: &State) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    let next = state.merge_into_query(&search);
    if next != search {
        if let Ok(history) = window.history() {
            // Fails only where history is blocked (some sandboxed frames); the page works regardless.
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{next}{hash}")),
            );
        }
    }
}
