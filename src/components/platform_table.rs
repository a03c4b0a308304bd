use super::fact_cell::FactCell;
use crate::core::{Column, Direction, Row, Sort, StatusAt};
use crate::dataset::{Era, Field, Source};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlatformTableProps {
    pub rows: Rc<Vec<Row<'static>>>,
    /// Indices into `rows`, in display order.
    pub visible: Rc<Vec<usize>>,
    pub sort: Sort,
    pub era: Era,
    pub sources: &'static BTreeMap<String, Source>,
    pub onsort: Callback<Column>,
}

/// The comparison table. It scrolls sideways inside its own focusable region on narrow screens.
#[component]
pub fn PlatformTable(props: &PlatformTableProps) -> Html {
    let caption = match props.era {
        Era::Today => "Free tiers of ML platforms today",
        Era::Y2019 => "Free tiers of the article's four platforms in January 2019",
    };
    html! {
        <>
        <div class="table-scroll" role="region" aria-labelledby="table-caption" tabindex="0">
            <table>
                <caption id="table-caption">
                    { caption }
                    <span class="hint">{ ". Column headers are buttons that sort; values are buttons that show their source." }</span>
                </caption>
                <thead>
                    <tr>
                        { for Column::all().map(|column| header(column, props.sort, &props.onsort)) }
                    </tr>
                </thead>
                <tbody>
                    { for props.visible.iter().map(|&i| row(&props.rows[i], props.sources)) }
                </tbody>
            </table>
        </div>
        <p class="legend">
            { "Marks: ≈ uncertain (observed or old) · ⚠ sources conflict · Δ changed since 2019 · " }
            <span class="mark old">{ "2019" }</span>{ " no newer value entered · ? unknown. " }
            { "Hover, focus or tap any value for its source, date and confidence." }
        </p>
        </>
    }
}

fn header(column: Column, sort: Sort, onsort: &Callback<Column>) -> Html {
    let sorted = (sort.column == column).then_some(sort.direction);
    let (aria, icon) = match sorted {
        Some(Direction::Asc) => (Some("ascending"), "▲"),
        Some(Direction::Desc) => (Some("descending"), "▼"),
        None => (None, "↕"),
    };
    let class = classes!(
        sorted.is_some().then_some("sorted"),
        matches!(column, Column::Name).then_some("sticky")
    );
    html! {
        <th scope="col" aria-sort={aria} {class}>
            <button type="button" onclick={onsort.reform(move |_| column)}>
                { column.label() }
                <span class="sort-icon" aria-hidden="true">{ icon }</span>
            </button>
        </th>
    }
}

fn row(row: &Row<'static>, sources: &'static BTreeMap<String, Source>) -> Html {
    let p = row.platform;
    html! {
        <tr key={p.id.clone()} class={classes!((!row.status.is_open()).then_some("not-open"))}>
            <th scope="row" class="sticky">
                <a href={p.link.clone()} rel="noopener">{ &p.name }</a>
                <span class="vendor">{ &p.vendor }</span>
                if !row.pros.is_empty() || !row.cons.is_empty() {
                    <details class="proscons">
                        <summary>{ "Pros and cons" }<span class="sr-only">{ format!(" of {}", p.name) }</span></summary>
                        <p class="summary-line">{ &p.summary }</p>
                        { list("Pros", "+", row.pros) }
                        { list("Cons", "−", row.cons) }
                    </details>
                }
            </th>
            <td class="status">{ status(row.status) }</td>
            { for Field::ALL.iter().map(|&field| html! {
                <td><FactCell cell={row.cell(field).clone()} field={field} platform={p.name.clone()} {sources} /></td>
            }) }
            <td class="verified">
                <time datetime={row.as_of.to_owned()}>{ row.as_of }</time>
                if row.stale {
                    <span class="badge stale">{ "⚠ may be out of date" }</span>
                }
            </td>
        </tr>
    }
}

fn list(title: &str, bullet: &str, items: &[String]) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <p class="list-title">{ title }</p>
            <ul class="bullets">
                { for items.iter().map(|item| html! {
                    <li><span aria-hidden="true">{ bullet }</span>{ " " }{ item }</li>
                }) }
            </ul>
        </>
    }
}

fn status(status: StatusAt) -> Html {
    match status {
        StatusAt::Active => html! { <span class="badge open">{ "● Open" }</span> },
        StatusAt::Closed { since } => html! {
            <span class="badge closed">{ "◐ Closed to new users" }<span class="since">{ format!(" since {since}") }</span></span>
        },
        StatusAt::Retired { since, successor } => html! {
            <span class="badge retired">
                { "✕ Retired " }<time datetime={since.to_owned()}>{ since }</time>
                <span class="since">{ format!("; replaced by {successor}") }</span>
            </span>
        },
    }
}
