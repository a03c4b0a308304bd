//! The files the build publishes beside the page (written by the prerender, so every release
//! build has them): the whole dataset as JSON with its JSON Schema, every value as CSV, the
//! history as an Atom feed, and `llms.txt`, the data described in plain words. Native only.

use crate::core::format::fact_text;
use crate::dataset::{
    Change, ChangeKind, Dataset, Era, Field, Kind, Platform, Prose, Status, Unit, Value,
};
use serde_json::{json, Map, Value as Json};
use strum::IntoEnumIterator;

/// `schema_version` of `platforms.json`. Raised when a key is removed or renamed or a value's
/// meaning changes; additions (a field, a unit, an optional key, a platform) keep it.
pub const SCHEMA_VERSION: u32 = 1;

/// The tagging entity of the feed's ids (RFC 4151). Ids must never change once published, so
/// this is fixed here, not derived from where the page happens to be hosted.
pub const TAG_AUTHORITY: &str = "free-ml-platforms.example,2026";

/// The published files: (name, contents).
pub fn files(
    data: &Dataset,
    raw_json: &str,
    base_url: Option<&str>,
) -> Result<Vec<(&'static str, String)>, String> {
    Ok(vec![
        ("platforms.json", platforms_json(raw_json)?),
        ("platforms.schema.json", pretty(&schema())),
        ("platforms.csv", csv(data)),
        ("feed.xml", feed(data, base_url)),
        ("llms.txt", llms_txt(data)),
    ])
}

fn pretty(json: &Json) -> String {
    serde_json::to_string_pretty(json).unwrap_or_default() + "\n"
}

/// The checked data file with `schema_version` added (keys in alphabetical order).
pub fn platforms_json(raw_json: &str) -> Result<String, String> {
    let mut data: Map<String, Json> = serde_json::from_str(raw_json).map_err(|e| e.to_string())?;
    data.insert("schema_version".into(), json!(SCHEMA_VERSION));
    Ok(pretty(&Json::Object(data)))
}

/// JSON Schema 2020-12 of `platforms.json`, written from the field table: each field's value
/// kinds and units, exactly one value per fact, an alt only on a conflicting fact. The rules
/// that need the whole file (sources that exist, the history's chain) are the build's.
pub fn schema() -> Json {
    let text = json!({"type": "string", "pattern": "\\S"});
    let texts = json!({"type": "array", "items": {"$ref": "#/$defs/text"}});
    let units: Vec<&str> = Unit::iter().map(Unit::symbol).collect();
    let fields: Vec<&str> = Field::all().map(Field::id).collect();
    let mut defs = Map::new();
    defs.insert("text".into(), text);
    defs.insert(
        "date".into(),
        json!({"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}),
    );
    defs.insert(
        "https".into(),
        json!({"type": "string", "pattern": "^https://\\S+$"}),
    );
    defs.insert(
        "sources".into(),
        json!({"oneOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": true}
        ]}),
    );
    defs.insert(
        "source".into(),
        json!({
            "type": "object", "additionalProperties": false, "required": ["title", "url", "date"],
            "properties": {"title": {"$ref": "#/$defs/text"}, "url": {"$ref": "#/$defs/https"}, "date": {"$ref": "#/$defs/date"}}
        }),
    );
    let closing = |extra: Json| {
        let mut properties = json!({
            "state": {"const": "closed"}, "since": {"$ref": "#/$defs/date"}, "source": {"type": "string"}
        });
        properties
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        properties
    };
    defs.insert(
        "status".into(),
        json!({"oneOf": [
            {"type": "object", "additionalProperties": false, "required": ["state"], "properties": {"state": {"const": "active"}}},
            {"type": "object", "additionalProperties": false, "required": ["state", "since", "source"],
             "properties": closing(json!({"note": {"$ref": "#/$defs/text"}}))},
            {"type": "object", "additionalProperties": false, "required": ["state", "since", "source", "successor"],
             "properties": closing(json!({"state": {"const": "retired"}, "successor": {"$ref": "#/$defs/text"}}))},
        ]}),
    );
    // A value and its qualifiers: (key, schema, required with it).
    let number = json!({"type": "number", "minimum": 0});
    let value_keys = |units: &[&str], kinds: &[&str]| -> (Map<String, Json>, Vec<Json>) {
        let mut properties = Map::new();
        let mut one_of = Vec::new();
        for kind in kinds {
            let (schema, required) = match *kind {
                "number" => (number.clone(), json!(["number", "unit"])),
                "bool" => (json!({"type": "boolean"}), json!(["bool"])),
                "list" => (
                    json!({"type": "array", "items": {"$ref": "#/$defs/text"}}),
                    json!(["list"]),
                ),
                reason => (json!({"$ref": "#/$defs/text"}), json!([reason])),
            };
            properties.insert((*kind).into(), schema);
            one_of.push(json!({"required": required}));
        }
        if kinds.contains(&"number") {
            properties.insert("unit".into(), json!({"enum": units}));
            properties.insert("low".into(), number.clone());
            properties.insert("up_to".into(), json!({"type": "boolean"}));
            properties.insert("at_least".into(), json!({"type": "boolean"}));
        }
        (properties, one_of)
    };
    let qualifiers =
        json!({"unit": ["number"], "low": ["number"], "up_to": ["number"], "at_least": ["number"]});
    let mut facts = Map::new();
    for field in Field::all() {
        let (units, kinds): (Vec<&str>, &[&str]) = match field.kind() {
            Kind::Amount(d) => (
                Unit::of(d).map(Unit::symbol).collect(),
                &["number", "unknown", "none"],
            ),
            Kind::YesNo => (vec![], &["bool", "unknown", "none"]),
            Kind::List => (vec![], &["list", "unknown", "none"]),
            Kind::ListOrYesNo => (vec![], &["list", "bool", "unknown", "none"]),
        };
        let (mut properties, one_of) = value_keys(&units, kinds);
        properties.insert("source".into(), json!({"$ref": "#/$defs/sources"}));
        properties.insert("note".into(), json!({"$ref": "#/$defs/text"}));
        let mut alt = properties.clone();
        alt.insert(
            "confidence".into(),
            json!({"enum": ["verified", "reported", "uncertain"]}),
        );
        properties.insert(
            "confidence".into(),
            json!({"enum": ["verified", "reported", "uncertain", "conflicting"]}),
        );
        properties.insert(
            "alt".into(),
            json!({"$ref": format!("#/$defs/alt_{}", field.id())}),
        );
        let object = |properties: Map<String, Json>| {
            json!({
                "type": "object", "additionalProperties": false, "required": ["source", "confidence"],
                "properties": properties, "oneOf": one_of, "dependentRequired": qualifiers,
            })
        };
        let mut fact = object(properties);
        fact["if"] = json!({"properties": {"confidence": {"const": "conflicting"}}});
        fact["then"] = json!({"required": ["alt"]});
        fact["else"] = json!({"not": {"required": ["alt"]}});
        defs.insert(format!("fact_{}", field.id()), fact);
        defs.insert(format!("alt_{}", field.id()), object(alt));
        facts.insert(
            field.id().into(),
            json!({"$ref": format!("#/$defs/fact_{}", field.id())}),
        );
    }
    defs.insert(
        "snapshot".into(),
        json!({
            "type": "object", "additionalProperties": false, "required": ["as_of", "facts"],
            "properties": {
                "as_of": {"$ref": "#/$defs/date"},
                "facts": {"type": "object", "additionalProperties": false, "properties": facts},
                "pros": texts, "cons": texts,
            }
        }),
    );
    let (reading, one_of) = value_keys(&units, &["number", "bool", "list", "unknown", "none"]);
    defs.insert(
        "reading".into(),
        json!({"type": "object", "additionalProperties": false, "properties": reading, "oneOf": one_of, "dependentRequired": qualifiers}),
    );
    defs.insert(
        "change".into(),
        json!({
            "type": "object", "additionalProperties": false,
            "required": ["date", "field", "kind", "from", "to", "source"],
            "properties": {
                "date": {"$ref": "#/$defs/date"}, "field": {"enum": fields},
                "kind": {"enum": ["change", "correction"]},
                "from": {"$ref": "#/$defs/reading"}, "to": {"$ref": "#/$defs/reading"},
                "source": {"$ref": "#/$defs/sources"}, "note": {"$ref": "#/$defs/text"},
            }
        }),
    );
    defs.insert(
        "platform".into(),
        json!({
            "type": "object", "additionalProperties": false,
            "required": ["id", "name", "vendor", "link", "status", "summary", "snapshots"],
            "properties": {
                "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                "name": {"$ref": "#/$defs/text"}, "vendor": {"$ref": "#/$defs/text"},
                "link": {"$ref": "#/$defs/https"}, "status": {"$ref": "#/$defs/status"},
                "summary": {"$ref": "#/$defs/text"},
                "snapshots": {
                    "type": "object", "additionalProperties": false,
                    "properties": {"2019": {"$ref": "#/$defs/snapshot"}, "today": {"$ref": "#/$defs/snapshot"}}
                },
                "history": {"type": "array", "items": {"$ref": "#/$defs/change"}},
                "gpu_allowance": {"$ref": "#/$defs/allowance"},
            }
        }),
    );
    defs.extend(crate::dataset::compute::schema_defs().map(|(k, v)| (k.to_owned(), v)));
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Free ML platforms compared: platforms.json",
        "description": "The free tiers of ML notebook and GPU platforms, each value with its sources and confidence. See llms.txt.",
        "type": "object", "additionalProperties": false,
        "required": ["schema_version", "dataset_date", "sources", "platforms"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "dataset_date": {"$ref": "#/$defs/date"},
            "sources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/source"}},
            "gpus": {"type": "object", "additionalProperties": {"$ref": "#/$defs/gpu"}},
            "platforms": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/platform"}},
        },
        "$defs": defs,
    })
}

/// RFC 4180 CSV, one row per value of every platform in both eras (an alt is a row of its own).
pub fn csv(data: &Dataset) -> String {
    let header = [
        "platform",
        "platform_name",
        "era",
        "as_of",
        "field",
        "field_label",
        "value",
        "reason",
        "kind",
        "number",
        "low",
        "unit",
        "bound",
        "confidence",
        "alt_of",
        "sources",
        "note",
    ];
    let mut out = line(header.iter().map(|h| (*h).to_owned()));
    for p in &data.platforms {
        for era in [Era::Y2019, Era::Today] {
            let Some(snapshot) = p.snapshot(era) else {
                continue;
            };
            for (field, fact) in &snapshot.facts {
                let alt = fact.alt.as_deref().map(|alt| (alt, "yes"));
                for (fact, alt_of) in std::iter::once((fact, "")).chain(alt) {
                    let q = fact.quantity();
                    let cells = [
                        p.id.to_string(),
                        p.name.to_string(),
                        era.id().into(),
                        snapshot.as_of.to_string(),
                        field.id().into(),
                        field.label().into(),
                        fact_text(fact),
                        match &fact.value {
                            Value::Unknown(reason) | Value::None(reason) => reason.to_string(),
                            _ => String::new(),
                        },
                        value_kind(&fact.value).into(),
                        q.map_or(String::new(), |q| q.number.to_string()),
                        q.and_then(|q| q.low)
                            .map_or(String::new(), |l| l.to_string()),
                        q.map_or("", |q| q.unit.symbol()).into(),
                        match (q, fact.up_to, fact.at_least) {
                            (None, ..) => "",
                            (_, true, _) => "up to",
                            (_, _, true) => "at least",
                            _ => "exactly",
                        }
                        .into(),
                        fact.confidence.label().into(),
                        alt_of.into(),
                        fact.sources.join(" "),
                        fact.note
                            .as_ref()
                            .and_then(Prose::text)
                            .unwrap_or_default()
                            .to_owned(),
                    ];
                    out.push_str(&line(cells.into_iter()));
                }
            }
        }
    }
    out
}

fn line(cells: impl Iterator<Item = String>) -> String {
    let quoted: Vec<String> = cells
        .map(|c| {
            if c.contains([',', '"', '\r', '\n']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect();
    quoted.join(",") + "\r\n"
}

fn value_kind(value: &Value) -> &'static str {
    match value {
        Value::Number(_) => "number",
        Value::Bool(_) => "yes/no",
        Value::List(_) => "list",
        Value::Unknown(_) => "unknown",
        Value::None(_) => "none",
    }
}

/// One feed entry: a platform's entries of one day.
struct Batch<'a> {
    platform: &'a Platform,
    date: &'a str,
    changes: Vec<&'a Change>,
}

/// The history in batches, newest day first, then in table order.
fn batches(data: &Dataset) -> Vec<Batch<'_>> {
    let mut out: Vec<Batch> = Vec::new();
    for platform in &data.platforms {
        for change in &platform.history {
            match out.last_mut() {
                Some(b) if b.platform.id == platform.id && b.date == change.date => {
                    b.changes.push(change)
                }
                _ => out.push(Batch {
                    platform,
                    date: &change.date,
                    changes: vec![change],
                }),
            }
        }
    }
    out.sort_by(|a, b| b.date.cmp(a.date));
    out
}

/// "GPU: Tesla P100, 2× Tesla T4 → 2× Tesla T4"
pub fn change_text(change: &Change) -> String {
    let label = match change.field() {
        Some(field) => field.label(),
        None => &change.field,
    };
    format!(
        "{label}: {} → {}",
        fact_text(&change.from.as_fact()),
        fact_text(&change.to.as_fact())
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Atom 1.0: one entry per platform and day, its id a tag URI that never changes, linking to the
/// page showing that platform (absolute when the build knows where the page lives).
pub fn feed(data: &Dataset, base_url: Option<&str>) -> String {
    let base = base_url.unwrap_or("./");
    let batches = batches(data);
    let updated = batches.first().map_or(&*data.dataset_date, |b| b.date);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
         <title>Free ML platforms compared: what changed</title>\n\
         <subtitle>Dated changes of the free tiers of ML notebook and GPU platforms, and corrections of our data, each with its source.</subtitle>\n\
         <id>tag:{TAG_AUTHORITY}:feed</id>\n<updated>{updated}T00:00:00Z</updated>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{}feed.xml\"/>\n\
         <author><name>Free ML platforms compared</name></author>\n",
        escape(base),
        escape(base),
    );
    for batch in batches {
        let p = batch.platform;
        let count = |kind| batch.changes.iter().filter(|c| c.kind == kind).count();
        let (changes, corrections) = (count(ChangeKind::Change), count(ChangeKind::Correction));
        let mut what = Vec::new();
        if changes > 0 {
            what.push(format!(
                "{changes} {}",
                if changes == 1 { "change" } else { "changes" }
            ));
        }
        if corrections > 0 {
            what.push(format!(
                "{corrections} {}",
                if corrections == 1 {
                    "correction"
                } else {
                    "corrections"
                }
            ));
        }
        let summary: Vec<String> = batch
            .changes
            .iter()
            .map(|c| format!("{} ({})", change_text(c), c.kind.label()))
            .collect();
        let items: String = batch
            .changes
            .iter()
            .map(|c| {
                let sources: Vec<String> = c
                    .sources
                    .iter()
                    .filter_map(|id| data.sources.get(id))
                    .map(|s| {
                        format!(
                            "<a href=\"{}\">{}</a> ({})",
                            escape(s.url.text().unwrap_or_default()),
                            escape(s.title.text().unwrap_or_default()),
                            s.date
                        )
                    })
                    .collect();
                let note = c
                    .note
                    .as_deref()
                    .map_or(String::new(), |n| format!(" {}", escape(n)));
                format!(
                    "<li>{} ({}).{note} Source: {}</li>",
                    escape(&change_text(c)),
                    c.kind.label(),
                    sources.join("; ")
                )
            })
            .collect();
        out.push_str(&format!(
            "<entry>\n<title>{}: {}</title>\n<id>tag:{TAG_AUTHORITY}:{}/{}</id>\n<updated>{}T00:00:00Z</updated>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{}?cmp={}\"/>\n<summary type=\"text\">{}</summary>\n\
             <content type=\"html\">{}</content>\n</entry>\n",
            escape(&p.name),
            what.join(", "),
            p.id,
            batch.date,
            batch.date,
            escape(base),
            p.id,
            escape(&summary.join("; ")),
            escape(&format!("<ul>{items}</ul>")),
        ));
    }
    out.push_str("</feed>\n");
    out
}

/// The data in plain words for language models and people (llmstxt.org's shape).
pub fn llms_txt(data: &Dataset) -> String {
    let mut out = format!(
        "# Free ML platforms compared\n\n\
         > The free tiers of {} machine-learning notebook and GPU platforms: GPU, TPU, memory, disk, session \
         limits, whether a card, a phone or an account is needed. Every value has its sources (each with a date) \
         and a confidence. The data was last reviewed as a whole on {}.\n\n\
         Values are as the vendors publish them; where nobody publishes one it is \"unknown\" with the reason, \
         and \"none\" only where a source says the thing does not exist (no GPU). Confidence: verified (the \
         vendor's own current docs), reported (a secondary source), uncertain (observed, undated or old), \
         conflicting (sources disagree; the other value is given as \"alt\"). Each platform has its values of \
         2019 (from the article the page grew from) and/or of today, and a dated history of today's values: \
         kind \"change\" when the platform changed its free tier, \"correction\" when our data changed.\n\n\
         ## Files\n\n\
         - [platforms.json](platforms.json): the whole dataset with `schema_version` {SCHEMA_VERSION} and `dataset_date`\n\
         - [platforms.schema.json](platforms.schema.json): its JSON Schema (2020-12)\n\
         - [platforms.csv](platforms.csv): one row per value (platform, era, field, value as shown, number, unit, bound, confidence, sources, note)\n\
         - [feed.xml](feed.xml): Atom feed of the history, one entry per platform and day\n\
         - [table.html](table.html): every value of every platform on one page without scripts\n\n\
         ## Fields\n\n",
        data.platforms.len(),
        data.dataset_date
    );
    for field in Field::all() {
        let takes = match field.kind() {
            Kind::Amount(d) => {
                let units: Vec<&str> = Unit::of(d).map(Unit::symbol).collect();
                format!("a number in {}", units.join(", "))
            }
            Kind::YesNo => "yes or no".into(),
            Kind::List => "a list".into(),
            Kind::ListOrYesNo => "a list of models, or yes/no when the model is not stated".into(),
        };
        out.push_str(&format!(
            "- `{}` ({}): {takes}\n",
            field.id(),
            field.label()
        ));
    }
    out.push_str("\n## Platforms\n\n");
    for p in &data.platforms {
        let status = match &p.status {
            Status::Active {} => "open".to_owned(),
            Status::Closed { since, .. } => format!("closed to new users since {since}"),
            Status::Retired {
                since, successor, ..
            } => format!("retired {since}, replaced by {successor}"),
        };
        let checked = p
            .snapshot(Era::Today)
            .map_or(String::new(), |s| format!("; values checked {}", s.as_of));
        out.push_str(&format!(
            "- {} (`{}`, {}; {status}{checked}): {}\n",
            p.name,
            p.id,
            p.vendor,
            p.summary.text().unwrap_or_default()
        ));
    }
    out
}
