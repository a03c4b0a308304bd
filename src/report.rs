//! The data report: first the platforms oldest-verified first with their second-hand values (where
//! the next update should start), then per platform the sources it rests on and every value that
//! is unknown, none, uncertain, conflicting or second-hand, and the totals.

use crate::core::format::fact_text;
use crate::dataset::{Confidence, Dataset, Era, Fact, Field, Snapshot, Value};
use std::collections::BTreeSet;
use std::fmt::Write;
use strum::IntoEnumIterator;

/// How a value is flagged in the report; the order of the totals line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flag {
    Unknown,
    None,
    Uncertain,
    Conflicting,
    Reported,
}

const FLAGS: [(Flag, &str); 5] = [
    (Flag::Unknown, "unknown"),
    (Flag::None, "none"),
    (Flag::Uncertain, "uncertain"),
    (Flag::Conflicting, "conflicting"),
    (Flag::Reported, "second-hand"),
];

fn flag(fact: &Fact) -> Option<Flag> {
    match (&fact.value, fact.confidence) {
        (Value::Unknown(_), _) => Some(Flag::Unknown),
        (Value::None(_), _) => Some(Flag::None),
        (_, Confidence::Uncertain) => Some(Flag::Uncertain),
        (_, Confidence::Conflicting) => Some(Flag::Conflicting),
        (_, Confidence::Reported) => Some(Flag::Reported),
        (_, Confidence::Verified) => None,
    }
}

pub fn render(data: &Dataset) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Data report for assets/platforms.json (dataset date {})\n",
        data.dataset_date
    );
    oldest_first(data, &mut out);
    let mut totals = [0usize; FLAGS.len()];
    for p in &data.platforms {
        let _ = writeln!(out, "## {} ({})", p.name, p.id);
        for era in Era::iter() {
            let Some(snapshot) = p.snapshot(era) else {
                continue;
            };
            let _ = writeln!(out, "  {}: as of {}", era.label(), snapshot.as_of);
            let mut used = BTreeSet::new();
            for (field, fact) in &snapshot.facts {
                used.extend(
                    fact.sources
                        .iter()
                        .chain(fact.alt.iter().flat_map(|a| a.sources.iter())),
                );
                let Some(kind) = flag(fact) else { continue };
                totals[FLAGS.iter().position(|(f, _)| *f == kind).unwrap_or(0)] += 1;
                let text = match (&fact.value, kind) {
                    (Value::Unknown(reason), _) | (Value::None(reason), _) => reason.to_string(),
                    (_, Flag::Conflicting) => conflict(fact),
                    _ => fact_text(fact),
                };
                let word = FLAGS
                    .iter()
                    .find(|(f, _)| *f == kind)
                    .map_or("", |(_, w)| w);
                let _ = writeln!(
                    out,
                    "    - {}: {word}: {text} [{}]",
                    field.label(),
                    fact.sources.join(", ")
                );
            }
            for id in used {
                if let Some(s) = data.sources.get(id) {
                    let _ = writeln!(
                        out,
                        "    source {id}: {} ({}) {}",
                        s.title.text().unwrap_or_default(),
                        s.date,
                        s.url.text().unwrap_or_default()
                    );
                }
            }
        }
        out.push('\n');
    }
    let counts: Vec<String> = FLAGS
        .iter()
        .zip(totals)
        .map(|((_, word), n)| format!("{n} {word}"))
        .collect();
    let _ = writeln!(
        out,
        "Totals: {}; {} platforms, {} sources.",
        counts.join(", "),
        data.platforms.len(),
        data.sources.len()
    );
    out
}

/// Each platform's last-verified date, oldest first, with its second-hand, uncertain and
/// conflicting values and its oldest source.
fn oldest_first(data: &Dataset, out: &mut String) {
    let _ = writeln!(out, "# Oldest first: where the next update should start");
    let mut platforms: Vec<_> = data
        .platforms
        .iter()
        .filter_map(|p| p.snapshot(Era::Today).map(|s| (&*s.as_of, p, s)))
        .collect();
    platforms.sort_by_key(|(as_of, p, _)| (*as_of, &*p.id));
    for (as_of, p, snapshot) in platforms {
        let oldest = oldest_source(data, snapshot);
        let _ = writeln!(
            out,
            "  {as_of}  {} — oldest source {}",
            p.name,
            oldest.unwrap_or("(none)")
        );
        let weak: Vec<String> = Field::iter()
            .filter_map(|field| {
                let fact = snapshot.facts.get(&field)?;
                let second_hand = matches!(
                    fact.confidence,
                    Confidence::Reported | Confidence::Uncertain | Confidence::Conflicting
                );
                (second_hand && !matches!(fact.value, Value::Unknown(_) | Value::None(_)))
                    .then(|| format!("{} ({})", field.label(), fact.confidence.label()))
            })
            .collect();
        if !weak.is_empty() {
            let _ = writeln!(out, "      second-hand: {}", weak.join(", "));
        }
    }
    out.push('\n');
}

fn oldest_source<'a>(data: &'a Dataset, snapshot: &Snapshot) -> Option<&'a str> {
    snapshot
        .facts
        .values()
        .flat_map(|f| f.sources.iter())
        .filter_map(|id| data.sources.get(id))
        .map(|s| &*s.date)
        .min()
}

fn conflict(fact: &Fact) -> String {
    let alt = fact.alt.as_ref().map_or_else(String::new, |a| {
        format!(" vs {} [{}]", fact_text(a), a.sources.join(", "))
    });
    format!("{}{alt}", fact_text(fact))
}
