//! The change log of each platform: read from the file, and refused with every problem listed when
//! an entry breaks a rule (one hand-written broken file per rule, then several at once).

use free_ml_platforms::core::format::fact_text;
use free_ml_platforms::dataset::{self, days_before, ChangeKind, Dataset, Field};
use serde_json::{json, Value as Json};

mod common;
use common::{problems_after, FIXTURE};

#[test]
fn the_fixture_history_is_read_in_file_order() {
    let data = Dataset::parse(FIXTURE).expect("valid");
    let alpha = data.platform("alpha").unwrap();
    let gpu: Vec<(&str, String, String)> = alpha
        .history_of(Field::Gpu)
        .map(|c| {
            let text = |r: &dataset::Reading| fact_text(&r.as_fact());
            (&*c.date, text(&c.from), text(&c.to))
        })
        .collect();
    assert_eq!(
        gpu,
        [
            ("2024-03-01", "K80".into(), "P100".into()),
            ("2026-09-01", "P100".into(), "T4".into())
        ]
    );
    let tpu: Vec<_> = alpha.history_of(Field::Tpu).collect();
    assert_eq!(tpu.len(), 1);
    assert_eq!(tpu[0].kind, ChangeKind::Correction);
    assert_eq!(tpu[0].sources, ["doc"]);
    assert_eq!(alpha.history[1].sources, ["doc", "blog"]);
    assert_eq!(
        alpha.history[1].note.as_ref().and_then(|n| n.text()),
        Some("The P100 was retired.")
    );
    assert!(data.platform("beta").unwrap().history.is_empty());
}

#[test]
fn the_embedded_history_holds_the_kaggle_retirements_and_the_2026_corrections() {
    let data = dataset::embedded();
    let entries: usize = data.platforms.iter().map(|p| p.history.len()).sum();
    assert!(entries >= 49, "{entries} entries");
    let kaggle = data.platform("kaggle").unwrap();
    let gpu: Vec<_> = kaggle.history_of(Field::Gpu).collect();
    assert_eq!(gpu.len(), 1);
    assert_eq!(
        (
            gpu[0].kind,
            gpu[0].date.as_ref(),
            fact_text(&gpu[0].from.as_fact())
        ),
        (
            ChangeKind::Change,
            "2026-09-10",
            "Tesla P100, 2× Tesla T4".into()
        )
    );
    // Three changes of a free tier; every other entry corrects our data, on the day of a review:
    // 2026-11-30, or the third audit's on 2026-12-07 (exactly these six).
    let mut changes = Vec::new();
    let mut third_audit = Vec::new();
    for p in &data.platforms {
        for c in &p.history {
            match (c.kind, c.date.as_ref()) {
                (ChangeKind::Change, _) => {
                    changes.push((p.id.as_ref(), c.field.as_ref(), c.date.as_ref()))
                }
                (ChangeKind::Correction, "2026-12-07") => {
                    third_audit.push((p.id.as_ref(), c.field.as_ref()))
                }
                (ChangeKind::Correction, date) => {
                    assert_eq!(date, "2026-11-30", "{} {}", p.id, c.field)
                }
            }
        }
    }
    third_audit.sort();
    assert_eq!(
        third_audit,
        [
            ("colab", "disk"),
            ("github-codespaces", "collaboration"),
            ("lightning-ai", "phone"),
            ("sagemaker-studio-free", "cpu_cores"),
            ("sagemaker-studio-free", "internet"),
            ("sagemaker-studio-free", "ram"),
        ]
    );
    assert_eq!(
        changes,
        [
            ("kaggle", "gpu", "2026-09-10"),
            ("kaggle", "tpu", "2026-09-10"),
            ("databricks-free", "terminal", "2026-11-30")
        ]
    );
    let databricks = data.platform("databricks-free").unwrap();
    // 8 GB from an old page, then unknown, then 16 GB from the current one.
    let ram: Vec<String> = databricks
        .history_of(Field::Ram)
        .map(|c| fact_text(&c.to.as_fact()))
        .collect();
    assert_eq!(ram, ["unknown", "16 GB"]);
}

/// Entry `n` of alpha's history (0: gpu K80 → P100 on 2024-03-01; 1: gpu P100 → T4 on
/// 2026-09-01; 2: tpu yes → v5e-1 on 2026-10-01).
fn entry(json: &mut Json, n: usize) -> &mut Json {
    &mut json["platforms"][0]["history"][n]
}

/// `message` with "FIELDS" spelled out as the list of field ids, in table order, that a message
/// about an unknown field offers (a new field changes no expected message).
fn with_field_ids(message: &str) -> String {
    let ids: Vec<&str> = Field::all().map(Field::id).collect();
    message.replace("FIELDS", &ids.join(", "))
}

#[test]
fn each_broken_rule_is_refused_with_its_place() {
    type Edit = Box<dyn FnOnce(&mut Json)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "not a date",
            Box::new(|j| entry(j, 0)["date"] = json!("2024-02-30")),
            "platform 'alpha': field 'gpu': history entry 1 (2024-02-30): date is not an ISO date (YYYY-MM-DD)",
        ),
        (
            // The dataset is dated 2026-11-30.
            "in the future",
            Box::new(|j| entry(j, 2)["date"] = json!("2026-12-01")),
            "platform 'alpha': field 'tpu': history entry 3 (2026-12-01): date is after the dataset date 2026-11-30",
        ),
        (
            "out of order",
            Box::new(|j| entry(j, 2)["date"] = json!("2026-08-31")),
            "platform 'alpha': field 'tpu': history entry 3 (2026-08-31): comes after an entry of 2026-09-01: keep the log in date order",
        ),
        (
            "unknown field",
            Box::new(|j| entry(j, 2)["field"] = json!("tpus")),
            "platform 'alpha': field 'tpus': history entry 3 (2026-10-01): 'tpus' is not a field: one of FIELDS",
        ),
        (
            "a value the field does not take",
            Box::new(|j| entry(j, 2)["from"] = json!({"number": 8, "unit": "GB"})),
            "platform 'alpha': field 'tpu': history entry 3 (2026-10-01): from: takes no number",
        ),
        (
            "a key a value does not have",
            Box::new(|j| entry(j, 2)["to"]["confidence"] = json!("verified")),
            "platform 'alpha': field 'tpu': history entry 3 (2026-10-01): to: 'confidence' is not a key of a fact",
        ),
        (
            "unknown source",
            Box::new(|j| entry(j, 1)["source"] = json!(["doc", "wiki"])),
            "platform 'alpha': field 'gpu': history entry 2 (2026-09-01): source 'wiki' is not in the sources list",
        ),
        (
            "no source",
            Box::new(|j| entry(j, 1)["source"] = json!([])),
            "platform 'alpha': field 'gpu': history entry 2 (2026-09-01): has no source",
        ),
        (
            "a source twice",
            Box::new(|j| entry(j, 1)["source"] = json!(["doc", "doc"])),
            "platform 'alpha': field 'gpu': history entry 2 (2026-09-01): source 'doc' is listed twice",
        ),
        (
            "a blank note",
            Box::new(|j| entry(j, 1)["note"] = json!(" ")),
            "platform 'alpha': field 'gpu': history entry 2 (2026-09-01): note is empty",
        ),
        (
            "no change",
            Box::new(|j| entry(j, 2)["from"] = json!({"list": ["v5e-1"]})),
            "platform 'alpha': field 'tpu': history entry 3 (2026-10-01): from and to are the same value",
        ),
        (
            "a broken chain",
            Box::new(|j| entry(j, 1)["from"] = json!({"list": ["V100"]})),
            "platform 'alpha': field 'gpu': history entry 2 (2026-09-01): from is not 'P100', the previous entry's to",
        ),
        (
            "today's value differs from the last entry's",
            Box::new(|j| j["platforms"][0]["snapshots"]["today"]["facts"]["gpu"]["list"] = json!(["L4"])),
            "platform 'alpha': field 'gpu': the history's last value 'T4' is not today's value 'L4'",
        ),
    ];
    for (rule, edit, expected) in cases {
        let problems = problems_after(edit);
        assert_eq!(problems, [with_field_ids(expected)], "{rule}");
    }
}

#[test]
fn a_value_s_unit_and_bound_count_when_the_chain_is_compared() {
    // A unit of another dimension is refused; "12 h" and "up to 12 h" are different values; and
    // zeta's session today is "not published", not the log's last value.
    let problems = problems_after(|j| {
        j["platforms"][5]["history"] = json!([
            {"date": "2026-01-01", "field": "session", "kind": "change", "source": "doc",
             "from": {"number": 6, "unit": "GB"}, "to": {"number": 12, "unit": "h"}},
            {"date": "2026-02-01", "field": "session", "kind": "change", "source": "doc",
             "from": {"number": 12, "unit": "h", "up_to": true}, "to": {"number": 720, "unit": "min"}}
        ])
    });
    assert_eq!(
        problems,
        [
            "platform 'zeta': field 'session': history entry 1 (2026-01-01): from: unit 'GB' is not one of h, min",
            "platform 'zeta': field 'session': history entry 2 (2026-02-01): from is not '12 h', the previous entry's to",
            "platform 'zeta': field 'session': the history's last value '720 min' is not today's value 'unknown (not published)'",
        ]
    );
}

#[test]
fn several_problems_are_listed_at_once_in_file_order() {
    let problems = problems_after(|j| {
        entry(j, 0)["date"] = json!("2024-3-1");
        entry(j, 1)["source"] = json!("wiki");
        entry(j, 1)["to"] = json!({"list": ["T4"], "unit": "GB"});
        entry(j, 2)["field"] = json!("tensor");
        entry(j, 2)["source"] = json!(["doc", "doc"]);
        j["platforms"][5]["history"][0]["date"] = json!("2027-01-01");
        j["platforms"][5]["snapshots"]["today"]["facts"]["gpu"]["list"] = json!(["A100"]);
        j["sources"]["doc"]["url"] = json!("http://example.org/docs");
    });
    assert_eq!(
        problems,
        [
            "field 'source 'doc'': url 'http://example.org/docs' is not an https link",
            "platform 'alpha': field 'gpu': history entry 1 (2024-3-1): date is not an ISO date (YYYY-MM-DD)",
            "platform 'alpha': field 'gpu': history entry 2 (2026-09-01): source 'wiki' is not in the sources list",
            "platform 'alpha': field 'gpu': history entry 2 (2026-09-01): to: unit, low, up_to and at_least belong with a number",
            "platform 'alpha': field 'tensor': history entry 3 (2026-10-01): source 'doc' is listed twice",
            "platform 'alpha': field 'tensor': history entry 3 (2026-10-01): 'tensor' is not a field: one of FIELDS",
            "platform 'zeta': field 'gpu': history entry 1 (2027-01-01): date is after the dataset date 2026-11-30",
            "platform 'zeta': field 'gpu': the history's last value 'T4' is not today's value 'A100'",
        ]
        .map(with_field_ids)
    );
}

#[test]
fn an_unknown_kind_is_a_structural_error_with_its_path() {
    let problems = problems_after(|j| entry(j, 1)["kind"] = json!("rumour"));
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].contains("'alpha'") && problems[0].contains("platforms[0].history[1].kind"),
        "{problems:?}"
    );
}

#[test]
fn days_before_counts_calendar_days() {
    let cases = [
        ("2026-11-30", 90, "2026-09-01"),
        ("2026-11-30", 0, "2026-11-30"),
        ("2024-03-01", 1, "2024-02-29"),
        ("2025-03-01", 1, "2025-02-28"),
        ("2026-01-01", 1, "2025-12-31"),
        ("2000-03-01", 366, "1999-03-01"),
        ("1970-01-01", 1, "1969-12-31"),
        ("2026-09-01", -90, "2026-11-30"),
    ];
    for (date, days, expected) in cases {
        assert_eq!(
            days_before(date, days).as_deref(),
            Some(expected),
            "{date} - {days}"
        );
    }
    assert_eq!(days_before("2026-02-30", 1), None);
}

/// The fixture is dated 2026-11-30: 90 days before is 2026-09-01 (30 days of November, 31 of
/// October, 29 of September back to its 1st). Alpha's entries: gpu 2024-03-01 and 2026-09-01, tpu
/// 2026-10-01; zeta's: gpu 2026-08-31; no other platform has any.
#[test]
fn last_changed_is_the_newest_entry_and_recent_means_at_most_90_days_old() {
    use free_ml_platforms::core::{row, rows};
    let data = Dataset::parse(FIXTURE).unwrap();
    let today = rows(&data, dataset::Era::Today);
    let last: Vec<(&str, Option<&str>)> = today
        .iter()
        .map(|r| (&*r.platform.id, r.last_changed))
        .collect();
    assert_eq!(
        last,
        [
            ("alpha", Some("2026-10-01")),
            ("beta", None),
            ("gamma", None),
            ("delta", None),
            ("epsilon", None),
            ("zeta", Some("2026-08-31")),
        ]
    );
    let recent = |data: &Dataset, index: usize| -> Vec<(Field, String)> {
        let r = row(data, index, dataset::Era::Today).unwrap();
        Field::all()
            .filter_map(|f| r.cell(f).recent.map(|c| (f, c.date.to_string())))
            .collect()
    };
    // 2026-09-01 is exactly 90 days old: still recent; zeta's 2026-08-31 is 91 days old.
    assert_eq!(
        recent(&data, 0),
        [
            (Field::Gpu, "2026-09-01".into()),
            (Field::Tpu, "2026-10-01".into())
        ]
    );
    assert_eq!(recent(&data, 5), []);
    // The 2019 view has no history.
    let then = row(&data, 0, dataset::Era::Y2019).unwrap();
    assert_eq!(then.last_changed, None);
    assert!(Field::all().all(|f| then.cell(f).recent.is_none()));

    // A day earlier, zeta's change is 90 days old; a day later, alpha's GPU is 91.
    let earlier = Dataset::parse(&FIXTURE.replace(
        r#""dataset_date": "2026-11-30""#,
        r#""dataset_date": "2026-11-29""#,
    ))
    .unwrap();
    assert_eq!(recent(&earlier, 5), [(Field::Gpu, "2026-08-31".into())]);
    let later = Dataset::parse(&FIXTURE.replace(
        r#""dataset_date": "2026-11-30""#,
        r#""dataset_date": "2026-12-01""#,
    ))
    .unwrap();
    assert_eq!(recent(&later, 0), [(Field::Tpu, "2026-10-01".into())]);
}

#[test]
fn sorting_by_last_changed_puts_platforms_without_history_last_both_ways() {
    use free_ml_platforms::core::{rows, Column, State};
    let data = Dataset::parse(FIXTURE).unwrap();
    let today = rows(&data, dataset::Era::Today);
    let order = |q: &str| -> Vec<String> {
        let state = State::from_query(q);
        state
            .visible(&today)
            .iter()
            .map(|&i| today[i].platform.id.to_string())
            .collect()
    };
    assert_eq!(Column::parse("changed"), Some(Column::Changed));
    // Ties (no history) by name: beta Lab, Delta Calc, Epsilon GPU, Gamma Notebooks.
    assert_eq!(
        order("sort=-changed"),
        ["alpha", "zeta", "beta", "delta", "epsilon", "gamma"]
    );
    assert_eq!(
        order("sort=changed"),
        ["zeta", "alpha", "beta", "delta", "epsilon", "gamma"]
    );
}

#[test]
fn a_reading_reads_out_in_plain_words_in_the_build_s_messages() {
    let words = |json: Json| {
        serde_json::from_value::<dataset::Reading>(json)
            .unwrap()
            .words()
    };
    assert_eq!(
        words(json!({"number": 12, "unit": "h", "up_to": true})),
        "up to 12 h"
    );
    assert_eq!(
        words(json!({"number": 8, "unit": "h", "at_least": true})),
        "8 h or more"
    );
    assert_eq!(
        words(json!({"number": 2, "low": 1, "unit": "GB"})),
        "1–2 GB"
    );
    assert_eq!(words(json!({"number": 12.7, "unit": "GB"})), "12.7 GB");
    assert_eq!(words(json!({"bool": false})), "no");
    assert_eq!(words(json!({"list": []})), "an empty list");
    assert_eq!(words(json!({"list": ["P100", "T4"]})), "P100, T4");
    assert_eq!(words(json!({"none": "no GPU"})), "none (no GPU)");
    assert_eq!(
        words(json!({"unknown": "not published"})),
        "unknown (not published)"
    );
}

/// A day's entries as readers see them, written out by hand from the embedded file: entries that
/// differ only in their field share a line, any other difference starts a new one, and a
/// platform's days come newest first.
#[test]
fn a_day_groups_entries_that_differ_only_in_their_field() {
    use free_ml_platforms::core::history::{change_text, days};
    let data = dataset::embedded();
    let databricks = days(&data, Some("databricks-free"));
    assert_eq!(databricks.len(), 1);
    let day = &databricks[0];
    assert_eq!(
        (&*day.platform.id, day.date),
        ("databricks-free", "2026-11-30")
    );
    let lines: Vec<String> = day.lines.iter().map(|l| l.text()).collect();
    assert_eq!(
        lines,
        [
            "GPU memory, GPU time: unknown (no free GPU) → no (no free GPU)",
            "RAM: 8 GB → unknown (not published for Free Edition)",
            "RAM: unknown (not published for Free Edition) → 16 GB",
            "Terminal: no → yes",
        ]
    );
    assert_eq!(day.lines[0].fields(), ["GPU memory", "GPU time"]);
    let fields: Vec<&str> = day.changes().map(|c| &*c.field).collect();
    assert_eq!(
        fields,
        ["gpu_memory", "gpu_quota", "ram", "ram", "terminal"]
    );
    assert_eq!(day.count(ChangeKind::Correction), 4);
    assert_eq!(day.count(ChangeKind::Change), 1);
    // Same day, kind and sources, other values and notes: a line each.
    let kaggle = days(&data, Some("kaggle"));
    assert_eq!(kaggle.len(), 1);
    let texts: Vec<String> = kaggle[0].changes().map(change_text).collect();
    assert_eq!(
        texts,
        [
            "GPU: Tesla P100, 2× Tesla T4 → 2× Tesla T4",
            "TPU: TPU v3-8 → TPU v5e-8"
        ]
    );
    assert_eq!(kaggle[0].lines.len(), 2);
    assert_eq!(kaggle[0].count(ChangeKind::Change), 2);
    // Two days of one platform: newest first.
    let colab: Vec<&str> = days(&data, Some("colab")).iter().map(|d| d.date).collect();
    assert_eq!(colab, ["2026-12-07", "2026-11-30"]);
}
