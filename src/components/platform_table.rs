use super::fact_cell::{fact_cell, use_popover};
use super::{use_data, View};
use crate::core::{row, Column, ColumnSet, Direction, Row, SortKey, StatusAt};
use crate::dataset::{Era, Field};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlatformTableProps {
    /// Dataset indices of the platforms to show, in display order.
    pub platforms: Rc<Vec<usize>>,
    pub era: Era,
    pub sort: Vec<SortKey>,
    pub columns: ColumnSet,
    /// Ids of the platforms chosen to compare.
    pub compare: Rc<Vec<String>>,
    /// A header click: the column, and whether it adds a key (shift) instead of replacing the sort.
    pub onsort: Callback<(Column, bool)>,
    pub oncompare: Callback<String>,
    /// The caption's id (the table for readers without JavaScript has its own).
    #[prop_or(AttrValue::Static("table-caption"))]
    pub caption_id: AttrValue,
}

/// The comparison table. Its header stays in view while it scrolls; the platform column stays in
/// view while it scrolls sideways.
#[component]
pub fn PlatformTable(props: &PlatformTableProps) -> Html {
    let data = use_data();
    let (popover, on) = use_popover(View::Table);
    let caption = match props.era {
        Era::Today => "Free tiers of ML platforms today",
        Era::Y2019 => "Free tiers of the article's four platforms in January 2019",
    };
    let rows = props
        .platforms
        .iter()
        .filter_map(|&i| row(&data, i, props.era));
    html! {
        <>
        <div class="table-scroll results-table" role="region" aria-labelledby={props.caption_id.clone()} tabindex="0"
             onmouseover={on.onmouseover} onmouseout={on.onmouseout} onfocusin={on.onfocusin}
             onfocusout={on.onfocusout} onclick={on.onclick} onkeydown={on.onkeydown}>
            <table>
                <caption id={props.caption_id.clone()}>
                    { caption }
                    <span class="hint">{ ". Column headers are buttons that sort (shift+click adds a key); values are buttons that show their source." }</span>
                </caption>
                <thead>
                    <tr>
                        { for props.columns.iter().map(|column| header(column, &props.sort, &props.onsort)) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.map(|r| html! {
                        <TableRow key={r.platform.id.clone()} index={r.index} era={props.era} columns={props.columns}
                                  chosen={props.compare.contains(&r.platform.id)} oncompare={props.oncompare.clone()}
                                  open={popover.open.filter(|o| o.0 == r.index).map(|o| o.1)} />
                    }) }
                </tbody>
            </table>
        </div>
        <p class="legend">
            { "Marks: ≈ uncertain (observed or old) · ⚠ sources conflict · Δ changed since 2019 · " }
            <span class="mark old">{ "2019" }</span>
            { " no newer value entered · — none · ? unknown. Hover, focus or tap any value for its source, date and confidence." }
        </p>
        </>
    }
}

fn header(column: Column, sort: &[SortKey], onsort: &Callback<(Column, bool)>) -> Html {
    let position = sort.iter().position(|k| k.column == column);
    let direction = position.map(|i| sort[i].direction);
    // aria-sort belongs on the primary key only; the others say their place in words.
    let aria = match (position, direction) {
        (Some(0), Some(Direction::Asc)) => Some("ascending"),
        (Some(0), Some(Direction::Desc)) => Some("descending"),
        _ => None,
    };
    let icon = match direction {
        Some(Direction::Asc) => "▲",
        Some(Direction::Desc) => "▼",
        None => "↕",
    };
    let multi = sort.len() > 1;
    let class = classes!(
        position.is_some().then_some("sorted"),
        matches!(column, Column::Name).then_some("sticky")
    );
    let onclick = onsort.reform(move |e: MouseEvent| (column, e.shift_key()));
    html! {
        <th scope="col" aria-sort={aria} {class}>
            <button type="button" {onclick}>
                { column.label() }
                <span class="sort-icon" aria-hidden="true">
                    { icon }
                    if let (true, Some(i)) = (multi, position) { <span class="sort-rank">{ i + 1 }</span> }
                </span>
                if let (true, Some(i), Some(d)) = (multi, position, direction) {
                    if i > 0 {
                        <span class="sr-only">{ format!(", sort key {}, {}", i + 1, column.order_words(d)) }</span>
                    }
                }
            </button>
        </th>
    }
}

#[derive(Properties, PartialEq)]
struct TableRowProps {
    /// The platform's index in the dataset.
    index: usize,
    era: Era,
    columns: ColumnSet,
    /// Chosen to compare.
    chosen: bool,
    oncompare: Callback<String>,
    /// The value whose popover is open in this row.
    open: Option<Field>,
}

/// One platform's row. A component of its own with small props, so a re-sort or a filter tick
/// only moves the rows it keeps instead of drawing each again.
#[component]
fn TableRow(props: &TableRowProps) -> Html {
    let data = use_data();
    let Some(row) = row(&data, props.index, props.era) else {
        return Html::default();
    };
    html! {
        <tr class={classes!((!row.status.is_open()).then_some("not-open"))}>
            { for props.columns.iter().map(|column| match column {
                Column::Name => html! {
                    <th scope="row" class="sticky">
                        { platform_heading(&row, props.chosen, &props.oncompare, Heading::Cell, !props.columns.contains(Column::Status)) }
                    </th>
                },
                Column::Status => html! { <td class="status">{ status_badge(row.status) }</td> },
                Column::Fact(field) => html! {
                    fact_cell(&data, &row, field, View::Table, props.open == Some(field), false)
                },
                Column::Verified => verified(&row),
            }) }
        </tr>
    }
}

/// Where a platform's name stands: in the table's row header, or as a card's heading.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Cell,
    Card,
}

/// The platform's name (a link to it), vendor, status (unless a column shows it), compare
/// toggle, and pros and cons.
pub fn platform_heading(
    row: &Row,
    chosen: bool,
    oncompare: &Callback<String>,
    heading: Heading,
    with_status: bool,
) -> Html {
    let p = row.platform;
    let id = p.id.clone();
    let name = html! { <a href={p.link.clone()} rel="noopener" class="name">{ &p.name }</a> };
    html! {
        <>
            if heading == Heading::Card { <h3>{ name }</h3> } else { { name } }
            <span class="vendor">{ &p.vendor }</span>
            if with_status { { status_badge(row.status) } }
            <div class="row-tools">
            <label class="compare-toggle">
                <input type="checkbox" name="cmp" value={p.id.clone()} checked={chosen} onchange={oncompare.reform(move |_: Event| id.clone())} />
                { "Compare" }<span class="sr-only">{ format!(" {}", p.name) }</span>
            </label>
            if !row.pros.is_empty() || !row.cons.is_empty() {
                <ProsCons index={row.index} era={row.era} />
            }
            </div>
        </>
    }
}

/// Marks a page drawn once, without scripts (`table.html`): what opens on demand elsewhere is
/// drawn from the start.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Still;

#[derive(Properties, PartialEq)]
struct ProsConsProps {
    /// The platform's index in the dataset.
    index: usize,
    era: Era,
}

/// A platform's summary, pros and cons, drawn when opened: closed, it is two elements instead of
/// some twenty, in every row and every card, which the page would parse, hydrate and lay out.
#[component]
fn ProsCons(props: &ProsConsProps) -> Html {
    let data = use_data();
    let still = use_context::<Still>().is_some();
    let open = use_state_eq(|| false);
    let node = use_node_ref();
    let is_open = |node: &NodeRef| {
        node.cast::<web_sys::Element>()
            .is_some_and(|d| d.has_attribute("open"))
    };
    {
        // Opened on the prerendered page before the wasm took over: draw it now.
        let (open, node) = (open.setter(), node.clone());
        use_effect_with((), move |_| open.set(is_open(&node)));
    }
    let ontoggle = {
        let (open, node) = (open.setter(), node.clone());
        Callback::from(move |_: Event| open.set(is_open(&node)))
    };
    let Some(row) = row(&data, props.index, props.era) else {
        return Html::default();
    };
    let name = &row.platform.name;
    html! {
        <details class="proscons" ref={node} {ontoggle}>
            <summary>{ "Pros and cons" }<span class="sr-only">{ format!(" of {name}") }</span></summary>
            if *open || still {
                <p class="summary-line">{ &row.platform.summary }</p>
                { list("Pros", "+", row.pros) }
                { list("Cons", "−", row.cons) }
            }
        </details>
    }
}

pub fn verified(row: &Row) -> Html {
    html! {
        <td class="verified">
            <time datetime={row.as_of.to_owned()}>{ row.as_of }</time>
            if row.stale {
                <span class="badge stale">{ "⚠ may be out of date" }</span>
            }
        </td>
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

/// Open, closed to new users, or retired: a symbol and words, never colour alone.
pub fn status_badge(status: StatusAt) -> Html {
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
