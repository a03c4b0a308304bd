//! Reads the JSON file into the model, checking every rule in assets/DATA.md. Each platform and
//! each fact is parsed on its own so that an error can name the platform and the field.

use super::model::*;
use serde::Deserialize;
use serde_json::Value as Json;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A broken dataset: where (platform, field) and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub platform: Option<String>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.platform {
            write!(f, "platform '{p}': ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "field '{field}': ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for DataError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    dataset_date: String,
    sources: BTreeMap<String, RawSource>,
    platforms: Vec<Json>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: String,
    url: String,
    date: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlatform {
    id: String,
    name: String,
    vendor: String,
    link: String,
    status: RawStatus,
    summary: String,
    snapshots: RawSnapshots,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatus {
    state: String,
    since: Option<String>,
    source: Option<String>,
    note: Option<String>,
    successor: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSnapshots {
    #[serde(rename = "2019")]
    then: Option<RawSnapshot>,
    today: Option<RawSnapshot>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSnapshot {
    as_of: String,
    facts: BTreeMap<String, Json>,
    #[serde(default)]
    pros: Vec<String>,
    #[serde(default)]
    cons: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    number: Option<f64>,
    low: Option<f64>,
    #[serde(default)]
    up_to: bool,
    unit: Option<String>,
    bool: Option<bool>,
    list: Option<Vec<String>>,
    unknown: Option<String>,
    source: Option<OneOrMany>,
    confidence: Option<String>,
    note: Option<String>,
    alt: Option<Json>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Builds errors that carry the platform and field being read.
struct At<'a> {
    platform: Option<&'a str>,
    field: Option<&'a str>,
}

impl<'a> At<'a> {
    fn new(platform: Option<&'a str>, field: Option<&'a str>) -> Self {
        At { platform, field }
    }

    fn err(&self, message: impl Into<String>) -> DataError {
        DataError {
            platform: self.platform.map(str::to_owned),
            field: self.field.map(str::to_owned),
            message: message.into(),
        }
    }

    fn date(&self, what: &str, s: &str) -> Result<String, DataError> {
        if is_iso_date(s) {
            Ok(s.to_owned())
        } else {
            Err(self.err(format!("{what} '{s}' is not an ISO date (YYYY-MM-DD)")))
        }
    }

    fn https(&self, what: &str, s: &str) -> Result<String, DataError> {
        match s.strip_prefix("https://") {
            Some(rest) if !rest.is_empty() && !rest.contains(char::is_whitespace) => {
                Ok(s.to_owned())
            }
            _ => Err(self.err(format!("{what} '{s}' is not an https link"))),
        }
    }

    fn text(&self, what: &str, s: &str) -> Result<String, DataError> {
        if s.trim().is_empty() {
            Err(self.err(format!("{what} is empty")))
        } else {
            Ok(s.to_owned())
        }
    }

    fn source(&self, sources: &BTreeMap<String, Source>, id: &str) -> Result<String, DataError> {
        if sources.contains_key(id) {
            Ok(id.to_owned())
        } else {
            Err(self.err(format!("source '{id}' is not in the sources list")))
        }
    }
}

/// `YYYY-MM-DD` with a month 01–12 and a day that exists in that month.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

impl Dataset {
    /// Parses and validates a dataset; the error names the platform and field at fault.
    pub fn parse(json: &str) -> Result<Dataset, DataError> {
        let top = At::new(None, None);
        let raw: RawDataset =
            serde_json::from_str(json).map_err(|e| top.err(format!("not a valid dataset: {e}")))?;
        let dataset_date = top.date("dataset_date", &raw.dataset_date)?;

        let mut sources = BTreeMap::new();
        for (id, s) in raw.sources {
            let at_err = |e: DataError| DataError {
                message: format!("source '{id}': {}", e.message),
                ..e
            };
            let source = Source {
                title: top.text("title", &s.title).map_err(at_err)?,
                url: top.https("url", &s.url).map_err(at_err)?,
                date: top.date("date", &s.date).map_err(at_err)?,
            };
            sources.insert(id, source);
        }

        let mut platforms = Vec::with_capacity(raw.platforms.len());
        let mut ids = BTreeSet::new();
        for (index, json) in raw.platforms.into_iter().enumerate() {
            let name = json
                .get("id")
                .and_then(Json::as_str)
                .map_or_else(|| format!("#{}", index + 1), str::to_owned);
            let platform = parse_platform(&name, json, &sources)?;
            if !ids.insert(platform.id.clone()) {
                return Err(At::new(Some(&name), None).err("id is used by another platform"));
            }
            platforms.push(platform);
        }
        if platforms.is_empty() {
            return Err(top.err("the dataset has no platforms"));
        }
        Ok(Dataset {
            dataset_date,
            sources,
            platforms,
        })
    }
}

fn parse_platform(
    name: &str,
    json: Json,
    sources: &BTreeMap<String, Source>,
) -> Result<Platform, DataError> {
    let at = At::new(Some(name), None);
    let raw: RawPlatform = serde_json::from_value(json).map_err(|e| at.err(e.to_string()))?;
    if raw.id.is_empty()
        || !raw
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(at.err(format!(
            "id '{}' must be lowercase letters, digits and '-'",
            raw.id
        )));
    }
    let status = {
        let at = At::new(Some(name), Some("status"));
        let s = raw.status;
        let since = || at.date("since", s.since.as_deref().unwrap_or(""));
        let source = || at.source(sources, s.source.as_deref().unwrap_or(""));
        match s.state.as_str() {
            "active" => Status::Active,
            "closed" => Status::Closed {
                since: since()?,
                source: source()?,
                note: s.note.clone(),
            },
            "retired" => Status::Retired {
                since: since()?,
                source: source()?,
                successor: at.text("successor", s.successor.as_deref().unwrap_or(""))?,
            },
            other => {
                return Err(at.err(format!("state '{other}' is not active, closed or retired")))
            }
        }
    };
    let snapshot = |raw: Option<RawSnapshot>, era: &str| {
        raw.map(|r| parse_snapshot(name, era, r, sources))
            .transpose()
    };
    let then = snapshot(raw.snapshots.then, "2019")?;
    let today = snapshot(raw.snapshots.today, "today")?;
    // Today's view falls back to 2019 per field, so together they must cover every field.
    for field in Field::ALL {
        let has = |s: &Option<Snapshot>| s.as_ref().is_some_and(|s| s.facts.contains_key(&field));
        if !has(&then) && !has(&today) {
            return Err(At::new(Some(name), Some(field.id())).err(
                "no value in any snapshot (write {\"unknown\": \"reason\"} if it is not known)",
            ));
        }
    }
    Ok(Platform {
        id: raw.id,
        name: at.text("name", &raw.name)?,
        vendor: at.text("vendor", &raw.vendor)?,
        link: at.https("link", &raw.link)?,
        status,
        summary: raw.summary,
        then,
        today,
    })
}

fn parse_snapshot(
    name: &str,
    era: &str,
    raw: RawSnapshot,
    sources: &BTreeMap<String, Source>,
) -> Result<Snapshot, DataError> {
    let at = At::new(Some(name), None);
    let as_of = at.date(&format!("{era} as_of"), &raw.as_of)?;
    let mut facts = BTreeMap::new();
    for (key, json) in raw.facts {
        let at = At::new(Some(name), Some(&key));
        let field = Field::parse(&key)
            .ok_or_else(|| at.err("is not a known field (see assets/DATA.md)"))?;
        facts.insert(field, parse_fact(&at, field, json, sources, true)?);
    }
    Ok(Snapshot {
        as_of,
        facts,
        pros: raw.pros,
        cons: raw.cons,
    })
}

fn parse_fact(
    at: &At,
    field: Field,
    json: Json,
    sources: &BTreeMap<String, Source>,
    may_have_alt: bool,
) -> Result<Fact, DataError> {
    let raw: RawFact = serde_json::from_value(json).map_err(|e| at.err(e.to_string()))?;
    let given = [
        raw.number.is_some(),
        raw.bool.is_some(),
        raw.list.is_some(),
        raw.unknown.is_some(),
    ];
    if given.iter().filter(|g| **g).count() != 1 {
        return Err(at.err("needs exactly one of number, bool, list, unknown"));
    }
    let kind = field.kind();
    let value = if let Some(number) = raw.number {
        let FieldKind::Number(dimension) = kind else {
            return Err(at.err("takes no number"));
        };
        let symbol = raw.unit.as_deref().unwrap_or("");
        let unit = Unit::parse(symbol)
            .filter(|u| Unit::of(dimension).any(|k| k == *u))
            .ok_or_else(|| {
                let known: Vec<_> = Unit::of(dimension).map(Unit::symbol).collect();
                at.err(format!(
                    "unit '{symbol}' is not one of {}",
                    known.join(", ")
                ))
            })?;
        if !number.is_finite()
            || number < 0.0
            || raw.low.is_some_and(|l| !(0.0..number).contains(&l))
        {
            return Err(
                at.err("numbers must be finite, not negative, and a range's low below its number")
            );
        }
        Value::Number(Quantity {
            number,
            low: raw.low,
            up_to: raw.up_to,
            unit,
        })
    } else if raw.unit.is_some() || raw.low.is_some() || raw.up_to {
        return Err(at.err("unit, low and up_to belong with a number"));
    } else if let Some(b) = raw.bool {
        match kind {
            FieldKind::Bool | FieldKind::ListOrBool => Value::Bool(b),
            _ => return Err(at.err("takes no yes/no value")),
        }
    } else if let Some(list) = raw.list {
        match kind {
            FieldKind::List | FieldKind::ListOrBool => Value::List(list),
            _ => return Err(at.err("takes no list")),
        }
    } else {
        Value::Unknown(at.text("unknown reason", raw.unknown.as_deref().unwrap_or(""))?)
    };
    let ids = match raw.source {
        None => vec![],
        Some(OneOrMany::One(id)) => vec![id],
        Some(OneOrMany::Many(ids)) => ids,
    };
    if ids.is_empty() {
        return Err(at.err("has no source"));
    }
    let sources_ok = ids
        .iter()
        .map(|id| at.source(sources, id))
        .collect::<Result<Vec<_>, _>>()?;
    let confidence = raw.confidence.as_deref().unwrap_or("");
    let confidence = Confidence::parse(confidence).ok_or_else(|| {
        at.err(format!(
            "confidence '{confidence}' is not verified, reported, uncertain or conflicting"
        ))
    })?;
    let alt = match (
        raw.alt,
        confidence == Confidence::Conflicting && may_have_alt,
    ) {
        (Some(alt), true) => Some(Box::new(parse_fact(at, field, alt, sources, false)?)),
        (None, true) => {
            return Err(at.err("is conflicting but has no alt (the other source's value)"))
        }
        (Some(_), false) => return Err(at.err("has an alt but is not conflicting")),
        (None, false) => None,
    };
    Ok(Fact {
        value,
        sources: sources_ok,
        confidence,
        note: raw.note,
        alt,
    })
}
