//! The comparison table: a header that sorts, one line per platform with its details below it,
//! and the legend of its marks.

use super::browser::use_fits;
use super::fact_cell::fact_cell;
use super::fragments::{
    platform_details, platform_line, retired_note, status_badge, use_details, verified, Chosen,
    Heading, RowProps,
};
use super::popover::use_popover;
use super::{use_data, what_changed, Rows, View};
use crate::core::{number_word, words, Column, ColumnSet, Direction, SortKey, StatusAt};
use crate::dataset::Era;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlatformTableProps {
    /// The rows of the era shown, and the positions of the ones to show, in display order.
    pub rows: Rows,
    pub shown: Rc<Vec<usize>>,
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
    let caption = match props.rows.era {
        Era::Today => "Free tiers of ML platforms today".to_owned(),
        Era::Y2019 => format!(
            "Free tiers of the article's {} platforms in January 2019",
            number_word(props.rows.len())
        ),
    };
    // The box is a Tab stop only when it scrolls sideways: there is nothing to scroll otherwise.
    let (scroll, fits) = use_fits(props.columns);
    let present = props.rows.chosen(&props.compare).count();
    html! {
        <>
        { on.on(html! {
        <div ref={scroll} class={classes!("table-scroll", "results-table", fits.then_some("fits"))} role="region" aria-labelledby={props.caption_id.clone()}
             tabindex={(!fits).then_some("0")}>
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
                    { for props.shown.iter().map(|&at| (at, &props.rows[at])).map(|(at, r)| html! {
                        <TableRow key={&*r.platform.id} rows={props.rows.clone()} {at} columns={props.columns}
                                  chosen={Chosen::of(&r.platform.id, &props.compare, present)} oncompare={props.oncompare.clone()}
                                  onera={props.onera.clone()}
                                  open={popover.in_line(r.index)} />
                    }) }
                </tbody>
            </table>
        </div>
        }) }
        <p class="legend">
            { "Marks: ≈ uncertain (observed or old) · ⚠ sources conflict · Δ changed since 2019 · " }{ what_changed::RECENT_LEGEND }
            <span class="mark old">{ "2019" }</span>
            { format!(" no newer value entered · {} · ◐ closed to new users.", words::value_legend()) }
            // Not without JavaScript (noscript.css), where a value opens nothing.
            <span class="js-only">{ " Hover, focus or tap any value for its source, date and confidence." }</span>
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
            // Over the rows' compare boxes: what they do, before any is ticked.
            if column == Column::Name { <span class="compare-label">{ "Compare" }</span> }
            // The value names the column for assets/early.js, which records a click made before the wasm.
            <button type="button" value={column.id()} {onclick}>
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

/// One platform's line, and its details below it when opened. A component of its own with small
/// props, so a re-sort or a filter tick only moves the rows it keeps instead of drawing each again.
#[component]
fn TableRow(props: &RowProps) -> Html {
    let data = use_data();
    let details = use_details(&data);
    let Some(row) = props.rows.get(props.at) else {
        return Html::default();
    };
    let id = &row.platform.id;
    let detail_id = format!("detail-t-{id}");
    let width = props.columns.iter().count();
    let name = html! {
        <th scope="row" class="sticky">
            { platform_line(row, props.chosen, &props.oncompare, &details, &detail_id, !props.columns.contains(Column::Status), Heading::Cell) }
        </th>
    };
    let line = if let StatusAt::Retired { .. } = row.status {
        // Nothing of a retired platform is left to compare: one short line says so.
        html! {
            <tr id={format!("row-{id}")} class="not-open retired">
                { name }
                if width > 1 {
                    <td colspan={(width - 1).to_string()} class="retired-note">{ retired_note(row, &props.onera, details.still) }</td>
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
                        fact_cell(&data, row, field, View::Table, props.open.filter(|o| o.0 == field).map(|o| o.1), false)
                    }
                    Column::Verified => verified(row),
                    Column::Changed => what_changed::last_changed(row, "td"),
                }) }
            </tr>
        }
    };
    html! {
        <>
            { line }
            if details.open {
                <tr class="detail" id={detail_id}>
                    <td colspan={width.to_string()}>{ platform_details(row, &data) }</td>
                </tr>
            }
        </>
    }
}
