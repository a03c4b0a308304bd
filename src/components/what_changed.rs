//! The history on the page: the "What changed" section (newest first, filterable by platform), a
//! value's history in its popover, the "Last changed" cell and the mark on recent values.

use super::fact_cell::Links;
use super::{prose, use_data, StaticRender};
use crate::core::format::fact_text;
use crate::core::{Cell, Row, RECENT_DAYS};
use crate::dataset::{Change, ChangeKind, Dataset, Era, Field, Platform};
use yew::prelude::*;

/// Lines shown before "Show all": the newest, enough to see what moved lately.
const FIRST_LINES: usize = 8;

/// Entries of one platform on one day that say the same thing of several fields: Azure's 18 "unknown →
/// service retired" read as one line.
struct Line<'a> {
    platform: &'a Platform,
    change: &'a Change,
    fields: Vec<&'static str>,
}

/// The history as lines, newest day first (within a day, table order, then file order).
fn lines<'a>(data: &'a Dataset, platform: &str) -> Vec<Line<'a>> {
    let mut out: Vec<Line> = Vec::new();
    for p in data
        .platforms
        .iter()
        .filter(|p| platform.is_empty() || p.id == platform)
    {
        for c in &p.history {
            let label = c.field().map_or("?", Field::label);
            match out.last_mut() {
                Some(line) if line.platform.id == p.id && same_but_field(line.change, c) => {
                    line.fields.push(label)
                }
                _ => out.push(Line {
                    platform: p,
                    change: c,
                    fields: vec![label],
                }),
            }
        }
    }
    out.sort_by(|a, b| b.change.date.cmp(&a.change.date));
    out
}

fn same_but_field(a: &Change, b: &Change) -> bool {
    (&a.date, a.kind, &a.from, &a.to, &a.sources, &a.note)
        == (&b.date, b.kind, &b.from, &b.to, &b.sources, &b.note)
}

/// Every history entry, newest day first, each with its sources; one platform or all. The first
/// lines only until "Show all" (or a platform) is chosen; the page without scripts shows all.
#[component]
pub fn WhatChanged() -> Html {
    let data = use_data();
    let still = use_context::<StaticRender>().is_some();
    let shown = use_state_eq(String::new);
    let all = use_state_eq(|| false);
    let onchange = {
        let shown = shown.setter();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            shown.set(select.value());
        })
    };
    let onall = {
        let all = all.setter();
        Callback::from(move |_: MouseEvent| all.set(true))
    };
    let lines = lines(&data, &shown);
    let entries: usize = data.platforms.iter().map(|p| p.history.len()).sum();
    let cut = !(still || *all || !shown.is_empty()) && lines.len() > FIRST_LINES;
    let with_history = data.platforms.iter().filter(|p| !p.history.is_empty());
    html! {
        <section class="what-changed" aria-labelledby="what-changed-title">
            <h2 id="what-changed-title">{ "What changed" }</h2>
            <p>
                { format!("{entries} dated changes of today's values, each a change of a free tier or a correction of our data. ") }
                <a href="./feed.xml" type="application/atom+xml">{ "Follow them as a feed (Atom)" }</a>
                { ", or take " }<a href="./platforms.json">{ "the whole dataset as JSON" }</a>
                { " (" }<a href="./platforms.schema.json">{ "schema" }</a>{ ", " }
                <a href="./platforms.csv">{ "CSV" }</a>{ ")." }
            </p>
            if !still {
                <fieldset class="changes-filter">
                    <legend>{ "Show changes of" }</legend>
                    <label for="changes-platform">{ "Platform" }</label>
                    <select id="changes-platform" name="changes" {onchange}>
                        <option value="" selected={shown.is_empty()}>{ "All platforms" }</option>
                        { for with_history.map(|p| html! {
                            <option value={p.id.to_string()} selected={p.id == *shown}>{ &*p.name }</option>
                        }) }
                    </select>
                </fieldset>
            }
            <ol class="changes">
                { for lines.iter().take(if cut { FIRST_LINES } else { usize::MAX }).map(|line| {
                    let c = line.change;
                    html! {
                        <li>
                            <time datetime={c.date.to_string()}>{ &*c.date }</time>{ " " }
                            { kind_badge(c.kind) }{ " " }
                            <strong>{ &*line.platform.name }</strong>{ ", " }
                            { format!("{}: {} → {}.", line.fields.join(", "), fact_text(&c.from.as_fact()), fact_text(&c.to.as_fact())) }
                            if let Some(note) = &c.note { { " " }<span class="change-note">{ &**note }</span> }
                            { " " }{ sources(&data, c, None, &[]) }
                        </li>
                    }
                }) }
            </ol>
            if cut {
                <button type="button" class="changes-all" onclick={onall}>
                    { format!("Show all {} lines", lines.len()) }
                </button>
            }
        </section>
    }
}

/// The kind in words, never colour alone.
fn kind_badge(kind: ChangeKind) -> Html {
    match kind {
        ChangeKind::Change => html! { <span class="badge change">{ "Changed" }</span> },
        ChangeKind::Correction => html! { <span class="badge correction">{ "Corrected" }</span> },
    }
}

/// A change's sources, linked; in a popover, one linked above already (`linked`) is named, not
/// linked again, so each link is one Tab stop.
fn sources(data: &Dataset, c: &Change, tabindex: Option<&'static str>, linked: &[&str]) -> Html {
    html! {
        <span class="change-sources">
            { "Source: " }
            // The history's sources stay compiled in (dataset::prose): always here.
            { for c.sources.iter().filter_map(|id| Some((id, prose::link(data.sources.get(id)?)?))).enumerate().map(|(i, (id, (url, title)))| html! {
                <>
                    if i > 0 { { "; " } }
                    if linked.contains(&&**id) { { title.to_owned() }{ " (above)" } }
                    else { <a href={url.to_owned()} rel="noopener" {tabindex}>{ title.to_owned() }</a> }
                </>
            }) }
        </span>
    }
}

/// A value's earlier values in its popover, newest first: "Was 8 GB until 2026-11-30 (corrected)."
pub fn value_history(data: &Dataset, row: &Row, field: Field, cell: &Cell, links: Links) -> Html {
    if row.era != Era::Today || cell.from_2019 {
        return Html::default();
    }
    let entries: Vec<&Change> = row.platform.history_of(field).collect();
    if entries.is_empty() {
        return Html::default();
    }
    let mut linked: Vec<&str> = links.above.iter().map(|id| &**id).collect();
    html! {
        <ul class="pop-history">
            { for entries.into_iter().rev().map(|c| {
                let line = html! {
                    <li>
                        { "Was " }<strong>{ fact_text(&c.from.as_fact()) }</strong>
                        { " until " }<time datetime={c.date.to_string()}>{ &*c.date }</time>
                        { match c.kind { ChangeKind::Change => " (changed). ", ChangeKind::Correction => " (our correction). " } }
                        { sources(data, c, links.tabindex, &linked) }
                    </li>
                };
                linked.extend(c.sources.iter().map(|id| &**id));
                line
            }) }
        </ul>
    }
}

/// The mark on a value changed at most `RECENT_DAYS` before the dataset date, in words too.
pub fn recent_mark(cell: &Cell) -> Html {
    let Some(c) = cell.recent else {
        return Html::default();
    };
    let words = match c.kind {
        ChangeKind::Change => format!(" (changed {})", c.date),
        ChangeKind::Correction => format!(" (corrected {})", c.date),
    };
    html! {
        <>
            <span class="mark recent" aria-hidden="true">{ "✱" }</span>
            <span class="sr-only">{ words }</span>
        </>
    }
}

/// The "Last changed" cell (`td`, or a card's `dd`).
pub fn last_changed(row: &Row, tag: &'static str) -> Html {
    html! {
        <@{tag} class="changed">
            if let Some(date) = row.last_changed {
                <time datetime={date.to_owned()}>{ date }</time>
            } else {
                <span class="none-recorded">{ "none recorded" }</span>
            }
        </@>
    }
}

/// The legend's words for the recent mark.
pub const RECENT_LEGEND: &str = "✱ changed or corrected in the last 90 days · ";

const _: () = assert!(RECENT_DAYS == 90, "RECENT_LEGEND names the number of days");
