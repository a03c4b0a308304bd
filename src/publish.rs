//! The files the build publishes beside the page (written by the prerender, so every release
//! build has them): the whole dataset as JSON with its JSON Schema, every value as CSV, the
//! history as an Atom feed, and `llms.txt`, the data described in plain words. Native only.

use crate::core::export::csv_line;
use crate::core::format::fact_text;
use crate::core::history::{change_text, days, Day};
use crate::core::{rows, words};
use crate::dataset::{
    Change, ChangeKind, Dataset, Era, Field, Figure, Kind, Platform, Prose, Standing, Unit, METHOD,
    METHOD_VERSION,
};
use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text, WriteConfig};
use serde_json::{json, Map, Value as Json};
use strum::IntoEnumIterator;

/// `schema_version` of `platforms.json`. Raised when a key is removed or renamed or a value's
/// meaning changes; additions (a field, a unit, an optional key, a platform) keep it.
pub const SCHEMA_VERSION: u32 = 1;

/// The tagging entity of the feed's ids (RFC 4151). Ids must never change once published, so
/// this is fixed here, not derived from where the page happens to be hosted.
pub const TAG_AUTHORITY: &str = "free-ml-platforms.example,2026";

/// The published files: (name, contents). Each platform with a history has a feed of its own.
pub fn files(
    data: &Dataset,
    raw_json: &str,
    base_url: Option<&str>,
) -> Result<Vec<(String, String)>, String> {
    let mut files = vec![
        ("platforms.json".into(), platforms_json(data, raw_json)?),
        ("platforms.schema.json".into(), pretty(&schema())),
        ("platforms.csv".into(), csv(data)),
        ("feed.xml".into(), feed(data, base_url, None)?),
        ("llms.txt".into(), llms_txt(data)),
    ];
    for p in data.platforms.iter() {
        if let Some(name) = p.feed_file() {
            files.push((name, feed(data, base_url, Some(p))?));
        }
    }
    Ok(files)
}

fn pretty(json: &Json) -> String {
    serde_json::to_string_pretty(json).unwrap_or_default() + "\n"
}

/// The checked data file with `schema_version` and the worked-out `gpu_compute` figures added
/// (keys in alphabetical order).
pub fn platforms_json(data: &Dataset, raw_json: &str) -> Result<String, String> {
    let mut file: Map<String, Json> = serde_json::from_str(raw_json).map_err(|e| e.to_string())?;
    file.insert("schema_version".into(), json!(SCHEMA_VERSION));
    file.insert("gpu_compute".into(), gpu_compute(data));
    Ok(pretty(&Json::Object(file)))
}

/// "GPU compute a week" of every platform with an allowance, worked out by the build from the
/// file's `gpus` and `gpu_allowance` (derived, so apart from the data): the method and its
/// version, and per platform id the figure, its words and arithmetic, and the other reading's.
pub fn gpu_compute(data: &Dataset) -> Json {
    fn figure(f: &Figure) -> Json {
        let standing = match f.standing {
            Standing::Weekly => "weekly",
            Standing::Once => "once",
            Standing::None => "none",
            Standing::Unknown => "unknown",
        };
        json!({
            "standing": standing,
            "t4_hours": f.t4_hours.map(|h| h.to_f64()),
            "text": &*f.text,
            "arithmetic": f.arithmetic.text(),
        })
    }
    let platforms: Map<String, Json> = data
        .platforms
        .iter()
        .filter_map(|p| {
            let a = p.gpu_allowance.as_ref()?;
            let mut v = figure(&a.figure);
            if let Some(alt) = &a.alt {
                v["alt"] = figure(&alt.figure);
            }
            Some((p.id.to_string(), v))
        })
        .collect();
    json!({"method_version": METHOD_VERSION, "method": METHOD, "platforms": platforms})
}

/// JSON Schema 2020-12 of `platforms.json`, written from the field table: each field's value
/// kinds and units, exactly one value per fact, an alt only on a conflicting fact. The rules
/// that need the whole file (sources that exist, the history's chain) are the build's.
pub fn schema() -> Json {
    let mut defs = common_defs();
    defs.insert("status".into(), status_def());
    let mut facts = Map::new();
    for field in Field::all() {
        let (fact, alt) = fact_defs(field);
        defs.insert(format!("fact_{}", field.id()), fact);
        defs.insert(format!("alt_{}", field.id()), alt);
        facts.insert(
            field.id().into(),
            json!({"$ref": format!("#/$defs/fact_{}", field.id())}),
        );
    }
    let texts = json!({"type": "array", "items": {"$ref": "#/$defs/text"}});
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
    defs.extend(history_defs());
    defs.insert("platform".into(), platform_def());
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
            "gpu_compute": gpu_compute_def(),
            "platforms": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/platform"}},
        },
        "$defs": defs,
    })
}

/// Text, dates, links and sources: the building blocks the other definitions refer to.
fn common_defs() -> Map<String, Json> {
    let defs = json!({
        "text": {"type": "string", "pattern": "\\S"},
        "date": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"},
        "https": {"type": "string", "pattern": "^https://\\S+$"},
        "sources": {"oneOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": true}
        ]},
        "source": {
            "type": "object", "additionalProperties": false, "required": ["title", "url", "date"],
            "properties": {"title": {"$ref": "#/$defs/text"}, "url": {"$ref": "#/$defs/https"}, "date": {"$ref": "#/$defs/date"},
                "checked": {"$ref": "#/$defs/date"}, "fingerprint": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"}},
            "dependentRequired": {"checked": ["fingerprint"], "fingerprint": ["checked"]}
        },
    });
    match defs {
        Json::Object(defs) => defs,
        _ => Map::new(),
    }
}

/// Open, closed (since, source, an optional note) or retired (since, source, successor).
fn status_def() -> Json {
    let closing = |extra: Json| {
        let mut properties = json!({
            "state": {"const": "closed"}, "since": {"$ref": "#/$defs/date"}, "source": {"type": "string"}
        });
        if let (Some(properties), Json::Object(extra)) = (properties.as_object_mut(), extra) {
            properties.extend(extra);
        }
        properties
    };
    json!({"oneOf": [
        {"type": "object", "additionalProperties": false, "required": ["state"], "properties": {"state": {"const": "active"}}},
        {"type": "object", "additionalProperties": false, "required": ["state", "since", "source"],
         "properties": closing(json!({"note": {"$ref": "#/$defs/text"}}))},
        {"type": "object", "additionalProperties": false, "required": ["state", "since", "source", "successor"],
         "properties": closing(json!({"state": {"const": "retired"}, "successor": {"$ref": "#/$defs/text"}}))},
    ]})
}

/// A value's keys, one of them required, in the units `units`: (properties, oneOf).
fn value_keys(units: &[&str], kinds: &[&str]) -> (Map<String, Json>, Vec<Json>) {
    let number = json!({"type": "number", "minimum": 0});
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
        properties.insert("low".into(), number);
        properties.insert("up_to".into(), json!({"type": "boolean"}));
        properties.insert("at_least".into(), json!({"type": "boolean"}));
    }
    (properties, one_of)
}

/// A number's qualifiers come only with a number.
fn qualifiers() -> Json {
    json!({"unit": ["number"], "low": ["number"], "up_to": ["number"], "at_least": ["number"]})
}

/// The per-field part, from the field table: a fact of `field` and its alt (fact, alt).
fn fact_defs(field: Field) -> (Json, Json) {
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
            "properties": properties, "oneOf": one_of, "dependentRequired": qualifiers(),
        })
    };
    let mut fact = object(properties);
    fact["if"] = json!({"properties": {"confidence": {"const": "conflicting"}}});
    fact["then"] = json!({"required": ["alt"]});
    fact["else"] = json!({"not": {"required": ["alt"]}});
    (fact, object(alt))
}

/// A history entry and the readings it goes from and to.
fn history_defs() -> Map<String, Json> {
    let units: Vec<&str> = Unit::iter().map(Unit::symbol).collect();
    let fields: Vec<&str> = Field::all().map(Field::id).collect();
    let (reading, one_of) = value_keys(&units, &["number", "bool", "list", "unknown", "none"]);
    let mut defs = Map::new();
    defs.insert(
        "reading".into(),
        json!({"type": "object", "additionalProperties": false, "properties": reading, "oneOf": one_of, "dependentRequired": qualifiers()}),
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
    defs
}

/// The build's figures (`gpu_compute`): derived from the file, never read back.
fn gpu_compute_def() -> Json {
    let figure = json!({
        "type": "object", "additionalProperties": false,
        "required": ["standing", "t4_hours", "text", "arithmetic"],
        "properties": {
            "standing": {"enum": ["weekly", "once", "none", "unknown"]},
            "t4_hours": {"type": ["number", "null"], "minimum": 0},
            "text": {"type": "string"}, "arithmetic": {"type": ["string", "null"]},
        }
    });
    let mut with_alt = figure.clone();
    with_alt["properties"]["alt"] = figure;
    json!({
        "type": "object", "additionalProperties": false,
        "required": ["method_version", "method", "platforms"],
        "properties": {
            "method_version": {"type": "integer", "minimum": 1},
            "method": {"type": "string"},
            "platforms": {"type": "object", "additionalProperties": with_alt},
        }
    })
}

fn platform_def() -> Json {
    json!({
        "type": "object", "additionalProperties": false,
        "required": ["id", "name", "short_name", "vendor", "link", "status", "summary", "snapshots"],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
            "name": {"$ref": "#/$defs/text"}, "vendor": {"$ref": "#/$defs/text"},
            "short_name": {"type": "string", "minLength": 1, "maxLength": crate::dataset::SHORT_NAME_MAX},
            "link": {"$ref": "#/$defs/https"}, "status": {"$ref": "#/$defs/status"},
            "summary": {"$ref": "#/$defs/text"},
            "snapshots": {
                "type": "object", "additionalProperties": false,
                "properties": {"2019": {"$ref": "#/$defs/snapshot"}, "today": {"$ref": "#/$defs/snapshot"}}
            },
            "history": {"type": "array", "items": {"$ref": "#/$defs/change"}},
            "gpu_allowance": {"$ref": "#/$defs/allowance"},
        }
    })
}

/// The columns of `platforms.csv`, in order (README, "Published files").
const CSV_HEADER: &str = "platform,platform_name,era,as_of,field,field_label,value,reason,kind,number,low,unit,bound,confidence,alt_of,sources,note";

/// RFC 4180 CSV, one row per value of every platform in both eras (an alt is a row of its own).
pub fn csv(data: &Dataset) -> String {
    let mut out = CSV_HEADER.to_owned() + "\r\n";
    for p in &data.platforms {
        for era in [Era::Y2019, Era::Today] {
            let Some(snapshot) = p.snapshot(era) else {
                continue;
            };
            for (field, fact) in &snapshot.facts {
                let alt = fact.alt.as_deref().map(|alt| (alt, "yes"));
                for (fact, alt_of) in std::iter::once((fact, "")).chain(alt) {
                    let q = fact.quantity();
                    let cells: [&str; 17] = [
                        &p.id,
                        &p.name,
                        era.id(),
                        &snapshot.as_of,
                        field.id(),
                        field.label(),
                        &fact_text(fact),
                        words::reason(fact).unwrap_or_default(),
                        words::kind_name(&fact.value),
                        &q.map_or(String::new(), |q| q.number.to_string()),
                        &q.and_then(|q| q.low)
                            .map_or(String::new(), |l| l.to_string()),
                        q.map_or("", |q| q.unit.symbol()),
                        q.map_or("", |q| words::bound_name(q.bound)),
                        fact.confidence.label(),
                        alt_of,
                        &fact.sources.join(" "),
                        fact.note.as_ref().and_then(Prose::text).unwrap_or_default(),
                    ];
                    out.push_str(&csv_line(&cells.map(String::from)));
                }
            }
        }
        out.push_str(&compute_csv_line(p));
    }
    out
}

/// Today's "GPU compute a week" as a row of its own (field `compute`, the method's version in
/// its label), after the platform's values; nothing for a platform without an allowance.
fn compute_csv_line(p: &Platform) -> String {
    let (Some(a), Some(today)) = (&p.gpu_allowance, &p.snapshots.today) else {
        return String::new();
    };
    let f = &a.figure;
    let (kind, unit) = match f.standing {
        Standing::Weekly => ("number", "T4-h/week"),
        Standing::Once => ("once", "T4-h once"),
        Standing::None => ("none", ""),
        Standing::Unknown => ("unknown", ""),
    };
    let number = f.t4_hours.map_or(String::new(), |h| h.to_string());
    let cells: [&str; 17] = [
        &p.id,
        &p.name,
        Era::Today.id(),
        &today.as_of,
        "compute",
        &format!("GPU compute a week (method {METHOD_VERSION})"),
        &f.text,
        "",
        kind,
        if unit.is_empty() { "" } else { &number },
        "",
        if number.is_empty() { "" } else { unit },
        "",
        a.confidence.label(),
        "",
        &a.sources.join(" "),
        f.arithmetic.text().unwrap_or_default(),
    ];
    csv_line(&cells.map(String::from))
}

/// Atom 1.0 of the whole history (`platform: None`, `feed.xml`) or of one platform's: one entry
/// per platform and day, its id a tag URI that never changes, linking to the page showing that
/// platform (absolute when the build knows where the page lives).
pub fn feed(
    data: &Dataset,
    base_url: Option<&str>,
    platform: Option<&Platform>,
) -> Result<String, String> {
    let base = base_url.unwrap_or("./");
    let days = days(data, platform.map(|p| &*p.id));
    let (title, id, page, file) = match platform {
        None => (
            "Free ML platforms compared: what changed".to_owned(),
            format!("tag:{TAG_AUTHORITY}:feed"),
            base.to_owned(),
            "feed.xml".to_owned(),
        ),
        Some(p) => (
            format!("Free ML platforms compared: what changed at {}", p.name),
            format!("tag:{TAG_AUTHORITY}:feed/{}", p.id),
            format!("{base}?cmp={}", p.id),
            p.feed_file()
                .ok_or(format!("{} has no history to make a feed of", p.name))?,
        ),
    };
    let newest = days.first().map_or(&*data.dataset_date, |d| d.date);
    let feed = Feed {
        title: Text::plain(title),
        id,
        updated: midnight(newest),
        subtitle: Some(Text::plain("Dated changes of the free tiers of ML notebook and GPU platforms, and corrections of our data, each with its source.")),
        links: vec![link("alternate", "text/html", page), link("self", "application/atom+xml", format!("{base}{file}"))],
        authors: vec![Person {
            name: "Free ML platforms compared".into(),
            ..Person::default()
        }],
        entries: days.iter().map(|day| entry(data, base, day)).collect(),
        ..Feed::default()
    };
    let config = WriteConfig {
        write_document_declaration: true,
        indent_size: Some(1),
    };
    let xml = feed
        .write_with_config(Vec::new(), config)
        .map_err(|e| format!("feed: {e}"))?;
    String::from_utf8(xml)
        .map_err(|e| format!("feed: {e}"))
        .map(|xml| xml + "\n")
}

/// A platform's entries of one day: "Kaggle Notebooks: 2 changes, 1 correction".
fn entry(data: &Dataset, base: &str, day: &Day) -> Entry {
    let p = day.platform;
    let counted = |kind, one: &str, many: &str| match day.count(kind) {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    let what: Vec<String> = [
        counted(ChangeKind::Change, "change", "changes"),
        counted(ChangeKind::Correction, "correction", "corrections"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let summary: Vec<String> = day
        .changes()
        .map(|c| format!("{} ({})", change_text(c), c.kind.label()))
        .collect();
    let items: String = day.changes().map(|c| item_html(data, c)).collect();
    Entry {
        title: Text::plain(format!("{}: {}", p.name, what.join(", "))),
        id: format!("tag:{TAG_AUTHORITY}:{}/{}", p.id, day.date),
        updated: midnight(day.date),
        links: vec![link(
            "alternate",
            "text/html",
            format!("{base}?cmp={}", p.id),
        )],
        summary: Some(Text::plain(summary.join("; "))),
        content: Some(Content {
            value: Some(format!("<ul>{items}</ul>")),
            content_type: Some("html".into()),
            ..Content::default()
        }),
        ..Entry::default()
    }
}

/// One entry as an HTML list item: what changed, its kind, our note and its sources as links.
fn item_html(data: &Dataset, c: &Change) -> String {
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
        .as_ref()
        .and_then(Prose::text)
        .map_or(String::new(), |n| format!(" {}", escape(n)));
    format!(
        "<li>{} ({}).{note} Source: {}</li>",
        escape(&change_text(c)),
        c.kind.label(),
        sources.join("; ")
    )
}

/// Text inside the entries' HTML (the feed's own XML is escaped by the writer).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn link(rel: &str, mime_type: &str, href: String) -> Link {
    Link {
        href,
        rel: rel.into(),
        mime_type: Some(mime_type.into()),
        ..Link::default()
    }
}

/// An ISO date's first instant, UTC. The data's dates are validated, so the fallback (the Unix
/// epoch) is never written.
fn midnight(date: &str) -> FixedDateTime {
    format!("{date}T00:00:00Z").parse().unwrap_or_default()
}

/// The data in plain words for language models and people (llmstxt.org's shape).
pub fn llms_txt(data: &Dataset) -> String {
    let mut out = format!(
        "# Free ML platforms compared\n\n\
         > The free tiers of {} machine-learning notebook and GPU platforms: GPU, TPU, memory, disk, session \
         limits, whether a card, a phone or an account is needed. Every value has its sources (each with a date) \
         and a confidence. The data was last reviewed as a whole on {}.\n\n\
         Values are as the vendors publish them; where nobody publishes one it is \"unknown\" with the reason, \
         and \"none\" only where a source says the thing does not exist (no GPU). In platforms.csv's value \
         column (and on the page) a confirmed absence reads \"no\" whatever its kind (false, an empty list or \
         none) and an unknown reads \"unknown\"; the reason is in the reason column. Confidence: verified (the \
         vendor's own current docs), reported (a secondary source), uncertain (observed, undated or old), \
         conflicting (sources disagree; the other value is given as \"alt\"). Each platform has its values of \
         2019 (from the article the page grew from) and/or of today, and a dated history of today's values: \
         kind \"change\" when the platform changed its free tier, \"correction\" when our data changed.\n\n\
         ## Files\n\n\
         - [platforms.json](platforms.json): the whole dataset with `schema_version` {SCHEMA_VERSION} and `dataset_date`\n\
         - [platforms.schema.json](platforms.schema.json): its JSON Schema (2020-12)\n\
         - [platforms.csv](platforms.csv): one row per value (platform, era, field, value as shown, number, unit, bound, confidence, sources, note)\n\
         - [feed.xml](feed.xml): Atom feed of the history, one entry per platform and day\n\
         - `feed-<id>.xml`: the same feed for one platform, its entries only (each platform with a history has one)\n\
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
    for row in rows(data, Era::Today) {
        let p = row.platform;
        let status = words::status_text(row.status);
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
