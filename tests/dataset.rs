//! The embedded data file is valid and holds what the vendors say; a broken file is refused with
//! every problem listed, each naming the platform and the field.

use free_ml_platforms::core::format::fact_text;
use free_ml_platforms::dataset::{
    self, prose, Confidence, Dataset, Era, Field, Prose, Status, Value, Words,
};
use serde_json::{json, Value as Json};
use std::collections::BTreeSet;

mod common;
use common::{problems_after, FIXTURE};

fn embedded() -> Dataset {
    dataset::embedded()
}

#[test]
fn the_compiled_data_is_the_data_file_as_read_and_checked() {
    let file = Dataset::parse(include_str!("../assets/platforms.json"))
        .unwrap_or_else(|e| panic!("assets/platforms.json:\n{e}"));
    // build.rs wrote every value of the file as statics, nothing lost or changed.
    assert_eq!(embedded(), file);
    assert!(embedded().problems().is_empty());
}

/// Every string of `value` under `key`, or in the list there.
fn strings_at<'a>(value: &'a Json, key: &str, out: &mut Vec<&'a str>) {
    match value.get(key) {
        Some(Json::String(s)) => out.push(s),
        Some(Json::Array(items)) => out.extend(items.iter().filter_map(Json::as_str)),
        _ => {}
    }
}

#[test]
fn the_prose_is_out_of_the_compiled_data_and_in_its_file_whole() {
    let file: Json = serde_json::from_str(include_str!("../assets/platforms.json")).unwrap();
    // The oracle, from the raw file: the sources a status links stay compiled in, and the 2019
    // article (the 2019 view names and links it); every other source's title and link, and every
    // summary, pro, con, fact note (an alt's too) and history note go to the prose file (What
    // changed is written by the prerender, not the wasm). Status notes stay.
    let mut resident = BTreeSet::from(["article-2019"]);
    let mut moved: Vec<&str> = Vec::new();
    for p in file["platforms"].as_array().unwrap() {
        for change in p["history"].as_array().into_iter().flatten() {
            strings_at(change, "note", &mut moved);
        }
        if let Some(id) = p["status"]["source"].as_str() {
            resident.insert(id);
        }
        strings_at(p, "summary", &mut moved);
        for snapshot in p["snapshots"].as_object().unwrap().values() {
            strings_at(snapshot, "pros", &mut moved);
            strings_at(snapshot, "cons", &mut moved);
            for fact in snapshot["facts"].as_object().unwrap().values() {
                strings_at(fact, "note", &mut moved);
                if let Some(alt) = fact.get("alt") {
                    strings_at(alt, "note", &mut moved);
                }
            }
        }
    }
    // GPU and allowance notes, and each figure's arithmetic (worked out when the file is read).
    for gpu in file["gpus"].as_object().unwrap().values() {
        strings_at(gpu, "note", &mut moved);
    }
    for p in file["platforms"].as_array().unwrap() {
        let a = &p["gpu_allowance"];
        strings_at(a, "note", &mut moved);
        if let Some(alt) = a.get("alt") {
            strings_at(alt, "note", &mut moved);
        }
    }
    let read = Dataset::parse(include_str!("../assets/platforms.json")).unwrap();
    let arithmetic: Vec<String> = read
        .platforms
        .iter()
        .filter_map(|p| p.gpu_allowance.as_ref())
        .flat_map(|a| [Some(a), a.alt.as_deref()].into_iter().flatten())
        .map(|a| a.figure.arithmetic.text().unwrap().to_owned())
        .collect();
    moved.extend(arithmetic.iter().map(String::as_str));
    for (id, source) in file["sources"].as_object().unwrap() {
        if !resident.contains(id.as_str()) {
            strings_at(source, "title", &mut moved);
            strings_at(source, "url", &mut moved);
        }
    }
    assert!(
        resident.len() >= 2 && moved.len() > 500,
        "{} {}",
        resident.len(),
        moved.len()
    );

    let words: Vec<String> = serde_json::from_str(dataset::EMBEDDED_PROSE).unwrap();
    let mut got: Vec<&str> = words.iter().map(String::as_str).collect();
    got.sort_unstable();
    moved.sort_unstable();
    assert_eq!(got, moved, "the prose file holds exactly the moved words");

    // The compiled data: no moved words, each place an index into the file; resident sources whole.
    let compiled = &dataset::EMBEDDED;
    for (id, s) in compiled.sources.iter() {
        let here = s.title.text().is_some() && s.url.text().is_some();
        assert_eq!(here, resident.contains(&**id), "source {id}");
    }
    for p in compiled.platforms.iter() {
        assert!(matches!(p.summary, Prose::Later(_)), "{}", p.id);
        for s in [&p.snapshots.then, &p.snapshots.today]
            .into_iter()
            .flatten()
        {
            assert!(s
                .pros
                .iter()
                .chain(s.cons.iter())
                .all(|x| x.text().is_none()));
            for (_, fact) in s.facts.iter() {
                assert!(
                    fact.note.as_ref().is_none_or(|n| n.text().is_none()),
                    "{} note",
                    p.id
                );
            }
        }
    }
    // Named after its contents (FNV-1a, 64 bits), so a cached copy of another build's file is
    // never read in its place.
    let fnv = |bytes: &[u8]| {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash
    };
    assert_eq!(
        fnv(b"a"),
        0xaf63_dc4c_8601_ec8c,
        "the published test vector"
    );
    let name = format!(
        "prose-{:016x}.json",
        fnv(dataset::EMBEDDED_PROSE.as_bytes())
    );
    assert_eq!(dataset::PROSE_FILE, name);

    // A file too short for the data is refused and leaves the data as it was.
    let mut data = compiled.clone();
    let short = Words(words[..words.len() - 1].to_vec());
    let err = prose::fill(&mut data, &short).unwrap_err();
    assert!(
        err.contains(&format!("has {} texts", words.len() - 1)),
        "{err}"
    );
    assert_eq!(&data, compiled);
}

#[test]
fn embedded_dataset_is_valid_dated_and_cites_every_source() {
    let data = embedded();
    let mut cited = BTreeSet::new();
    for p in &data.platforms {
        if let Some(today) = p.snapshot(Era::Today) {
            assert!(
                today.as_of <= data.dataset_date,
                "{}: verified after the dataset date",
                p.id
            );
        }
        for era in [Era::Y2019, Era::Today] {
            for fact in p.snapshot(era).iter().flat_map(|s| s.facts.values()) {
                cited.extend(
                    fact.sources
                        .iter()
                        .chain(fact.alt.iter().flat_map(|a| a.sources.iter())),
                );
            }
        }
        if let Status::Closed { source, .. } | Status::Retired { source, .. } = &p.status {
            cited.insert(source);
        }
        for a in p
            .gpu_allowance
            .iter()
            .flat_map(|a| [Some(a), a.alt.as_deref()])
        {
            for a in a.iter() {
                cited.extend(&a.sources);
                cited.extend(a.prices.iter().flat_map(|price| &price.sources));
            }
        }
    }
    cited.extend(data.gpus.values().flat_map(|g| &g.sources));
    for (id, source) in &data.sources {
        assert!(
            source.date <= data.dataset_date,
            "source {id} is dated in the future"
        );
        assert!(cited.contains(id), "source {id} is cited by no fact");
    }
}

#[test]
fn the_article_platforms_have_complete_2019_values() {
    let data = embedded();
    let then: Vec<_> = data
        .platforms
        .iter()
        .filter(|p| p.snapshot(Era::Y2019).is_some())
        .map(|p| p.id.as_ref())
        .collect();
    assert_eq!(then, ["colab", "azure-notebooks", "kaggle", "cocalc"]);
    for id in then {
        let facts = &data
            .platform(id)
            .unwrap()
            .snapshot(Era::Y2019)
            .unwrap()
            .facts;
        assert_eq!(
            facts.len(),
            Field::all().count(),
            "{id}: 2019 snapshot lacks a field"
        );
    }
}

/// Today's value of a field, as the page shows it.
fn today(data: &Dataset, id: &str, field: Field) -> (String, Confidence) {
    let p = data
        .platform(id)
        .unwrap_or_else(|| panic!("no platform {id}"));
    let fact = &p.snapshot(Era::Today).unwrap().facts[&field];
    (fact_text(fact), fact.confidence)
}

#[test]
fn the_2026_corrections_hold() {
    let data = embedded();
    // Kaggle retired the P100 and TPU v3-8 (Kaggle/kaggle-cli #1192, #1196, #1198, Sept 2026).
    assert_eq!(today(&data, "kaggle", Field::Gpu).0, "2× Tesla T4");
    assert_eq!(today(&data, "kaggle", Field::Tpu).0, "TPU v5e-8");
    // Two AWS pages disagree on Studio Lab's RAM.
    assert_eq!(
        today(&data, "sagemaker-studio-lab", Field::Ram).1,
        Confidence::Conflicting
    );
    // No card to register, but a user saw GPUs wait for one: "no", and only uncertain.
    assert_eq!(
        today(&data, "lightning-ai", Field::Card),
        ("no".into(), Confidence::Uncertain)
    );
    assert_eq!(today(&data, "cocalc", Field::Session).0, "up to 24 h");
    assert_eq!(today(&data, "modal", Field::Session).0, "up to 24 h");
    // A standard serverless notebook has 16 GB (the older 8 GB figure is superseded).
    assert_eq!(
        today(&data, "databricks-free", Field::Ram),
        ("16 GB".into(), Confidence::Verified)
    );
    // marimo's molab: 32 GB RAM, 12 h sessions, 90 min idle.
    assert_eq!(today(&data, "marimo-molab", Field::Ram).0, "32 GB");
    assert_eq!(today(&data, "marimo-molab", Field::Session).0, "up to 12 h");
    assert_eq!(today(&data, "marimo-molab", Field::Idle).0, "90 min");
    // Azure Notebooks 2019: "8 hours or longer" is a lower bound, not a cap.
    let azure = data.platform("azure-notebooks").unwrap();
    let session = &azure.snapshot(Era::Y2019).unwrap().facts[&Field::Session];
    assert_eq!(fact_text(session), "8 h or more");
}

#[test]
fn no_gpu_means_none_not_unknown() {
    let data = embedded();
    for p in &data.platforms {
        let Some(s) = p.snapshot(Era::Today) else {
            continue;
        };
        let gpu = &s.facts[&Field::Gpu].value;
        let no_gpu = matches!(gpu, Value::None(_) | Value::Bool(false))
            || matches!(gpu, Value::List(l) if l.is_empty());
        if no_gpu {
            for field in [Field::GpuMemory, Field::GpuQuota] {
                assert!(
                    matches!(s.facts[&field].value, Value::None(_)),
                    "{}: no GPU, so {} is none",
                    p.id,
                    field.id()
                );
            }
        }
    }
}

#[test]
fn the_fixture_parses_into_the_model() {
    let data = Dataset::parse(FIXTURE).expect("valid");
    let alpha = data.platform("alpha").unwrap();
    let ram = &alpha.snapshot(Era::Today).unwrap().facts[&Field::Ram];
    assert_eq!(ram.confidence, Confidence::Uncertain);
    assert_eq!(fact_text(ram), "12.7 GB");
    let beta = data.platform("beta").unwrap().snapshot(Era::Today).unwrap();
    assert!(beta.facts[&Field::Storage].alt.is_some());
    assert_eq!(
        beta.facts[&Field::GpuMemory].value,
        Value::None("no GPU".into())
    );
    let gamma = data.platform("gamma").unwrap();
    assert!(matches!(&gamma.status, Status::Retired { successor, .. } if successor == "Gamma ML"));
}

fn fact<'a>(json: &'a mut Json, platform: usize, era: &str, field: &str) -> &'a mut Json {
    &mut json["platforms"][platform]["snapshots"][era]["facts"][field]
}

/// A fact with `value`, the fixture's source and verified confidence.
fn v(mut value: Json) -> Json {
    value["source"] = json!("doc");
    value["confidence"] = json!("verified");
    value
}

#[test]
fn every_rule_violation_is_reported_at_once_with_its_place() {
    // Each edit breaks one rule; the expected words of its problem, in the order they are found.
    let problems = problems_after(|j| {
        j["sources"]["doc"]["url"] = json!("ftp://x");
        j["platforms"][0]["summary"] = json!(" ");
        *fact(j, 0, "today", "ram") = v(json!({"number": 12, "unit": "h"}));
        *fact(j, 0, "today", "disk") = v(json!({"number": 2, "low": 3, "unit": "GB"}));
        *fact(j, 0, "today", "storage") =
            v(json!({"number": 2, "low": 1, "up_to": true, "unit": "GB"}));
        *fact(j, 0, "today", "terminal") = v(json!({"number": 1, "unit": "h"}));
        *fact(j, 0, "today", "internet") = v(json!({"bool": true, "unit": "h"}));
        fact(j, 0, "today", "session")["source"] = json!(["doc", "doc"]);
        j["platforms"][0]["snapshots"]["today"]["pros"] = json!(["fine", "  "]);
        j["platforms"][0]["snapshots"]["today"]["as_of"] = json!("2026-02-30");
        fact(j, 1, "today", "idle")["source"] = json!("nowhere");
        fact(j, 1, "today", "storage")
            .as_object_mut()
            .unwrap()
            .remove("alt");
        fact(j, 1, "today", "ram")["alt"] = v(json!({"unknown": "x"}));
        fact(j, 1, "today", "cpu_cores")["notes"] = json!("typo");
        *fact(j, 1, "today", "gpu") = v(json!({"bool": true, "list": []}));
        j["platforms"][1]["snapshots"]["today"]["facts"]
            .as_object_mut()
            .unwrap()
            .remove("phone");
        j["platforms"][2]["status"]["since"] = json!("09/10/2020");
        j["platforms"][3]["link"] = json!("http://example.org");
        j["platforms"][4]["id"] = json!("alpha");
        *fact(j, 5, "today", "session") =
            v(json!({"number": 9, "at_least": true, "up_to": true, "unit": "h"}));
        *fact(j, 5, "today", "languages") = v(json!({"list": ["Python", ""]}));
        *fact(j, 5, "today", "idle") = v(json!({"none": ""}));
    });
    let expected: &[&[&str]] = &[
        &["source 'doc'", "https"],
        &["'alpha'", "summary is empty"],
        &["'alpha'", "today as_of", "ISO date"],
        &["'alpha'", "today pros has an empty item"],
        &["'alpha'", "'disk'", "range's low below"],
        &["'alpha'", "'internet'", "belong with a number"],
        &["'alpha'", "'ram'", "unit 'h' is not one of GB, MB"],
        &["'alpha'", "'session'", "source 'doc' is listed twice"],
        &["'alpha'", "'storage'", "exclude each other"],
        &["'alpha'", "'terminal'", "takes no number"],
        &["'beta'", "'cpu_cores'", "'notes' is not a key"],
        &["'beta'", "'gpu'", "exactly one"],
        &["'beta'", "'idle'", "source 'nowhere'"],
        &["'beta'", "'ram'", "has an alt but is not conflicting"],
        &["'beta'", "'storage'", "no alt"],
        &["'beta'", "'phone'", "no value in any snapshot"],
        &["'gamma'", "'status'", "ISO date"],
        &["'delta'", "link", "https"],
        &["'alpha'", "another platform"],
        &["'zeta'", "'idle'", "none reason is empty"],
        &["'zeta'", "'languages'", "list item is empty"],
        &["'zeta'", "'session'", "exclude each other"],
    ];
    for needles in expected {
        assert!(
            problems
                .iter()
                .any(|p| needles.iter().all(|n| p.contains(n))),
            "no problem mentions {needles:?} in:\n{}",
            problems.join("\n")
        );
    }
    assert_eq!(problems.len(), expected.len(), "{}", problems.join("\n"));
}

#[test]
fn structural_errors_name_their_path_and_platform() {
    let problems = problems_after(|j| {
        j["platforms"][0]["status"] = json!({"state": "active", "since": "2020-01-01"})
    });
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].contains("'alpha'") && problems[0].contains("platforms[0].status"),
        "{problems:?}"
    );
    let problems = problems_after(|j| *fact(j, 2, "2019", "gpu_ram") = json!({"bool": true}));
    assert!(
        problems[0].contains("'gamma'") && problems[0].contains("gpu_ram"),
        "{problems:?}"
    );
    let problems = problems_after(|j| fact(j, 0, "today", "ram")["confidence"] = json!("sure"));
    assert!(
        problems[0].contains("platforms[0].snapshots.today.facts.ram"),
        "{problems:?}"
    );
    let problems = problems_after(|j| {
        j["platforms"][3]
            .as_object_mut()
            .unwrap()
            .remove("vendor")
            .map(drop)
            .unwrap()
    });
    assert!(
        problems[0].contains("'delta'") && problems[0].contains("vendor"),
        "{problems:?}"
    );
    let problems = problems_after(|j| fact(j, 0, "today", "ram")["unit"] = json!("GiB"));
    assert!(
        problems[0].contains("facts.ram.unit")
            && problems[0].contains("unit 'GiB' is not one of GB, MB"),
        "{problems:?}"
    );
    let e = Dataset::parse("{ not json").unwrap_err();
    assert_eq!(e.problems.len(), 1);
}

#[test]
fn iso_dates_are_real_days() {
    for good in ["2024-02-29", "2026-12-31", "2000-02-29"] {
        assert!(dataset::is_iso_date(good), "{good}");
    }
    for bad in [
        "2026-02-29",
        "1900-02-29",
        "2026-13-01",
        "2026-04-31",
        "2026-1-01",
        "26-01-01",
        "2026/01/01",
        "2026-00-10",
        "2026-01-00",
        "2026-01-011",
        "2026/01-01",
        "2026-01/01",
        "2026-0a-01",
    ] {
        assert!(!dataset::is_iso_date(bad), "{bad}");
    }
}

/// The source checker's `checked` day is the clock's UTC day: the clock's whole days since
/// 1970-01-01 walked through the calendar (month lengths and the leap-year rule only), read
/// before and after so a test run across midnight passes too.
#[test]
fn today_is_the_clock_s_utc_day() {
    let leap = |y: u32| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let walk = |days: u64| {
        let (mut y, mut m, mut d) = (1970, 1, 1);
        for _ in 0..days {
            let length = match m {
                2 if leap(y) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            d += 1;
            if d > length {
                (d, m) = (1, m + 1);
                if m > 12 {
                    (m, y) = (1, y + 1);
                }
            }
        }
        format!("{y:04}-{m:02}-{d:02}")
    };
    let clock_day = || {
        let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        walk(since.unwrap().as_secs() / 86_400)
    };
    let before = clock_day();
    let today = dataset::today();
    let after = clock_day();
    assert!(
        today == before || today == after,
        "{today}: the clock says {before}"
    );
}

/// One line per field, in table order: id, label, kind, which end is better, the sort words and
/// the "at least" steps. Reviewed in `snapshots/`: a new or changed field shows up there as a
/// diff to read and accept, not as lists copied into tests. To accept: `cargo insta review`
/// (cargo-insta), or `INSTA_UPDATE=always cargo test`, then read `git diff tests/snapshots`.
#[test]
fn the_field_table() {
    let table: Vec<String> = Field::all()
        .map(|field| {
            let def = field.def();
            format!(
                "{:<14} {:<24} {:<16} {:<5} {:<34} {:?}",
                field.id(),
                def.label,
                format!("{:?}", def.kind),
                format!("{:?}", def.better),
                format!("{} / {}", def.order_words.0, def.order_words.1),
                def.steps,
            )
        })
        .collect();
    insta::assert_snapshot!(table.join("\n"));
    // The fixture, which every test reads, records each field and no other.
    let ids: BTreeSet<&str> = Field::all().map(Field::id).collect();
    let in_fixture = common::field_ids();
    assert_eq!(ids, in_fixture.iter().map(String::as_str).collect());
}

#[test]
fn words_for_confidence_and_eras() {
    let words: Vec<&str> = [
        Confidence::Verified,
        Confidence::Reported,
        Confidence::Uncertain,
        Confidence::Conflicting,
    ]
    .iter()
    .map(|c| c.label())
    .collect();
    assert_eq!(words, ["verified", "reported", "uncertain", "conflicting"]);
    assert_eq!(
        (Era::Y2019.label(), Era::Today.label()),
        ("2019 (as in the article)", "Today")
    );
    assert_eq!((Era::Y2019.id(), Era::Today.id()), ("2019", "today"));
}

#[test]
fn every_problem_is_a_line_of_the_error() {
    let broken = FIXTURE
        .replace("\"https://example.com/zeta\"", "\"https://\"")
        .replace("\"epsilon\"", "\"Bad_Id\"");
    let e = Dataset::parse(&broken).unwrap_err();
    assert_eq!(
        e.to_string(),
        "platform 'Bad_Id': id 'Bad_Id' must be lowercase letters, digits and '-'\nplatform 'zeta': link 'https://' is not an https link"
    );
}

#[test]
fn edge_cases_of_numbers_bounds_alts_ids_and_links_are_refused() {
    type Edit<'a> = Box<dyn FnOnce(&mut Json) + 'a>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|j| *fact(j, 0, "today", "ram") = v(json!({"number": -1, "unit": "GB"}))),
            "not negative",
        ),
        (
            // Amounts are kept in thousandths.
            Box::new(|j| *fact(j, 0, "today", "ram") = v(json!({"number": 12.7001, "unit": "GB"}))),
            "number 12.7001 has more than three decimals",
        ),
        (
            Box::new(|j| {
                *fact(j, 0, "today", "ram") = v(json!({"number": 2, "low": 0.0005, "unit": "GB"}))
            }),
            "more than three decimals",
        ),
        (
            Box::new(|j| {
                *fact(j, 0, "today", "ram") = v(json!({"number": 2, "low": 2, "unit": "GB"}))
            }),
            "low below",
        ),
        (
            Box::new(|j| {
                *fact(j, 0, "today", "ram") = v(json!({"number": 2, "low": -1, "unit": "GB"}))
            }),
            "low below",
        ),
        (
            Box::new(|j| *fact(j, 0, "today", "languages") = v(json!({"list": ["R"], "low": 1}))),
            "belong with a number",
        ),
        (
            Box::new(|j| {
                *fact(j, 0, "today", "languages") = v(json!({"list": ["R"], "at_least": true}))
            }),
            "belong with a number",
        ),
        (
            Box::new(|j| {
                *fact(j, 0, "today", "languages") = v(json!({"list": ["R"], "up_to": true}))
            }),
            "belong with a number",
        ),
        (
            Box::new(|j| {
                let mut alt = v(json!({"number": 1, "unit": "GB"}));
                alt["alt"] = v(json!({"number": 2, "unit": "GB"}));
                let mut f = v(json!({"number": 3, "unit": "GB"}));
                f["confidence"] = json!("conflicting");
                f["alt"] = alt;
                *fact(j, 0, "today", "ram") = f;
            }),
            "an alt cannot have an alt",
        ),
        (
            Box::new(|j| {
                let mut alt = v(json!({"number": 1, "unit": "GB"}));
                alt["confidence"] = json!("conflicting");
                let mut f = v(json!({"number": 3, "unit": "GB"}));
                f["confidence"] = json!("conflicting");
                f["alt"] = alt;
                *fact(j, 0, "today", "ram") = f;
            }),
            "an alt cannot itself be conflicting",
        ),
        (
            Box::new(|j| j["platforms"][0]["id"] = json!("")),
            "must be lowercase",
        ),
        (
            Box::new(|j| j["platforms"][0]["id"] = json!("Alpha")),
            "must be lowercase",
        ),
        (
            Box::new(|j| j["platforms"][0]["link"] = json!("https://")),
            "not an https link",
        ),
        (
            Box::new(|j| j["platforms"][0]["link"] = json!("https://a b")),
            "not an https link",
        ),
        (
            Box::new(|j| j["platforms"][0]["short_name"] = json!(" ")),
            "short_name is empty",
        ),
        (
            // 25 characters: one more than the table's line holds.
            Box::new(|j| j["platforms"][0]["short_name"] = json!("Alpha Notebooks 1234 5678")),
            "has 25 characters; at most 24",
        ),
        (
            Box::new(|j| j["platforms"][1]["short_name"] = json!("Alpha Notebooks")),
            "short_name 'Alpha Notebooks' is used by another platform",
        ),
        (
            Box::new(|j| {
                j["platforms"][2]
                    .as_object_mut()
                    .unwrap()
                    .remove("short_name")
                    .map(drop)
                    .unwrap()
            }),
            "missing field `short_name`",
        ),
    ];
    for (edit, needle) in cases {
        let problems = problems_after(edit);
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "{needle}: {problems:?}"
        );
    }
    // At the edges, still valid: a low of 0, a number of 0.
    let mut json: Json = serde_json::from_str(FIXTURE).unwrap();
    // A short name of exactly 24 characters (é counts as one).
    json["platforms"][0]["short_name"] = json!("Alphé Notebooks 1234 567");
    assert_eq!("Alphé Notebooks 1234 567".chars().count(), 24);
    *fact(&mut json, 0, "today", "ram") = v(json!({"number": 2, "low": 0, "unit": "GB"}));
    *fact(&mut json, 0, "today", "disk") = v(json!({"number": 0, "unit": "GB"}));
    *fact(&mut json, 0, "today", "storage") = v(json!({"number": 0.001, "unit": "GB"}));
    assert!(Dataset::parse(&json.to_string()).is_ok());
}

/// The edges of the date and fingerprint rules, worked by hand: the dataset date is not after
/// itself (a source's date, a history entry), a source checked today is not in the future, and a
/// fingerprint of 64 characters that are not lowercase hex digits is refused.
#[test]
fn the_dataset_date_and_today_are_not_after_themselves() {
    let parse = |edit: &dyn Fn(&mut Json)| {
        let mut json: Json = serde_json::from_str(FIXTURE).unwrap();
        edit(&mut json);
        match Dataset::parse(&json.to_string()) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
        }
    };
    let lowercase_hex = format!("sha256:{}", "0123456789abcdef".repeat(4));
    let on_the_day = parse(&|d| {
        d["sources"]["doc"]["date"] = json!("2026-11-30");
        d["sources"]["doc"]["checked"] = json!(dataset::today());
        d["sources"]["doc"]["fingerprint"] = json!(lowercase_hex);
        d["platforms"][0]["history"][2]["date"] = json!("2026-11-30");
    });
    assert_eq!(on_the_day, Vec::<String>::new());
    let upper = format!("sha256:{}", "0123456789ABCDEF".repeat(4));
    let problems = parse(&|d| {
        d["sources"]["doc"]["checked"] = json!("2026-10-01");
        d["sources"]["doc"]["fingerprint"] = json!(upper);
    });
    assert_eq!(
        problems,
        [format!(
            "field 'source 'doc'': fingerprint '{upper}' is not 'sha256:' and 64 lowercase hex digits"
        )]
    );
}
