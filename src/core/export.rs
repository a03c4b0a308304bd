//! The current view (its rows in order, its columns) as CSV and as JSON, for people who want to
//! take their shortlist away.

use super::columns::Column;
use super::format::fact_text;
use super::rows::{Row, StatusAt};
use super::state::ColumnSet;
use crate::dataset::{Amount, Bound, Dataset, Dimension, Fact, Field, Kind, Value};
use serde_json::{json, Map, Value as Json};

/// RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted and
/// their quotes doubled. Amounts are numbers in the unit their header names; unknown and none say so.
pub fn csv(rows: &[&Row], columns: ColumnSet) -> String {
    let mut out = String::new();
    let line = |cells: Vec<String>, out: &mut String| {
        let quoted: Vec<String> = cells.iter().map(|c| quote(c)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    let stated = |c: Column| quota(c).map(|_| format!("{} (as stated)", c.label()));
    line(
        columns
            .iter()
            .flat_map(|c| stated(c).into_iter().chain([header(c)]))
            .collect(),
        &mut out,
    );
    for row in rows {
        let words = |c: Column| quota(c).map(|f| fact_text(row.cell(f).fact));
        let cells = columns
            .iter()
            .flat_map(|c| words(c).into_iter().chain([cell(row, c)]));
        line(cells.collect(), &mut out);
    }
    out
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
                (Value::List(items), _) => items.join("; "),
                (Value::None(what), _) => format!("none ({what})"),
                (Value::Unknown(_), _) => "unknown".into(),
                _ => fact_text(fact),
            }
        }
    }
}

/// An amount as a JSON number, written from its decimal text (the page's serde_json keeps
/// numbers as text, so no float is formatted).
fn number(amount: Amount) -> Json {
    amount.to_string().parse().map_or(Json::Null, Json::Number)
}

fn status_text(status: StatusAt) -> String {
    match status {
        StatusAt::Active => "open".into(),
        StatusAt::Closed { since } => format!("closed to new users since {since}"),
        StatusAt::Retired { since, successor } => {
            format!("retired {since}; replaced by {successor}")
        }
    }
}

/// Each row with its shown columns: the value as shown, its number and unit, how sure it is and
/// the sources it rests on (title, link, date).
pub fn json(data: &Dataset, rows: &[&Row], columns: ColumnSet) -> String {
    let platforms: Vec<Json> = rows
        .iter()
        .map(|row| {
            let p = row.platform;
            let mut values = Map::new();
            for column in columns.iter() {
                if let Column::Fact(field) = column {
                    let cell = row.cell(field);
                    let mut v = fact_json(data, cell.fact);
                    if let Some(alt) = &cell.fact.alt {
                        v["alt"] = fact_json(data, alt);
                    }
                    if cell.from_2019 {
                        v["from_2019"] = json!(true);
                    }
                    values.insert(field.id().into(), v);
                }
            }
            json!({
                "id": p.id, "name": p.name, "vendor": p.vendor, "link": p.link,
                "status": status_text(row.status), "last_verified": row.as_of, "values": values,
            })
        })
        .collect();
    let doc = json!({ "dataset_date": data.dataset_date, "platforms": platforms });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn fact_json(data: &Dataset, fact: &Fact) -> Json {
    let sources: Vec<Json> = fact
        .sources
        .iter()
        .filter_map(|id| data.sources.get(id))
        .map(|s| json!({ "title": s.title, "url": s.url, "date": s.date }))
        .collect();
    let mut v = json!({
        "text": fact_text(fact),
        "kind": match fact.value {
            Value::Number(_) => "number", Value::Bool(_) => "yes/no", Value::List(_) => "list",
            Value::Unknown(_) => "unknown", Value::None(_) => "none",
        },
        "confidence": fact.confidence.label(),
        "sources": sources,
    });
    if let Some(q) = fact.quantity() {
        v["number"] = number(q.number);
        v["unit"] = json!(q.unit.symbol());
        v["canonical"] = number(q.canonical());
        v["canonical_unit"] = json!(q.dimension().canonical().symbol());
        if let Some(low) = q.low {
            v["low"] = number(low);
        }
        v["bound"] = json!(match q.bound {
            Bound::Exactly => "exactly",
            Bound::UpTo => "up to",
            Bound::AtLeast => "at least",
        });
    }
    if let Value::Unknown(reason) | Value::None(reason) = &fact.value {
        v["reason"] = json!(reason);
    }
    if let Some(note) = &fact.note {
        v["note"] = json!(note);
    }
    v
}
