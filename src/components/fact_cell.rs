//! A value's cell: the value with its marks, and, when open, its popover (source, date,
//! confidence, notes, earlier values). Plain markup without state: the view's popover
//! (`popover.rs`) says which one is open.

use super::fragments::best_mark;
use super::popover::{pop_id, Links, Opened};
use super::{prose, what_changed, Data, View};
use crate::core::format::{comparable_text, fact_text, line_text, text_with_reason};
use crate::core::words::{self, Meaning};
use crate::core::{compute, Cell, Column, Row};
use crate::dataset::{Allowance, Confidence, Fact, Field, Source, Standing, Text, Value};
use yew::prelude::*;

/// A value's cell (a `td`; a `dd` in a card) with the value and its marks, its popover (source,
/// date, confidence) when open, and ★ when it is the best of a compared row. The cell names its
/// place (`data-p`, `data-f`) for the listeners of its view. The value is one Tab stop: the
/// popover's links join the Tab order only when it is opened on purpose (`Opened`).
pub fn fact_cell(
    data: &Data,
    row: &Row,
    field: Field,
    view: View,
    open: Option<Opened>,
    best: bool,
    bar: Option<i64>,
) -> Html {
    let cell = row.cell(field);
    let fact = cell.fact;
    // One look per meaning: every confirmed absence (false, an empty list, none) alike.
    let meaning = Meaning::of(&fact.value);
    let value_class = classes!(
        "value",
        (meaning == Meaning::Unknown).then_some("unknown"),
        (meaning == Meaning::No).then_some("none"),
        matches!(&fact.value, Value::List(l) if l.len() > 1).then_some("list")
    );
    let value = html! {
        <>
            { icon(meaning) }
            // The compare view has room for a whole list; the line and a card its summary.
            { if view == View::Compare { fact_text(fact) } else { line_text(field, fact) } }
            if let Some(comparable) = comparable_text(fact) {
                <span class="comparable">{ format!(" ({comparable})") }</span>
            }
            { marks(cell) }
        </>
    };
    let at = Place {
        row,
        column: Column::Fact(field),
        view,
        open,
        best,
        bar,
    };
    value_cell(at, value_class, value, &|links| {
        html! {
            <>
                { provenance(data, &row.platform.name, field, cell, links) }
                { what_changed::value_history(data, row, field, cell, Links { above: &fact.sources, ..links }) }
            </>
        }
    })
}

/// Where a value's cell is drawn: its row and column, the view, whether its popover is open,
/// whether it is a compared row's best, and its bar's step.
struct Place<'a, 'r> {
    row: &'a Row<'r>,
    column: Column,
    view: View,
    open: Option<Opened>,
    best: bool,
    bar: Option<i64>,
}

/// The cell around a value, shared by the facts and the compute figure: the button, the popover
/// (drawn only when open), the best mark and the bar. Kept out of line: one copy in the wasm.
#[inline(never)]
fn value_cell(
    at: Place,
    value_class: Classes,
    value: Html,
    popover: &dyn Fn(Links) -> Html,
) -> Html {
    let id = at.open.map(|_| pop_id(at.view, (at.row.index, at.column)));
    let on_purpose = at.open == Some(Opened::OnPurpose);
    let links = Links {
        tabindex: (!on_purpose).then_some("-1"),
        above: &[],
    };
    let tag = if at.view == View::Cards { "dd" } else { "td" };
    html! {
        <@{tag} class={classes!(at.best.then_some("best"), at.bar.is_some().then_some("has-bar"))} data-p={at.row.index.to_string()} data-f={at.column.id()}>
            <button type="button" class={value_class} aria-expanded={if at.open.is_some() { "true" } else { "false" }}
                    aria-controls={id.clone()}>
                { value }
            </button>
            if let Some(id) = id {
                // Opened on purpose, it takes focus next, so arrow keys and Page Down scroll a long one;
                // at a glance it is no stop either (Chromium would make a long one a stop of its own).
                <div class="pop" {id} tabindex={if on_purpose { "0" } else { "-1" }} role={on_purpose.then_some("group")}
                     aria-label={on_purpose.then(|| format!("{}: {}", at.row.platform.name, at.column.label()))}>
                    { popover(links) }
                </div>
            }
            if at.best { { best_mark() } }
            if let Some(step) = at.bar {
                // Hidden from screen readers: the value is the text.
                <span class={BAR_CLASSES.get(step as usize).copied().unwrap_or("bar")} aria-hidden="true"></span>
            }
        </@>
    }
}

/// The bar's classes, one a step (`core::bars::STEPS` + 1): the stylesheet sizes them.
const BAR_CLASSES: [&str; 21] = [
    "bar bar-w0",
    "bar bar-w1",
    "bar bar-w2",
    "bar bar-w3",
    "bar bar-w4",
    "bar bar-w5",
    "bar bar-w6",
    "bar bar-w7",
    "bar bar-w8",
    "bar bar-w9",
    "bar bar-w10",
    "bar bar-w11",
    "bar bar-w12",
    "bar bar-w13",
    "bar bar-w14",
    "bar bar-w15",
    "bar bar-w16",
    "bar bar-w17",
    "bar bar-w18",
    "bar bar-w19",
    "bar bar-w20",
];

fn icon(meaning: Meaning) -> Html {
    match meaning.mark() {
        Some(mark) => html! { <span class="icon" aria-hidden="true">{ mark }{ " " }</span> },
        None => Html::default(),
    }
}

/// A visible mark with its words for screen readers.
fn mark(symbol: &'static str, words: &'static str, class: &'static str) -> Html {
    html! { <><span class={classes!("mark", class)} aria-hidden="true">{ symbol }</span><span class="sr-only">{ words }</span></> }
}

/// ≈ or ⚠ for an uncertain or disputed value (a quick pick's too).
pub(super) fn confidence_mark(confidence: Confidence) -> Html {
    match words::confidence_mark(confidence) {
        Some((symbol, words)) => mark(symbol, words, confidence.into()),
        None => Html::default(),
    }
}

/// Visible marks, each with words for screen readers: confidence, age and change.
fn marks(cell: &Cell) -> Html {
    html! {
        <>
            { confidence_mark(cell.fact.confidence) }
            if cell.from_2019 { { mark("2019", " (2019 value; no newer one entered)", "old") } }
            if cell.was.is_some() { { mark("Δ", " (changed since 2019)", "changed") } }
            { what_changed::recent_mark(cell) }
        </>
    }
}

fn provenance(data: &Data, platform: &str, field: Field, cell: &Cell, links: Links) -> Html {
    let fact = cell.fact;
    html! {
        <>
            <p class="pop-title"><strong>{ format!("{platform}: {}", field.label()) }</strong></p>
            // The whole value (the line may show a summary), and why it is "no" or "unknown".
            <p class="pop-value">{ text_with_reason(fact) }{ comparable_text(fact).map(|c| format!(" ({c})")) }</p>
            { fact_lines(data, fact, links) }
            if let Some(alt) = &fact.alt {
                <p class="pop-alt">{ "Another source says: " }<strong>{ text_with_reason(alt) }</strong></p>
                { fact_lines(data, alt, links) }
            }
            if cell.from_2019 {
                <p>{ "No newer value has been entered; this one is from 2019." }</p>
            }
            if let Some(was) = cell.was {
                <p class="pop-was">{ "In 2019: " }<strong>{ text_with_reason(was) }</strong></p>
            }
        </>
    }
}

fn fact_lines(data: &Data, fact: &Fact, links: Links) -> Html {
    html! {
        <>
            <p>{ "Confidence: " }{ fact.confidence.label() }</p>
            if let Value::Unknown(reason) = &fact.value {
                <p>{ "Why unknown: " }{ &**reason }</p>
            }
            if let Value::None(reason) = &fact.value {
                <p>{ "None: " }{ &**reason }</p>
            }
            // Where the prose file will not come, its first place says why.
            if let Some(note) = &fact.note {
                <p>{ prose::text_explained(note, data) }</p>
            }
            { sources(data, &fact.sources, fact.note.is_none(), links) }
        </>
    }
}

/// A value's sources, linked, each with its date; `explain` as for `prose::source_link`.
fn sources(data: &Data, ids: &[Text], explain: bool, links: Links) -> Html {
    html! {
        <ul class="pop-sources">
            { for ids.iter().filter_map(|id| data.sources.get(id)).enumerate().map(|(i, s)| html! {
                <li>
                    { prose::source_link(s, data, explain && i == 0, links.tabindex) }
                    { ", " }<time datetime={s.date.to_string()}>{ &*s.date }</time>
                    { checked(s) }
                </li>
            }) }
        </ul>
    }
}

/// The "GPU compute a week" cell: the figure's words with its confidence mark, and, when open, a
/// popover with its own arithmetic (from the prose file), the allowance's confidence and sources,
/// and another source's reading where they conflict.
pub fn compute_cell(
    data: &Data,
    row: &Row,
    view: View,
    open: Option<Opened>,
    best: bool,
    bar: Option<i64>,
) -> Html {
    let column = Column::Compute;
    let allowance = compute::allowance(row);
    let figure = allowance.map(|a| &a.figure);
    let standing = figure.map_or(Standing::Unknown, |f| f.standing);
    // Short in the cell, so the Essentials fit 1280 px: the header says "a week", and the
    // popover has the figure's whole words (and why none or unknown).
    let (icon, text) = match (standing, figure) {
        (Standing::Weekly, Some(f)) => (
            Meaning::Stated,
            f.text.strip_suffix("/week").unwrap_or(&f.text),
        ),
        (Standing::Once, Some(f)) => (Meaning::Stated, &*f.text),
        (Standing::None, _) => (Meaning::No, Meaning::No.word().unwrap_or_default()),
        _ => (
            Meaning::Unknown,
            Meaning::Unknown.word().unwrap_or_default(),
        ),
    };
    let value_class = classes!(
        "value",
        (standing == Standing::Unknown).then_some("unknown"),
        (standing == Standing::None).then_some("none"),
    );
    let confidence = allowance.map_or(Confidence::Verified, |a| a.confidence);
    let value = html! {
        <>
            { self::icon(icon) }
            { text }
            { confidence_mark(confidence) }
        </>
    };
    let at = Place {
        row,
        column,
        view,
        open,
        best,
        bar,
    };
    value_cell(at, value_class, value, &|links| {
        html! {
            <>
                <p class="pop-title"><strong>{ format!("{}: {}", row.platform.name, column.label()) }</strong></p>
                if let Some(allowance) = allowance {
                    { allowance_lines(data, allowance, links) }
                    if let Some(alt) = &allowance.alt {
                        <p class="pop-alt">{ "Another source says: " }</p>
                        { allowance_lines(data, alt, links) }
                    }
                }
            </>
        }
    })
}

fn allowance_lines(data: &Data, allowance: &Allowance, links: Links) -> Html {
    html! {
        <>
            <p class="pop-value"><strong>{ &*allowance.figure.text }</strong></p>
            <p class="pop-sum">{ prose::text_explained(&allowance.figure.arithmetic, data) }</p>
            <p>{ "Confidence: " }{ allowance.confidence.label() }</p>
            if let Some(note) = &allowance.note {
                <p>{ prose::text(note, data) }</p>
            }
            { sources(data, &allowance.sources, false, links) }
        </>
    }
}

/// When the source checker last re-read a source and its text was accepted (`check-sources
/// --accept`, after any drift was fixed): nothing until the data records it.
fn checked(source: &Source) -> Html {
    let Some(day) = &source.checked else {
        return Html::default();
    };
    html! {
        <span class="checked">{ "; re-read " }<time datetime={day.to_string()}>{ &**day }</time>{ ": still says so" }</span>
    }
}
