//! The history on the page: the "What changed" section (newest first, filterable by platform), a
//! value's history in its popover, the "Last changed" cell and the mark on recent values.
//!
//! What changed is the same in every state, so the prerender writes it after the app's root
//! ([`PageHistory`]) and the wasm neither draws nor hydrates it: the page carries neither the
//! history's notes nor its sources' titles (they are in the prose file, for the popovers).

use super::popover::Links;
use super::{prose, use_data, Data, StaticRender};
use crate::core::format::fact_text;
use crate::core::history;
use crate::core::{Cell, Row, RECENT_DAYS};
use crate::dataset::{Change, ChangeKind, Era, Field, Platform};
use yew::prelude::*;

/// Corrections the index shows: the newest, enough to see what moved lately.
const FIRST_CORRECTIONS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct PageHistoryProps {
    pub data: Data,
}

/// What changed in index.html, after the app's root (an embed hides it with the footer).
#[component]
pub fn PageHistory(props: &PageHistoryProps) -> Html {
    html! {
        <ContextProvider<Data> context={props.data.clone()}>
            <div class="page changes-page"><WhatChanged /></div>
        </ContextProvider<Data>>
    }
}

/// The history by day (`core::history`, as the feed groups it), newest first: the changes of free
/// tiers first, then the corrections of our data. The page without scripts has every line; the
/// index the newest corrections, and links to that page for the rest (each line with its sources
/// weighs on the index's budget). One platform's history is in its values' popovers and its feed.
#[component]
pub fn WhatChanged() -> Html {
    let data = use_data();
    let still = use_context::<StaticRender>().is_some();
    let days = history::days(&data, None);
    let (changes, corrections): (Vec<_>, Vec<_>) = days
        .iter()
        .flat_map(|day| day.lines.iter().map(move |line| (day.platform, line)))
        .partition(|(_, line)| line.change.kind == ChangeKind::Change);
    let values: usize = days.iter().map(|d| d.changes().count()).sum();
    let shown = if still {
        corrections.len()
    } else {
        FIRST_CORRECTIONS
    };
    let list = |lines: &[(&Platform, &history::Line)]| {
        if lines.is_empty() {
            return html! { <p class="none-recorded">{ "None recorded." }</p> };
        }
        html! {
            <ol class="changes">
                { for lines.iter().map(|(platform, line)| {
                    let c = line.change;
                    html! {
                        <li>
                            <time datetime={c.date.to_string()}>{ &*c.date }</time>{ " " }
                            { kind_badge(c.kind) }{ " " }
                            <strong>{ &*platform.name }</strong>{ ", " }
                            { format!("{}.", line.text()) }
                            if let Some(note) = c.note.as_ref().and_then(|n| n.text()) { { " " }<span class="change-note">{ note }</span> }
                            { " " }{ sources(&data, c, None, &[]) }
                        </li>
                    }
                }) }
            </ol>
        }
    };
    html! {
        <section class="what-changed" aria-labelledby="what-changed-title">
            <h2 id="what-changed-title">{ "What changed" }</h2>
            <p>{ history::count_sentence(values, changes.len(), corrections.len()) }</p>
            <p>
                <a href="./feed.xml" type="application/atom+xml">{ "Follow them as a feed (Atom)" }</a>
                { ": paste that link into a feed reader to hear of each new change without coming back (a browser shows the feed as raw XML); each platform also has a feed of its own. Or take " }
                <a href="./platforms.json">{ "the whole dataset as JSON" }</a>
                { " (" }<a href="./platforms.schema.json">{ "schema" }</a>{ ", " }
                <a href="./platforms.csv">{ "CSV" }</a>{ ")." }
            </p>
            <h3>{ "Changes of free tiers" }</h3>
            { list(&changes) }
            <h3>{ "Corrections of our data" }</h3>
            { list(&corrections[..shown.min(corrections.len())]) }
            if shown < corrections.len() {
                <p class="changes-more">
                    { format!("The newest {shown} of {}. ", corrections.len()) }
                    <a href={ALL_CHANGES}>{ format!("All {} corrections", corrections.len()) }</a>
                    { ", with their sources, are on the page of every value." }
                </p>
            }
        </section>
    }
}

/// Where every line of the history is: `table.html`, the page without scripts.
const ALL_CHANGES: &str = "./table.html#what-changed-title";

/// The kind in words, never colour alone.
fn kind_badge(kind: ChangeKind) -> Html {
    match kind {
        ChangeKind::Change => html! { <span class="badge change">{ "Changed" }</span> },
        ChangeKind::Correction => html! { <span class="badge correction">{ "Corrected" }</span> },
    }
}

/// A change's sources, linked; in a popover, one linked above already (`linked`) is named, not
/// linked again, so each link is one Tab stop. Their words are in the prose file, which a popover
/// fetches when it opens (natively, in What changed, they are here).
fn sources(data: &Data, c: &Change, tabindex: Option<&'static str>, linked: &[&str]) -> Html {
    html! {
        <span class="change-sources">
            { "Source: " }
            { for c.sources.iter().filter_map(|id| Some((id, data.sources.get(id)?))).enumerate().map(|(i, (id, source))| html! {
                <>
                    if i > 0 { { "; " } }
                    if linked.contains(&&**id) { { prose::text(&source.title, data) }{ " (above)" } }
                    else { { prose::source_link(source, data, false, tabindex) } }
                </>
            }) }
        </span>
    }
}

/// A value's earlier values in its popover, newest first: "Was 8 GB until 2026-11-30 (corrected)."
pub fn value_history(data: &Data, row: &Row, field: Field, cell: &Cell, links: Links) -> Html {
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
