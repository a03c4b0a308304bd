//! The embedded data file is valid, and a broken file is refused with a message that names the
//! platform and the field at fault.

use free_ml_platforms::dataset::{self, Confidence, Dataset, Era, Field, Value};
use serde_json::{json, Value as Json};

const FIXTURE: &str = include_str!("fixtures/mini.json");

#[test]
fn embedded_dataset_is_valid() {
    let data = match dataset::embedded() {
        Ok(data) => data,
        Err(e) => panic!("assets/platforms.json: {e}"),
    };
    // Every platform has today's or 2019's value for every field (the parser checks it); here, the
    // things only the real data must hold.
    for p in &data.platforms {
        assert!(
            p.today.is_some() || p.then.is_some(),
            "{}: no snapshot",
            p.id
        );
        if let Some(today) = &p.today {
            assert!(
                today.as_of.as_str() <= data.dataset_date.as_str(),
                "{}: verified after the dataset date",
                p.id
            );
        }
    }
    for (id, source) in &data.sources {
        assert!(
            source.date.as_str() <= data.dataset_date.as_str(),
            "source {id} is dated in the future"
        );
    }
}

#[test]
fn the_article_platforms_have_2019_values() {
    let data = dataset::embedded().expect("valid");
    let then: Vec<_> = data
        .platforms
        .iter()
        .filter(|p| p.snapshot(Era::Y2019).is_some())
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(then, ["colab", "azure-notebooks", "kaggle", "cocalc"]);
    for id in then {
        let facts = &data.platform(id).unwrap().then.as_ref().unwrap().facts;
        assert_eq!(
            facts.len(),
            Field::ALL.len(),
            "{id}: 2019 snapshot lacks a field"
        );
    }
}

#[test]
fn the_fixture_parses_into_the_model() {
    let data = Dataset::parse(FIXTURE).expect("valid");
    let alpha = data.platform("alpha").unwrap();
    let ram = &alpha.today.as_ref().unwrap().facts[&Field::Ram];
    assert_eq!(ram.confidence, Confidence::Uncertain);
    assert!(matches!(&ram.value, Value::Number(q) if q.number == 12.7 && q.unit.symbol() == "GB"));
    let storage = &data.platform("beta").unwrap().today.as_ref().unwrap().facts[&Field::Storage];
    assert!(storage.alt.is_some());
}

/// Applies `edit` to the fixture and returns the error message it causes.
fn error_after(edit: impl FnOnce(&mut Json)) -> String {
    let mut json: Json = serde_json::from_str(FIXTURE).unwrap();
    edit(&mut json);
    match Dataset::parse(&json.to_string()) {
        Ok(_) => panic!("the broken file was accepted"),
        Err(e) => e.to_string(),
    }
}

fn fact<'a>(json: &'a mut Json, platform: usize, era: &str, field: &str) -> &'a mut Json {
    &mut json["platforms"][platform]["snapshots"][era]["facts"][field]
}

#[test]
fn broken_files_name_the_platform_and_field() {
    type Edit = Box<dyn FnOnce(&mut Json)>;
    let cases: Vec<(Edit, &[&str])> = vec![
        (
            Box::new(|j| {
                *fact(j, 0, "today", "ram") =
                    json!({"number": 12, "unit": "GiB", "source": "doc", "confidence": "verified"})
            }),
            &["'alpha'", "'ram'", "unit 'GiB'"],
        ),
        (
            Box::new(|j| {
                fact(j, 0, "today", "session")
                    .as_object_mut()
                    .unwrap()
                    .remove("source");
            }),
            &["'alpha'", "'session'", "no source"],
        ),
        (
            Box::new(|j| fact(j, 1, "today", "idle")["source"] = json!("nowhere")),
            &["'beta'", "'idle'", "source 'nowhere'"],
        ),
        (
            Box::new(|j| fact(j, 1, "today", "ram")["confidence"] = json!("sure")),
            &["'beta'", "'ram'", "confidence 'sure'"],
        ),
        (
            Box::new(|j| {
                fact(j, 1, "today", "storage")
                    .as_object_mut()
                    .unwrap()
                    .remove("alt");
            }),
            &["'beta'", "'storage'", "no alt"],
        ),
        (
            Box::new(|j| {
                *fact(j, 0, "today", "terminal") =
                    json!({"number": 1, "unit": "h", "source": "doc", "confidence": "verified"})
            }),
            &["'alpha'", "'terminal'", "takes no number"],
        ),
        (
            Box::new(|j| {
                *fact(j, 0, "today", "gpu") =
                    json!({"bool": true, "list": [], "source": "doc", "confidence": "verified"})
            }),
            &["'alpha'", "'gpu'", "exactly one"],
        ),
        (
            Box::new(|j| {
                j["platforms"][1]["snapshots"]["today"]["facts"]
                    .as_object_mut()
                    .unwrap()
                    .remove("phone");
            }),
            &["'beta'", "'phone'", "no value"],
        ),
        (
            Box::new(|j| fact(j, 0, "today", "gpu_ram")["x"] = json!(1)),
            &["'alpha'", "'gpu_ram'", "not a known field"],
        ),
        (
            Box::new(|j| j["platforms"][2]["id"] = json!("alpha")),
            &["'alpha'", "another platform"],
        ),
        (
            Box::new(|j| j["platforms"][3]["link"] = json!("http://example.org")),
            &["'delta'", "https"],
        ),
        (
            Box::new(|j| j["platforms"][0]["snapshots"]["today"]["as_of"] = json!("2026-02-30")),
            &["'alpha'", "ISO date"],
        ),
        (
            Box::new(|j| j["platforms"][2]["status"]["since"] = json!("09/10/2020")),
            &["'gamma'", "'status'", "ISO date"],
        ),
        (
            Box::new(|j| {
                j["platforms"][3].as_object_mut().unwrap().remove("vendor");
            }),
            &["'delta'", "vendor"],
        ),
        (
            Box::new(|j| j["sources"]["doc"]["url"] = json!("ftp://x")),
            &["source 'doc'", "https"],
        ),
        (
            Box::new(
                |j| *fact(j, 0, "today", "ram") = json!({"number": 2, "low": 3, "unit": "GB", "source": "doc", "confidence": "verified"}),
            ),
            &["'alpha'", "'ram'", "range"],
        ),
    ];
    for (edit, needles) in cases {
        let message = error_after(edit);
        for needle in needles {
            assert!(
                message.contains(needle),
                "{message:?} should mention {needle}"
            );
        }
    }
}

#[test]
fn non_json_is_refused_with_a_message() {
    let e = Dataset::parse("{ not json").unwrap_err();
    assert!(e.to_string().contains("not a valid dataset"));
}
