//! The history on the page, rendered with yew's server renderer on the fixture (dated 2026-11-30):
//! the What changed section, a value's history in its popover, the recent mark, Last changed.

use free_ml_platforms::components::Data;
use free_ml_platforms::core::State;
use free_ml_platforms::dataset::{Dataset, Field};

mod common;
use common::{render_history, render_page, render_popover, render_static_page, FIXTURE};

async fn page(query: &str) -> String {
    render_page(Dataset::parse(FIXTURE).unwrap(), State::from_query(query)).await
}

fn section(html: &str) -> &str {
    let start = html
        .find(r#"class="what-changed""#)
        .expect("a What changed section");
    &html[start..start + html[start..].find("</section>").unwrap()]
}

#[tokio::test]
async fn what_changed_lists_every_entry_newest_first_with_its_sources() {
    let html = render_history(Dataset::parse(FIXTURE).unwrap()).await;
    let part = section(&html);
    // Written after the app's root, not by the app (the wasm neither draws nor carries it).
    assert!(html.starts_with(r#"<div class="page changes-page"><section aria-labelledby="what-changed-title" class="what-changed">"#));
    assert!(!page("").await.contains("what-changed"));
    assert!(part.contains(r#"<h2 id="what-changed-title">What changed</h2>"#));
    let items: Vec<&str> = part.split("<li>").skip(1).collect();
    assert_eq!(items.len(), 4);
    let starts: Vec<String> = items
        .iter()
        .map(|li| li[..li.find(".").unwrap()].to_owned())
        .collect();
    // The changes of free tiers first, newest first, then the corrections of our data.
    assert_eq!(
        starts,
        [
            r#"<time datetime="2026-09-01">2026-09-01</time> <span class="badge change">Changed</span> <strong>Alpha Notebooks</strong>, GPU: P100 → T4"#,
            r#"<time datetime="2026-08-31">2026-08-31</time> <span class="badge change">Changed</span> <strong>Zeta Cloud</strong>, GPU: K80 → T4"#,
            r#"<time datetime="2024-03-01">2024-03-01</time> <span class="badge change">Changed</span> <strong>Alpha Notebooks</strong>, GPU: K80 → P100"#,
            r#"<time datetime="2026-10-01">2026-10-01</time> <span class="badge correction">Corrected</span> <strong>Alpha Notebooks</strong>, TPU: yes → v5e-1"#,
        ]
    );
    assert!(part.contains("<h3>Changes of free tiers</h3><ol class=\"changes\"><li>"));
    assert!(part.contains("</ol><h3>Corrections of our data</h3><ol class=\"changes\"><li>"));
    // The count says what it counts: 4 entries in 4 lines, 3 changes and 1 correction.
    assert!(part.contains("4 values in 4 lines (a line is one platform's change of a day, however many fields it touched): 3 changes of free tiers, then 1 corrections of our own data."), "{part}");
    // Both sources of the 2026-09-01 entry, linked.
    assert!(items[0].contains(r#"Source: <a href="https://example.org/docs" rel="noopener" target="_blank">Vendor docs</a>; <a href="https://example.org/blog" rel="noopener" target="_blank">A blog post</a>"#), "{}", items[0]);
    assert!(items[0].contains(r#"<span class="change-note">The P100 was retired.</span>"#));
    // One platform's history is in its values' popovers and its own feed: no control here.
    assert!(!part.contains("<select"));
    assert!(part.contains("each platform also has a feed of its own"));
    assert!(part.contains(r#"<a href="./feed.xml" type="application/atom+xml">"#));
}

#[tokio::test]
async fn the_last_changed_column_and_the_recent_marks() {
    let html = page("cols=all").await;
    assert!(
        html.contains(r#"<td class="changed"><time datetime="2026-10-01">2026-10-01</time></td>"#)
    );
    assert!(
        html.contains(r#"<td class="changed"><time datetime="2026-08-31">2026-08-31</time></td>"#)
    );
    // Beta, delta and epsilon in the table (gamma, retired, has a note instead of values).
    let table = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
    assert_eq!(
        table
            .matches(r#"<span class="none-recorded">none recorded</span>"#)
            .count(),
        3,
        "{table}"
    );
    // alpha's GPU (2026-09-01, exactly 90 days) and TPU (2026-10-01) are marked; zeta's GPU is not.
    assert!(html.contains(r#"T4<span aria-hidden="true" class="mark changed">Δ</span><span class="sr-only"> (changed since 2019)</span><span aria-hidden="true" class="mark recent">✱</span><span class="sr-only"> (changed 2026-09-01)</span>"#));
    assert!(html.contains(r#"<span class="sr-only"> (corrected 2026-10-01)</span>"#));
    assert!(!html.contains("(changed 2026-08-31)"));
    // Table and cards each draw alpha's two marks once.
    assert_eq!(html.matches(r#"class="mark recent">✱</span>"#).count(), 4);
    // No history in the 2019 view.
    let then = page("era=2019&cols=all").await;
    assert!(!then.contains(r#"class="mark recent""#));
}

async fn popover(index: usize, field: Field) -> String {
    let data = Data::from(Dataset::parse(FIXTURE).unwrap());
    render_popover(&data, index, field).await
}

#[tokio::test]
async fn a_value_s_popover_tells_its_earlier_values_newest_first() {
    let html = popover(0, Field::Gpu).await;
    let history = &html[html.find(r#"<ul class="pop-history">"#).expect("a history")..];
    assert!(history.starts_with(concat!(
        r#"<ul class="pop-history"><li>Was <strong>P100</strong> until <time datetime="2026-09-01">2026-09-01</time> (changed). "#,
        // Vendor docs is the value's own source, linked above it: each link once.
        r#"<span class="change-sources">Source: Vendor docs (above); <a href="https://example.org/blog" rel="noopener" target="_blank">A blog post</a></span></li>"#,
        r#"<li>Was <strong>K80</strong> until <time datetime="2024-03-01">2024-03-01</time> (changed). "#,
        r#"<span class="change-sources">Source: A blog post (above)</span></li>"#,
    )), "{history}");
    let tpu = popover(0, Field::Tpu).await;
    assert!(tpu.contains(r#"<li>Was <strong>yes</strong> until <time datetime="2026-10-01">2026-10-01</time> (our correction). "#), "{tpu}");
    // RAM has no history.
    assert!(!popover(0, Field::Ram).await.contains("pop-history"));
}

#[tokio::test]
async fn the_same_change_of_several_fields_is_one_line_and_long_histories_start_short() {
    let mut json: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    // Zeta's GPU went K80 → G1 → … → G9 → T4 over ten days of January 2026.
    let names: Vec<String> = (1..=9).map(|i| format!("G{i}")).collect();
    let chain: Vec<&str> = std::iter::once("K80")
        .chain(names.iter().map(String::as_str))
        .chain(["T4"])
        .collect();
    let history: Vec<serde_json::Value> = chain
        .windows(2)
        .enumerate()
        .map(|(i, w)| {
            serde_json::json!({"date": format!("2026-01-{:02}", i + 1), "field": "gpu", "kind": "correction",
                "from": {"list": [w[0]]}, "to": {"list": [w[1]]}, "source": "doc"})
        })
        .collect();
    json["platforms"][5]["history"] = history.into();
    // Beta's RAM and disk both stopped being published on the same day, from the same source.
    let beta = &mut json["platforms"][1];
    let gone = |field: &str, from: serde_json::Value| {
        serde_json::json!({"date": "2026-11-01", "field": field, "kind": "correction", "from": from,
            "to": {"unknown": "not published"}, "source": "doc"})
    };
    beta["snapshots"]["today"]["facts"]["disk"] =
        serde_json::json!({"unknown": "not published", "source": "doc", "confidence": "verified"});
    beta["history"] = serde_json::json!([
        gone("ram", serde_json::json!({"number": 4, "unit": "GB"})),
        gone("disk", serde_json::json!({"number": 4, "unit": "GB"}))
    ]);
    let data = || Dataset::parse(&json.to_string()).unwrap();
    let html = render_history(data()).await;
    let part = section(&html);
    assert!(
        part.contains("<strong>beta Lab</strong>, RAM, Disk: 4 GB → unknown (not published)."),
        "{part}"
    );
    // Alpha's 2 changes, then the corrections: alpha's 1, beta's 1 line, zeta's 10. Every change
    // and the newest 5 corrections, then a link to all 12 on the page without scripts.
    assert_eq!(part.matches("<li>").count(), 2 + 5);
    assert!(part.contains(r#"<p class="changes-more">The newest 5 of 12. <a href="./table.html#what-changed-title">All 12 corrections</a>, with their sources, are on the page of every value.</p>"#), "{part}");
    assert!(part.contains("15 values in 14 lines"), "{part}");
    // That page has them all, and the title the link points to.
    let still = render_static_page(data()).await;
    let all = section(&still);
    assert_eq!(all.matches("<li>").count(), 2 + 12);
    assert!(all.contains(r#"<h2 id="what-changed-title">"#) && !all.contains("changes-more"));
}
