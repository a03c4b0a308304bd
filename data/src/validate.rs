//! Parsing: serde reads the file into the model (a structural error stops it, with its path);
//! then one pass checks every rule of assets/DATA.md and collects every violation, each naming
//! the platform and field, so a broken file is fixed in one round.

use super::date::is_iso_date;
#[cfg(not(target_arch = "wasm32"))]
use super::date::today;
use super::fields::{Field, Kind, Unit};
use super::model::*;
use super::problem::{DataError, Problem};
use super::types::{Amount, Prose, Text};
use std::collections::{BTreeMap, BTreeSet};

/// Prose still in the prose file is checked as no words at all (a checked file has them all).
fn words(prose: &Prose) -> &str {
    prose.text().unwrap_or_default()
}

impl Dataset {
    /// Reads and checks a dataset. Either it is valid, or the error lists every problem.
    pub fn parse(json: &str) -> Result<Dataset, DataError> {
        let mut de = serde_json::Deserializer::from_str(json);
        let data: Dataset = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            DataError {
                problems: vec![Problem {
                    platform: platform_at(json, &path),
                    field: None,
                    message: format!("at {path}: {}", e.inner()),
                }],
            }
        })?;
        let problems = data.problems();
        if problems.is_empty() {
            let mut data = Dataset {
                limits: Limits::of(&data.dataset_date),
                ..data
            };
            data.fill_figures();
            Ok(data)
        } else {
            Err(DataError { problems })
        }
    }

    /// Every rule the dataset breaks.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Check {
            platform: None,
            field: None,
            data: self,
            problems: Vec::new(),
        };
        out.date("dataset_date", &self.dataset_date);
        let cited = self.cited();
        for (id, s) in &self.sources {
            let mut at = out.at(None, Some(format!("source '{id}'")));
            at.text("title", words(&s.title));
            at.https("url", words(&s.url));
            at.date("date", &s.date);
            at.not_after_dataset_date("date", &s.date);
            if !cited.contains(&**id) {
                at.fail("is cited by no fact, status, history entry, GPU or allowance: cite it or remove it");
            }
            at.checked(s);
            out.problems.append(&mut at.problems);
        }
        if self.platforms.is_empty() {
            out.fail("the dataset has no platforms");
        }
        let (mut ids, mut short_names) = (BTreeSet::new(), BTreeSet::new());
        for p in &self.platforms {
            let mut at = out.at(Some(p.id.to_string()), None);
            at.platform(p);
            if !ids.insert(p.id.as_ref()) {
                at.fail("id is used by another platform");
            }
            // Two rows must never read the same.
            if !short_names.insert(p.short_name.as_ref()) {
                at.fail(format!(
                    "short_name '{}' is used by another platform",
                    p.short_name
                ));
            }
            out.problems.append(&mut at.problems);
        }
        out.problems.extend(super::compute::problems(self));
        out.problems
    }
}

impl Dataset {
    /// The ids of the sources that facts (and their alternatives), statuses, history, the GPU table
    /// and the allowances (with their prices) cite.
    fn cited(&self) -> BTreeSet<&str> {
        let mut cited = BTreeSet::new();
        for p in &self.platforms {
            let snapshots = [&p.snapshots.then, &p.snapshots.today];
            for fact in snapshots
                .into_iter()
                .flatten()
                .flat_map(|s| s.facts.values())
            {
                let alt = fact.alt.iter().flat_map(|a| a.sources.iter());
                cited.extend(fact.sources.iter().chain(alt).map(|id| &**id));
            }
            if let Status::Closed { source, .. } | Status::Retired { source, .. } = &p.status {
                cited.insert(&**source);
            }
            let history = p.history.iter().flat_map(|c| c.sources.iter());
            cited.extend(history.map(|id| &**id));
            let allowances = p
                .gpu_allowance
                .iter()
                .flat_map(|a| [Some(a), a.alt.as_deref()]);
            for a in allowances.flatten() {
                let prices = a.prices.iter().flat_map(|price| price.sources.iter());
                cited.extend(a.sources.iter().chain(prices).map(|id| &**id));
            }
        }
        let gpus = self.gpus.values().flat_map(|g| g.sources.iter());
        cited.extend(gpus.map(|id| &**id));
        cited
    }
}

/// The id of the platform a serde path like `platforms[3].snapshots…` points into, if readable.
fn platform_at(json: &str, path: &str) -> Option<String> {
    let index: usize = path
        .strip_prefix("platforms[")?
        .split(']')
        .next()?
        .parse()
        .ok()?;
    let ids: serde_json::Value = serde_json::from_str(json).ok()?;
    let id = ids["platforms"][index]["id"].as_str()?;
    Some(id.to_owned())
}

/// Collects problems at one place (platform, field).
struct Check<'a> {
    platform: Option<String>,
    field: Option<String>,
    data: &'a Dataset,
    problems: Vec<Problem>,
}

impl<'a> Check<'a> {
    fn at(&self, platform: Option<String>, field: Option<String>) -> Check<'a> {
        Check {
            platform: platform.or_else(|| self.platform.clone()),
            field,
            data: self.data,
            problems: Vec::new(),
        }
    }

    fn fail(&mut self, message: impl Into<String>) {
        self.problems.push(Problem {
            platform: self.platform.clone(),
            field: self.field.clone(),
            message: message.into(),
        });
    }

    fn merge(&mut self, mut other: Check) {
        self.problems.append(&mut other.problems);
    }

    fn date(&mut self, what: &str, s: &str) {
        if !is_iso_date(s) {
            self.fail(format!("{what} '{s}' is not an ISO date (YYYY-MM-DD)"));
        }
    }

    /// Nothing is dated after the day the data was reviewed (an invalid date is reported by `date`).
    fn not_after_dataset_date(&mut self, what: &str, s: &str) {
        let today = &self.data.dataset_date;
        if is_iso_date(s) && s > &**today {
            self.fail(format!("{what} {s} is after the dataset date {today}"));
        }
    }

    /// A source's last re-reading (`check-sources --accept`): a real date, not in the future, with
    /// the fingerprint of what was read.
    fn checked(&mut self, s: &Source) {
        if let Some(day) = &s.checked {
            self.date("checked", day);
        }
        // Native only, like the fingerprint: the page never reads the file.
        #[cfg(not(target_arch = "wasm32"))]
        {
            if let Some(day) = s.checked.as_deref().filter(|d| is_iso_date(d)) {
                if *day > *today() {
                    self.fail(format!("checked '{day}' is after today ({})", today()));
                }
            }
            if let Some(print) = &s.fingerprint {
                let ok = print.strip_prefix("sha256:").is_some_and(|hex| {
                    hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
                });
                if !ok {
                    self.fail(format!(
                        "fingerprint '{print}' is not 'sha256:' and 64 lowercase hex digits"
                    ));
                }
            }
            if s.checked.is_some() != s.fingerprint.is_some() {
                self.fail(
                    "checked and fingerprint go together (check-sources --accept writes both)",
                );
            }
        }
    }

    fn https(&mut self, what: &str, s: &str) {
        let ok = s
            .strip_prefix("https://")
            .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace));
        if !ok {
            self.fail(format!("{what} '{s}' is not an https link"));
        }
    }

    fn text(&mut self, what: &str, s: &str) {
        if s.trim().is_empty() {
            self.fail(format!("{what} is empty"));
        }
    }

    fn source(&mut self, id: &str) {
        if !self.data.sources.contains_key(id) {
            self.fail(format!("source '{id}' is not in the sources list"));
        }
    }

    fn platform(&mut self, p: &Platform) {
        let id_ok = !p.id.is_empty()
            && p.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            self.fail(format!(
                "id '{}' must be lowercase letters, digits and '-'",
                p.id
            ));
        }
        self.text("name", &p.name);
        self.text("short_name", &p.short_name);
        let short = p.short_name.chars().count();
        if short > SHORT_NAME_MAX {
            self.fail(format!(
                "short_name '{}' has {short} characters; at most {SHORT_NAME_MAX} fit the table's line",
                p.short_name
            ));
        }
        self.text("vendor", &p.vendor);
        self.text("summary", words(&p.summary));
        self.https("link", &p.link);

        let mut status = self.at(None, Some("status".into()));
        match &p.status {
            Status::Active {} => {}
            Status::Closed {
                since,
                source,
                note,
            } => {
                status.date("since", since);
                status.source(source);
                if let Some(note) = note {
                    status.text("note", note);
                }
            }
            Status::Retired {
                since,
                source,
                successor,
            } => {
                status.date("since", since);
                status.source(source);
                status.text("successor", successor);
            }
        }
        self.merge(status);

        let snapshots = [("2019", &p.snapshots.then), ("today", &p.snapshots.today)];
        for (era, snapshot) in snapshots {
            let Some(s) = snapshot else { continue };
            self.date(&format!("{era} as_of"), &s.as_of);
            self.not_after_dataset_date(&format!("{era} as_of"), &s.as_of);
            self.no_gpu_means_none(era, s);
            for (what, items) in [("pros", &s.pros), ("cons", &s.cons)] {
                if items.iter().any(|item| words(item).trim().is_empty()) {
                    self.fail(format!("{era} {what} has an empty item"));
                }
            }
            for (field, fact) in &s.facts {
                let mut at = self.at(None, Some(field.id().into()));
                at.fact(*field, fact, true);
                self.merge(at);
            }
        }
        // Today's view falls back to 2019 per field, so together they must cover every field.
        for field in Field::all() {
            let has =
                |s: &Option<Snapshot>| s.as_ref().is_some_and(|s| s.facts.contains_key(&field));
            if !has(&p.snapshots.then) && !has(&p.snapshots.today) {
                let mut at = self.at(None, Some(field.id().into()));
                at.fail(
                    "no value in any snapshot (write {\"unknown\": \"reason\"} if it is not known)",
                );
                self.merge(at);
            }
        }
        self.history(p);
    }

    /// A platform whose GPU is a definite none has no GPU memory and no GPU time either: "none",
    /// not unknown (an empty list, a vaguer "no model named", does not say so).
    fn no_gpu_means_none(&mut self, era: &str, s: &Snapshot) {
        let no_gpu = s
            .facts
            .get(&Field::Gpu)
            .is_some_and(|gpu| matches!(gpu.value, Value::None(_)));
        if !no_gpu {
            return;
        }
        for field in [Field::GpuMemory, Field::GpuQuota] {
            let value = s.facts.get(&field).map(|f| &f.value);
            if value.is_some_and(|v| !matches!(v, Value::None(_))) {
                let mut at = self.at(None, Some(field.id().into()));
                at.fail(format!(
                    "{era}: the GPU is none, so this must be none too ({{\"none\": \"no GPU\"}})"
                ));
                self.merge(at);
            }
        }
    }

    fn fact(&mut self, field: Field, fact: &Fact, may_have_alt: bool) {
        self.value(field, fact);
        if fact.sources.is_empty() {
            self.fail("has no source");
        }
        self.sources(&fact.sources);
        if let Some(note) = &fact.note {
            self.text("note", words(note));
        }
        let conflicting = fact.confidence == Confidence::Conflicting;
        match (&fact.alt, conflicting && may_have_alt) {
            (Some(alt), true) => self.fact(field, alt, false),
            (None, true) => self.fail("is conflicting but has no alt (the other source's value)"),
            (Some(_), false) if !may_have_alt => self.fail("an alt cannot have an alt of its own"),
            (Some(_), false) => self.fail("has an alt but is not conflicting"),
            (None, false) if conflicting => self.fail("an alt cannot itself be conflicting"),
            (None, false) => {}
        }
    }

    fn sources(&mut self, ids: &[Text]) {
        let mut seen = BTreeSet::new();
        for id in ids {
            self.source(id);
            if !seen.insert(id) {
                self.fail(format!("source '{id}' is listed twice"));
            }
        }
    }

    /// The value and its qualifiers fit the field (shared by facts and history entries).
    fn value(&mut self, field: Field, fact: &Fact) {
        for key in fact.unexpected.keys() {
            let kinds = ["number", "bool", "list", "unknown", "none"];
            if kinds.contains(&key) {
                self.fail("needs exactly one of number, bool, list, unknown, none");
            } else {
                self.fail(format!("'{key}' is not a key of a fact"));
            }
        }
        let kind = field.kind();
        match (&fact.value, kind) {
            (Value::Number(n), Kind::Amount(dimension)) => {
                match fact.unit {
                    Some(unit) if unit.measure().0 == dimension => {}
                    other => {
                        let known: Vec<&str> = Unit::of(dimension).map(Unit::symbol).collect();
                        let given = other.map_or("", Unit::symbol);
                        self.fail(format!("unit '{given}' is not one of {}", known.join(", ")));
                    }
                }
                let zero = Amount::default();
                let low_ok = fact.low.is_none_or(|l| l >= zero && l < *n);
                if *n < zero || !low_ok {
                    self.fail(
                        "numbers must be finite, not negative, and a range's low below its number",
                    );
                }
                let bounds = [fact.low.is_some(), fact.up_to, fact.at_least];
                if bounds.iter().filter(|b| **b).count() > 1 {
                    self.fail("low, up_to and at_least exclude each other");
                }
            }
            (Value::Number(_), _) => self.fail("takes no number"),
            (Value::Bool(_), Kind::YesNo | Kind::ListOrYesNo) => {}
            (Value::Bool(_), _) => self.fail("takes no yes/no value"),
            (Value::List(items), Kind::List | Kind::ListOrYesNo) => {
                if items.iter().any(|i| i.trim().is_empty()) {
                    self.fail("a list item is empty");
                }
            }
            (Value::List(_), _) => self.fail("takes no list"),
            (Value::Unknown(reason), _) => self.text("unknown reason", reason),
            (Value::None(reason), _) => self.text("none reason", reason),
        }
        let is_number = matches!(fact.value, Value::Number(_));
        if !is_number && (fact.unit.is_some() || fact.low.is_some() || fact.up_to || fact.at_least)
        {
            self.fail("unit, low, up_to and at_least belong with a number");
        }
    }

    /// The change log: each entry well formed, in date order and not after the dataset date
    /// (the day the data was reviewed: a build on any later day gives the same verdict), each
    /// field's entries a chain (one's `to` is the next one's `from`) ending at today's value.
    fn history(&mut self, p: &Platform) {
        let mut last: BTreeMap<Field, &Reading> = BTreeMap::new();
        let mut previous_date = "";
        for (n, change) in p.history.iter().enumerate() {
            let mut at = self.at(None, Some(change.field.to_string()));
            let fail = |at: &mut Check, message: String| {
                at.fail(format!(
                    "history entry {} ({}): {message}",
                    n + 1,
                    change.date
                ));
            };
            if !is_iso_date(&change.date) {
                fail(&mut at, "date is not an ISO date (YYYY-MM-DD)".into());
            } else if change.date > self.data.dataset_date {
                let today = &self.data.dataset_date;
                fail(&mut at, format!("date is after the dataset date {today}"));
            } else if &*change.date < previous_date {
                fail(
                    &mut at,
                    format!("comes after an entry of {previous_date}: keep the log in date order"),
                );
            }
            if is_iso_date(&change.date) {
                previous_date = previous_date.max(&change.date);
            }
            if change.sources.is_empty() {
                fail(&mut at, "has no source".into());
            }
            let mut entry = self.at(None, None);
            entry.sources(&change.sources);
            if let Some(note) = &change.note {
                entry.text("note", words(note));
            }
            for problem in entry.problems {
                fail(&mut at, problem.message);
            }
            let Some(field) = change.field() else {
                let known: Vec<&str> = Field::all().map(Field::id).collect();
                let message = format!(
                    "'{}' is not a field: one of {}",
                    change.field,
                    known.join(", ")
                );
                fail(&mut at, message);
                self.merge(at);
                continue;
            };
            for (end, reading) in [("from", &change.from), ("to", &change.to)] {
                let mut value = self.at(None, None);
                value.value(field, &reading.as_fact());
                for problem in value.problems {
                    fail(&mut at, format!("{end}: {}", problem.message));
                }
            }
            if change.from.as_fact().same_value(&change.to.as_fact()) {
                fail(&mut at, "from and to are the same value".into());
            }
            if let Some(before) = last.insert(field, &change.to) {
                if !before.as_fact().same_value(&change.from.as_fact()) {
                    let was = before.words();
                    fail(
                        &mut at,
                        format!("from is not '{was}', the previous entry's to"),
                    );
                }
            }
            self.merge(at);
        }
        for (field, to) in last {
            let current = p.current(field);
            if !current.is_some_and(|fact| fact.same_value(&to.as_fact())) {
                let mut at = self.at(None, Some(field.id().into()));
                // Today's value in the same words as the history's.
                let now = current.map_or("nothing".into(), |fact| {
                    let reading = Reading {
                        value: fact.value.clone(),
                        unit: fact.unit,
                        low: fact.low,
                        up_to: fact.up_to,
                        at_least: fact.at_least,
                        unexpected: Default::default(),
                    };
                    reading.words()
                });
                at.fail(format!(
                    "the history's last value '{}' is not today's value '{now}'",
                    to.words()
                ));
                self.merge(at);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Dataset;
    use serde_json::{json, Value as Json};

    const FIXTURE: &str = include_str!("../../tests/fixtures/mini.json");

    /// The problems of the test fixture after `edit`, in words.
    fn problems_after(edit: impl FnOnce(&mut Json)) -> Vec<String> {
        let mut json: Json = serde_json::from_str(FIXTURE).unwrap();
        edit(&mut json);
        match Dataset::parse(&json.to_string()) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn the_fixture_breaks_none_of_these_rules() {
        assert_eq!(problems_after(|_| {}), Vec::<String>::new());
    }

    #[test]
    fn a_source_no_fact_cites_is_refused() {
        let source =
            json!({"title": "Unused", "url": "https://example.org/u", "date": "2026-01-01"});
        let problems = problems_after(|d| d["sources"]["unused"] = source);
        assert_eq!(
            problems,
            ["field 'source 'unused'': is cited by no fact, status, history entry, GPU or allowance: cite it or remove it"]
        );
    }

    #[test]
    fn nothing_is_dated_after_the_dataset_date() {
        let problems = problems_after(|d| {
            d["sources"]["doc"]["date"] = json!("2026-12-01");
            d["platforms"][1]["snapshots"]["today"]["as_of"] = json!("2027-01-01");
        });
        assert_eq!(
            problems,
            [
                "field 'source 'doc'': date 2026-12-01 is after the dataset date 2026-11-30",
                "platform 'beta': today as_of 2027-01-01 is after the dataset date 2026-11-30",
            ]
        );
    }

    #[test]
    fn no_gpu_means_no_gpu_memory_and_no_gpu_time() {
        let problems = problems_after(|d| {
            let facts = &mut d["platforms"][1]["snapshots"]["today"]["facts"];
            facts["gpu"] = json!({"none": "no GPU", "source": "doc", "confidence": "verified"});
            facts["gpu_memory"] =
                json!({"unknown": "not published", "source": "doc", "confidence": "verified"});
        });
        assert_eq!(
            problems,
            [
                r#"platform 'beta': field 'gpu_memory': today: the GPU is none, so this must be none too ({"none": "no GPU"})"#
            ]
        );
    }
}
