//! The current view (its rows in order, its columns) as CSV and as JSON, for people who want to
//! take their shortlist away.

use super::columns::Column;
use super::format::{fact_text, text_with_reason};
use super::rows::Row;
use super::state::ColumnSet;
use super::words::{bound_name, kind_name, reason, status_text};
use crate::dataset::{Amount, Dataset, Dimension, Fact, Field, Kind, Prose, Value, Words};

/// The JSON export as a tree. Natively serde writes it (tests, tools); the page hands it to the
/// browser's own `JSON.stringify`, so the wasm carries no JSON encoder. Objects keep their keys in
/// the order written.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Amount),
    Text(String),
    List(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

impl Json {
    fn text(s: &str) -> Json {
        Json::Text(s.to_owned())
    }

    /// Prose, here or in the prose file's `words` (null if neither has it).
    fn prose(p: &Prose, words: &Words) -> Json {
        p.read(words).map_or(Json::Null, Json::text)
    }
}

impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(a) if a.milli() % 1000 == 0 => s.serialize_i64(a.milli() / 1000),
            Json::Number(a) => s.serialize_f64(a.to_f64()),
            Json::Text(t) => s.serialize_str(t),
            Json::List(items) => s.collect_seq(items),
            Json::Object(pairs) => s.collect_map(pairs.iter().map(|(k, v)| (k, v))),
        }
    }
}

/// RFC 4180: comma-separated, CRLF line ends. Amounts are numbers in the unit their header names;
/// unknown and absent values say so, with their reason.
pub fn csv(rows: &[&Row], columns: ColumnSet) -> String {
    let stated = |c: Column| quota(c).map(|_| format!("{} (as stated)", c.label()));
    let mut out = csv_line(
        &columns
            .iter()
            .flat_map(|c| stated(c).into_iter().chain([header(c)]))
            .collect::<Vec<_>>(),
    );
    for row in rows {
        let words = |c: Column| quota(c).map(|f| fact_text(row.cell(f).fact));
        let cells = columns
            .iter()
            .flat_map(|c| words(c).into_iter().chain([cell(row, c)]));
        out.push_str(&csv_line(&cells.collect::<Vec<_>>()));
    }
    out
}

/// One RFC 4180 line: cells with a comma, quote or line break quoted and their quotes doubled,
/// joined by commas, ended by CRLF.
pub fn csv_line(cells: &[String]) -> String {
    let quoted: Vec<String> = cells.iter().map(|c| quote(c)).collect();
    quoted.join(",") + "\r\n"
}

/// A quota is written per day, week or month: its own words get a column before the comparable
/// hours a week ("GPU time (as stated)": "4 h/day", then "GPU time (h/week)": 28).
fn quota(column: Column) -> Option<Field> {
    match column {
        Column::Fact(field) if field.kind() == Kind::Amount(Dimension::Quota) => Some(field),
        _ => None,
    }
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// "RAM (GB)", "GPU time (h/week)", "Platform".
fn header(column: Column) -> String {
    match column {
        Column::Fact(field) => match field.kind() {
            Kind::Amount(d) => format!("{} ({})", field.label(), d.canonical().symbol()),
            _ => field.label().to_owned(),
        },
        _ => column.label().to_owned(),
    }
}

fn cell(row: &Row, column: Column) -> String {
    match column {
        Column::Name => row.platform.name.to_string(),
        Column::Status => status_text(row.status),
        Column::Verified => row.as_of.to_owned(),
        Column::Changed => row.last_changed.unwrap_or("").to_owned(),
        Column::Fact(field) => {
            let fact = row.cell(field).fact;
            match (&fact.value, fact.quantity()) {
                (_, Some(q)) => q.canonical().to_string(),
                (Value::List(items), _) if !items.is_empty() => items.join("; "),
                _ => text_with_reason(fact),
            }
        }
    }
}

/// Each row with its shown columns: the value as shown, its number and unit, how sure it is and
/// the sources it rests on (title, link, date); prose the data holds only the place of is read
/// from the prose file's `words`.
pub fn document(data: &Dataset, words: &Words, rows: &[&Row], columns: ColumnSet) -> Json {
    let platforms = rows
        .iter()
        .map(|row| {
            let p = row.platform;
            let mut values = Vec::new();
            for column in columns.iter() {
                if let Column::Fact(field) = column {
                    let cell = row.cell(field);
                    let mut v = fact_json(data, words, cell.fact);
                    if let Some(alt) = &cell.fact.alt {
                        v.push(("alt", Json::Object(fact_json(data, words, alt))));
                    }
                    if cell.from_2019 {
                        v.push(("from_2019", Json::Bool(true)));
                    }
                    values.push((field.id(), Json::Object(v)));
                }
            }
            Json::Object(vec![
                ("id", Json::text(&p.id)),
                ("name", Json::text(&p.name)),
                ("vendor", Json::text(&p.vendor)),
                ("link", Json::text(&p.link)),
                ("status", Json::Text(status_text(row.status))),
                ("last_verified", Json::text(row.as_of)),
                ("values", Json::Object(values)),
            ])
        })
        .collect();
    Json::Object(vec![
        ("dataset_date", Json::text(&data.dataset_date)),
        ("platforms", Json::List(platforms)),
    ])
}

/// The export as text, two-space indented (what the page's `JSON.stringify(doc, null, 2)` writes).
pub fn json(data: &Dataset, rows: &[&Row], columns: ColumnSet) -> String {
    let doc = document(data, &Words::default(), rows, columns);
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn fact_json(data: &Dataset, words: &Words, fact: &Fact) -> Vec<(&'static str, Json)> {
    let sources = fact
        .sources
        .iter()
        .filter_map(|id| data.sources.get(id))
        .map(|s| {
            Json::Object(vec![
                ("title", Json::prose(&s.title, words)),
                ("url", Json::prose(&s.url, words)),
                ("date", Json::text(&s.date)),
            ])
        })
        .collect();
    let mut v = vec![
        ("text", Json::Text(fact_text(fact))),
        ("kind", Json::text(kind_name(&fact.value))),
        ("confidence", Json::text(fact.confidence.label())),
        ("sources", Json::List(sources)),
    ];
    if let Some(q) = fact.quantity() {
        v.push(("number", Json::Number(q.number)));
        v.push(("unit", Json::text(q.unit.symbol())));
        v.push(("canonical", Json::Number(q.canonical())));
        v.push((
            "canonical_unit",
            Json::text(q.dimension().canonical().symbol()),
        ));
        if let Some(low) = q.low {
            v.push(("low", Json::Number(low)));
        }
        v.push(("bound", Json::text(bound_name(q.bound))));
    }
    if let Some(reason) = reason(fact) {
        v.push(("reason", Json::text(reason)));
    }
    if let Some(note) = &fact.note {
        v.push(("note", Json::prose(note, words)));
    }
    v
}
