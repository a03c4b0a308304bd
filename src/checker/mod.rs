//! `check-sources`: re-reads every source today's values cite and says, per source and per
//! value, whether the data still holds (README, "Checking the sources"). Native only: the page
//! never carries any of this.
//!
//! - *unchanged*: the page's fingerprint is the one recorded by the last `--accept`;
//! - *changed*: the text changed (or was never accepted) but every number and list item citing
//!   it is still written there;
//! - *drift*: a number or list item a value states is written in none of its sources read;
//! - *gone*: HTTP 404/410, or no copy in the `--from` folder;
//! - *unreachable*: a network error, timeout, redirect loop or page over the size cap (not drift).
//!
//! Yes/no, "none" and unknown values have nothing to find in the text: they follow their
//! sources' fingerprints.

pub mod accept;
pub mod matching;
pub mod read;
pub mod text;

use crate::core::format::fact_text;
use crate::dataset::{Dataset, Fact, Status, Value};
use matching::Page;
use read::Read;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A source's state, worst last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceState {
    Unchanged,
    Changed,
    Unreachable,
    Drift,
    Gone,
}

/// How a value was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// A number with its unit looked for in the text.
    Number,
    /// Each item of a list looked for in the text.
    List,
    /// Yes/no, none, unknown or an empty list: only the sources' fingerprints.
    Fingerprint,
}

/// What the check found for one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueState {
    /// Number or list: found in a source read.
    Stated,
    /// Number or list: some of it is written in none of the sources read.
    Drift,
    /// Fingerprint only: every source read is unchanged.
    Unchanged,
    /// Fingerprint only: a source read changed since it was accepted (or was never accepted).
    Changed,
    /// None of its sources could be read.
    Unread,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceReport {
    pub id: String,
    pub url: String,
    /// The address or file actually read.
    pub read_from: String,
    pub state: SourceState,
    /// Why it is gone or unreachable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The fingerprint of the text read today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// The fingerprint and date the data file records (`--accept`), if any.
    pub recorded_fingerprint: Option<String>,
    pub checked: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ValueReport {
    pub platform: String,
    /// A field id, `<field> (other source)` for a conflicting fact's other value, or `status`.
    pub field: String,
    pub value: String,
    pub check: Check,
    pub state: ValueState,
    /// For a drift: what is no longer written (the number with its unit, or the list's items).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub sources: usize,
    pub unchanged: usize,
    pub changed: usize,
    pub drift: usize,
    pub gone: usize,
    pub unreachable: usize,
    pub values: usize,
    pub values_by_number: usize,
    pub values_by_list: usize,
    pub values_by_fingerprint: usize,
    pub values_drifted: usize,
    /// Sources cited only by the 2019 values or the history: records of the past, not re-read.
    pub historical: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The day of the check (UTC).
    pub date: String,
    /// `network`, or `copies` with `--from`.
    pub mode: &'static str,
    pub summary: Summary,
    pub sources: Vec<SourceReport>,
    pub values: Vec<ValueReport>,
    pub historical: Vec<String>,
}

impl Report {
    /// Exit status: 1 when a value drifted or a source is gone, else 0.
    pub fn failed(&self) -> bool {
        self.summary.drift + self.summary.gone > 0
    }
}

/// One value to check: where it sits and which sources it cites.
struct Claim<'a> {
    platform: String,
    field: String,
    fact: Option<&'a Fact>,
    sources: Vec<String>,
}

/// Every value of today's snapshots (a conflicting fact's other value too) and every status
/// with a source.
fn claims(data: &Dataset) -> Vec<Claim<'_>> {
    let mut out = Vec::new();
    for p in &data.platforms {
        let ids =
            |sources: &[crate::dataset::Text]| sources.iter().map(|s| s.to_string()).collect();
        if let Some(today) = &p.snapshots.today {
            for (field, fact) in &today.facts {
                out.push(Claim {
                    platform: p.id.to_string(),
                    field: field.id().to_owned(),
                    fact: Some(fact),
                    sources: ids(&fact.sources),
                });
                if let Some(alt) = &fact.alt {
                    out.push(Claim {
                        platform: p.id.to_string(),
                        field: format!("{} (other source)", field.id()),
                        fact: Some(alt),
                        sources: ids(&alt.sources),
                    });
                }
            }
        }
        if let Status::Closed { source, .. } | Status::Retired { source, .. } = &p.status {
            out.push(Claim {
                platform: p.id.to_string(),
                field: "status".to_owned(),
                fact: None,
                sources: vec![source.to_string()],
            });
        }
    }
    out
}

/// The sources today's values cite, each with its link, in the data's order.
pub fn cited_sources(data: &Dataset) -> Vec<(String, String)> {
    let cited: BTreeSet<String> = claims(data).into_iter().flat_map(|c| c.sources).collect();
    data.sources
        .iter()
        .filter(|(id, _)| cited.contains(id.as_ref()))
        .map(|(id, s)| (id.to_string(), s.url.text().unwrap_or_default().to_owned()))
        .collect()
}

/// Checks the data against the reads of its cited sources (`read::fetch_all` or
/// `read::read_copies`), keyed by source id.
pub fn check(data: &Dataset, reads: &BTreeMap<String, Read>, mode: &'static str) -> Report {
    let cited = cited_sources(data);
    let pages = Pages::new(data, reads);
    let (values, drifted) = check_values(data, &pages);
    let sources = source_reports(data, &cited, reads, &pages, &drifted);
    let historical: Vec<String> = data
        .sources
        .keys()
        .filter(|id| !cited.iter().any(|(c, _)| c == id.as_ref()))
        .map(|id| id.to_string())
        .collect();
    Report {
        date: crate::dataset::today(),
        mode,
        summary: summary(&sources, &values, historical.len()),
        sources,
        values,
        historical,
    }
}

/// The sources read as words, each ready to search and with today's fingerprint.
struct Pages<'a> {
    data: &'a Dataset,
    read: BTreeMap<&'a str, (Page, String)>,
}

impl<'a> Pages<'a> {
    fn new(data: &'a Dataset, reads: &'a BTreeMap<String, Read>) -> Self {
        let read = reads
            .iter()
            .filter_map(|(id, read)| match read {
                Read::Words { words, .. } => {
                    Some((id.as_str(), (Page::new(words), text::fingerprint(words))))
                }
                _ => None,
            })
            .collect();
        Pages { data, read }
    }

    fn page(&self, id: &str) -> Option<&Page> {
        self.read.get(id).map(|p| &p.0)
    }

    fn fingerprint(&self, id: &str) -> Option<&str> {
        self.read.get(id).map(|p| p.1.as_str())
    }

    /// The fingerprint the last `--accept` wrote into the data.
    fn recorded(&self, id: &str) -> Option<&'a str> {
        self.data
            .sources
            .get(id)
            .and_then(|s| s.fingerprint.as_deref())
    }

    /// Whether the text read today is the one accepted; None when it was not read as words.
    fn unchanged(&self, id: &str) -> Option<bool> {
        self.fingerprint(id)
            .map(|print| Some(print) == self.recorded(id))
    }
}

/// Each claim's report, and the sources read that a drifted value cites.
fn check_values(data: &Dataset, pages: &Pages) -> (Vec<ValueReport>, BTreeSet<String>) {
    let mut values = Vec::new();
    let mut drifted: BTreeSet<String> = BTreeSet::new();
    for claim in &claims(data) {
        let read: Vec<&Page> = claim.sources.iter().filter_map(|s| pages.page(s)).collect();
        let (check, missing) = missing_words(claim, &read);
        let state = if read.is_empty() {
            ValueState::Unread
        } else if !missing.is_empty() {
            drifted.extend(
                claim
                    .sources
                    .iter()
                    .filter(|s| pages.page(s).is_some())
                    .cloned(),
            );
            ValueState::Drift
        } else if check != Check::Fingerprint {
            ValueState::Stated
        } else if claim
            .sources
            .iter()
            .all(|s| pages.unchanged(s) != Some(false))
        {
            // Sources not read do not make a value changed: only a fingerprint that differs does.
            ValueState::Unchanged
        } else {
            ValueState::Changed
        };
        values.push(ValueReport {
            platform: claim.platform.clone(),
            field: claim.field.clone(),
            value: claim
                .fact
                .map_or_else(|| status_text(data, &claim.platform), fact_text),
            check,
            state,
            missing,
            sources: claim.sources.clone(),
        });
    }
    (values, drifted)
}

/// How a claim can be checked, and what of it none of the pages read writes: a number with its
/// unit, each item of a list, or nothing (the rest follow their sources' fingerprints).
fn missing_words(claim: &Claim, read: &[&Page]) -> (Check, Vec<String>) {
    match claim.fact.map(|f| (f, &f.value, f.quantity())) {
        Some((fact, _, Some(q))) => {
            let found = read.iter().any(|page| page.states_quantity(&q));
            (
                Check::Number,
                if found { vec![] } else { vec![fact_text(fact)] },
            )
        }
        Some((_, Value::List(items), _)) if !items.is_empty() => {
            let missing = items
                .iter()
                .filter(|item| !read.iter().any(|page| page.states_item(item)))
                .map(|item| item.to_string())
                .collect();
            (Check::List, missing)
        }
        _ => (Check::Fingerprint, vec![]),
    }
}

/// Each cited source's state: drift when a value citing it drifted, else whether its text
/// changed; gone or unreachable as read.
fn source_reports(
    data: &Dataset,
    cited: &[(String, String)],
    reads: &BTreeMap<String, Read>,
    pages: &Pages,
    drifted: &BTreeSet<String>,
) -> Vec<SourceReport> {
    cited
        .iter()
        .map(|(id, url)| {
            let (state, reason, from) = match reads.get(id) {
                Some(Read::Words { from, .. }) => {
                    let state = if drifted.contains(id) {
                        SourceState::Drift
                    } else if pages.unchanged(id) == Some(true) {
                        SourceState::Unchanged
                    } else {
                        SourceState::Changed
                    };
                    (state, None, from.clone())
                }
                Some(Read::Gone { reason, from }) => {
                    (SourceState::Gone, Some(reason.clone()), from.clone())
                }
                Some(Read::Unreachable { reason, from }) => {
                    (SourceState::Unreachable, Some(reason.clone()), from.clone())
                }
                None => (
                    SourceState::Unreachable,
                    Some("not read".to_owned()),
                    String::new(),
                ),
            };
            SourceReport {
                id: id.clone(),
                url: url.clone(),
                read_from: from,
                state,
                reason,
                fingerprint: pages.fingerprint(id).map(str::to_owned),
                recorded_fingerprint: pages.recorded(id).map(str::to_owned),
                checked: data
                    .sources
                    .get(id.as_str())
                    .and_then(|s| s.checked.as_deref())
                    .map(str::to_owned),
            }
        })
        .collect()
}

/// The counts the report starts with.
fn summary(sources: &[SourceReport], values: &[ValueReport], historical: usize) -> Summary {
    let count = |state| sources.iter().filter(|s| s.state == state).count();
    let checked_by = |check| values.iter().filter(|v| v.check == check).count();
    Summary {
        sources: sources.len(),
        unchanged: count(SourceState::Unchanged),
        changed: count(SourceState::Changed),
        drift: count(SourceState::Drift),
        gone: count(SourceState::Gone),
        unreachable: count(SourceState::Unreachable),
        values: values.len(),
        values_by_number: checked_by(Check::Number),
        values_by_list: checked_by(Check::List),
        values_by_fingerprint: checked_by(Check::Fingerprint),
        values_drifted: values
            .iter()
            .filter(|v| v.state == ValueState::Drift)
            .count(),
        historical,
    }
}

fn status_text(data: &Dataset, platform: &str) -> String {
    match data.platform(platform).map(|p| &p.status) {
        Some(Status::Closed { since, .. }) => format!("closed to new users since {since}"),
        Some(Status::Retired { since, .. }) => format!("retired since {since}"),
        _ => "active".to_owned(),
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = &self.summary;
        writeln!(f, "check-sources, {} ({})", self.date, self.mode)?;
        writeln!(
            f,
            "{} sources: {} unchanged, {} changed (values still stated), {} drift, {} gone, {} unreachable",
            s.sources, s.unchanged, s.changed, s.drift, s.gone, s.unreachable
        )?;
        writeln!(
            f,
            "{} values: {} checked by number, {} by list, {} by fingerprint only; {} drifted",
            s.values,
            s.values_by_number,
            s.values_by_list,
            s.values_by_fingerprint,
            s.values_drifted
        )?;
        writeln!(
            f,
            "{} sources cited only by the 2019 values or the history: not re-read",
            s.historical
        )?;
        for v in self.values.iter().filter(|v| v.state == ValueState::Drift) {
            writeln!(
                f,
                "DRIFT  {} {}: '{}' — no longer written: {} (sources: {})",
                v.platform,
                v.field,
                v.value,
                v.missing.join(", "),
                v.sources.join(", ")
            )?;
        }
        for src in &self.sources {
            let label = match src.state {
                SourceState::Unchanged => "unchanged",
                SourceState::Changed if src.recorded_fingerprint.is_none() => {
                    "changed (never accepted; values still stated)"
                }
                SourceState::Changed => "changed (values still stated)",
                SourceState::Drift => "drift",
                SourceState::Gone => "GONE",
                SourceState::Unreachable => "unreachable (not drift)",
            };
            write!(f, "{:<40} {label}", src.id)?;
            if let Some(reason) = &src.reason {
                write!(f, ": {reason}")?;
            }
            writeln!(f, "  [{}]", src.read_from)?;
        }
        Ok(())
    }
}
