//! Pieces of a platform's row that the table, the cards and the compare view all draw: the
//! platform's line and details, its status, the retired note, the verified date, the best mark.

use super::popover::Opened;
use super::{prose, Data, Rows, StaticRender};
use crate::core::url::param;
use crate::core::{words, ColumnSet, Row, StatusAt};
use crate::dataset::{Era, Field, Prose};
use yew::prelude::*;

/// One platform's table row or card.
#[derive(Properties, PartialEq)]
pub struct RowProps {
    /// The rows of the era shown, and the position of this one among them.
    pub rows: Rows,
    pub at: usize,
    pub columns: ColumnSet,
    /// Chosen to compare, and whether the comparison shows.
    pub chosen: Chosen,
    pub oncompare: Callback<String>,
    pub onera: Callback<Era>,
    /// The value whose popover is open in this row, and how it was opened.
    pub open: Option<(Field, Opened)>,
}

/// A platform's compare box: not ticked, ticked, or ticked with the comparison showing (then a
/// link to it follows the box, the way there for keyboard and screen-reader users).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Chosen {
    No,
    Yes,
    Compared,
}

impl Chosen {
    /// Platform `id` among the `compare` ids, of which `rows` holds `present` (the comparison
    /// shows from two).
    pub fn of(id: &str, compare: &[String], present: usize) -> Chosen {
        match (compare.iter().any(|c| c == id), present) {
            (false, _) => Chosen::No,
            (true, 0 | 1) => Chosen::Yes,
            (true, _) => Chosen::Compared,
        }
    }
}

/// Whether a platform's details are open, and the callback that opens and closes them. On the page
/// without scripts (`StaticRender`) they are open from the start.
#[derive(Clone, PartialEq)]
pub struct Details {
    pub open: bool,
    pub still: bool,
    pub toggle: Callback<MouseEvent>,
}

#[hook]
pub fn use_details(data: &Data) -> Details {
    let still = use_context::<StaticRender>().is_some();
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
    chosen: Chosen,
    oncompare: &Callback<String>,
    details: &Details,
    detail_id: &str,
    with_status: bool,
    heading: Heading,
) -> Html {
    let p = row.platform;
    let id = p.id.to_string();
    // The line holds the short name; the title, the details and the page without scripts (which
    // has room and no details button) the full one.
    let shown = if details.still {
        &p.name
    } else {
        &p.short_name
    };
    let name = html! { <a href={p.link.to_string()} rel="noopener" class="name" title={p.name.to_string()}>{ &**shown }</a> };
    let box_ = html! {
        <input type="checkbox" class="compare-box" name={param::COMPARE} value={p.id.to_string()} checked={chosen != Chosen::No}
               aria-label={format!("Compare {}", p.name)} title="Compare side by side"
               onchange={oncompare.reform(move |_: Event| id.clone())} />
    };
    html! {
        // A div: a card's heading (h3) cannot sit inside a span.
        <div class="platform-line">
            // A card has room to say what its box does; the table says it in the column's header.
            if heading == Heading::Card {
                <label class="compare-toggle">{ box_ }<span aria-hidden="true">{ "Compare" }</span></label>
            } else { { box_ } }
            if heading == Heading::Card { <h3>{ name }</h3> } else { { name } }
            if with_status { { status_mark(row.status) } }
            if chosen == Chosen::Compared {
                <a href="#compare" class="to-compare"><span aria-hidden="true">{ "↑ " }</span>{ "Side by side" }</a>
            }
            if !details.still {
                <button type="button" class="more" aria-expanded={if details.open { "true" } else { "false" }}
                        aria-controls={detail_id.to_owned()} onclick={details.toggle.clone()}>
                    <span aria-hidden="true">{ if details.open { "▾" } else { "▸" } }</span>
                    <span class="sr-only">{ format!("Details of {}", p.name) }</span>
                </button>
            }
        </div>
    }
}

/// What does not fit on the line: vendor, status, summary, pros and cons, and its feed when it has
/// a history.
pub fn platform_details(row: &Row, data: &Data) -> Html {
    let p = row.platform;
    html! {
        <div class="details">
            <p class="details-head">
                if p.short_name != p.name { <span class="full-name">{ &*p.name }</span>{ " · " } }
                <span class="vendor">{ &*p.vendor }</span>{ " · " }{ status_badge(row.status) }
            </p>
            <p class="summary-line">{ prose::text_explained(&p.summary, data) }</p>
            { list("Pros", "+", row.pros, data) }
            { list("Cons", "−", row.cons, data) }
            if let Some(feed) = p.feed_file() {
                <p class="feed"><a href={format!("./{feed}")} type="application/atom+xml">
                    { format!("Follow changes to {} (Atom feed)", p.name) }
                </a></p>
            }
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

/// Open, closed to new users, or retired: a symbol and words (`core::words`), never colour alone.
pub fn status_badge(status: StatusAt) -> Html {
    let label = words::status_badge(status);
    match status {
        StatusAt::Active => html! { <span class="badge open">{ label }</span> },
        StatusAt::Closed { since } => html! {
            <span class="badge closed">{ label }<span class="since">{ format!(" since {since}") }</span></span>
        },
        StatusAt::Retired { since, successor } => html! {
            <span class="badge retired">
                { label }{ " " }<time datetime={since.to_owned()}>{ since }</time>
                <span class="since">{ format!("; replaced by {successor}") }</span>
            </span>
        },
    }
}

/// The compact status on a platform's line: nothing when open, otherwise a symbol (explained in
/// the legend), with words for screen readers and in the tooltip.
pub fn status_mark(status: StatusAt) -> Html {
    if status.is_open() {
        return Html::default();
    }
    let (symbol, words) = (words::status_word(status).0, words::status_short(status));
    html! {
        <span class="status-mark" title={words.clone()}>
            <span aria-hidden="true">{ symbol }</span>
            <span class="sr-only">{ format!(", {words}") }</span>
        </span>
    }
}

/// The compare view's mark for the best value of a row, in words as well.
pub fn best_mark() -> Html {
    html! { <span class="best-mark">{ "★ best" }</span> }
}
