use super::era_switch::EraSwitch;
use super::filter_panel::FilterPanel;
use super::platform_table::PlatformTable;
use super::sources_list::SourcesList;
use crate::core::{rows, Action, Filter, State};
use crate::dataset::{self, DataError, Dataset};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Where the page starts: the state read from the address bar, or the default.
    #[prop_or_default]
    pub initial: State,
}

/// yew's reducer hook over the pure `State::apply`; an action that changes nothing re-renders nothing.
#[derive(PartialEq)]
struct Reducer(State);

impl Reducible for Reducer {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Reducer(next))
        }
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    match dataset::embedded() {
        Ok(data) => html! { <Comparison data={data} initial={props.initial} /> },
        Err(error) => html! { <DataProblem error={error.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct DataProblemProps {
    pub error: DataError,
}

/// Shown instead of the table when the embedded data is broken: what is wrong, and where.
#[component]
pub fn DataProblem(props: &DataProblemProps) -> Html {
    html! {
        <main class="page">
            <h1>{ "Free ML platforms compared" }</h1>
            <div class="error" role="alert">
                <p>{ "The platform data could not be read, so there is nothing to compare." }</p>
                <p><code>{ props.error.to_string() }</code></p>
            </div>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub data: &'static Dataset,
    pub initial: State,
}

/// The page for one dataset: controls, live summary, table and sources.
#[component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let data = props.data;
    let initial = props.initial;
    let reducer = use_reducer(move || Reducer(initial));
    let state = reducer.0;
    let rows = use_memo(state.era, |era| rows(data, *era));
    let visible = state.visible(&rows);
    let counts: Vec<(Filter, usize)> = Filter::ALL
        .iter()
        .map(|f| (*f, state.facet_count(&rows, *f)))
        .collect();

    use_effect_with(state, write_address_bar);

    let onsort = forward(&reducer, Action::Sort);
    let ontoggle = forward(&reducer, Action::Toggle);
    let onera = forward(&reducer, Action::SetEra);
    let onclear = forward(&reducer, |_: ()| Action::ClearFilters);
    let ticked: Vec<&str> = state.filters.iter().map(Filter::label).collect();

    html! {
        <main class="page">
            <header class="intro">
                <h1>{ "Free ML platforms compared" }</h1>
                <p>
                    { "Where can you train a model without buying a GPU? This table compares the free tiers of " }
                    { data.platforms.len() }
                    { " notebook and GPU platforms. Tick the features you need, sort by what matters to you, and share the link: it keeps your choices." }
                </p>
                <p class="meta">
                    { "Data reviewed " }<time datetime={data.dataset_date.clone()}>{ &data.dataset_date }</time>
                    { ". Every value links to its source and date: hover, focus or tap it. It began as a 2019 article comparing four platforms; switch to 2019 to see that table." }
                </p>
            </header>
            <section class="controls" aria-label="Choose what to show">
                <EraSwitch era={state.era} onchange={onera} />
                <FilterPanel filters={state.filters} counts={counts} ontoggle={ontoggle} onclear={onclear.clone()} />
            </section>
            <p class="summary" role="status" aria-live="polite">{ state.summary(visible.len(), rows.len()) }</p>
            if visible.is_empty() {
                <div class="empty">
                    <p>{ format!("No platform has all of: {}.", ticked.join(", ")) }</p>
                    <button type="button" onclick={onclear.reform(|_| ())}>{ "Clear filters" }</button>
                </div>
            } else {
                <PlatformTable rows={rows.clone()} visible={Rc::new(visible)} sort={state.sort} era={state.era} sources={&data.sources} onsort={onsort} />
            }
            <footer class="footer">
                <SourcesList data={data} />
                <p>
                    { "Numbers are what each vendor publishes for its free tier, or what others reported where it publishes nothing; free tiers change often. Unknown values stay unknown and sort last." }
                </p>
            </footer>
        </main>
    }
}

/// A callback that turns its event into an action and dispatches it.
fn forward<T: 'static>(reducer: &UseReducerHandle<Reducer>, make: fn(T) -> Action) -> Callback<T> {
    let reducer = reducer.clone();
    Callback::from(move |x| reducer.dispatch(make(x)))
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
