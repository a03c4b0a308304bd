//! A value's cell: the value with its marks, and, when open, its popover (source, date,
//! confidence, notes, earlier values). Plain markup without state: the view's popover
//! (`popover.rs`) says which one is open.

use super::fragments::best_mark;
use super::popover::{pop_id, Links, Opened};
use super::{prose, what_changed, Data, View};
use crate::core::format::{comparable_text, fact_text, line_text, text_with_reason};
use crate::core::words::{self, Meaning};
use crate::core::{Cell, Row};
use crate::dataset::{Fact, Field, Source, Value};
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
) -> Html {
    let cell = row.cell(field);
    let fact = cell.fact;
    let id = open.map(|_| pop_id(view, (row.index, field)));
    let on_purpose = open == Some(Opened::OnPurpose);
    let links = Links {
        tabindex: (!on_purpose).then_some("-1"),
        above: &fact.sources,
    };
    // One look per meaning: every confirmed absence (false, an empty list, none) alike.
    let meaning = Meaning::of(&fact.value);
    let value_class = classes!(
        "value",
        (meaning == Meaning::Unknown).then_some("unknown"),
        (meaning == Meaning::No).then_some("none"),
        matches!(&fact.value, Value::List(l) if l.len() > 1).then_some("list")
    );
    let tag = if view == View::Cards { "dd" } else { "td" };
    html! {
        <@{tag} class={classes!(best.then_some("best"))} data-p={row.index.to_string()} data-f={field.id()}>
            <button type="button" class={value_class} aria-expanded={if open.is_some() { "true" } else { "false" }}
                    aria-controls={id.clone()}>
                if let Some(mark) = meaning.mark() {
                    <span class="icon" aria-hidden="true">{ mark }{ " " }</span>
                }
                // The compare view has room for a whole list; the line and a card its summary.
                { if view == View::Compare { fact_text(fact) } else { line_text(field, fact) } }
                if let Some(comparable) = comparable_text(fact) {
                    <span class="comparable">{ format!(" ({comparable})") }</span>
                }
                { marks(cell) }
            </button>
            if let Some(id) = id {
                // Opened on purpose, it takes focus next, so arrow keys and Page Down scroll a long one;
                // at a glance it is no stop either (Chromium would make a long one a stop of its own).
                <div class="pop" {id} tabindex={if on_purpose { "0" } else { "-1" }} role={on_purpose.then_some("group")}
                     aria-label={on_purpose.then(|| format!("{}: {}", row.platform.name, field.label()))}>
                    { provenance(data, &row.platform.name, field, cell, links) }
                    { what_changed::value_history(data, row, field, cell, links) }
                </div>
            }
            if best { { best_mark() } }
        </@>
    }
}

/// Visible marks, each with words for screen readers: confidence, age and change.
fn marks(cell: &Cell) -> Html {
    let mark = |symbol: &'static str, words: &'static str, class: &'static str| {
        html! { <><span class={classes!("mark", class)} aria-hidden="true">{ symbol }</span><span class="sr-only">{ words }</span></> }
    };
    html! {
        <>
            if let Some((symbol, words)) = words::confidence_mark(cell.fact.confidence) {
                { mark(symbol, words, cell.fact.confidence.into()) }
            }
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
            // Where the prose file will not come, its first place says why.
            if let Some(note) = &fact.note {
                <p>{ prose::text_explained(note, data) }</p>
            }
            <ul class="pop-sources">
                { for fact.sources.iter().filter_map(|id| data.sources.get(id)).enumerate().map(|(i, s)| html! {
                    <li>
                        { prose::source_link(s, data, i == 0 && fact.note.is_none(), links.tabindex) }
                        { ", " }<time datetime={s.date.to_string()}>{ &*s.date }</time>
                        { checked(s) }
                    </li>
                }) }
            </ul>
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
