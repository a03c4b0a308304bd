//! The files the build publishes beside the page. The feeds and the schema are checked by real
//! validators on the built files too (scripts/check_published.py: feedparser, jsonschema); here,
//! the data is valid against the generated schema (a Rust JSON Schema validator), the build and
//! the schema both refuse every broken edit, the feeds hold one entry per platform and day, and
//! the files hold the whole dataset.

use free_ml_platforms::core::history;
use free_ml_platforms::dataset::{self, Dataset};
use free_ml_platforms::publish;
use serde_json::Value as Json;

const DATA: &str = include_str!("../assets/platforms.json");
const REFUSED: &str = include_str!("fixtures/refused.json");

/// The data file with `edits` applied (JSON pointers; a missing last key is added).
fn edited(edits: &Json, source: &Json) -> Json {
    let mut json: Json = serde_json::from_str(DATA).unwrap();
    json["sources"]["case-doc"] = source.clone();
    for edit in edits.as_array().unwrap() {
        let (path, value) = (edit[0].as_str().unwrap(), edit[1].clone());
        let (parent, key) = path.rsplit_once('/').unwrap();
        let target = json.pointer_mut(parent).unwrap_or_else(|| panic!("{path}"));
        match target {
            Json::Object(map) => {
                map.insert(key.to_owned(), value);
            }
            Json::Array(items) => items[key.parse::<usize>().unwrap()] = value,
            _ => panic!("{path}"),
        }
    }
    json
}

#[test]
fn the_build_refuses_every_edit_the_schema_must_refuse() {
    let refused: Json = serde_json::from_str(REFUSED).unwrap();
    let source = &refused["source"];
    // The harness itself: with the case source and no edit, its one problem is that no fact
    // cites the source yet (the cases that cite it are refused for their own reason).
    let unedited = edited(&Json::Array(vec![]), source);
    let problems = Dataset::parse(&unedited.to_string()).unwrap_err().problems;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].to_string(),
        "field 'source 'case-doc'': is cited by no fact, status, history entry, GPU or allowance: cite it or remove it"
    );
    let cases = refused["cases"].as_array().unwrap();
    assert!(cases.len() >= 25);
    for case in cases {
        let json = edited(&case["set"], source);
        let why = case["why"].as_str().unwrap();
        let words = case["model_says"].as_str().unwrap();
        match Dataset::parse(&json.to_string()) {
            Ok(_) => panic!("accepted: {why}"),
            Err(e) => assert!(
                e.problems.iter().any(|p| p.to_string().contains(words)),
                "{why}: no problem says '{words}':\n{e}"
            ),
        }
    }
}

/// The generated schema, checked against the 2020-12 meta-schema, as a validator.
fn schema_validator() -> jsonschema::Validator {
    let schema = publish::schema();
    assert!(
        jsonschema::draft202012::meta::is_valid(&schema),
        "not a valid 2020-12 schema"
    );
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

#[test]
fn the_data_is_valid_against_the_schema_and_the_schema_refuses_every_broken_edit() {
    let validator = schema_validator();
    let published: Json =
        serde_json::from_str(&publish::platforms_json(dataset::EMBEDDED_JSON).unwrap()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&published)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let refused: Json = serde_json::from_str(REFUSED).unwrap();
    let with_version = |mut json: Json| {
        json["schema_version"] = publish::SCHEMA_VERSION.into();
        json
    };
    let source = &refused["source"];
    assert!(validator.is_valid(&with_version(edited(&Json::Array(vec![]), source))));
    for case in refused["cases"].as_array().unwrap() {
        let json = with_version(edited(&case["set"], source));
        assert!(!validator.is_valid(&json), "accepted: {}", case["why"]);
    }
    // Without its version the file is not the published one.
    assert!(!validator.is_valid(&serde_json::from_str::<Json>(DATA).unwrap()));
}

/// (platform id, date) of every history entry, counted from the raw file, newest day first and
/// in file order within a day.
fn platform_days(raw: &Json) -> Vec<(String, String)> {
    let mut days: Vec<(String, String)> = Vec::new();
    for p in raw["platforms"].as_array().unwrap() {
        for c in p["history"].as_array().into_iter().flatten() {
            let day = (
                p["id"].as_str().unwrap().to_owned(),
                c["date"].as_str().unwrap().to_owned(),
            );
            if !days.contains(&day) {
                days.push(day);
            }
        }
    }
    // A plain insertion sort by date, newest first, keeping the file's order among equals.
    let mut sorted: Vec<(String, String)> = Vec::new();
    for day in days {
        let at = sorted
            .iter()
            .position(|d| d.1 < day.1)
            .unwrap_or(sorted.len());
        sorted.insert(at, day);
    }
    sorted
}

/// Each entry's (id, updated, link) in a feed, read back with the feed crate's own parser.
fn entries(xml: &str) -> Vec<(String, String, String)> {
    let feed = atom_syndication::Feed::read_from(xml.as_bytes()).expect("an Atom feed");
    feed.entries
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                e.updated.to_rfc3339(),
                e.links[0].href.clone(),
            )
        })
        .collect()
}

#[test]
fn the_feeds_hold_one_entry_per_platform_and_day_newest_first() {
    let data = dataset::embedded();
    let raw: Json = serde_json::from_str(DATA).unwrap();
    let days = platform_days(&raw);
    let expected = |days: &[&(String, String)]| -> Vec<(String, String, String)> {
        days.iter()
            .map(|(id, date)| {
                (
                    format!("tag:{}:{id}/{date}", publish::TAG_AUTHORITY),
                    format!("{date}T00:00:00+00:00"),
                    format!("./?cmp={id}"),
                )
            })
            .collect()
    };
    let files = publish::files(&data, dataset::EMBEDDED_JSON, None).unwrap();
    let file = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, xml)| xml.as_str())
            .unwrap_or_else(|| panic!("no {name}"))
    };
    let all: Vec<&(String, String)> = days.iter().collect();
    assert_eq!(entries(file("feed.xml")), expected(&all));
    let mut feeds = 0;
    for p in raw["platforms"].as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let own: Vec<&(String, String)> = days.iter().filter(|d| d.0 == id).collect();
        let name = format!("feed-{id}.xml");
        if own.is_empty() {
            assert!(
                files.iter().all(|(n, _)| *n != name),
                "{name} without a history"
            );
            continue;
        }
        feeds += 1;
        assert_eq!(entries(file(&name)), expected(&own), "{name}");
        assert!(file(&name).contains(&format!(r#"href="./{name}" rel="self""#)));
    }
    assert!(feeds >= 10, "{feeds} platforms with a history");
    // An absolute base makes every link absolute.
    let files = publish::files(
        &data,
        dataset::EMBEDDED_JSON,
        Some("https://example.org/x/"),
    )
    .unwrap();
    let (_, kaggle) = files.iter().find(|(n, _)| n == "feed-kaggle.xml").unwrap();
    assert!(entries(kaggle)
        .iter()
        .all(|e| e.2 == "https://example.org/x/?cmp=kaggle"));
}

#[test]
fn platforms_json_is_the_checked_data_with_its_schema_version() {
    let published: Json =
        serde_json::from_str(&publish::platforms_json(dataset::EMBEDDED_JSON).unwrap()).unwrap();
    assert_eq!(published["schema_version"], 1);
    let mut without = published.clone();
    without.as_object_mut().unwrap().remove("schema_version");
    let original: Json = serde_json::from_str(DATA).unwrap();
    assert_eq!(without, original);
}

#[test]
fn the_csv_has_a_row_for_every_value_and_alt() {
    let data = dataset::embedded();
    let csv = publish::csv(&data);
    // Counted from the raw file, not through the model.
    let raw: Json = serde_json::from_str(DATA).unwrap();
    let mut values = 0;
    for p in raw["platforms"].as_array().unwrap() {
        for snapshot in p["snapshots"].as_object().unwrap().values() {
            for fact in snapshot["facts"].as_object().unwrap().values() {
                values += 1 + usize::from(fact.get("alt").is_some());
            }
        }
    }
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert!(lines.contains(
        &"colab,Google Colab,2019,2019-01-22,gpu_memory,GPU memory,unknown,not stated in early-2019 sources,unknown,,,,,reported,,article-2019 dataschool-2019,"
    ));
    assert_eq!(lines.len(), 1 + values);
    assert!(lines[0].starts_with("platform,platform_name,era,as_of,field,"));
    // Today's TPU alt is a row of its own, marked; an unknown keeps its reason.
    assert!(
        lines.contains(&"kaggle,Kaggle Notebooks,today,2026-11-30,tpu,TPU,TPU v3-8,,list,,,,,uncertain,yes,kaggle-docs-notebooks,Kaggle's older notebook docs page still names TPU v3-8."),
        "{}",
        lines.iter().filter(|l| l.starts_with("kaggle,")).copied().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn llms_txt_names_every_file_field_and_platform() {
    let data = dataset::embedded();
    let text = publish::llms_txt(&data);
    assert!(text.starts_with("# Free ML platforms compared\n\n> "));
    for file in [
        "platforms.json",
        "platforms.schema.json",
        "platforms.csv",
        "feed.xml",
    ] {
        assert!(text.contains(&format!("[{file}]({file})")), "{file}");
    }
    for field in dataset::Field::all() {
        assert!(
            text.contains(&format!("- `{}` (", field.id())),
            "{}",
            field.id()
        );
    }
    for p in &data.platforms {
        assert!(text.contains(&format!("(`{}`, ", p.id)), "{}", p.id);
    }
}

#[test]
fn a_days_entries_that_differ_only_in_their_field_are_one_line() {
    let data = dataset::embedded();
    let raw: Json = serde_json::from_str(DATA).unwrap();
    // Counted from the raw file: an entry starts a new line unless it says what the one before
    // it said (same date, kind, values, sources, note) of another field.
    let mut expected = 0;
    for p in raw["platforms"].as_array().unwrap() {
        let mut before: Option<&Json> = None;
        for c in p["history"].as_array().into_iter().flatten() {
            let same = before.is_some_and(|b| {
                ["date", "kind", "from", "to", "source", "note"]
                    .iter()
                    .all(|k| b.get(k) == c.get(k))
            });
            expected += usize::from(!same);
            before = Some(c);
        }
    }
    let days = history::days(&data, None);
    assert_eq!(days.iter().map(|d| d.lines.len()).sum::<usize>(), expected);
    let azure = history::days(&data, Some("azure-notebooks"));
    assert_eq!(azure.len(), 1);
    assert_eq!(azure[0].lines.len(), 1, "every field, one line");
    let azure_raw = &raw["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "azure-notebooks")
        .unwrap()["history"];
    let labels: Vec<&str> = azure_raw
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            dataset::Field::parse(c["field"].as_str().unwrap())
                .unwrap()
                .label()
        })
        .collect();
    assert!(labels.len() >= 18);
    assert_eq!(
        azure[0].lines[0].text(),
        format!(
            "{}: unknown (service retired on 2020-10-09) → no (service retired)",
            labels.join(", ")
        )
    );
}
