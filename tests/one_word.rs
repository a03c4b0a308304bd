//! One word per meaning in every view that shows a value (the table, the cards, the compare
//! view, a popover), rendered natively with yew's server renderer on the fixture, against a table
//! of the words written here: every kind of value the data file has, each as a reader sees it.

use free_ml_platforms::components::Data;
use free_ml_platforms::core::State;
use free_ml_platforms::dataset::{Dataset, Field};

mod common;
use common::FIXTURE;

/// A kind of value in the data file, the fixture's value of that kind (platform, field), the
/// cell's look (its classes), and what its line reads: the mark, then the word.
const WORDS: [(&str, &str, Field, &str, &str); 8] = [
    ("an empty list", "beta", Field::Gpu, "value none", "✗ no"),
    ("none", "beta", Field::GpuMemory, "value none", "✗ no"),
    ("false", "beta", Field::Tpu, "value none", "✗ no"),
    ("false", "alpha", Field::Card, "value none", "✗ no"),
    ("unknown", "beta", Field::Ram, "value unknown", "? unknown"),
    ("true", "beta", Field::Card, "value", "✓ yes"),
    (
        "a list",
        "beta",
        Field::Languages,
        "value list",
        "Python, R",
    ),
    ("a number", "beta", Field::Session, "value", "720 min"),
];

fn index_of(id: &str) -> usize {
    let data = Dataset::parse(FIXTURE).unwrap();
    data.platforms.iter().position(|p| &*p.id == id).unwrap()
}

/// The part of `html` from `start` to the next `end`.
fn part<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap()]
}

/// What a value's button reads, its marks and screen-reader words aside: "✗ no", "720 min".
fn line(view: &str, platform: &str, field: Field) -> (String, String) {
    let place = format!(r#"data-p="{}" data-f="{}""#, index_of(platform), field.id());
    let button = part(view, &place, "</button>");
    let class = button[button.find("class=\"value").unwrap() + "class=\"".len()..]
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let inner = &button[button.find("<button").unwrap()..];
    let inner = &inner[inner.find('>').unwrap() + 1..];
    // The icon's mark and the word after it; marks (≈ Δ ✱) and sr-only words come after a tag.
    let text = match inner.strip_prefix(r#"<span aria-hidden="true" class="icon">"#) {
        Some(rest) => {
            let (mark, rest) = rest.split_once("</span>").unwrap();
            format!("{mark}{}", &rest[..rest.find('<').unwrap_or(rest.len())])
        }
        None => inner[..inner.find('<').unwrap_or(inner.len())].to_owned(),
    };
    (class, text)
}

#[tokio::test]
async fn every_kind_reads_one_word_per_meaning_in_the_table_cards_and_compare_view() {
    let data = || Dataset::parse(FIXTURE).unwrap();
    let page = common::render_page(data(), State::from_query("cols=all&cmp=alpha,beta")).await;
    let views = [
        ("table", part(&page, "<tbody>", "</tbody>")),
        ("cards", part(&page, r#"class="cards">"#, "</section>")),
        ("compare", part(&page, r#"class="compare">"#, "</section>")),
    ];
    for (name, view) in views {
        for (kind, platform, field, class, words) in WORDS {
            let (got_class, got) = line(view, platform, field);
            assert_eq!(
                (got_class.as_str(), got.as_str()),
                (class, words),
                "{name}: {kind} ({platform} {field:?})"
            );
        }
    }
    // No other word for absence or unknown anywhere in a value's line.
    for old in ["— ", "not published<", ">none<", "✗ no GPU"] {
        assert!(!page.contains(old), "{old}");
    }
}

#[tokio::test]
async fn a_popover_says_the_word_and_why() {
    let data = Data::from(Dataset::parse(FIXTURE).unwrap());
    // The fixture's reasons, from the data file: beta's GPU memory is none ("no GPU"), its RAM
    // unknown ("not published"); a false and an empty list have no reason to give.
    let cases = [
        ("beta", Field::GpuMemory, "no (no GPU)"),
        ("beta", Field::Ram, "unknown (not published)"),
        ("beta", Field::Tpu, "no"),
        ("beta", Field::Gpu, "no"),
        ("beta", Field::Card, "yes"),
    ];
    for (platform, field, want) in cases {
        let html = common::render_popover(&data, index_of(platform), field).await;
        let value = part(&html, r#"<p class="pop-value">"#, "</p>");
        assert_eq!(
            &value[r#"<p class="pop-value">"#.len()..],
            want,
            "{platform} {field:?}"
        );
    }
}
