//! The components rendered natively with yew's server renderer: the markup carries the table
//! semantics, the state's order and filters, and no component touches the browser on first render.

use free_ml_platforms::components::app::{
    Comparison, ComparisonProps, DataProblem, DataProblemProps,
};
use free_ml_platforms::core::{rows, Column, Direction, Filter, Sort, State};
use free_ml_platforms::dataset::{self, Dataset, Era, Field};
use free_ml_platforms::{App, AppProps};
use yew::LocalServerRenderer;

async fn render(initial: State) -> String {
    LocalServerRenderer::<App>::with_props(AppProps { initial })
        .hydratable(false)
        .render()
        .await
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

/// Platform names in the order the table body shows them.
fn row_names(html: &str) -> Vec<String> {
    let body = &html[html.find("<tbody>").expect("a table body")..];
    body.split(r#"<th scope="row""#)
        .skip(1)
        .map(|row| {
            let start = row.find("rel=\"noopener\">").unwrap() + "rel=\"noopener\">".len();
            row[start..start + row[start..].find('<').unwrap()].to_owned()
        })
        .collect()
}

#[tokio::test]
async fn default_page_is_an_accessible_sortable_table() {
    let html = render(State::default()).await;
    let data = dataset::embedded().unwrap();
    assert_eq!(count(&html, "<table"), 1);
    assert!(html.contains("<caption id=\"table-caption\">Free tiers of ML platforms today"));
    let columns = Column::all().count();
    assert_eq!(count(&html, r#"<th scope="col""#), columns);
    assert_eq!(
        count(&html, r#"<th scope="col" aria-sort="#),
        1,
        "aria-sort only on the sorted column"
    );
    assert!(html.contains(r#"<th scope="col" aria-sort="ascending" class="sorted sticky"><button type="button">Platform"#));
    // Every header holds a button.
    let thead = &html[html.find("<thead>").unwrap()..html.find("</thead>").unwrap()];
    assert_eq!(count(thead, r#"<button type="button">"#), columns);
    assert_eq!(row_names(&html).len(), data.platforms.len());
    assert!(html.contains("<fieldset class=\"filters\"><legend>Must have</legend>"));
    assert_eq!(count(&html, r#"type="checkbox""#), Filter::ALL.len());
    assert!(html.contains(&format!(
        r#"<p role="status" aria-live="polite" class="summary">Sorted by Platform, A to Z. {n} of {n} platforms shown."#,
        n = data.platforms.len()
    )));
    assert!(html.contains(r#"role="region" aria-labelledby="table-caption" tabindex="0""#));
}

#[tokio::test]
async fn rows_follow_the_core_order_and_values_show_units() {
    let data = dataset::embedded().unwrap();
    let state = State {
        sort: Sort {
            column: Column::Fact(Field::Ram),
            direction: Direction::Desc,
        },
        ..State::default()
    };
    let html = render(state).await;
    let rows = rows(data, Era::Today);
    let expected: Vec<String> = state
        .visible(&rows)
        .iter()
        .map(|&i| rows[i].platform.name.clone())
        .collect();
    assert_eq!(row_names(&html), expected);
    assert!(html.contains(r#"aria-sort="descending""#));
    assert!(html.contains(" GB"), "RAM shows its unit");
    assert!(
        html.contains(" h<") || html.contains(" h</button>") || html.contains(" h<span"),
        "sessions show hours"
    );
    assert!(
        html.contains("not published") || html.contains(">unknown"),
        "unknown values say so"
    );
}

#[tokio::test]
async fn ticking_filters_narrows_rows_and_counts_each_box() {
    let data = dataset::embedded().unwrap();
    let state = State {
        filters: [Filter::Gpu].into_iter().collect(),
        ..State::default()
    };
    let html = render(state).await;
    let rows = rows(data, Era::Today);
    let shown = state.visible(&rows).len();
    assert!(shown > 0 && shown < data.platforms.len());
    assert_eq!(row_names(&html).len(), shown);
    assert!(html.contains(&format!("Free GPU<span class=\"count\"> ({shown})</span>")));
    let tpu = state.facet_count(&rows, Filter::Tpu);
    assert!(html.contains(&format!("Free TPU<span class=\"count\"> ({tpu})</span>")));
    assert!(html.contains(r#"<input value="gpu" checked type="checkbox""#));
}

#[tokio::test]
async fn no_match_says_so_and_offers_to_clear() {
    // No platform offers a TPU without any account.
    let state = State {
        filters: [Filter::Tpu, Filter::NoAccount].into_iter().collect(),
        ..State::default()
    };
    let rows = rows(dataset::embedded().unwrap(), Era::Today);
    assert!(
        state.visible(&rows).is_empty(),
        "fixture assumption: nothing matches"
    );
    let html = render(state).await;
    assert!(!html.contains("<table"));
    assert!(html.contains("No platform has all of: Free TPU, No account."));
    assert!(html.contains(r#"<button type="button">Clear filters</button>"#));
}

#[tokio::test]
async fn the_2019_view_shows_the_article_platforms() {
    let html = render(State {
        era: Era::Y2019,
        ..State::default()
    })
    .await;
    assert_eq!(
        row_names(&html),
        [
            "Azure Notebooks",
            "CoCalc (free plan)",
            "Google Colab",
            "Kaggle Notebooks"
        ]
    );
    assert!(html.contains("in January 2019"));
    assert!(
        !html.contains("Retired"),
        "Azure Notebooks still ran in 2019"
    );
    let today = render(State::default()).await;
    assert!(today.contains("Retired <time datetime=\"2020-10-09\">2020-10-09</time>"));
}

/// The fixture dataset, leaked to get the `'static` lifetime the components take.
fn fixture() -> &'static Dataset {
    Box::leak(Box::new(
        Dataset::parse(include_str!("fixtures/mini.json")).unwrap(),
    ))
}

async fn render_fixture(initial: State) -> String {
    let props = ComparisonProps {
        data: fixture(),
        initial,
    };
    LocalServerRenderer::<Comparison>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn marks_show_confidence_age_change_and_staleness_in_words() {
    let html = render_fixture(State::default()).await;
    // alpha's RAM is uncertain; beta's storage conflicting; gamma (no today snapshot) shows 2019 values;
    // alpha's GPU changed since 2019; beta was last verified over a year before the dataset date.
    assert!(html.contains(r#"12.7 GB<span aria-hidden="true" class="mark uncertain">≈</span><span class="sr-only"> (uncertain)</span>"#));
    assert!(html.contains(r#"<span class="sr-only"> (sources conflict)</span>"#));
    assert!(html.contains(r#"<span class="sr-only"> (2019 value; no newer one entered)</span>"#));
    assert!(html.contains(r#"T4<span aria-hidden="true" class="mark changed">Δ</span>"#));
    assert_eq!(
        count(&html, "may be out of date"),
        1,
        "beta only: gamma is retired"
    );
    assert!(html.contains("◐ Closed to new users"));
    assert!(
        html.contains("720 min"),
        "numbers keep the unit they were written in"
    );
    assert!(html.contains("1–2 GB") && html.contains("up to 12 h"));
}

#[tokio::test]
async fn a_broken_dataset_shows_what_is_wrong_instead_of_a_table() {
    let error = Dataset::parse(&include_str!("fixtures/mini.json").replace("\"GB\"", "\"GiB\""))
        .unwrap_err();
    let html = LocalServerRenderer::<DataProblem>::with_props(DataProblemProps { error })
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains(r#"role="alert""#));
    assert!(
        html.contains("platform &#x27;alpha&#x27;") || html.contains("platform 'alpha'"),
        "{html}"
    );
    assert!(!html.contains("<table"));
}
