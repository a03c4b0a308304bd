use super::fact_cell::{fact_cell, use_popover};
use super::{prose, use_data, what_changed, Data, View};
use crate::core::url::param;
use crate::core::{row, Column, ColumnSet, Direction, Row, SortKey, StatusAt};
use crate::dataset::{Era, Field, Prose};
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
    /// A retired platform's "see 2019" button.
    #[prop_or_default]
    pub onera: Callback<Era>,
    /// The caption's id (the table for readers without JavaScript has its own).
    #[prop_or(AttrValue::Static("table-caption"))]
    pub caption_id: AttrValue,
}

/// The comparison table: one line per platform, its details in a row that opens below it. It
/// scrolls with the page (its header sticks to the top of the window); sideways only where the
/// columns are wider than the screen, with the platform column kept in view.
#[component]
pub fn PlatformTable(props: &PlatformTableProps) -> Html {
    let data = use_data();
    let (popover, on) = use_popover(View::Table, &data);
    let caption = match props.era {
        Era::Today => "Free tiers of ML platforms today",
        Era::Y2019 => "Free tiers of the article's four platforms in January 2019",
    };
    let rows = props
        .platforms
        .iter()
        .filter_map(|&i| row(&data, i, props.era));
    let (scroll, fits) = use_fits(props.columns);
    html! {
        <>
        <div ref={scroll} class={classes!("table-scroll", "results-table", fits.then_some("fits"))} role="region" aria-labelledby={props.caption_id.clone()} tabindex="0"
             onmouseover={on.onmouseover} onmouseout={on.onmouseout} onfocusin={on.onfocusin}
             onfocusout={on.onfocusout} onclick={on.onclick} onkeydown={on.onkeydown}>
            <table>
                <caption id={props.caption_id.clone()}>
                    { caption }
                    <span class="hint">{ ". Headers sort (shift+click adds a key); values show their source; ▸ opens a platform's details." }</span>
                </caption>
                <thead>
                    <tr>
                        { for props.columns.iter().map(|column| header(column, &props.sort, &props.onsort)) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.map(|r| html! {
                        <TableRow key={&*r.platform.id} index={r.index} era={props.era} columns={props.columns}
                                  chosen={props.compare.iter().any(|c| *c == r.platform.id)} oncompare={props.oncompare.clone()}
                                  onera={props.onera.clone()}
                                  open={popover.open.filter(|o| o.0 == r.index).map(|o| o.1)} />
                    }) }
                </tbody>
            </table>
        </div>
        <p class="legend">
            { "Marks: ≈ uncertain (observed or old) · ⚠ sources conflict · Δ changed since 2019 · " }{ what_changed::RECENT_LEGEND }
            <span class="mark old">{ "2019" }</span>
            { " no newer value entered · — none · ? unknown · ◐ closed to new users. Hover, focus or tap any value for its source, date and confidence." }
        </p>
        </>
    }
}

/// Whether the table fits the width of its box, measured whenever the box resizes or the columns
/// change: a table that fits scrolls with the page (its header sticking to the window's top); one
/// that does not gets a sideways scroll box of its own. The prerendered page assumes it fits.
#[hook]
fn use_fits(columns: ColumnSet) -> (NodeRef, bool) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let node = use_node_ref();
    let fits = use_state_eq(|| true);
    {
        let (node, fits) = (node.clone(), fits.setter());
        use_effect_with(columns, move |_| {
            let observed = node.cast::<web_sys::Element>().and_then(|scroll| {
                let measure = Closure::<dyn FnMut()>::new(move || {
                    if let Some(table) = scroll.query_selector("table").ok().flatten() {
                        fits.set(table.scroll_width() <= scroll.client_width());
                    }
                });
                let observer =
                    web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()).ok()?;
                observer.observe(&node.cast::<web_sys::Element>()?);
                Some((observer, measure))
            });
            move || {
                if let Some((observer, _measure)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    (node, *fits)
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

/// One platform's table row or card.
#[derive(Properties, PartialEq)]
pub struct RowProps {
    /// The platform's index in the dataset.
    pub index: usize,
    pub era: Era,
    pub columns: ColumnSet,
    /// Chosen to compare.
    pub chosen: bool,
    pub oncompare: Callback<String>,
    pub onera: Callback<Era>,
    /// The value whose popover is open in this row.
    pub open: Option<Field>,
}

/// One platform's line, and its details below it when opened. A component of its own with small
/// props, so a re-sort or a filter tick only moves the rows it keeps instead of drawing each again.
#[component]
fn TableRow(props: &RowProps) -> Html {
    let data = use_data();
    let details = use_details(&data);
    let Some(row) = row(&data, props.index, props.era) else {
        return Html::default();
    };
    let id = &row.platform.id;
    let detail_id = format!("detail-t-{id}");
    let width = props.columns.iter().count();
    let name = html! {
        <th scope="row" class="sticky">
            { platform_line(&row, props.chosen, &props.oncompare, &details, &detail_id, !props.columns.contains(Column::Status), Heading::Cell) }
        </th>
    };
    let line = if let StatusAt::Retired { .. } = row.status {
        // Nothing of a retired platform is left to compare: one short line says so.
        html! {
            <tr id={format!("row-{id}")} class="not-open retired">
                { name }
                if width > 1 {
                    <td colspan={(width - 1).to_string()} class="retired-note">{ retired_note(&row, &props.onera, details.still) }</td>
                }
            </tr>
        }
    } else {
        html! {
            <tr id={format!("row-{id}")} class={classes!((!row.status.is_open()).then_some("not-open"))}>
                { for props.columns.iter().map(|column| match column {
                    Column::Name => name.clone(),
                    Column::Status => html! { <td class="status">{ status_badge(row.status) }</td> },
                    Column::Fact(field) => {
                        fact_cell(&data, &row, field, View::Table, props.open == Some(field), false)
                    }
                    Column::Verified => verified(&row),
                    Column::Changed => what_changed::last_changed(&row, "td"),
                }) }
            </tr>
        }
    };
    html! {
        <>
            { line }
            if details.open {
                <tr class="detail" id={detail_id}>
                    <td colspan={width.to_string()}>{ platform_details(&row, &data) }</td>
                </tr>
            }
        </>
    }
}

/// Whether a platform's details are open, and the callback that opens and closes them. On the page
/// without scripts (`Still`) they are open from the start.
#[derive(Clone, PartialEq)]
pub struct Details {
    pub open: bool,
    pub still: bool,
    pub toggle: Callback<MouseEvent>,
}

#[hook]
pub fn use_details(data: &Data) -> Details {
    let still = use_context::<Still>().is_some();
    let open = use_state_eq(|| false);
    let need_prose = data.prose.need.clone();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            // The summary, pros and cons are in the prose file.
            need_prose.emit(());
            open.set(!*open)
        })
    };
    Details {
        open: *open || still,
        still,
        toggle,
    }
}

/// Where a platform's name stands: in the table's row header, or as a card's heading.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Cell,
    Card,
}

/// The platform's line: its compare box, its name (a link to it), its status when not open (a
/// symbol and words) and the button that opens its details.
pub fn platform_line(
    row: &Row,
    chosen: bool,
    oncompare: &Callback<String>,
    details: &Details,
    detail_id: &str,
    with_status: bool,
    heading: Heading,
) -> Html {
    let p = row.platform;
    let id = p.id.to_string();
    // The title shows a name the line cuts short.
    let name = html! { <a href={p.link.to_string()} rel="noopener" class="name" title={p.name.to_string()}>{ &*p.name }</a> };
    html! {
        <span class="platform-line">
            <input type="checkbox" class="compare-box" name={param::COMPARE} value={p.id.to_string()} checked={chosen}
                   aria-label={format!("Compare {}", p.name)} title="Compare side by side"
                   onchange={oncompare.reform(move |_: Event| id.clone())} />
            if heading == Heading::Card { <h3>{ name }</h3> } else { { name } }
            if with_status { { status_mark(row.status) } }
            if !details.still {
                <button type="button" class="more" aria-expanded={if details.open { "true" } else { "false" }}
                        aria-controls={detail_id.to_owned()} onclick={details.toggle.clone()}>
                    <span aria-hidden="true">{ if details.open { "▾" } else { "▸" } }</span>
                    <span class="sr-only">{ format!("Details of {}", p.name) }</span>
                </button>
            }
        </span>
    }
}

/// What does not fit on the line: vendor, status, summary, pros and cons.
pub fn platform_details(row: &Row, data: &Data) -> Html {
    let p = row.platform;
    html! {
        <div class="details">
            <p class="details-head"><span class="vendor">{ &*p.vendor }</span>{ " · " }{ status_badge(row.status) }</p>
            <p class="summary-line">{ prose::text_explained(&p.summary, data) }</p>
            { list("Pros", "+", row.pros, data) }
            { list("Cons", "−", row.cons, data) }
        </div>
    }
}

/// A retired platform's one line: since when, what replaced it, and a way to its 2019 values.
pub fn retired_note(row: &Row, onera: &Callback<Era>, still: bool) -> Html {
    let StatusAt::Retired { since, successor } = row.status else {
        return Html::default();
    };
    html! {
        <>
            <span aria-hidden="true">{ "✕ " }</span>
            { "Retired " }<time datetime={since.to_owned()}>{ since }</time>
            { format!("; replaced by {successor}. ") }
            if row.era == Era::Today && !still {
                <button type="button" class="link-button" onclick={onera.reform(|_| Era::Y2019)}>
                    { "See its 2019 values" }
                </button>
            }
        </>
    }
}

/// Marks a page drawn once, without scripts (`table.html`): what opens on demand elsewhere is
/// drawn from the start.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Still;

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

fn list(title: &str, bullet: &str, items: &[Prose], data: &Data) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <p class="list-title">{ title }</p>
            <ul class="bullets">
                { for items.iter().map(|item| html! {
                    <li><span aria-hidden="true">{ bullet }</span>{ " " }{ prose::text(item, data) }</li>
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

/// The compact status on a platform's line: nothing when open, otherwise a symbol (explained in
/// the legend), with words for screen readers and in the tooltip.
pub fn status_mark(status: StatusAt) -> Html {
    let (symbol, words) = match status {
        StatusAt::Active => return Html::default(),
        StatusAt::Closed { since } => ("◐", format!("closed to new users since {since}")),
        StatusAt::Retired { since, .. } => ("✕", format!("retired since {since}")),
    };
    html! {
        <span class="status-mark" title={words.clone()}>
            <span aria-hidden="true">{ symbol }</span>
            <span class="sr-only">{ format!(", {words}") }</span>
        </span>
    }
}
