//! The components rendered natively with yew's server renderer, on the fixture dataset handed to
//! `App` as a prop: table semantics, the order and filters of the state, the compare view, the
//! cards, and the exact markup of the small components.

use free_ml_platforms::components::era_switch::{EraSwitch, EraSwitchProps};
use free_ml_platforms::core::{Action, Column, Filter, Preset, State};
use free_ml_platforms::dataset::{Dataset, Era, Field};
use yew::{Callback, LocalServerRenderer};

mod common;
use common::FIXTURE;

async fn render(initial: State) -> String {
    common::render_page(Dataset::parse(FIXTURE).unwrap(), initial).await
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

/// The text between `start` and the next `<`, for each `start` in the part of `html` after `from`.
fn texts_after(html: &str, from: &str, start: &str) -> Vec<String> {
    let part = &html[html.find(from).unwrap_or_else(|| panic!("no {from}"))..];
    part.split(start)
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_owned())
        .collect()
}

/// Platform names in the order the table body shows them.
fn row_names(html: &str) -> Vec<String> {
    let body = &html[html.find("<tbody>").expect("a table body")..html.find("</tbody>").unwrap()];
    texts_after(body, "<tbody>", r#"class="name">"#)
}

fn sorted(q: &str) -> State {
    State::from_query(q)
}

#[tokio::test]
async fn default_page_is_an_accessible_sortable_table_of_the_essentials() {
    let html = render(State::default()).await;
    assert_eq!(count(&html, "<table"), 1);
    assert!(html.contains(r#"<caption id="table-caption">Free tiers of ML platforms today"#));
    let heads = texts_after(&html, "<thead>", r#"<th scope="col""#);
    assert_eq!(heads.len(), 9, "Essentials: name, 7 fields and GPU compute");
    // Each header's button names its column in its value (for assets/early.js), then its label.
    let labels: Vec<String> = texts_after(
        &html[..html.find("</thead>").unwrap()],
        "<thead>",
        r#"<button type="button" value=""#,
    )
    .iter()
    .map(|t| {
        t.split_once("\">")
            .expect("a value, then the label")
            .1
            .to_owned()
    })
    .collect();
    // The preset's columns (their words are pinned in the preset and field tables' snapshots).
    let essentials: Vec<&str> = Preset::Essentials
        .columns()
        .iter()
        .map(Column::label)
        .collect();
    assert_eq!(labels, essentials);
    assert_eq!(
        count(&html, r#"<th scope="col" aria-sort="#),
        1,
        "aria-sort only on the sorted column"
    );
    assert!(html.contains(r#"<th scope="col" aria-sort="ascending" class="sorted sticky"><span class="compare-label">Compare</span><button type="button" value="name">Platform"#));
    assert_eq!(
        row_names(&html),
        [
            "Alpha Notebooks",
            "beta Lab",
            "Delta Calc",
            "Epsilon GPU",
            "Zeta Cloud",
            "Gamma Notebooks"
        ],
        "retired gamma last"
    );
    assert!(html.contains(r#"<fieldset class="filters"><legend>Must have</legend>"#));
    assert!(html.contains(r#"<fieldset class="minimums"><legend>At least</legend>"#));
    assert_eq!(
        count(&html, r#"type="checkbox" name="f">"#),
        Filter::all().count()
    );
    assert!(html.contains(r#"<p id="results" role="status" aria-live="polite" tabindex="-1" class="summary">Sorted by Platform, A to Z. 6 of 6 platforms shown.</p>"#));
    // Assumed to fit, the box is no Tab stop: nothing to scroll (the page adds one if it must).
    assert!(html.contains(
        r#"role="region" aria-labelledby="table-caption" class="table-scroll results-table fits""#
    ));
    assert!(
        !html.contains("style="),
        "no inline styles: the page runs under a strict CSP"
    );
}

#[tokio::test]
async fn rows_follow_the_sort_and_values_show_units_and_none() {
    let html = render(sorted("sort=-ram")).await;
    // zeta 16 GB, alpha 12.7, delta 1–2, epsilon 512 MB, beta unknown; gamma (4 GB) is retired.
    assert_eq!(
        row_names(&html),
        [
            "Zeta Cloud",
            "Alpha Notebooks",
            "Delta Calc",
            "Epsilon GPU",
            "beta Lab",
            "Gamma Notebooks"
        ]
    );
    assert!(html.contains(r#"aria-sort="descending""#));
    assert!(html.contains("512 MB") && html.contains("1–2 GB") && html.contains("9 h or more"));
    assert!(
        html.contains("720 min"),
        "numbers keep the unit they were written in"
    );
    // One word for a confirmed absence and one for unknown (core::words); the reason is the popover's.
    assert!(
        html.contains(r#"class="value none"><span aria-hidden="true" class="icon">✗ </span>no<"#)
    );
    assert!(html.contains(
        r#"class="value unknown"><span aria-hidden="true" class="icon">? </span>unknown<"#
    ));
}

#[tokio::test]
async fn multi_sort_headers_show_each_keys_place_in_words_and_symbols() {
    let html = render(sorted("sort=card,-ram")).await;
    assert_eq!(
        row_names(&html),
        [
            "Alpha Notebooks",
            "Delta Calc",
            "Epsilon GPU",
            "beta Lab",
            "Zeta Cloud",
            "Gamma Notebooks"
        ]
    );
    assert_eq!(count(&html, "aria-sort="), 1);
    assert!(html.contains(r#"<th scope="col" aria-sort="ascending" class="sorted"><button type="button" value="card">Card needed<span aria-hidden="true" class="sort-icon">▲<span class="sort-rank">1</span></span></button></th>"#));
    assert!(html.contains(r#"RAM<span aria-hidden="true" class="sort-icon">▼<span class="sort-rank">2</span></span><span class="sr-only">, sort key 2, largest first</span>"#));
    assert!(html.contains(
        "Sorted by Card needed, no first, then RAM, largest first. 6 of 6 platforms shown."
    ));
}

#[tokio::test]
async fn boxes_and_minimums_narrow_rows_and_count_each_choice() {
    let html = render(sorted("f=gpu")).await;
    assert_eq!(
        row_names(&html),
        ["Alpha Notebooks", "Epsilon GPU", "Zeta Cloud"]
    );
    assert!(html.contains(r#"Free GPU<span class="count"> (3)</span>"#));
    assert!(
        html.contains(r#"Free TPU<span class="count"> (1)</span>"#),
        "GPU and TPU: alpha only"
    );
    assert_eq!(
        count(
            &html,
            r#"<input value="gpu" checked type="checkbox" name="f">"#
        ),
        1
    );
    assert_eq!(
        count(&html, r#" checked type="checkbox" name="f""#),
        1,
        "only the GPU box"
    );
    // RAM steps with the GPU box ticked: alpha 12.7, epsilon 0.512, zeta 16.
    let ram = &html[html.find(r#"name="min-ram""#).unwrap()..];
    let ram = &ram[..ram.find("</select>").unwrap()];
    let options = texts_after(ram, "", "\">");
    let options: Vec<&String> = options.iter().filter(|o| !o.is_empty()).collect();
    assert_eq!(
        options,
        [
            "any (3)",
            "≥ 4 GB (2)",
            "≥ 8 GB (2)",
            "≥ 16 GB (1)",
            "≥ 32 GB (0)"
        ]
    );
    let html = render(sorted("min=session:12")).await;
    assert_eq!(
        row_names(&html),
        ["Alpha Notebooks", "beta Lab", "Delta Calc"]
    );
}

#[tokio::test]
async fn no_match_says_so_and_offers_to_clear() {
    let html = render(sorted("f=tpu,r&min=ram:32")).await;
    assert!(!html.contains("<table"));
    assert!(html.contains("No platform has all of: Free TPU, R language, RAM at least 32 GB."));
    assert!(html.contains(r#"<button type="button">Clear filters</button>"#));
}

#[tokio::test]
async fn the_2019_view_shows_the_article_platforms_as_they_were() {
    let html = render(sorted("era=2019")).await;
    assert_eq!(
        row_names(&html),
        ["Alpha Notebooks", "Delta Calc", "Gamma Notebooks"]
    );
    assert!(html.contains("in January 2019"));
    assert!(!html.contains("Retired"), "gamma still ran in 2019");
    let today = render(State::default()).await;
    // Today gamma is one short line: no value cells, the date, its successor and a way back.
    let gamma = &today[today.find(r#"<tr id="row-gamma""#).unwrap()..];
    let gamma = &gamma[..gamma.find("</tr>").unwrap()];
    assert!(gamma.contains(r#"<td colspan="8" class="retired-note"><span aria-hidden="true">✕ </span>Retired <time datetime="2020-10-09">2020-10-09</time>; replaced by Gamma ML. <button type="button" class="link-button">See its 2019 values</button></td>"#), "{gamma}");
    assert_eq!(count(gamma, "data-f="), 0);
}

#[tokio::test]
async fn each_platform_is_one_line_with_its_details_behind_a_button() {
    // The line shows the short name; the link's title, the box's and button's words the full one.
    let mut json: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    json["platforms"][3]["short_name"] = "Delta".into();
    let data = Dataset::parse(&json.to_string()).unwrap();
    let html = common::render_page(data, State::default()).await;
    let delta = &html[html.find(r#"<tr id="row-delta""#).unwrap()..];
    let delta = &delta[..delta.find("</tr>").unwrap()];
    assert!(delta.contains(concat!(
        r#"<th scope="row" class="sticky"><div class="platform-line">"#,
        r#"<input value="delta" type="checkbox" name="cmp" aria-label="Compare Delta Calc" title="Compare side by side" class="compare-box">"#,
        r#"<a href="https://example.org/delta" rel="noopener" title="Delta Calc" class="name">Delta</a>"#,
        r#"<span title="closed to new users since 2024-07-01" class="status-mark"><span aria-hidden="true">◐</span><span class="sr-only">, closed to new users since 2024-07-01</span></span>"#,
        r#"<button type="button" aria-expanded="false" aria-controls="detail-t-delta" class="more"><span aria-hidden="true">▸</span><span class="sr-only">Details of Delta Calc</span></button>"#,
        "</div></th>"
    )), "{delta}");
    // A card's heading is a block of its own (an h3 inside a span is invalid HTML).
    assert!(html.contains(r#"<div class="platform-line"><input value="delta""#));
    assert!(!html.contains(r#"<span class="platform-line">"#));
    // Closed, the details are not drawn; the vendor, summary, pros and cons wait behind the button.
    assert_eq!(count(&html, r#"class="detail""#), 0);
    assert!(!html.contains("Closed to new users."), "the summary waits");
    // An open platform carries no status mark on its line.
    let alpha = &html[html.find(r#"<tr id="row-alpha""#).unwrap()..];
    assert!(!alpha[..alpha.find("</tr>").unwrap()].contains("status-mark"));
}

#[tokio::test]
async fn gpu_time_shows_the_vendors_terms_and_hours_a_week() {
    let html = render(State::default()).await;
    let cell = |id: &str| {
        let from = r#"data-f="gpu_quota""#;
        let row = &html[html.find(&format!(r#"<tr id="row-{id}""#)).unwrap()..];
        let cell = &row[row.find(from).unwrap()..];
        cell[..cell.find("</td>").unwrap()].to_owned()
    };
    // 300 min a day is 35 h a week; 4 h a day 28; 100 h a month 100 · 84 / 365.25 = 22.998 → 23.
    assert!(cell("alpha").contains(r#"300 min/day<span class="comparable"> (≈ 35 h/week)</span>"#));
    assert!(cell("delta").contains(r#"4 h/day<span class="comparable"> (≈ 28 h/week)</span>"#));
    assert!(cell("zeta").contains(r#"100 h/month<span class="comparable"> (≈ 23 h/week)</span>"#));
    // Already per week: nothing to add.
    assert!(!cell("epsilon").contains("comparable"));
}

#[tokio::test]
async fn quick_picks_name_the_best_of_the_rows_shown_with_links_to_them() {
    let picks = |html: &str| {
        let p = &html[html.find(r#"id="picks-title""#).unwrap()..];
        p[..p.find("</section>").unwrap()].to_owned()
    };
    let html = picks(&render(State::default()).await);
    // Open platforms only (delta is closed): alpha 35 h/week beats epsilon 30 and zeta 23.
    assert!(html.contains(r##"<span class="pick-label">Most GPU time: </span><a href="#row-alpha" tabindex="-1">Alpha Notebooks</a>, 35 h/week"##), "{html}");
    // GPU memory: epsilon 24 GB; RAM: zeta 16 GB; session: alpha (up to 12 h) and beta (720 min) tie.
    assert!(html.contains(
        r##"Biggest GPU: </span><a href="#row-epsilon" tabindex="-1">Epsilon GPU</a> (on credits), 24 GB"##
    ), "{html}");
    assert!(html
        .contains(r##"Most RAM: </span><a href="#row-zeta" tabindex="-1">Zeta Cloud</a>, 16 GB"##));
    assert!(html.contains(r##"Longest session: </span><a href="#row-alpha" tabindex="-1">Alpha Notebooks</a>, <a href="#row-beta" tabindex="-1">beta Lab</a>, 12 h"##));
    // Led by the most GPU compute: alpha's 12 h/week on one T4 beats epsilon's $10/month (20 h of
    // T4 at $0.5 = 20 h/month × 12 × 7 ÷ 365.25 = 4.6 T4-h/week); zeta's grant never wins. The
    // first pick is the picks' one Tab stop, and names the arrow keys.
    assert!(html.contains(r##"<ul><li><span class="pick-label">Most GPU compute a week: </span><a href="#row-alpha" aria-describedby="picks-keys">Alpha Notebooks</a>, 12 T4-h/week</li>"##), "{html}");
    // Nobody is known to need no account; alpha alone has no card and no phone check.
    assert!(!html.contains("No sign-up"));
    assert!(html.contains(
        r##"No card and no phone: </span><a href="#row-alpha" tabindex="-1">Alpha Notebooks</a></li>"##
    ));
    // Among what is shown: with the GPU box ticked, beta's session no longer ties.
    let gpu = picks(&render(sorted("f=gpu")).await);
    assert!(
        gpu.contains(r##"Longest session: </span><a href="#row-alpha" tabindex="-1">Alpha Notebooks</a>, 12 h"##),
        "{gpu}"
    );
}

#[tokio::test]
async fn marks_show_confidence_age_change_and_staleness_in_words() {
    let html = render(sorted("cols=all")).await;
    assert!(html.contains(r#"12.7 GB<span aria-hidden="true" class="mark uncertain">≈</span><span class="sr-only"> (uncertain)</span>"#));
    assert!(html.contains(r#"<span class="sr-only"> (sources conflict)</span>"#));
    assert!(html.contains(r#"<span class="sr-only"> (2019 value; no newer one entered)</span>"#));
    assert!(html.contains(r#"T4<span aria-hidden="true" class="mark changed">Δ</span>"#));
    assert_eq!(
        count(&html, "may be out of date"),
        1,
        "beta only: gamma is retired"
    );
    assert!(html.contains("◐ Closed to new users"));
    // Every field, and the name, the status, GPU compute and the two dates.
    assert_eq!(
        texts_after(&html, "<thead>", r#"<th scope="col""#).len(),
        common::field_ids().len() + 5
    );
}

#[tokio::test]
async fn cards_list_the_same_platforms_in_the_same_order() {
    let html = render(sorted("sort=-gpu_quota")).await;
    let table = row_names(&html);
    let cards: Vec<String> = texts_after(&html, r#"<ol class="card-list">"#, r#"class="name">"#);
    assert_eq!(cards, table);
    assert_eq!(
        table,
        [
            "Alpha Notebooks",
            "Epsilon GPU",
            "Delta Calc",
            "Zeta Cloud",
            "beta Lab",
            "Gamma Notebooks"
        ]
    );
    assert!(html.contains(r#"<dt>GPU time</dt><dd data-p="#));
}

#[tokio::test]
async fn compare_puts_the_chosen_side_by_side_and_marks_differences_and_the_best() {
    let html = render(sorted("cmp=alpha,beta,nope")).await;
    assert!(html.contains(r#"<h2 id="compare-title">Side by side</h2>"#));
    assert!(html.contains("Comparing Alpha Notebooks, beta Lab"));
    let compare = &html[html.find(r#"class="compare""#).unwrap()..];
    let compare = &compare[..compare.find("</section>").unwrap()];
    // Every field, the status, GPU compute and the two dates.
    assert_eq!(
        count(compare, r#"<th scope="row""#),
        common::field_ids().len() + 4
    );
    let row = |label: &str| {
        let r = &compare[compare.find(&format!(">{label}<")).unwrap()..];
        r[..r.find("</tr>").unwrap()].to_owned()
    };
    // RAM: 12.7 GB against unknown: they differ, but nothing known is worse, so nothing is best.
    assert!(row("RAM").contains(r#"<span class="sr-only"> (differs)</span>"#));
    assert_eq!(count(&row("RAM"), "★ best"), 0);
    // GPU time: 35 h/week against none: alpha's is best.
    assert_eq!(count(&row("GPU time"), "★ best"), 1);
    // Internet: yes and yes: the same, so nothing is marked.
    let internet = &compare[compare.find(">Internet<").unwrap()..];
    let internet = &internet[..internet.find("</tr>").unwrap()];
    assert!(!internet.contains("differs") && !internet.contains("★"));
    // The way there: the section takes focus, each ticked box (table and card) is followed by a
    // link to it, and the live region says where it went.
    assert!(html.contains(
        r#"<section id="compare" tabindex="-1" aria-labelledby="compare-title" class="compare">"#
    ));
    assert_eq!(
        count(&html, r##"<a href="#compare" class="to-compare">"##),
        4
    );
    assert!(html.contains("Comparing Alpha Notebooks and beta Lab side by side above the table; the link after each ticked box goes there.</p>"));
    let one = render(sorted("cmp=alpha,nope")).await;
    assert!(one.contains("Alpha Notebooks is chosen to compare: tick one to three more."));
    assert_eq!(
        count(&one, "to-compare"),
        0,
        "no comparison yet, no link to it"
    );
}

#[tokio::test]
async fn an_action_re_renders_to_the_reduced_state() {
    // The same state reached by actions and by URL renders the same page.
    let by_actions = State::default()
        .apply(Action::Sort(Column::Fact(Field::Session)))
        .apply(Action::Toggle(Filter::Open));
    assert_eq!(
        render(by_actions).await,
        render(sorted("sort=-session&f=open")).await
    );
}

#[tokio::test]
async fn era_switch_markup() {
    let html = LocalServerRenderer::<EraSwitch>::with_props(EraSwitchProps {
        era: Era::Y2019,
        onchange: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert_eq!(
        html,
        concat!(
            r#"<fieldset class="era"><legend>Values as of</legend>"#,
            r#"<label><input value="today" type="radio" name="era">Today</label>"#,
            r#"<label><input value="2019" checked type="radio" name="era">2019</label>"#,
            "</fieldset>"
        )
    );
}

/// The element that starts at the first `start` in `html` (an opening tag, or its beginning), to
/// its matching closing tag.
fn element<'a>(html: &'a str, start: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let name: String = start[1..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let (mut depth, mut at) = (0, from);
    loop {
        let next_open = html[at + 1..].find(&open).map(|i| i + at + 1);
        let next_close = html[at..].find(&close).map(|i| i + at).expect("closed");
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                at = o;
            }
            _ if depth == 0 => return &html[from..next_close + close.len()],
            _ => {
                depth -= 1;
                at = next_close + 1;
            }
        }
    }
}

/// Markup with a line break between adjacent tags, to read and review; exact, since the
/// renderer writes no line breaks of its own.
fn one_tag_a_line(markup: &str) -> String {
    assert!(!markup.contains('\n'));
    markup.replace("><", ">\n<")
}

/// The exact markup of the controls (filter panel, sort control, column picker, chips), rendered
/// in the page on the fixture, so the counts are the fixture's: first in the default view, then
/// with boxes, steps, sort keys and columns chosen. Reviewed in `snapshots/`.
#[tokio::test]
async fn the_controls_markup() {
    let controls = [
        ("filter_panel", r#"<div id="filter-panel""#),
        ("sort_control", r#"<fieldset class="sort-control">"#),
        ("column_picker", r#"<details class="menu column-picker">"#),
        ("chips", r#"<ul aria-label="Active filters""#),
    ];
    let default = render(State::default()).await;
    let chosen = render(sorted(
        "sort=-ram,card&cols=gpu,ram,session&f=gpu,open&min=ram:8",
    ))
    .await;
    for (name, start) in controls {
        if name == "chips" {
            assert!(!default.contains(start), "no filter chosen, no chips");
        } else {
            insta::assert_snapshot!(
                format!("{name}_default"),
                one_tag_a_line(element(&default, start))
            );
        }
        insta::assert_snapshot!(
            format!("{name}_chosen"),
            one_tag_a_line(element(&chosen, start))
        );
    }
}

#[test]
fn the_embed_snippet_frames_this_view_in_embed_mode() {
    use free_ml_platforms::components::share_bar::embed_snippet;
    let code = embed_snippet("https://example.org/free-ml/?sort=-ram&f=gpu#top");
    assert!(code.starts_with(r#"<iframe id="free-ml" src="https://example.org/free-ml/?embed=1&sort=-ram&f=gpu" title="Free ML platforms compared""#), "{code}");
    assert_eq!(
        embed_snippet("https://e.org/?embed=1&x=1")
            .matches("embed=1")
            .count(),
        1
    );
    assert!(embed_snippet("https://e.org/").contains(r#"src="https://e.org/?embed=1""#));
    assert_eq!(code.lines().count(), 4, "short enough to paste");
}

#[test]
fn one_popover_per_view_follows_hover_focus_clicks_and_escape() {
    use free_ml_platforms::components::popover::{Popover, PopoverEvent::*};
    let (a, b) = ((0, Column::Fact(Field::Ram)), (1, Column::Compute));
    let shown = |at, pinned| Popover {
        open: Some(at),
        pinned,
    };
    let closed = Popover::default();
    // (event, the state after it), in order, written out by hand.
    let steps = [
        (Hover(a), shown(a, false)),
        (Leave { to: Some(a) }, shown(a, false)), // onto its own popover
        (Hover(b), shown(b, false)),
        (Leave { to: None }, closed),
        (Focus(a), shown(a, false)),
        (Click(a), shown(a, true)), // a tap pins it
        (Leave { to: None }, shown(a, true)),
        (Hover(b), shown(a, true)), // a pinned one stays
        (Focus(a), shown(a, true)),
        (Click(a), closed), // a second tap shuts it
        (Click(b), shown(b, true)),
        (Blur { to: Some(b) }, shown(b, true)), // focus onto its own link
        (Blur { to: Some(a) }, closed),
        (Focus(b), shown(b, false)),
        (Escape, closed),
        (Escape, closed),
        (Blur { to: None }, closed),
    ];
    let mut state = closed;
    for (i, (event, want)) in steps.into_iter().enumerate() {
        state = state.next(event);
        assert_eq!(state, want, "step {i}: {event:?}");
    }
}

#[tokio::test]
async fn a_value_cell_names_its_place_and_shows_its_popover_only_when_open() {
    use free_ml_platforms::components::popover::Opened;
    use free_ml_platforms::components::Data;

    let data = Data::from(Dataset::parse(FIXTURE).unwrap());
    // Alpha's RAM; open, it is drawn as the best of a compared row too.
    let render =
        |open: Option<Opened>| common::render_cell(&data, 0, Field::Ram, open, open.is_some());
    // Uncertain today, and 8 GB in 2019: both marks, in symbols and in words.
    let value = r#"<button type="button" aria-expanded="EXP"CTRL class="value">12.7 GB<span aria-hidden="true" class="mark uncertain">≈</span><span class="sr-only"> (uncertain)</span><span aria-hidden="true" class="mark changed">Δ</span><span class="sr-only"> (changed since 2019)</span></button>"#;
    assert_eq!(
        render(None).await,
        format!(
            r#"<td data-p="0" data-f="ram">{}</td>"#,
            value.replace("EXP", "false").replace("CTRL", "")
        )
    );
    // Opened at a glance (hover, focus), the popover's links stay out of the Tab order.
    let glance = render(Some(Opened::Glance)).await;
    assert!(
        glance.contains(r#"<div id="pop-t-0-ram" tabindex="-1" class="pop"><p class="pop-title">"#),
        "{glance}"
    );
    assert!(glance.contains(r#"<a href="https://example.org/blog" rel="noopener" target="_blank" tabindex="-1">A blog post</a>"#), "{glance}");
    // Opened on purpose, the popover is the next stop (to scroll it), then its links.
    let open = render(Some(Opened::OnPurpose)).await;
    let head = format!(
        r#"<td data-p="0" data-f="ram" class="best">{}<div id="pop-t-0-ram" tabindex="0" role="group" aria-label="Alpha Notebooks: RAM" class="pop"><p class="pop-title"><strong>Alpha Notebooks: RAM</strong></p><p class="pop-value">12.7 GB</p><p>Confidence: "#,
        value
            .replace("EXP", "true")
            .replace("CTRL", r#" aria-controls="pop-t-0-ram""#)
    );
    assert!(open.starts_with(&head), "{open}");
    assert!(open.contains(r#"<a href="https://example.org/blog" rel="noopener" target="_blank">A blog post</a>, <time datetime="2023-05-01">2023-05-01</time>"#), "{open}");
    assert!(
        open.ends_with(r#"</div><span class="best-mark">★ best</span></td>"#),
        "{open}"
    );
}

#[tokio::test]
async fn a_popover_says_when_its_source_was_re_read_once_the_data_records_it() {
    use free_ml_platforms::components::Data;

    /// Beta's storage, opened on purpose (its links in the Tab order): 20 GB from the vendor's docs, 5 GB by another source (the blog).
    async fn popover(json: &serde_json::Value) -> String {
        let data = Data::from(Dataset::parse(&json.to_string()).unwrap());
        common::render_popover(&data, 1, Field::Storage).await
    }
    let mut json: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    // As today's data: no source re-read yet, so nothing is said.
    let never = popover(&json).await;
    assert!(
        never.contains(r#"<p class="pop-alt">Another source says: <strong>5 GB</strong></p>"#),
        "{never}"
    );
    assert!(!never.contains("re-read"), "{never}");

    json["sources"]["blog"]["checked"] = "2026-12-01".into();
    json["sources"]["blog"]["fingerprint"] = format!("sha256:{}", "ab".repeat(32)).into();
    let html = popover(&json).await;
    // Beside the blog's date in the other source's lines only; the docs were never re-read.
    let alt = &html[html.find("pop-alt").unwrap()..];
    assert!(alt.contains(r#"<a href="https://example.org/blog" rel="noopener" target="_blank">A blog post</a>, <time datetime="2023-05-01">2023-05-01</time><span class="checked">; re-read <time datetime="2026-12-01">2026-12-01</time>: still says so</span></li>"#), "{alt}");
    assert_eq!(count(&html, "re-read"), 1, "{html}");
    assert_eq!(html.replace(r#"<span class="checked">; re-read <time datetime="2026-12-01">2026-12-01</time>: still says so</span>"#, ""), never);
}

/// Every platform's details as `table.html` draws them (open from the start), from the compiled
/// data, whose prose is still in the prose file, with the page's `prose` state.
async fn still_page(prose: free_ml_platforms::components::prose::ProseFile) -> String {
    use free_ml_platforms::components::static_page::{StaticApp, StaticAppProps};
    use free_ml_platforms::components::Data;
    let data = Data {
        set: &free_ml_platforms::dataset::EMBEDDED,
        prose,
    };
    LocalServerRenderer::<StaticApp>::with_props(StaticAppProps { data })
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn words_of_the_prose_file_show_once_fetched_and_say_why_when_they_cannot() {
    use free_ml_platforms::components::prose::ProseFile;
    use free_ml_platforms::dataset::{Words, EMBEDDED_PROSE};
    use std::rc::Rc;
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../assets/platforms.json")).unwrap();
    let platforms = file["platforms"].as_array().unwrap();
    // As written: the renderer escapes no apostrophe in text (no summary has & < > or ").
    let summary = |p: &serde_json::Value| p["summary"].as_str().unwrap().to_owned();
    let shown = |html: &str, p| html.contains(&summary(p));

    // Not fetched yet: each summary's place says so.
    let waiting = still_page(ProseFile::default()).await;
    assert!(platforms.iter().all(|p| !shown(&waiting, p)));
    let lines = count(
        &waiting,
        r#"<p class="summary-line"><span class="prose-pending">Loading…</span></p>"#,
    );
    assert_eq!(lines, platforms.len(), "every platform's summary");

    // Fetched: the file's words, each in its place.
    let words = Words(serde_json::from_str(EMBEDDED_PROSE).unwrap());
    let loaded = still_page(ProseFile {
        words: Rc::new(words),
        ..ProseFile::default()
    })
    .await;
    for p in platforms {
        assert!(shown(&loaded, p), "{}", summary(p));
    }
    assert_eq!(count(&loaded, "prose-pending"), 0);

    // Could not be fetched: the reason once in each platform's details (its summary's place),
    // "Not loaded" in the others.
    let failed = still_page(ProseFile {
        failed: Some("prose-0.json could not be read".into()),
        ..ProseFile::default()
    })
    .await;
    let said = r#"Could not be loaded (prose-0.json could not be read); <a href="./table.html#sources">every source</a> is also listed on the page of every value."#;
    assert_eq!(
        count(
            &failed,
            &format!("<p class=\"summary-line\"><span class=\"prose-pending\">{said}</span></p>")
        ),
        platforms.len()
    );
    assert_eq!(count(&failed, said), platforms.len());
    let others = count(&waiting, "Loading…") - platforms.len();
    assert!(others > 50, "pros and cons: {others}");
    assert_eq!(
        count(&failed, r#"<span class="prose-pending">Not loaded</span>"#),
        others
    );
    assert!(platforms.iter().all(|p| !shown(&failed, p)));
}

#[tokio::test]
async fn the_footer_counts_the_sources_and_links_to_table_html_which_lists_every_one() {
    use free_ml_platforms::components::sources_list::{PageFooter, PageFooterProps};
    use free_ml_platforms::components::static_page::{StaticApp, StaticAppProps};
    use free_ml_platforms::components::Data;
    let file: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    let sources = file["sources"].as_object().unwrap();
    let link = |s: &serde_json::Value| {
        format!(
            r#"<li><a href="{}" rel="noopener">{}</a>, <time datetime="{}">"#,
            s["url"].as_str().unwrap(),
            s["title"].as_str().unwrap(),
            s["date"].as_str().unwrap()
        )
    };
    let data = Data::from(Dataset::parse(FIXTURE).unwrap());

    let footer =
        LocalServerRenderer::<PageFooter>::with_props(PageFooterProps { data: data.clone() })
            .hydratable(false)
            .render()
            .await;
    assert!(
        footer.contains(&format!(
            "The data cites {} sources; each value's popover names its own, with its date. ",
            sources.len()
        )),
        "{footer}"
    );
    assert!(footer.contains(r#"<a href="./table.html#sources">Every source</a> is listed on the page of every value, and the whole data is in <a href="./platforms.json">platforms.json</a>."#), "{footer}");
    assert!(
        !footer.contains("<li"),
        "no list in the default page: {footer}"
    );

    let page = LocalServerRenderer::<StaticApp>::with_props(StaticAppProps { data })
        .hydratable(false)
        .render()
        .await;
    let list = &page[page
        .find(r#"<section id="sources""#)
        .expect("table.html#sources")..];
    let list = &list[..list.find("</section>").unwrap()];
    assert!(list.contains(&format!(
        r#"<h2 id="sources-title">Sources ({})</h2>"#,
        sources.len()
    )));
    assert_eq!(count(list, "<li>"), sources.len());
    for source in sources.values() {
        assert!(list.contains(&link(source)), "{}: {list}", link(source));
    }
}

#[tokio::test]
async fn a_platform_with_a_history_links_its_own_feed_from_its_details() {
    use free_ml_platforms::components::static_page::{StaticApp, StaticAppProps};
    use free_ml_platforms::components::Data;
    let data = Data::from(Dataset::parse(FIXTURE).unwrap());
    // table.html draws every platform's details open.
    let page = LocalServerRenderer::<StaticApp>::with_props(StaticAppProps { data: data.clone() })
        .hydratable(false)
        .render()
        .await;
    let links: Vec<&str> = page
        .split(r#"<p class="feed">"#)
        .skip(1)
        .map(|s| &s[..s.find("</p>").unwrap()])
        .collect();
    // The fixture's two platforms with a history: alpha (3 entries) and zeta (1).
    assert_eq!(
        links,
        [
            r#"<a href="./feed-alpha.xml" type="application/atom+xml">Follow changes to Alpha Notebooks (Atom feed)</a>"#,
            r#"<a href="./feed-zeta.xml" type="application/atom+xml">Follow changes to Zeta Cloud (Atom feed)</a>"#,
        ]
    );
    // Each link's file is published, and no other platform feed is.
    let published: Vec<String> = free_ml_platforms::publish::files(&data, FIXTURE, None)
        .unwrap()
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| name.starts_with("feed-"))
        .collect();
    assert_eq!(published, ["feed-alpha.xml", "feed-zeta.xml"]);
}

#[test]
fn the_stylesheet_and_the_app_switch_to_cards_at_one_width() {
    // The app draws one view by `NARROW`; the stylesheet shows it by its own media query. Both
    // must name the same width, or a window between them would show no platforms at all.
    let css = include_str!("../assets/style.css");
    let query = free_ml_platforms::components::browser::NARROW;
    let media: Vec<&str> = css
        .lines()
        .filter_map(|l| l.trim().strip_prefix("@media "))
        .filter(|m| m.contains("width"))
        .map(|m| m.trim_end_matches('{').trim())
        .collect();
    let px: u32 = query
        .strip_prefix("(max-width: ")
        .and_then(|q| q.strip_suffix("px)"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("NARROW is {query}"));
    // The wide side starts one pixel further.
    let wide = format!("(min-width: {}px)", px + 1);
    let mut want = vec![query, wide.as_str()];
    want.sort_unstable();
    let mut media = media;
    media.sort_unstable();
    assert_eq!(media, want, "the stylesheet's width queries");
}

#[tokio::test]
async fn the_page_without_scripts_names_each_platform_in_full_and_its_details_too() {
    use free_ml_platforms::components::prose::ProseFile;
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../assets/platforms.json")).unwrap();
    let html = still_page(ProseFile::default()).await;
    for p in file["platforms"].as_array().unwrap() {
        let (name, short) = (
            p["name"].as_str().unwrap(),
            p["short_name"].as_str().unwrap(),
        );
        // table.html has room: the line reads the full name, and so does the link's title.
        let link = format!(r#"title="{name}" class="name">{name}</a>"#);
        assert!(html.contains(&link), "{link}");
        // The details (open from the start there) begin with the full name where it is longer.
        let head = format!(r#"<p class="details-head"><span class="full-name">{name}</span>"#);
        assert_eq!(html.contains(&head), short != name, "{head}");
    }
}

#[tokio::test]
async fn left_out_lists_each_hidden_platform_with_the_first_value_that_failed() {
    let section = |html: &str| {
        let at = html.find(r#"<section aria-labelledby="left-out-title""#)?;
        let s = &html[at..];
        Some(s[..s.find("</section>").unwrap()].to_owned())
    };
    // Nothing filtered: no list, and the live region says nothing of it.
    let plain = render(State::default()).await;
    assert_eq!(section(&plain), None);
    assert!(!plain.contains("left out"));
    // RAM at least 16 GB: only zeta (16 GB) stays. The others, in the unfiltered order (A to Z,
    // the retired gamma last), each with its value, written out by hand from the fixture.
    let html = render(sorted("min=ram:16")).await;
    let list = section(&html).expect("a list of what was left out");
    assert!(
        list.contains(r#"<h2 id="left-out-title">Left out by the filters (5)</h2>"#),
        "{list}"
    );
    let items: Vec<String> = texts_after(&list, "<ul>", r#"class="link-button">"#);
    assert_eq!(
        items,
        [
            "Alpha Notebooks",
            "beta Lab",
            "Delta Calc",
            "Epsilon GPU",
            "Gamma Notebooks"
        ]
    );
    for (name, why) in [
        ("Alpha Notebooks", "RAM 12.7 GB, below 16 GB"),
        ("beta Lab", "RAM unknown, so not counted as at least 16 GB"),
        ("Epsilon GPU", "RAM 512 MB, below 16 GB"),
        ("Gamma Notebooks", "RAM 4 GB, below 16 GB"),
    ] {
        let li = format!(
            r#"<li><button type="button" class="link-button">{name}</button> — {why}</li>"#
        );
        assert!(list.contains(&li), "{li}\n{list}");
    }
    // Its count in the polite live region.
    assert!(
        html.contains("1 of 6 platforms shown. 5 left out, listed below with why.</p>"),
        "{html}"
    );
    // Two filters: the first one failed is named (the GPU box before the RAM step).
    let both = section(&render(sorted("f=gpu&min=ram:16")).await).unwrap();
    assert!(
        both.contains(r#"beta Lab</button> — no free GPU</li>"#),
        "{both}"
    );
    assert!(
        both.contains(r#"Alpha Notebooks</button> — RAM 12.7 GB, below 16 GB</li>"#),
        "{both}"
    );
}

/// Each row's (platform, bar step) in a column of the table, in row order; `None` for no bar.
fn bars(html: &str, column: &str) -> Vec<(String, Option<u32>)> {
    let body = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
    body.split(r#"<tr id="row-"#)
        .skip(1)
        .map(|tr| {
            let id = tr[..tr.find('"').unwrap()].to_owned();
            let cell = tr.find(&format!(r#"data-f="{column}""#)).map(|at| {
                let rest = &tr[at..];
                rest[..rest.find("</td>").unwrap()].to_owned()
            });
            let step = cell.as_deref().and_then(|c| {
                let at = c.find(r#"class="bar bar-w"#)? + r#"class="bar bar-w"#.len();
                c[at..c[at..].find('"').unwrap() + at].parse().ok()
            });
            (id, step)
        })
        .collect()
}

#[tokio::test]
async fn bars_grow_with_the_value_and_say_when_their_scale_is_logarithmic() {
    let html = render(sorted("cols=gpu_memory,compute,ram,session,idle")).await;
    // RAM, by hand from the fixture: zeta 16 GB, alpha 12.7, delta up to 2, epsilon 512 MB, beta
    // unknown, gamma retired (no cells). 16 ÷ 0.512 > 10: a log scale, and the legend says so.
    let ram: Vec<(String, Option<u32>)> = bars(&html, "ram");
    let step = |id: &str| ram.iter().find(|(i, _)| i == id).and_then(|(_, s)| *s);
    assert_eq!(step("zeta"), Some(20), "the largest fills the column");
    assert_eq!(step("epsilon"), Some(1), "the smallest still shows");
    assert_eq!(step("beta"), None, "unknown has no bar");
    assert!(
        step("epsilon") < step("delta")
            && step("delta") < step("alpha")
            && step("alpha") < step("zeta"),
        "{ram:?}"
    );
    assert!(html.contains("on a log scale for RAM"), "{html}");
    // Every bar is hidden from screen readers, and no cell has a style attribute.
    assert!(count(&html, r#"class="bar bar-w"#) > 10);
    assert_eq!(
        count(&html, r#"class="bar bar-w"#),
        count(&html, r#"<span aria-hidden="true" class="bar bar-w"#)
    );
    assert!(!html.contains(" style="));
    // Widths never decrease as the value grows, in every bar column (values from the sort).
    for column in ["gpu_memory", "compute", "ram", "session", "idle"] {
        let sorted_html = render(sorted(&format!(
            "cols=gpu_memory,compute,ram,session,idle&sort={column}"
        )))
        .await;
        let steps: Vec<u32> = bars(&sorted_html, column)
            .into_iter()
            .filter_map(|(_, s)| s)
            .collect();
        assert!(
            steps.windows(2).all(|w| w[0] <= w[1]),
            "{column}: {steps:?}"
        );
    }
    // Compute: alpha's 12 T4-h/week against epsilon's 4.6 (a linear scale, under 10×):
    // 20 × 4.6 ÷ 12 = 7.67, rounded up to 8.
    let compute = bars(&html, "compute");
    let step = |id: &str| compute.iter().find(|(i, _)| i == id).and_then(|(_, s)| *s);
    assert_eq!(
        (step("alpha"), step("epsilon"), step("zeta")),
        (Some(20), Some(8), None),
        "a grant has no bar"
    );
    assert!(!html.contains("log scale for GPU compute"));
}
