//! Every word and mark a value or a platform's state is shown with, written once: the page's
//! cells, cards, popovers and compare view, the downloads, and the published files all read them
//! here. One word per meaning: a confirmed absence reads "no" in every kind of value (a `false`,
//! an empty list, a `none`), an unknown reads "unknown"; the reason of either goes where there is
//! room for it (the popover, the CSV's `reason` column, or in brackets where there is neither).

use super::rows::StatusAt;
use crate::dataset::{Bound, Confidence, Fact, Value};

/// What a value says to a reader, whatever its kind in the data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// A number or a list of items: shown as itself.
    Stated,
    Yes,
    /// Confirmed absent: `false`, an empty list, or `none` with its reason.
    No,
    /// Not known, with its reason.
    Unknown,
}

impl Meaning {
    pub fn of(value: &Value) -> Meaning {
        match value {
            Value::Bool(true) => Meaning::Yes,
            Value::Bool(false) | Value::None(_) => Meaning::No,
            Value::List(items) if items.is_empty() => Meaning::No,
            Value::Unknown(_) => Meaning::Unknown,
            Value::Number(_) | Value::List(_) => Meaning::Stated,
        }
    }

    /// (word, mark): the one table of the words and marks a value can take. A stated number or
    /// list is its own words and carries no mark.
    fn entry(self) -> Option<(&'static str, &'static str)> {
        match self {
            Meaning::Stated => None,
            Meaning::Yes => Some(("yes", "✓")),
            Meaning::No => Some(("no", "✗")),
            Meaning::Unknown => Some(("unknown", "?")),
        }
    }

    /// "yes", "no", "unknown"; `None` for a stated number or list.
    pub fn word(self) -> Option<&'static str> {
        self.entry().map(|(word, _)| word)
    }

    /// The symbol before the word in a cell ("✗ no"), never the only signal.
    pub fn mark(self) -> Option<&'static str> {
        self.entry().map(|(_, mark)| mark)
    }
}

/// The legend's words for the marks of absent and unknown values: "✗ no · ? unknown".
pub fn value_legend() -> String {
    let entry = |m: Meaning| Some(format!("{} {}", m.mark()?, m.word()?));
    [entry(Meaning::No), entry(Meaning::Unknown)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The mark a fact's cell starts with ("✓", "✗", "?"), if any.
pub fn value_mark(fact: &Fact) -> Option<&'static str> {
    Meaning::of(&fact.value).mark()
}

/// Why a value is unknown or absent, as the data says ("not published", "no free GPU").
pub fn reason(fact: &Fact) -> Option<&str> {
    match &fact.value {
        Value::Unknown(reason) | Value::None(reason) => Some(reason),
        _ => None,
    }
}

/// The name of a value's kind in the downloads and the published CSV (`kind` column).
pub fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Number(_) => "number",
        Value::Bool(_) => "yes/no",
        Value::List(_) => "list",
        Value::Unknown(_) => "unknown",
        Value::None(_) => "none",
    }
}

/// How a number is bounded, as the downloads and the published CSV name it (`bound` column).
pub fn bound_name(bound: Bound) -> &'static str {
    match bound {
        Bound::Exactly => "exactly",
        Bound::UpTo => "up to",
        Bound::AtLeast => "at least",
    }
}

/// A number with its unit as shown: "up to 12 h", "8 h or more", "1–2 GB", "16 GB".
pub fn bounded(number: &str, low: Option<&str>, bound: Bound, unit: &str) -> String {
    match (low, bound) {
        (Some(low), _) => format!("{low}–{number} {unit}"),
        (None, Bound::UpTo) => format!("up to {number} {unit}"),
        (None, Bound::AtLeast) => format!("{number} {unit} or more"),
        (None, Bound::Exactly) => format!("{number} {unit}"),
    }
}

/// A mark after a value whose sources are unsure or disagree, and its words for screen readers.
pub fn confidence_mark(confidence: Confidence) -> Option<(&'static str, &'static str)> {
    match confidence {
        Confidence::Uncertain => Some(("≈", " (uncertain)")),
        Confidence::Conflicting => Some(("⚠", " (sources conflict)")),
        Confidence::Verified | Confidence::Reported => None,
    }
}

/// A status's symbol and name: ("●", "open"), ("◐", "closed to new users"), ("✕", "retired").
pub fn status_word(status: StatusAt) -> (&'static str, &'static str) {
    match status {
        StatusAt::Active => ("●", "open"),
        StatusAt::Closed { .. } => ("◐", "closed to new users"),
        StatusAt::Retired { .. } => ("✕", "retired"),
    }
}

/// The status without its successor: "open", "closed to new users since 2024-07-01", "retired
/// 2020-10-09" (a platform line's mark says this in its tooltip).
pub fn status_short(status: StatusAt) -> String {
    let (_, name) = status_word(status);
    match status {
        StatusAt::Active => name.to_owned(),
        StatusAt::Closed { since } => format!("{name} since {since}"),
        StatusAt::Retired { since, .. } => format!("{name} {since}"),
    }
}

/// The whole status in words: "open", "closed to new users since 2024-07-01", "retired
/// 2020-10-09; replaced by Azure ML".
pub fn status_text(status: StatusAt) -> String {
    match status {
        StatusAt::Retired { since, successor } => {
            format!("{} {since}; replaced by {successor}", status_word(status).1)
        }
        _ => status_short(status),
    }
}

/// The status badge's words, symbol first and capitalised: "● Open", "◐ Closed to new users",
/// "✕ Retired" (the view adds the date and successor in markup of their own).
pub fn status_badge(status: StatusAt) -> String {
    let (mark, name) = status_word(status);
    let mut label = name.to_owned();
    // ASCII only: the names are English words, and `to_uppercase` would bring the Unicode tables.
    if let Some(first) = label.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    format!("{mark} {label}")
}
