//! The history on the page: the "What changed" section (newest first, filterable by platform), a
//! value's history in its popover, the "Last changed" cell and the mark on recent values.

use super::popover::Links;
use super::{prose, use_data, StaticRender};
use crate::core::format::fact_text;
use crate::core::history;
use crate::core::{Cell, Row, RECENT_DAYS};
use crate::dataset::{Change, ChangeKind, Dataset, Era, Field, Platform};
use yew::prelude::*;

/// Corrections shown before "Show all": the newest, enough to see what moved lately.
const FIRST_CORRECTIONS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct WhatChangedProps {
    /// The era the table shows: in 2019's, the section says it is about today's values.
    #[prop_or(Era::Today)]
    pub era: Era,
}

/// The history by day (`core::history`, as the feed groups it), newest first, one platform or
/// all: the changes of free tiers first, then the corrections of our data, the newest of them
/// until "Show all" (or a platform) is chosen; the page without scripts shows all.
#[component]
pub fn WhatChanged(props: &WhatChangedProps) -> Html {
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
    let days = history::days(&data, (!shown.is_empty()).then_some(shown.as_str()));
    let (changes, corrections): (Vec<_>, Vec<_>) = days
        .iter()
        .flat_map(|day| day.lines.iter().map(move |line| (day.platform, line)))
        .partition(|(_, line)| line.change.kind == ChangeKind::Change);
    let values: usize = days.iter().map(|d| d.changes().count()).sum();
    let cut = !(still || *all || !shown.is_empty()) && corrections.len() > FIRST_CORRECTIONS;
    let with_history = data.platforms.iter().filter(|p| !p.history.is_empty());
    let list = |lines: &[(&Platform, &history::Line)], take: usize| {
        html! {
            <ol class="changes">
                { for lines.iter().take(take).map(|(platform, line)| {
                    let c = line.change;
                    html! {
                        <li>
                            <time datetime={c.date.to_string()}>{ &*c.date }</time>{ " " }
                            { kind_badge(c.kind) }{ " " }
                            <strong>{ &*platform.name }</strong>{ ", " }
                            { format!("{}.", line.text()) }
                            if let Some(note) = &c.note { { " " }<span class="change-note">{ &**note }</span> }
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
            if props.era == Era::Y2019 {
                <p class="era-note">{ "These are changes of today's values; the table above shows January 2019's." }</p>
            }
            <p>
                { format!(
                    "{values} values in {} lines (a line is one platform's change of a day, however many fields it touched): {} changes of free tiers, then {} corrections of our own data.",
                    changes.len() + corrections.len(), changes.len(), corrections.len()
                ) }
            </p>
            <p>
                <a href="./feed.xml" type="application/atom+xml">{ "Follow them as a feed (Atom)" }</a>
                { ": paste that link into a feed reader to hear of each new change without coming back (a browser shows the feed as raw XML). Or take " }
                <a href="./platforms.json">{ "the whole dataset as JSON" }</a>
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
            <h3>{ "Changes of free tiers" }</h3>
            if changes.is_empty() {
                <p class="none-recorded">{ "None recorded." }</p>
            } else {
                { list(&changes, usize::MAX) }
            }
            <h3>{ "Corrections of our data" }</h3>
            if corrections.is_empty() {
                <p class="none-recorded">{ "None recorded." }</p>
            } else {
                { list(&corrections, if cut { FIRST_CORRECTIONS } else { usize::MAX }) }
            }
            if cut {
                <button type="button" class="changes-all" onclick={onall}>
                    { format!("Show all {} corrections", corrections.len()) }
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
