//! The words every kind of value and every status is shown with (core::words, core::format),
//! against tables written out here: one word for a confirmed absence in every kind, one for
//! unknown, the reason only where nothing else can hold it.

use free_ml_platforms::core::format::{fact_text, text_with_reason};
use free_ml_platforms::core::words::{self, Meaning};
use free_ml_platforms::core::StatusAt;
use free_ml_platforms::dataset::{Bound, Confidence};

mod common;
use common::verified;

/// (value in the file, meaning, cell text, mark, text where no popover can give the reason, the
/// kind's name in the CSV, the reason in the CSV)
type Words = (
    &'static str,
    Meaning,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
);

#[test]
fn every_kind_of_value_reads_as_the_table_says() {
    #[rustfmt::skip]
    let table: [Words; 14] = [
        (r#""number": 16, "unit": "GB""#, Meaning::Stated, "16 GB", None, "16 GB", "number", ""),
        (r#""number": 12, "unit": "h", "up_to": true"#, Meaning::Stated, "up to 12 h", None, "up to 12 h", "number", ""),
        (r#""number": 8, "unit": "h", "at_least": true"#, Meaning::Stated, "8 h or more", None, "8 h or more", "number", ""),
        (r#""number": 2, "low": 1, "unit": "GB""#, Meaning::Stated, "1–2 GB", None, "1–2 GB", "number", ""),
        (r#""number": 1, "unit": "cores""#, Meaning::Stated, "1 core", None, "1 core", "number", ""),
        (r#""bool": true"#, Meaning::Yes, "yes", Some("✓"), "yes", "yes/no", ""),
        (r#""list": ["T4", "P100"]"#, Meaning::Stated, "T4, P100", None, "T4, P100", "list", ""),
        // A confirmed absence: one word, one mark, whatever the kind.
        (r#""bool": false"#, Meaning::No, "no", Some("✗"), "no", "yes/no", ""),
        (r#""list": []"#, Meaning::No, "no", Some("✗"), "no", "list", ""),
        (r#""none": "no free GPU""#, Meaning::No, "no", Some("✗"), "no (no free GPU)", "none", "no free GPU"),
        (r#""none": "service retired""#, Meaning::No, "no", Some("✗"), "no (service retired)", "none", "service retired"),
        // Unknown: one word, whatever the reason.
        (r#""unknown": "not published""#, Meaning::Unknown, "unknown", Some("?"), "unknown (not published)", "unknown", "not published"),
        (r#""unknown": "not published by Google""#, Meaning::Unknown, "unknown", Some("?"), "unknown (not published by Google)", "unknown", "not published by Google"),
        (r#""unknown": "service retired on 2020-10-09""#, Meaning::Unknown, "unknown", Some("?"), "unknown (service retired on 2020-10-09)", "unknown", "service retired on 2020-10-09"),
    ];
    for (value, meaning, text, mark, with_reason, kind, reason) in table {
        let f = verified(value);
        assert_eq!(Meaning::of(&f.value), meaning, "{value}");
        assert_eq!(fact_text(&f), text, "{value}");
        assert_eq!(words::value_mark(&f), mark, "{value}");
        assert_eq!(text_with_reason(&f), with_reason, "{value}");
        assert_eq!(words::kind_name(&f.value), kind, "{value}");
        assert_eq!(words::reason(&f).unwrap_or_default(), reason, "{value}");
    }
}

#[test]
fn each_meaning_has_one_word_and_one_mark() {
    let table = [
        (Meaning::Stated, None, None),
        (Meaning::Yes, Some("yes"), Some("✓")),
        (Meaning::No, Some("no"), Some("✗")),
        (Meaning::Unknown, Some("unknown"), Some("?")),
    ];
    for (meaning, word, mark) in table {
        assert_eq!(
            (meaning.word(), meaning.mark()),
            (word, mark),
            "{meaning:?}"
        );
    }
}

#[test]
fn bounds_and_confidence_read_as_the_table_says() {
    let bounds = [
        (Bound::Exactly, "exactly", "16 GB"),
        (Bound::UpTo, "up to", "up to 16 GB"),
        (Bound::AtLeast, "at least", "16 GB or more"),
    ];
    for (bound, name, shown) in bounds {
        assert_eq!(words::bound_name(bound), name);
        assert_eq!(words::bounded("16", None, bound, "GB"), shown);
        // A range reads as a range whatever its bound.
        assert_eq!(words::bounded("16", Some("8"), bound, "GB"), "8–16 GB");
    }
    let marks = [
        (Confidence::Verified, None),
        (Confidence::Reported, None),
        (Confidence::Uncertain, Some(("≈", " (uncertain)"))),
        (Confidence::Conflicting, Some(("⚠", " (sources conflict)"))),
    ];
    for (confidence, mark) in marks {
        assert_eq!(words::confidence_mark(confidence), mark, "{confidence:?}");
    }
}

#[test]
fn statuses_read_as_the_table_says() {
    let closed = StatusAt::Closed {
        since: "2024-07-01",
    };
    let retired = StatusAt::Retired {
        since: "2020-10-09",
        successor: "Azure ML",
    };
    // (status, symbol, badge, short, whole)
    let table = [
        (StatusAt::Active, "●", "● Open", "open", "open"),
        (
            closed,
            "◐",
            "◐ Closed to new users",
            "closed to new users since 2024-07-01",
            "closed to new users since 2024-07-01",
        ),
        (
            retired,
            "✕",
            "✕ Retired",
            "retired 2020-10-09",
            "retired 2020-10-09; replaced by Azure ML",
        ),
    ];
    for (status, symbol, badge, short, whole) in table {
        assert_eq!(words::status_word(status).0, symbol);
        assert_eq!(words::status_badge(status), badge);
        assert_eq!(words::status_short(status), short);
        assert_eq!(words::status_text(status), whole);
    }
}

#[test]
fn the_legend_names_the_marks_of_absent_and_unknown_values() {
    assert_eq!(words::value_legend(), "✗ no · ? unknown");
}
