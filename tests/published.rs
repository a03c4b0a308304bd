//! The files the build publishes beside the page. The feed and the schema are checked by real
//! validators on the built files (scripts/check_published.py: feedparser, jsonschema); here, the
//! build refuses every edit the schema must refuse too, and the files hold the whole dataset.

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
        "field 'source 'case-doc'': is cited by no fact, status or history entry: cite it or remove it"
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
