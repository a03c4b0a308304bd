//! The data report: per platform, the sources it rests on, when it was last verified, and every
//! value that is unknown, uncertain or conflicting, so the next update knows where to look.

use crate::core::format::value_text;
use crate::core::Column;
use crate::dataset::{Confidence, Dataset, Era, Fact, Value};
use std::collections::BTreeSet;
use std::fmt::Write;

pub fn render(data: &Dataset) -> String {
    let mut out = String::new();
    let mut totals = [0usize; 4]; // unknown, uncertain, conflicting, reported
    let _ = writeln!(
        out,
        "Data report for assets/platforms.json (dataset date {})
",
        data.dataset_date
    );
    for p in &data.platforms {
        let _ = writeln!(out, "## {} ({})", p.name, p.id);
        for era in Era::ALL {
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
                let label = Column::Fact(*field).label();
                let flag = match (&fact.value, fact.confidence) {
                    (Value::Unknown(reason), _) => Some((0, format!("unknown: {reason}"))),
                    (_, Confidence::Uncertain) => {
                        Some((1, format!("uncertain: {}", value_text(&fact.value))))
                    }
                    (_, Confidence::Conflicting) => Some((2, conflict(fact))),
                    (_, Confidence::Reported) => Some((
                        3,
                        format!("reported (second-hand): {}", value_text(&fact.value)),
                    )),
                    (_, Confidence::Verified) => None,
                };
                if let Some((kind, text)) = flag {
                    totals[kind] += 1;
                    let _ = writeln!(out, "    - {label}: {text} [{}]", fact.sources.join(", "));
                }
            }
            for id in used {
                let s = &data.sources[id];
                let _ = writeln!(out, "    source {id}: {} ({}) {}", s.title, s.date, s.url);
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "Totals: {} unknown, {} uncertain, {} conflicting, {} reported; {} platforms, {} sources.",
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        data.platforms.len(),
        data.sources.len()
    );
    out
}

fn conflict(fact: &Fact) -> String {
    let alt = fact.alt.as_ref().map_or_else(String::new, |a| {
        format!(" vs {} [{}]", value_text(&a.value), a.sources.join(", "))
    });
    format!("conflicting: {}{alt}", value_text(&fact.value))
}
