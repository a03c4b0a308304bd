//! "GPU compute a week": every platform's figure against values worked out here from the raw
//! JSON (not the code's helpers), its sort order, the quick pick, the rules that refuse a broken
//! GPU table or allowance, and the left-out list against an oracle over many filter sets.

use free_ml_platforms::core::compute;
use free_ml_platforms::core::left_out::{left_out, Hider};
use free_ml_platforms::core::picks::{card_on_credits, most_compute};
use free_ml_platforms::core::{rows, threshold_fields, Column, Direction, Filter, Row, State};
use free_ml_platforms::dataset::{self, Dataset, Era, Field, Standing, Test};
use serde_json::{json, Value as Json};
use std::collections::BTreeSet;

mod common;

const FILE: &str = include_str!("../assets/platforms.json");

fn raw() -> Json {
    serde_json::from_str(FILE).unwrap()
}

fn f(v: &Json) -> f64 {
    v.as_f64().unwrap()
}

/// The oracle: a platform's T4-hours (a week, or once) and the GPU credits buy, in floats, from
/// the raw file as assets/DATA.md describes the method.
fn oracle(file: &Json, allowance: &Json) -> (Option<f64>, Option<String>) {
    let gpus = &file["gpus"];
    let t4 = f(&gpus["t4"]["tflops"]);
    let weeks = |per: &Json| match per.as_str() {
        Some("day") => 7.0,
        Some("week") => 1.0,
        Some("month") => 7.0 * 12.0 / 365.25,
        _ => f64::NAN,
    };
    let hours = |a: &Json| {
        f(&a["amount"])
            * match a["unit"].as_str() {
                Some("min") => 1.0 / 60.0,
                _ => 1.0,
            }
    };
    let count = |a: &Json| a["count"].as_f64().unwrap_or(1.0);
    let ratio = |gpu: &Json| gpu.as_str().map(|id| f(&gpus[id]["tflops"]) / t4);
    match allowance["kind"].as_str().unwrap() {
        "quota" => (
            ratio(&allowance["gpu"])
                .map(|r| hours(allowance) * weeks(&allowance["per"]) * count(allowance) * r),
            None,
        ),
        "credits" | "grant" if allowance.get("usd").is_some() => {
            let per_hour = |p: &Json| {
                f(&p["usd"])
                    * match p["per"].as_str().unwrap() {
                        "s" => 3600.0,
                        "min" => 60.0,
                        _ => 1.0,
                    }
            };
            let best = allowance["prices"]
                .as_array()
                .unwrap()
                .iter()
                .max_by(|a, b| {
                    let value =
                        |p: &Json| f(&gpus[p["gpu"].as_str().unwrap()]["tflops"]) / per_hour(p);
                    value(a).total_cmp(&value(b))
                })
                .unwrap();
            let gpu_hours = f(&allowance["usd"]) / per_hour(best);
            let once = allowance["kind"] == "grant";
            let period = if once { 1.0 } else { weeks(&allowance["per"]) };
            (
                ratio(&best["gpu"]).map(|r| gpu_hours * period * r),
                Some(best["gpu"].as_str().unwrap().to_owned()),
            )
        }
        "grant" => (
            ratio(&allowance["gpu"]).map(|r| hours(allowance) * count(allowance) * r),
            None,
        ),
        _ => (None, None),
    }
}

fn standing_of(kind: &str) -> Standing {
    match kind {
        "quota" | "credits" => Standing::Weekly,
        "grant" => Standing::Once,
        "none" => Standing::None,
        _ => Standing::Unknown,
    }
}

#[test]
fn every_platforms_figure_matches_the_method_worked_from_the_raw_file() {
    let file = raw();
    let data = dataset::embedded();
    for p in file["platforms"].as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let a = &p["gpu_allowance"];
        let platform = data.platform(id).unwrap();
        let figure = &platform.gpu_allowance.as_ref().unwrap().figure;
        let (expected, bought) = oracle(&file, a);
        let mut standing = standing_of(a["kind"].as_str().unwrap());
        if standing == Standing::Weekly && expected.is_none() {
            standing = Standing::Unknown;
        }
        assert_eq!(figure.standing, standing, "{id}");
        match (figure.t4_hours, expected) {
            (Some(got), Some(want)) => assert!(
                (got.to_f64() - want).abs() <= 0.0005,
                "{id}: {got:?} T4-h, the method gives {want}"
            ),
            (None, None) => {}
            (got, want) => panic!("{id}: {got:?} against {want:?}"),
        }
        assert_eq!(
            figure.bought.as_ref().map(|b| b.gpu.to_string()),
            bought.filter(|_| a["kind"] == "credits"),
            "{id}"
        );
        // The popover's arithmetic ends on the cell's figure.
        if let Some(h) = expected.filter(|_| standing == Standing::Weekly) {
            let shown = format!("{} T4-h/week", (h * 10.0).round() / 10.0);
            assert_eq!(figure.text, shown, "{id}");
            assert!(
                figure
                    .arithmetic
                    .text()
                    .unwrap()
                    .ends_with(&format!("= {shown}")),
                "{id}"
            );
        }
    }
}

#[test]
fn the_figures_worked_by_hand() {
    let data = dataset::embedded();
    let figure = |id: &str| {
        data.platform(id)
            .unwrap()
            .gpu_allowance
            .clone()
            .unwrap()
            .figure
    };
    // 30 h a week on two T4s.
    let kaggle = figure("kaggle");
    assert_eq!(kaggle.text, "60 T4-h/week");
    assert_eq!(
        kaggle.arithmetic.text(),
        Some("30 h/week × 2 T4 × 1 (65 ÷ 65 TFLOPS) = 60 T4-h/week")
    );
    // 4 h a day = 28 h a week on one T4.
    assert_eq!(figure("sagemaker-studio-lab").text, "28 T4-h/week");
    // 5 min a day × 7 ÷ 60 = 0.5833 h, × half a card × 503.8 ÷ 65 = 2.2606.
    let hf = figure("hf-spaces");
    assert_eq!(hf.t4_hours.unwrap().milli(), 2_261);
    assert_eq!(hf.text, "2.3 T4-h/week");
    // $30 ÷ ($0.001736 × 3600 = $6.2496/h) = 4.8003 h of B200 a month; × 336/1461 × 2250/65.
    let modal = figure("modal");
    assert_eq!(modal.t4_hours.unwrap().milli(), 38_214);
    assert!(modal
        .arithmetic
        .text()
        .unwrap()
        .contains("$6.2496/h (B200, the most compute per dollar)"));
    assert_eq!(modal.bought.as_ref().unwrap().hours.milli(), 4_800);
    // $15 ÷ $0.48/h = 31.25 h of L4 a month (121 TFLOPS for $0.48 beats B200's 2250 for $9.86).
    let lightning = figure("lightning-ai");
    assert_eq!(lightning.t4_hours.unwrap().milli(), 13_379);
    assert_eq!(lightning.bought.unwrap().gpu, "l4");
    // ModelScope's GPU is not named: hours once, no T4 equivalent.
    let modelscope = figure("modelscope-notebook");
    assert_eq!(
        (modelscope.standing, modelscope.t4_hours, &*modelscope.text),
        (Standing::Once, None, "36 h once")
    );
    // An unpublished limit stays unknown and says so; none gives its reason.
    let colab = figure("colab");
    assert_eq!(
        (colab.standing, colab.t4_hours, &*colab.text),
        (Standing::Unknown, None, "not published")
    );
    let deepnote = figure("deepnote");
    assert_eq!(
        (deepnote.standing, deepnote.t4_hours, &*deepnote.text),
        (Standing::None, None, "no free GPU")
    );
}

#[test]
fn a_conflicting_allowance_keeps_the_other_reading_with_its_own_figure() {
    let data = dataset::embedded();
    let a = data
        .platform("lightning-ai")
        .unwrap()
        .gpu_allowance
        .clone()
        .unwrap();
    let alt = a.alt.unwrap();
    // $5 once ÷ $0.48/h = 10.4167 h of L4 × 121 ÷ 65 = 19.391 T4-h, once.
    assert_eq!(alt.figure.standing, Standing::Once);
    assert_eq!(alt.figure.t4_hours.unwrap().milli(), 19_391);
    assert_eq!(alt.figure.text, "$5 once (≈ 19.4 T4-h)");
}

/// The popover's arithmetic, word for word, for each way a figure is worked out; every number
/// worked by hand in the comments.
#[test]
fn the_arithmetic_reads_as_worked_by_hand() {
    let data = dataset::embedded();
    let fixture = Dataset::parse(include_str!("fixtures/mini.json")).unwrap();
    let arithmetic = |data: &Dataset, id: &str, alt: bool| {
        let a = data.platform(id).unwrap().gpu_allowance.clone().unwrap();
        let a = if alt { (*a.alt.unwrap()).clone() } else { a };
        a.figure.arithmetic.text().unwrap().to_owned()
    };
    let cases = [
        // 4 h × 7 = 28 h a week, on one T4.
        (
            arithmetic(&data, "sagemaker-studio-lab", false),
            "4 h/day = 28 h/week × 1 T4 × 1 (65 ÷ 65 TFLOPS) = 28 T4-h/week",
        ),
        // 5 min × 7 ÷ 60 = 0.5833 h; × 0.5 × 503.8 ÷ 65 (7.7508) = 2.2606.
        (
            arithmetic(&data, "hf-spaces", false),
            "5 min/day = 0.58 h/week × 0.5 RTX PRO 6000 Blackwell × 7.75 (503.8 ÷ 65 TFLOPS) = 2.3 T4-h/week",
        ),
        // $15 ÷ $0.48 = 31.25 h a month; × 12 × 7 ÷ 365.25 = 7.1869 h a week; × 121 ÷ 65
        // (1.8615) = 13.379.
        (
            arithmetic(&data, "lightning-ai", false),
            "$15/month ÷ $0.48/h (L4, the most compute per dollar) = 31.25 h/month ≈ 7.19 h/week × 1.86 (121 ÷ 65 TFLOPS) = 13.4 T4-h/week",
        ),
        // $5 ÷ $0.48 = 10.4167 h once; × 1.8615 = 19.391.
        (
            arithmetic(&data, "lightning-ai", true),
            "$5 once ÷ $0.48/h (L4, the most compute per dollar) = 10.42 h × 1.86 (121 ÷ 65 TFLOPS) = 19.4 T4-h once",
        ),
        // $0.001736 × 3600 = $6.2496 an hour; $30 ÷ 6.2496 = 4.8003 h a month = 1.104 h a week;
        // × 2250 ÷ 65 (34.615) = 38.214.
        (
            arithmetic(&data, "modal", false),
            "$30/month ÷ $6.2496/h (B200, the most compute per dollar) = 4.8 h/month ≈ 1.1 h/week × 34.62 (2250 ÷ 65 TFLOPS) = 38.2 T4-h/week",
        ),
        (
            arithmetic(&data, "modelscope-notebook", false),
            "36 h once, on a GPU the vendor does not name: no T4 equivalent.",
        ),
        (
            arithmetic(&data, "colab", false),
            "Unknown: not published; Google uses dynamic usage limits.",
        ),
        (arithmetic(&data, "binder", false), "None: no GPU."),
        // The fixture: 12 h a week on a T4; 20 h once on a T4.
        (
            arithmetic(&fixture, "alpha", false),
            "12 h/week × 1 T4 × 1 (65 ÷ 65 TFLOPS) = 12 T4-h/week",
        ),
        (
            arithmetic(&fixture, "zeta", false),
            "20 h once × 1 T4 × 1 (65 ÷ 65 TFLOPS) = 20 T4-h once",
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
    // A quota on a GPU the vendor does not name has no T4 equivalent.
    let mut file = raw();
    allowance_of(&mut file, "kaggle")
        .as_object_mut()
        .unwrap()
        .remove("gpu");
    let data = Dataset::parse(&file.to_string()).unwrap();
    let kaggle = data
        .platform("kaggle")
        .unwrap()
        .gpu_allowance
        .clone()
        .unwrap();
    assert_eq!(
        (
            kaggle.figure.standing,
            kaggle.figure.t4_hours,
            &*kaggle.figure.text
        ),
        (Standing::Unknown, None, "GPU not published")
    );
    assert_eq!(
        kaggle.figure.arithmetic.text(),
        Some("30 h/week, on a GPU the vendor does not name: no T4 equivalent.")
    );
}

/// The page's statics carry each allowance's figure, not the prices it was worked out from: the
/// build empties every price list (an alt's too) and keeps the figures as they were.
#[test]
fn the_page_s_data_keeps_the_figures_and_drops_the_prices() {
    let full = dataset::embedded();
    let mut page = full.clone();
    page.drop_prices();
    let allowances = |data: &Dataset| {
        let mut all = Vec::new();
        for p in data.platforms.iter() {
            if let Some(a) = &p.gpu_allowance {
                all.push(a.clone());
                all.extend(a.alt.as_deref().cloned());
            }
        }
        all
    };
    let (before, after) = (allowances(&full), allowances(&page));
    // Every allowance the raw file prices (an alt's too: Lightning's other reading is a grant
    // of dollars) had its prices before.
    let priced_in_file = raw()["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| [&p["gpu_allowance"], &p["gpu_allowance"]["alt"]])
        .filter(|a| a.get("prices").is_some())
        .count();
    assert!(priced_in_file >= 3, "{priced_in_file}");
    assert_eq!(
        before.iter().filter(|a| !a.prices.is_empty()).count(),
        priced_in_file
    );
    assert_eq!(after.len(), before.len());
    for (was, now) in before.iter().zip(&after) {
        assert!(now.prices.is_empty(), "{now:?}");
        assert_eq!(now.figure, was.figure);
    }
}

/// The rank of a figure whichever the direction: values, then once, then none, then unknown.
fn tier(standing: Standing, hours: Option<f64>) -> u8 {
    match (standing, hours) {
        (Standing::Weekly, Some(_)) => 0,
        (Standing::Once, _) => 1,
        (Standing::None, _) => 2,
        _ => 3,
    }
}

#[test]
fn the_column_sorts_recurring_then_once_then_none_then_unknown_both_ways() {
    let data = dataset::embedded();
    let file = raw();
    let today = rows(&data, Era::Today);
    for direction in [Direction::Desc, Direction::Asc] {
        let mut sorted: Vec<&Row> = today.iter().collect();
        sorted.sort_by(|a, b| {
            Column::Compute
                .sort_key(a)
                .compare(&Column::Compute.sort_key(b), direction)
        });
        // Oracle keys from the raw file.
        let key = |r: &Row| {
            let p = file["platforms"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["id"] == *r.platform.id)
                .unwrap();
            let a = &p["gpu_allowance"];
            let (hours, _) = oracle(&file, a);
            let standing = standing_of(a["kind"].as_str().unwrap());
            (tier(standing, hours), hours)
        };
        let keys: Vec<_> = sorted.iter().map(|r| key(r)).collect();
        for pair in keys.windows(2) {
            let ((ta, ha), (tb, hb)) = (pair[0], pair[1]);
            assert!(ta <= tb, "{direction:?}: {keys:?}");
            if ta == tb && ta <= 1 {
                if let (Some(a), Some(b)) = (ha, hb) {
                    let in_order = match direction {
                        Direction::Desc => a >= b,
                        Direction::Asc => a <= b,
                    };
                    assert!(in_order, "{direction:?}: {keys:?}");
                } else {
                    // An unknown one-off amount comes after the known ones.
                    assert!(!(ha.is_none() && hb.is_some()), "{keys:?}");
                }
            }
        }
    }
    assert_eq!(Column::Compute.def().first, Direction::Desc);
    // The 2019 view has no figure: unknown.
    let then = rows(&data, Era::Y2019);
    assert!(then
        .iter()
        .all(|r| Column::Compute.sort_key(r) == free_ml_platforms::core::Key::Unknown));
}

#[test]
fn the_method_is_written_once_with_its_version() {
    assert_eq!(compute::METHOD_VERSION, 1);
    assert!(compute::METHOD.contains("(method 1)"));
    assert!(compute::LEGEND.contains(&format!("(method {})", compute::METHOD_VERSION)));
    // README wraps its lines: compare the words.
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let readme = words(include_str!("../README.md"));
    assert!(
        readme.contains(&words(compute::METHOD)),
        "README quotes the method word for word"
    );
}

fn index_of(rows: &[Row], id: &str) -> usize {
    rows.iter().position(|r| r.platform.id == id).unwrap()
}

#[test]
fn the_pick_names_the_most_compute_and_says_when_it_is_only_credits() {
    let data = dataset::embedded();
    let today = rows(&data, Era::Today);
    let all: Vec<usize> = (0..today.len()).collect();
    let pick = most_compute(&data, &today, &all).unwrap();
    assert_eq!(pick.label, "Most GPU compute a week");
    assert_eq!(pick.winners, [(index_of(&today, "kaggle"), None)]);
    assert_eq!(pick.value, "60 T4-h/week");
    // Without Kaggle, Modal's credits win, and the pick says what they buy.
    let shown: Vec<usize> = ["modal", "lightning-ai", "hf-spaces", "modelscope-notebook"]
        .iter()
        .map(|id| index_of(&today, id))
        .collect();
    let pick = most_compute(&data, &today, &shown).unwrap();
    assert_eq!(
        pick.winners,
        [(
            index_of(&today, "modal"),
            Some("on credits, ≈ 4.8 h/month on the NVIDIA B200".to_owned())
        )]
    );
    // A closed platform never wins (Studio Lab's 28 beats ZeroGPU's 2.3), nor does a one-off grant.
    let shown = [
        index_of(&today, "sagemaker-studio-lab"),
        index_of(&today, "hf-spaces"),
    ];
    assert_eq!(
        most_compute(&data, &today, &shown).unwrap().winners,
        [(index_of(&today, "hf-spaces"), None)]
    );
    let only_grant = [index_of(&today, "modelscope-notebook")];
    assert_eq!(most_compute(&data, &today, &only_grant), None);
    // "Biggest GPU": Modal's 192 GB is a B200 bought with its $30 (NVIDIA's table says 180 GB,
    // within a tenth), so the hours are named; Kaggle's T4s are a quota: nothing to add.
    let modal = &today[index_of(&today, "modal")];
    assert_eq!(
        card_on_credits(&data, modal).as_deref(),
        Some("on credits, ≈ 4.8 h/month on the NVIDIA B200")
    );
    assert_eq!(
        card_on_credits(&data, &today[index_of(&today, "kaggle")]),
        None
    );
    // Lightning's credits buy most compute on an L4 (24 GB) but its card is 16 GB: no hours named.
    assert_eq!(
        card_on_credits(&data, &today[index_of(&today, "lightning-ai")]).as_deref(),
        Some("on credits")
    );
}

/// The data file's problems after `edit`, each as its line.
fn problems_after(edit: impl FnOnce(&mut Json)) -> Vec<String> {
    common::problems_of(FILE, edit)
}

fn allowance_of<'a>(file: &'a mut Json, id: &str) -> &'a mut Json {
    let p = file["platforms"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == id)
        .unwrap();
    &mut p["gpu_allowance"]
}

/// Sets today's GPU value of platform `id` to `value`, from a source of the file, verified.
fn today_gpu(file: &mut Json, id: &str, mut value: Json) {
    let p = file["platforms"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == id)
        .unwrap();
    value["source"] = json!("deepnote-repo-hardware");
    value["confidence"] = json!("verified");
    p["snapshots"]["today"]["facts"]["gpu"] = value;
}

#[test]
fn a_broken_gpu_table_or_allowance_is_refused_with_its_place() {
    type Edit = Box<dyn FnOnce(&mut Json)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|f| allowance_of(f, "kaggle")["gpu"] = json!("k80")),
            "platform 'kaggle': field 'gpu_allowance': GPU 'k80' is not in the GPU table",
        ),
        (
            Box::new(|f| allowance_of(f, "modal")["prices"][0]["gpu"] = json!("v100")),
            "platform 'modal': field 'gpu_allowance': a price for GPU 'v100', which the GPU table lacks",
        ),
        (
            Box::new(|f| allowance_of(f, "modal")["prices"][1]["gpu"] = json!("t4")),
            "platform 'modal': field 'gpu_allowance': GPU 't4' is priced twice",
        ),
        (
            Box::new(|f| {
                allowance_of(f, "kaggle").as_object_mut().unwrap().remove("per");
            }),
            "platform 'kaggle': field 'gpu_allowance': kind 'quota' needs 'per'",
        ),
        (
            Box::new(|f| allowance_of(f, "deepnote")["amount"] = json!(3)),
            "platform 'deepnote': field 'gpu_allowance': 'amount' does not go with kind 'none'",
        ),
        (
            Box::new(|f| {
                allowance_of(f, "colab").as_object_mut().unwrap().remove("reason");
            }),
            "platform 'colab': field 'gpu_allowance': kind 'unpublished' needs 'reason'",
        ),
        (
            Box::new(|f| allowance_of(f, "hf-spaces")["count"] = json!(0)),
            "platform 'hf-spaces': field 'gpu_allowance': count is not above zero",
        ),
        (
            Box::new(|f| allowance_of(f, "kaggle")["unit"] = json!("s")),
            "platform 'kaggle': field 'gpu_allowance': a quota or grant is counted in 'h' or 'min', not 's'",
        ),
        (
            Box::new(|f| {
                allowance_of(f, "lightning-ai").as_object_mut().unwrap().remove("alt");
            }),
            "platform 'lightning-ai': field 'gpu_allowance': is conflicting but has no alt (the other source's reading)",
        ),
        (
            Box::new(|f| allowance_of(f, "kaggle")["alt"] = json!({"kind": "none", "reason": "x", "source": "kaggle-docs-notebooks", "confidence": "verified"})),
            "platform 'kaggle': field 'gpu_allowance': has an alt but is not conflicting",
        ),
        (
            Box::new(|f| allowance_of(f, "kaggle")["source"] = json!(["nowhere"])),
            "platform 'kaggle': field 'gpu_allowance': source 'nowhere' is not in the sources list",
        ),
        (
            Box::new(|f| {
                *allowance_of(f, "kaggle") = json!({"kind": "none", "reason": "no free GPU", "source": "kaggle-docs-notebooks", "confidence": "verified"})
            }),
            "platform 'kaggle': field 'gpu_allowance': kind 'none', but today's GPU value names a free GPU",
        ),
        (
            Box::new(|f| {
                *allowance_of(f, "deepnote") = json!({"kind": "unpublished", "reason": "not published", "source": "deepnote-repo-hardware", "confidence": "verified"})
            }),
            "platform 'deepnote': field 'gpu_allowance': kind 'unpublished', but today's GPU value says there is no free GPU",
        ),
        // Today's GPU value may say "no" as false or none, and "yes" as true, as well as a list.
        (
            Box::new(|f| {
                today_gpu(f, "deepnote", json!({"bool": false}));
                *allowance_of(f, "deepnote") = json!({"kind": "unpublished", "reason": "not published", "source": "deepnote-repo-hardware", "confidence": "verified"})
            }),
            "platform 'deepnote': field 'gpu_allowance': kind 'unpublished', but today's GPU value says there is no free GPU",
        ),
        (
            Box::new(|f| {
                today_gpu(f, "deepnote", json!({"none": "no GPU"}));
                *allowance_of(f, "deepnote") = json!({"kind": "unpublished", "reason": "not published", "source": "deepnote-repo-hardware", "confidence": "verified"})
            }),
            "platform 'deepnote': field 'gpu_allowance': kind 'unpublished', but today's GPU value says there is no free GPU",
        ),
        (
            Box::new(|f| {
                today_gpu(f, "kaggle", json!({"bool": true}));
                *allowance_of(f, "kaggle") = json!({"kind": "none", "reason": "no free GPU", "source": "kaggle-docs-notebooks", "confidence": "verified"})
            }),
            "platform 'kaggle': field 'gpu_allowance': kind 'none', but today's GPU value names a free GPU",
        ),
        (
            Box::new(|f| f["gpus"]["l4"]["tflops"] = json!(0)),
            "field 'gpu 'l4'': throughput 0 TFLOPS is not above zero",
        ),
        (
            Box::new(|f| f["gpus"]["l4"]["confidence"] = json!("conflicting")),
            "field 'gpu 'l4'': a GPU's figures cannot be conflicting: write the datasheet's and say why in the note",
        ),
        (
            Box::new(|f| {
                let t4 = f["gpus"].as_object_mut().unwrap().remove("t4").unwrap();
                f["gpus"]["T 4"] = t4;
            }),
            "field 'gpus': the GPU table has no 't4', the GPU every figure is counted in",
        ),
        (
            Box::new(|f| {
                let l4 = f["gpus"].as_object_mut().unwrap().remove("l4").unwrap();
                f["gpus"]["L4"] = l4;
            }),
            "field 'gpu 'L4'': id must be lowercase letters, digits and '-'",
        ),
        (
            Box::new(|f| f["gpus"]["l4"]["name"] = json!(" ")),
            "field 'gpu 'l4'': name is empty",
        ),
        (
            Box::new(|f| f["gpus"]["l4"]["memory"] = json!(0)),
            "field 'gpu 'l4'': memory 0 GB is not above zero",
        ),
        (
            Box::new(|f| f["gpus"]["l4"]["note"] = json!(" ")),
            "field 'gpu 'l4'': note is empty",
        ),
        (
            Box::new(|f| f["gpus"]["l4"]["source"] = json!([])),
            "field 'gpu 'l4'': has no source",
        ),
        (
            Box::new(|f| f["gpus"]["l4"]["source"] = json!(["nvidia-l4-datasheet", "nvidia-l4-datasheet"])),
            "field 'gpu 'l4'': source 'nvidia-l4-datasheet' is listed twice",
        ),
        (
            Box::new(|f| allowance_of(f, "kaggle")["amount"] = json!(0)),
            "platform 'kaggle': field 'gpu_allowance': amount is not above zero",
        ),
        (
            Box::new(|f| allowance_of(f, "modal")["usd"] = json!(0)),
            "platform 'modal': field 'gpu_allowance': usd is not above zero",
        ),
        (
            Box::new(|f| allowance_of(f, "modal")["prices"][0]["usd"] = json!(0)),
            "platform 'modal': field 'gpu_allowance': the price of GPU 't4' is not above zero",
        ),
        (
            Box::new(|f| allowance_of(f, "modal")["prices"][0]["source"] = json!(["nowhere"])),
            "platform 'modal': field 'gpu_allowance': source 'nowhere' is not in the sources list",
        ),
        (
            Box::new(|f| allowance_of(f, "colab")["reason"] = json!(" ")),
            "platform 'colab': field 'gpu_allowance': reason is empty",
        ),
        (
            Box::new(|f| allowance_of(f, "kaggle")["note"] = json!(" ")),
            "platform 'kaggle': field 'gpu_allowance': note is empty",
        ),
        (
            Box::new(|f| {
                let alt = &mut allowance_of(f, "lightning-ai")["alt"];
                alt["alt"] = alt.clone();
            }),
            "platform 'lightning-ai': field 'gpu_allowance': an alt cannot have an alt of its own",
        ),
        (
            Box::new(|f| allowance_of(f, "lightning-ai")["alt"]["confidence"] = json!("conflicting")),
            "platform 'lightning-ai': field 'gpu_allowance': an alt cannot itself be conflicting",
        ),
        (
            // The alt is checked as an allowance of its own.
            Box::new(|f| allowance_of(f, "lightning-ai")["alt"]["usd"] = json!(0)),
            "platform 'lightning-ai': field 'gpu_allowance': usd is not above zero",
        ),
    ];
    for (edit, expected) in cases {
        let problems = problems_after(edit);
        assert!(
            problems.iter().any(|p| p == expected),
            "expected {expected:?} among {problems:#?}"
        );
    }
}

/// Which keys go with which kind, as assets/DATA.md's table gives them: (required, optional);
/// a grant is of time, or of dollars when it has `usd`. `source`, `confidence` and `note` go
/// with every kind.
fn keys_of(kind: &str, has_usd: bool) -> (&'static [&'static str], &'static [&'static str]) {
    match (kind, has_usd) {
        ("quota", _) => (&["amount", "unit", "per"], &["gpu", "count"]),
        ("credits", _) => (&["usd", "per", "prices"], &[]),
        ("grant", false) => (&["amount", "unit"], &["gpu", "count"]),
        ("grant", true) => (&["usd", "prices"], &[]),
        ("unpublished", _) => (&["reason"], &["gpu"]),
        ("none", _) => (&["reason"], &[]),
        _ => panic!("kind {kind}"),
    }
}

/// Every key taken out of or put into an allowance of each kind (a grant of dollars is
/// Lightning's other reading): the build names exactly the keys the table says are missing or
/// do not go with the kind, in the order the keys are listed.
#[test]
fn each_kind_takes_the_keys_the_format_lists() {
    const KEYS: [&str; 8] = [
        "amount", "unit", "usd", "per", "gpu", "count", "prices", "reason",
    ];
    let sample = |key: &str| match key {
        "amount" => json!(3),
        "unit" => json!("h"),
        "usd" => json!(5),
        "per" => json!("week"),
        "gpu" => json!("t4"),
        "count" => json!(1),
        "prices" => json!([{"gpu": "t4", "usd": 0.5, "per": "h", "source": "modal-pricing"}]),
        _ => json!("a reason"),
    };
    let bases: [(&str, bool); 6] = [
        ("kaggle", false),
        ("modal", false),
        ("modelscope-notebook", false),
        ("lightning-ai", true),
        ("colab", false),
        ("deepnote", false),
    ];
    let mut kinds = BTreeSet::new();
    for (id, in_alt) in bases {
        for key in KEYS {
            let mut file = raw();
            let a = allowance_of(&mut file, id);
            let a = if in_alt { &mut a["alt"] } else { a };
            kinds.insert((a["kind"].to_string(), a.get("usd").is_some()));
            let object = a.as_object_mut().unwrap();
            if object.remove(key).is_none() {
                object.insert(key.to_owned(), sample(key));
            }
            let kind = a["kind"].as_str().unwrap().to_owned();
            let (required, optional) = keys_of(&kind, a.get("usd").is_some());
            let mut expected = Vec::new();
            for k in KEYS {
                let present = a.get(k).is_some();
                if present && !required.contains(&k) && !optional.contains(&k) {
                    expected.push(format!("'{k}' does not go with kind '{kind}'"));
                } else if !present && required.contains(&k) {
                    expected.push(format!("kind '{kind}' needs '{k}'"));
                }
            }
            let place = format!("platform '{id}': field 'gpu_allowance': ");
            let got: Vec<String> = match Dataset::parse(&file.to_string()) {
                Ok(_) => vec![],
                Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
            };
            let got: Vec<&str> = got
                .iter()
                .filter_map(|p| p.strip_prefix(&place))
                .filter(|p| p.contains("does not go with kind") || p.contains("' needs '"))
                .collect();
            assert_eq!(got, expected, "{id}, {key} toggled");
        }
    }
    // Every kind was tried, and a grant both of time and of dollars.
    assert_eq!(kinds.len(), 6, "{kinds:?}");
}

#[test]
fn a_price_finer_than_a_millionth_is_a_structural_error_with_its_path() {
    let problems =
        problems_after(|f| allowance_of(f, "modal")["prices"][0]["usd"] = json!(0.0001641));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("gpu_allowance.prices[0].usd"),
        "{problems:?}"
    );
    assert!(
        problems[0].contains("more than six decimals"),
        "{problems:?}"
    );
}

/// The oracle of a filter on a platform, from the raw file: whether it passes.
fn passes_raw(p: &Json, hider: Hider) -> bool {
    let fact = |id: &str| {
        let today = &p["snapshots"]["today"]["facts"][id];
        if today.is_null() {
            p["snapshots"]["2019"]["facts"][id].clone()
        } else {
            today.clone()
        }
    };
    match hider {
        Hider::Filter(Filter::Open) => p["status"]["state"] == "active",
        Hider::Filter(Filter::Feature(field)) => {
            let v = fact(field.id());
            match field.def().feature.unwrap().test {
                Test::Has => {
                    v["bool"] == true || v["list"].as_array().is_some_and(|l| !l.is_empty())
                }
                Test::Lacks => v["bool"] == false,
                Test::Includes(item) => v["list"]
                    .as_array()
                    .is_some_and(|l| l.iter().any(|x| x == item)),
            }
        }
        Hider::Minimum(field, min) => {
            let v = fact(field.id());
            let Some(n) = v["number"].as_f64() else {
                return false;
            };
            let (times, per) = match v["unit"].as_str().unwrap() {
                "MB" => (1.0, 1000.0),
                "min" => (1.0, 60.0),
                "h/day" => (7.0, 1.0),
                "h/month" => (336.0, 1461.0),
                "min/day" => (7.0, 60.0),
                _ => (1.0, 1.0),
            };
            ((n * times / per) * 1000.0).round() / 1000.0 >= f64::from(min)
        }
    }
}

/// A small deterministic generator, so a failure names its case.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

#[test]
fn the_left_out_list_names_each_hidden_platform_its_first_failing_filter_and_what_clears_it() {
    let data = dataset::embedded();
    let file = raw();
    let today = rows(&data, Era::Today);
    let raw_of = |r: &Row| {
        file["platforms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == *r.platform.id)
            .unwrap()
            .clone()
    };
    let boxes: Vec<Filter> = Filter::all().collect();
    let steps: Vec<(Field, u32)> = threshold_fields()
        .flat_map(|f| f.def().steps.iter().map(move |&s| (f, s)))
        .collect();
    let mut rng = Lcg(21);
    let mut checked = 0;
    // Every set of boxes, each with a few steps drawn at random.
    for set in 0..1u32 << boxes.len() {
        let mut state = State::default();
        for (i, b) in boxes.iter().enumerate() {
            if set & (1 << i) != 0 {
                state = state.apply(free_ml_platforms::core::Action::Toggle(*b));
            }
        }
        for _ in 0..rng.next(3) {
            let (field, min) = steps[rng.next(steps.len())];
            state = state.apply(free_ml_platforms::core::Action::SetMinimum(
                field,
                Some(min),
            ));
        }
        let hiders: Vec<Hider> = Hider::all(&state).collect();
        let out = left_out(&state, &today);
        let shown = state.visible(&today);
        // Exactly the rows not shown, each once.
        let mut listed: Vec<usize> = out.iter().map(|l| l.row).collect();
        listed.sort_unstable();
        let hidden: Vec<usize> = (0..today.len()).filter(|i| !shown.contains(i)).collect();
        assert_eq!(listed, hidden, "{state:?}");
        for l in &out {
            let p = raw_of(&today[l.row]);
            let failing: Vec<Hider> = hiders
                .iter()
                .copied()
                .filter(|&h| !passes_raw(&p, h))
                .collect();
            assert_eq!(l.hiders, failing, "{}: {state:?}", p["id"]);
            assert_eq!(l.first, failing[0]);
            assert_reason(&p, l.first, &l.reason);
            // Clearing just those shows it, and keeps every other filter.
            let cleared = l.shown_in(&state);
            assert!(cleared.visible(&today).contains(&l.row));
            let kept: Vec<Hider> = Hider::all(&cleared).collect();
            let expected: Vec<Hider> = hiders
                .iter()
                .copied()
                .filter(|h| !failing.contains(h))
                .collect();
            assert_eq!(kept, expected);
            checked += 1;
        }
    }
    assert!(checked > 10_000, "only {checked} hidden rows checked");
}

/// The reason's words, from the raw value.
fn assert_reason(p: &Json, first: Hider, reason: &str) {
    let facts = &p["snapshots"]["today"]["facts"];
    // The label's first letter lowered unless a capital or a space follows it ("R language").
    let lower_first = |s: &str| {
        let b = s.as_bytes();
        if b.len() > 1 && b[1].is_ascii_lowercase() {
            s[..1].to_ascii_lowercase() + &s[1..]
        } else {
            s.to_owned()
        }
    };
    let id = &p["id"];
    match first {
        Hider::Filter(Filter::Open) => {
            let state = p["status"]["state"].as_str().unwrap();
            let since = p["status"]["since"].as_str().unwrap();
            let word = if state == "closed" {
                "closed to new users"
            } else {
                "retired"
            };
            assert_eq!(reason, format!("{word} since {since}"), "{id}");
        }
        Hider::Filter(filter @ Filter::Feature(field)) => {
            let v = &facts[field.id()];
            let expected = if v.get("unknown").is_some() {
                format!(
                    "{} unknown, so not counted as {}",
                    field.label(),
                    lower_first(filter.label())
                )
            } else if let Some(none) = v["none"].as_str() {
                none.to_owned()
            } else if field.def().feature.unwrap().test == Test::Lacks {
                format!("{}: yes", field.label())
            } else {
                let no = format!("no {}", lower_first(filter.label()));
                assert!(reason.starts_with(&no), "{id}: {reason}");
                return;
            };
            assert_eq!(reason, expected, "{id}");
        }
        Hider::Minimum(field, min) => {
            let v = &facts[field.id()];
            let unit = match field {
                Field::GpuQuota => "h/week",
                Field::Session => "h",
                _ => "GB",
            };
            if v.get("unknown").is_some() {
                assert_eq!(
                    reason,
                    format!(
                        "{} unknown, so not counted as at least {min} {unit}",
                        field.label()
                    ),
                    "{id}"
                );
            } else if let Some(none) = v["none"].as_str() {
                assert_eq!(reason, none, "{id}");
            } else {
                assert!(
                    reason.starts_with(&format!("{} ", field.label())),
                    "{id}: {reason}"
                );
                assert!(reason.contains(&v["number"].to_string()), "{id}: {reason}");
                assert!(
                    reason.ends_with(&format!(", below {min} {unit}")),
                    "{id}: {reason}"
                );
            }
        }
    }
}

#[test]
fn the_issues_examples_read_as_written() {
    let data = dataset::embedded();
    let today = rows(&data, Era::Today);
    let state = State::default().apply(free_ml_platforms::core::Action::SetMinimum(
        Field::Ram,
        Some(16),
    ));
    let out = left_out(&state, &today);
    let reason = |id: &str| {
        out.iter()
            .find(|l| today[l.row].platform.id == id)
            .map(|l| l.reason.clone())
    };
    assert_eq!(reason("colab").as_deref(), Some("RAM 12.7 GB, below 16 GB"));
    assert_eq!(
        reason("lightning-ai").as_deref(),
        Some("RAM unknown, so not counted as at least 16 GB")
    );
    let state = State::default().apply(free_ml_platforms::core::Action::Toggle(Filter::Feature(
        Field::Gpu,
    )));
    let out = left_out(&state, &today);
    let deepnote = out
        .iter()
        .find(|l| today[l.row].platform.id == "deepnote")
        .unwrap();
    assert_eq!(deepnote.reason, "no free GPU");
}

#[test]
fn the_fixture_carries_one_allowance_of_each_kind() {
    let data = Dataset::parse(include_str!("fixtures/mini.json")).unwrap();
    let figure = |id: &str| {
        data.platform(id)
            .unwrap()
            .gpu_allowance
            .clone()
            .unwrap()
            .figure
    };
    assert_eq!(figure("alpha").text, "12 T4-h/week");
    // $10 a month: a T4 gives 65 TFLOPS for $0.50, an A10 125 for $1: the T4 wins (130 > 125).
    // 20 h a month × 336/1461 = 4.5996 T4-h a week.
    let epsilon = figure("epsilon");
    assert_eq!(epsilon.bought.as_ref().unwrap().gpu, "t4");
    assert_eq!(epsilon.t4_hours.unwrap().milli(), 4_600);
    assert_eq!(figure("zeta").text, "20 h once (≈ 20 T4-h)");
    assert_eq!(figure("beta").standing, Standing::None);
}

/// A quota by the month, and one large enough that thousandths of a T4-hour show any slip in
/// the arithmetic (a week's hours over 3,600,001 seconds instead of 3,600,000, say).
#[test]
fn a_monthly_quota_and_a_large_one_to_the_thousandth() {
    let figure = |quota: Json| {
        let mut file = raw();
        let a = allowance_of(&mut file, "kaggle");
        for (key, value) in quota.as_object().unwrap() {
            a[key] = value.clone();
        }
        let data = Dataset::parse(&file.to_string()).unwrap();
        data.platform("kaggle")
            .unwrap()
            .gpu_allowance
            .clone()
            .unwrap()
            .figure
    };
    // 10 h a month × 12 × 7 ÷ 365.25 = 2.29979 h a week, on one T4 (count 1).
    let monthly = figure(json!({"amount": 10, "per": "month", "gpu": "t4", "count": 1}));
    assert_eq!(monthly.t4_hours.unwrap().milli(), 2_300);
    assert_eq!(
        monthly.arithmetic.text(),
        Some("10 h/month = 2.3 h/week × 1 T4 × 1 (65 ÷ 65 TFLOPS) = 2.3 T4-h/week")
    );
    // 168 h a week × 8 B200s × 2250 ÷ 65 = 46,523.0769 T4-h.
    let large = figure(json!({"amount": 168, "per": "week", "gpu": "b200", "count": 8}));
    assert_eq!(large.t4_hours.unwrap().milli(), 46_523_077);
}

/// Credits go to the most TFLOPS per dollar-hour, and on a tie to the GPU listed first: a T4 at
/// $0.52 (65 ÷ 0.52 = 125) ties an A10 at $1 (125 ÷ 1), either way round.
#[test]
fn credits_on_a_tie_buy_the_gpu_listed_first() {
    let bought = |prices: Json| {
        let mut file: Json = serde_json::from_str(include_str!("fixtures/mini.json")).unwrap();
        let epsilon = file["platforms"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|p| p["id"] == "epsilon")
            .unwrap();
        epsilon["gpu_allowance"]["prices"] = prices;
        let data = Dataset::parse(&file.to_string()).unwrap();
        let a = data.platform("epsilon").unwrap().gpu_allowance.clone();
        let b = a.unwrap().figure.bought.unwrap();
        // $10 a month ÷ the winner's price an hour.
        (b.gpu.to_string(), b.hours.milli())
    };
    let t4 = json!({"gpu": "t4", "usd": 0.52, "per": "h", "source": "doc"});
    let a10 = json!({"gpu": "a10", "usd": 1, "per": "h", "source": "doc"});
    // 10 ÷ 0.52 = 19.2308 h; 10 ÷ 1 = 10 h.
    assert_eq!(bought(json!([t4, a10])), ("t4".to_owned(), 19_231));
    assert_eq!(bought(json!([a10, t4])), ("a10".to_owned(), 10_000));
}

/// The words for a list that lacks the item a box asks for, written out by hand: the list in
/// brackets when it has items, nothing after "no R language" when it is empty.
#[test]
fn a_list_without_the_item_reads_its_items_and_an_empty_list_reads_none() {
    let mut file: Json = serde_json::from_str(include_str!("fixtures/mini.json")).unwrap();
    let epsilon = file["platforms"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == "epsilon")
        .unwrap();
    epsilon["snapshots"]["today"]["facts"]["languages"]["list"] = json!([]);
    let data = Dataset::parse(&file.to_string()).expect("valid");
    let today = rows(&data, Era::Today);
    let state = State::default().apply(free_ml_platforms::core::Action::Toggle(Filter::Feature(
        Field::Languages,
    )));
    let reasons: Vec<(String, String)> = left_out(&state, &today)
        .into_iter()
        .map(|l| (today[l.row].platform.id.to_string(), l.reason))
        .collect();
    // "R language" keeps its capital: a single letter is a name, not a word to lower.
    let has = |id: &str, reason: &str| reasons.iter().any(|(i, r)| i == id && r == reason);
    assert!(has("alpha", "no R language (Python)"), "{reasons:?}");
    assert!(has("epsilon", "no R language"), "{reasons:?}");
}
