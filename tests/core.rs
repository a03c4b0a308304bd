//! The headless table's rules on the fixture (tests/fixtures/mini.json), checked against values
//! computed by hand and against an oracle written here from the raw JSON, independent of the
//! crate's own unit table, key and filter code.

use free_ml_platforms::core::compare::marks;
use free_ml_platforms::core::{export, Row};
use free_ml_platforms::core::{
    rows, Action, Column, ColumnSet, Direction, Filter, FilterSet, Minimums, Preset, SortKey, State,
};
use free_ml_platforms::dataset::{Dataset, Dimension, Era, Field, Unit};
use serde_json::Value as Json;
use std::cmp::Ordering;

mod common;
use common::{verified, FIXTURE};

fn fixture() -> Dataset {
    Dataset::parse(FIXTURE).expect("the fixture is valid")
}

fn order(data: &Dataset, state: &State) -> Vec<String> {
    let rows = rows(data, state.era);
    state
        .visible(&rows)
        .iter()
        .map(|&i| rows[i].platform.id.to_string())
        .collect()
}

fn sorted_by(keys: &[(Column, Direction)]) -> State {
    State {
        sort: keys
            .iter()
            .map(|&(column, direction)| SortKey { column, direction })
            .collect(),
        ..State::default()
    }
}

use Direction::{Asc, Desc};
const fn col(field: Field) -> Column {
    Column::Fact(field)
}

#[test]
fn every_unit_converts_to_its_canonical_unit() {
    // (written, expected in GB / hours / hours a week / cores), worked out by hand.
    let table = [
        (r#"1, "unit": "GB""#, 1.0),
        (r#"512, "unit": "MB""#, 0.512),
        (r#"3, "unit": "h""#, 3.0),
        (r#"90, "unit": "min""#, 1.5),
        (r#"30, "unit": "h/week""#, 30.0),
        (r#"4, "unit": "h/day""#, 28.0),
        // 100 h a month: a month is 365.25 / 12 days, so 100 · 7 · 12 / 365.25 h a week.
        (r#"100, "unit": "h/month""#, 22.997_946_611_909_65),
        (r#"300, "unit": "min/day""#, 35.0),
        (r#"4, "unit": "cores""#, 4.0),
    ];
    for (written, expected) in table {
        let q = verified(&format!(r#""number": {written}"#))
            .quantity()
            .expect("a quantity");
        // Kept in thousandths, rounded to the nearest.
        let expected = (expected * 1000.0_f64).round() as i64;
        assert_eq!(q.canonical().milli(), expected, "{written}");
    }
    let dimensions = [
        Dimension::Data,
        Dimension::Time,
        Dimension::Quota,
        Dimension::Cores,
    ];
    let units: usize = dimensions.iter().map(|d| Unit::of(*d).count()).sum();
    assert_eq!(units, table.len(), "every unit has a row above");
}

#[test]
fn gpu_time_sorts_across_four_units() {
    let data = fixture();
    // alpha 300 min/day = 35 h/week; epsilon 30 h/week; delta 4 h/day = 28; zeta 100 h/month ≈ 23;
    // beta none; gamma unknown (its 2019 value).
    assert_eq!(
        order(&data, &sorted_by(&[(col(Field::GpuQuota), Desc)])),
        ["alpha", "epsilon", "delta", "zeta", "beta", "gamma"]
    );
    assert_eq!(
        order(&data, &sorted_by(&[(col(Field::GpuQuota), Asc)])),
        ["zeta", "delta", "epsilon", "alpha", "beta", "gamma"]
    );
}

#[test]
fn ram_sorts_in_gigabytes_with_unknown_last() {
    let data = fixture();
    // zeta 16 GB, alpha 12.7, delta 1–2 (sorts as 2), epsilon 512 MB, beta unknown; gamma (4 GB
    // in 2019) is retired, so last whatever the sort.
    assert_eq!(
        order(&data, &sorted_by(&[(col(Field::Ram), Desc)])),
        ["zeta", "alpha", "delta", "epsilon", "beta", "gamma"]
    );
    assert_eq!(
        order(&data, &sorted_by(&[(col(Field::Ram), Asc)])),
        ["epsilon", "delta", "alpha", "zeta", "beta", "gamma"]
    );
    // In 2019 gamma still ran: it sorts by its 4 GB.
    let then = State {
        era: Era::Y2019,
        ..sorted_by(&[(col(Field::Ram), Desc)])
    };
    assert_eq!(order(&data, &then), ["alpha", "gamma", "delta"]);
}

#[test]
fn session_compares_hours_and_minutes_and_breaks_ties_by_name() {
    let data = fixture();
    // delta up to 24 h (2019), alpha up to 12 h, beta 720 min = 12 h ("alpha" < "beta"),
    // epsilon 9 h or more, zeta unknown, and gamma (8 h) retired: last.
    assert_eq!(
        order(&data, &sorted_by(&[(col(Field::Session), Desc)])),
        ["delta", "alpha", "beta", "epsilon", "zeta", "gamma"]
    );
}

#[test]
fn none_sorts_after_values_and_before_unknown_both_ways() {
    let data = fixture();
    // GPU memory: epsilon 24, zeta 16, alpha 15, beta none, delta and gamma unknown.
    assert_eq!(
        order(&data, &sorted_by(&[(col(Field::GpuMemory), Desc)])),
        ["epsilon", "zeta", "alpha", "beta", "delta", "gamma"]
    );
    assert_eq!(
        order(&data, &sorted_by(&[(col(Field::GpuMemory), Asc)])),
        ["alpha", "zeta", "epsilon", "beta", "delta", "gamma"]
    );
}

#[test]
fn status_yes_no_and_list_columns_have_their_own_order() {
    let data = fixture();
    assert_eq!(
        order(&data, &sorted_by(&[(Column::Status, Desc)])),
        ["alpha", "beta", "epsilon", "zeta", "delta", "gamma"],
        "open, then closed, then retired"
    );
    assert_eq!(
        order(&data, &sorted_by(&[(Column::Status, Asc)])),
        ["delta", "alpha", "beta", "epsilon", "zeta", "gamma"],
        "closed first, but the retired one stays last"
    );
    // Card: no (alpha, delta), yes (beta, epsilon), none (zeta); gamma (no) retired.
    assert_eq!(
        order(&data, &sorted_by(&[(col(Field::Card), Asc)])),
        ["alpha", "delta", "beta", "epsilon", "zeta", "gamma"]
    );
    // Languages by count: 3 (delta), 2 (beta, zeta), 1 (alpha, epsilon); gamma (3) retired.
    assert_eq!(
        order(&data, &sorted_by(&[(col(Field::Languages), Desc)])),
        ["delta", "beta", "zeta", "alpha", "epsilon", "gamma"]
    );
    assert_eq!(
        order(&data, &sorted_by(&[(Column::Verified, Desc)])),
        ["epsilon", "zeta", "alpha", "delta", "beta", "gamma"],
        "2026-11-01 ×2, 2026-10-01, 2026-09-01, 2025-06-01, 2019-01-22"
    );
}

#[test]
fn a_second_key_orders_the_ties_of_the_first() {
    let data = fixture();
    // Card no → by RAM: alpha 12.7, delta 2; card yes: epsilon 0.512, beta unknown; none: zeta;
    // then retired gamma.
    let s = sorted_by(&[(col(Field::Card), Asc), (col(Field::Ram), Desc)]);
    assert_eq!(
        order(&data, &s),
        ["alpha", "delta", "epsilon", "beta", "zeta", "gamma"]
    );
    assert_eq!(
        s.summary(6, 6),
        "Sorted by Card needed, no first, then RAM, largest first. 6 of 6 platforms shown."
    );
}

#[test]
fn first_click_sorts_the_useful_way_and_shift_adds_keys() {
    let ram = col(Field::Ram);
    let s = State::default().apply(Action::Sort(ram));
    assert_eq!(
        s.sort,
        [SortKey {
            column: ram,
            direction: Desc
        }]
    );
    let s = s.apply(Action::Sort(ram));
    assert_eq!(
        s.sort,
        [SortKey {
            column: ram,
            direction: Asc
        }],
        "second click reverses"
    );
    let card = State::default().apply(Action::Sort(col(Field::Card)));
    assert_eq!(card.sort[0].direction, Asc, "requirements sort 'no' first");
    let session = col(Field::Session);
    let multi = s.apply(Action::AddSort(session));
    assert_eq!(
        multi.sort,
        [
            SortKey {
                column: ram,
                direction: Asc
            },
            SortKey {
                column: session,
                direction: Desc
            }
        ]
    );
    let flipped = multi.clone().apply(Action::AddSort(ram));
    assert_eq!(
        flipped.sort[0],
        SortKey {
            column: ram,
            direction: Desc
        },
        "shift on a key reverses it in place"
    );
    // A plain click on one of several keys makes it the only key, its useful way first.
    assert_eq!(
        multi.clone().apply(Action::Sort(session)).sort,
        [SortKey {
            column: session,
            direction: Desc
        }]
    );
    // At most three keys: a fourth replaces the third.
    let four = multi
        .apply(Action::AddSort(Column::Name))
        .apply(Action::AddSort(Column::Status));
    let columns: Vec<Column> = four.sort.iter().map(|k| k.column).collect();
    assert_eq!(columns, [ram, session, Column::Status]);
}

#[test]
fn the_sort_control_sets_and_removes_keys_without_repeats() {
    let ram = SortKey {
        column: col(Field::Ram),
        direction: Desc,
    };
    let name = SortKey {
        column: Column::Name,
        direction: Asc,
    };
    let s = State::default().apply(Action::SetSortKey(1, Some(ram)));
    assert_eq!(s.sort, [name, ram]);
    let s = s.apply(Action::SetSortKey(0, Some(ram)));
    assert_eq!(s.sort, [ram], "the same column further down is dropped");
    assert_eq!(
        s.clone().apply(Action::SetSortKey(0, None)),
        s,
        "the primary key stays"
    );
    let two = s.apply(Action::SetSortKey(1, Some(name)));
    assert_eq!(two.clone().apply(Action::SetSortKey(1, None)).sort, [ram]);
}

#[test]
fn boxes_need_every_ticked_feature_and_unknown_or_none_never_count() {
    let data = fixture();
    let with = |fs: &[Filter]| {
        let s = State {
            filters: fs.iter().copied().collect(),
            ..State::default()
        };
        order(&data, &s)
    };
    let f = Filter::Feature;
    assert_eq!(with(&[f(Field::Gpu)]), ["alpha", "epsilon", "zeta"]);
    assert_eq!(
        with(&[f(Field::Tpu)]),
        ["alpha"],
        "false, [] and none are not a TPU"
    );
    assert_eq!(
        with(&[f(Field::Languages)]),
        ["beta", "delta", "zeta", "gamma"]
    );
    assert_eq!(
        with(&[f(Field::Languages), f(Field::Terminal)]),
        ["beta", "gamma"]
    );
    assert_eq!(
        with(&[f(Field::Card)]),
        ["alpha", "delta", "gamma"],
        "none is not 'no card'"
    );
    assert_eq!(with(&[Filter::Open]), ["alpha", "beta", "epsilon", "zeta"]);
    assert_eq!(
        with(&[f(Field::Phone)]),
        ["alpha"],
        "unknown is not 'no phone check'"
    );
    assert!(with(&[f(Field::Gpu), f(Field::Tpu), f(Field::Languages)]).is_empty());
}

#[test]
fn minimums_keep_known_values_at_or_above_the_step() {
    let data = fixture();
    let at_least = |field: Field, min: u32| {
        let s = State::default().apply(Action::SetMinimum(field, Some(min)));
        order(&data, &s)
    };
    assert_eq!(
        at_least(Field::Ram, 4),
        ["alpha", "zeta", "gamma"],
        "4 GB exactly meets 4"
    );
    assert_eq!(at_least(Field::Ram, 16), ["zeta"]);
    assert_eq!(
        at_least(Field::Session, 9),
        ["alpha", "beta", "delta", "epsilon"]
    );
    assert_eq!(
        at_least(Field::Session, 12),
        ["alpha", "beta", "delta"],
        "720 min meets 12 h"
    );
    assert_eq!(at_least(Field::GpuQuota, 30), ["alpha", "epsilon"]);
    assert_eq!(
        at_least(Field::GpuQuota, 20),
        ["alpha", "delta", "epsilon", "zeta"]
    );
    assert_eq!(at_least(Field::GpuMemory, 16), ["epsilon", "zeta"]);
    let with_steps: Vec<Field> = free_ml_platforms::core::threshold_fields().collect();
    assert_eq!(
        with_steps,
        [
            Field::GpuMemory,
            Field::GpuQuota,
            Field::Ram,
            Field::Session
        ]
    );
    // Only the field's own steps are taken.
    let s = State::default().apply(Action::SetMinimum(Field::Ram, Some(10)));
    assert!(s.minimums.is_empty());
    let s = State::default().apply(Action::SetMinimum(Field::Idle, Some(4)));
    assert!(s.minimums.is_empty(), "idle has no steps");
}

#[test]
fn columns_and_compare_choices() {
    let s = State::default();
    assert_eq!(s.columns, Preset::Essentials.columns());
    let shown: Vec<&str> = s.columns.iter().map(Column::id).collect();
    assert_eq!(
        shown,
        [
            "name",
            "gpu",
            "gpu_quota",
            "compute",
            "ram",
            "session",
            "idle",
            "card",
            "phone"
        ]
    );
    assert_eq!(
        s.clone().apply(Action::ToggleColumn(Column::Name)),
        s,
        "the name stays"
    );
    let custom = s.clone().apply(Action::ToggleColumn(col(Field::Idle)));
    assert!(!custom.columns.contains(col(Field::Idle)) && custom.columns.preset().is_none());
    // The fields, and the name, the status, GPU compute and the two dates.
    let columns = common::field_ids().len() + 5;
    assert_eq!(Preset::All.columns().iter().count(), columns);
    // Column bits and cell slots follow declaration order: every field once, in field order,
    // GPU compute right after GPU time.
    assert!(Column::all().enumerate().all(|(i, c)| c.index() == i));
    let facts: Vec<Field> = Column::all()
        .filter_map(|c| match c {
            Column::Fact(f) => Some(f),
            _ => None,
        })
        .collect();
    assert_eq!(facts, Field::all().collect::<Vec<_>>());
    let ids: Vec<&str> = Column::all().map(Column::id).collect();
    let at = |id: &str| ids.iter().position(|i| *i == id).unwrap();
    assert_eq!(at("compute"), at("gpu_quota") + 1);
    assert_eq!((ids[0], ids[1]), ("name", "status"));
    assert_eq!(&ids[ids.len() - 2..], ["verified", "changed"]);
    assert!(Field::all().enumerate().all(|(i, f)| f as usize == i));
    let mut c = State::default();
    for id in ["a", "b", "c", "d", "e"] {
        c = c.apply(Action::ToggleCompare(id.into()));
    }
    assert_eq!(c.compare, ["a", "b", "c", "d"], "four fit side by side");
    assert_eq!(
        c.apply(Action::ToggleCompare("b".into())).compare,
        ["a", "c", "d"]
    );
}

#[test]
fn compare_marks_differences_and_the_best_by_each_columns_rule() {
    let data = fixture();
    let rows = rows(&data, Era::Today);
    let get = |id: &str| rows.iter().find(|r| r.platform.id == id).unwrap();
    let (alpha, beta) = (get("alpha"), get("beta"));
    let pair = [alpha, beta];
    let m = |field| marks(col(field), &pair);
    assert_eq!(
        (m(Field::Ram).differ, m(Field::Ram).best),
        (true, vec![false, false]),
        "12.7 GB vs unknown: nothing known is worse"
    );
    // Only amounts are ranked: yes/no and lists (GPU or TPU models, languages) differ, none best.
    assert_eq!(
        (m(Field::Card).differ, m(Field::Card).best),
        (true, vec![false, false]),
        "card or not is not an amount"
    );
    assert_eq!(
        (m(Field::Languages).differ, m(Field::Languages).best),
        (true, vec![false, false]),
        "a list of languages is not an amount"
    );
    assert_eq!(m(Field::GpuMemory).best, [true, false], "15 GB beats none");
    assert_eq!(
        (m(Field::Internet).differ, m(Field::Internet).best),
        (false, vec![false, false])
    );
    // alpha 12 h (up to) and beta 720 min: the same amount in other words; neither is better.
    assert_eq!(
        (m(Field::Session).differ, m(Field::Session).best),
        (true, vec![false, false])
    );
    // The platform's own columns differ by key: both open; verified on different days, none best.
    let status = marks(Column::Status, &pair);
    assert_eq!((status.differ, status.best), (false, vec![false, false]));
    let verified = marks(Column::Verified, &pair);
    assert_eq!((verified.differ, verified.best), (true, vec![false, false]));
    let (epsilon, zeta) = (get("epsilon"), get("zeta"));
    let gpus = marks(col(Field::GpuQuota), &[alpha, epsilon, zeta, beta]);
    assert_eq!(
        gpus.best,
        [true, false, false, false],
        "35 h/week is the most"
    );
}

#[test]
fn the_url_holds_every_choice_in_a_readable_form() {
    let mut s = State::default()
        .apply(Action::SetEra(Era::Y2019))
        .apply(Action::Sort(col(Field::GpuQuota)))
        .apply(Action::AddSort(col(Field::Ram)))
        .apply(Action::Toggle(Filter::Feature(Field::Gpu)))
        .apply(Action::Toggle(Filter::Feature(Field::Languages)))
        .apply(Action::SetMinimum(Field::Ram, Some(16)))
        .apply(Action::SetMinimum(Field::Session, Some(9)))
        .apply(Action::ShowColumns(Preset::Hardware.columns()));
    s = s
        .apply(Action::ToggleCompare("colab".into()))
        .apply(Action::ToggleCompare("kaggle".into()));
    let q =
        "era=2019&sort=-gpu_quota,-ram&f=gpu,r&min=ram:16,session:9&cols=hardware&cmp=colab,kaggle";
    assert_eq!(s.to_query(), q);
    assert_eq!(State::from_query(q), s);
    assert_eq!(State::from_query(&format!("?{q}")), s);
    let custom: ColumnSet = [col(Field::Ram), col(Field::Session)].into_iter().collect();
    let c = State::default().apply(Action::ShowColumns(custom));
    assert_eq!(c.to_query(), "cols=ram,session");
    assert_eq!(State::default().to_query(), "");
    // Escaped forms decode: %2C is a comma, %65 an 'e'.
    assert_eq!(
        State::from_query("f=gpu%2Cr&%65ra=2019")
            .filters
            .iter()
            .count(),
        2
    );
    assert_eq!(State::from_query("%65ra=2019").era, Era::Y2019);
}

#[test]
fn other_parameters_are_kept_as_written() {
    let s = State::from_query("?utm_source=blog&sort=-ram&f=gpu,r&era=2019");
    assert_eq!(
        s.merge_into_query("?utm_source=a+b%20c&sort=name&x&cmp=old"),
        "?utm_source=a+b%20c&x&era=2019&sort=-ram&f=gpu,r"
    );
    assert_eq!(State::default().merge_into_query("?sort=-ram"), "");
    assert_eq!(State::default().merge_into_query(""), "");
}

#[test]
fn garbage_in_the_url_is_ignored() {
    for q in [
        "?sort=",
        "?sort=-",
        "?sort=--ram",
        "?f=,,,nope",
        "?era=1999",
        "%",
        "?%zz=%",
        "&&==&",
        "?sort=ram%",
        "?min=ram",
        "?min=ram:abc",
        "?min=ram:10",
        "?min=idle:4",
        "?min=:16",
        "?cols=",
        "?cols=nope",
        "?cmp=Bad_Id,",
        "?era+=2019",
    ] {
        assert_eq!(State::from_query(q), State::default(), "{q}");
    }
    let s = State::from_query("?sort=bogus,-ram,ram&f=gpu,bogus&min=ram:16,ram:x&cmp=a,a,b");
    assert_eq!(
        s.sort,
        [SortKey {
            column: col(Field::Ram),
            direction: Desc
        }]
    );
    assert_eq!(
        s.filters.iter().collect::<Vec<_>>(),
        [Filter::Feature(Field::Gpu)]
    );
    assert_eq!(
        s.minimums.into_iter().collect::<Vec<_>>(),
        [(Field::Ram, 16)]
    );
    assert_eq!(s.compare, ["a", "b"]);
}

// ---- The oracle: the same rules, written again from the raw JSON. ----

/// A fixture platform as the oracle sees it in one era.
struct OracleRow {
    id: String,
    name: String,
    /// 2 open, 1 closed, 0 retired, as of the era.
    status: u8,
    as_of: String,
    facts: Vec<(String, Json)>,
    /// Today: the latest date in the platform's history.
    last_changed: Option<String>,
    /// "GPU compute a week": (rank, T4-hours), rank 0 weekly, 1 once, 2 none, 3 unknown.
    compute: (u8, f64),
}

/// The fixture's compute figures, worked by hand from its allowances (T4 65 TFLOPS, A10 125).
fn compute_by_hand(id: &str, era: Era) -> (u8, f64) {
    match (era, id) {
        (Era::Y2019, _) => (3, 0.0),
        // 12 h/week on one T4.
        (_, "alpha") => (0, 12.0),
        // $10/month: 20 h of T4 at $0.5 (20 T4-h) beats 10 h of A10 at $1 (10 × 125/65 = 19.2);
        // 20 h/month × 7 × 12 / 365.25 = 4.5996 a week.
        (_, "epsilon") => (0, 20.0 * 7.0 * 12.0 / 365.25),
        // 20 h once.
        (_, "zeta") => (1, 20.0),
        _ => (2, 0.0),
    }
}

fn oracle_rows(era: Era) -> Vec<OracleRow> {
    let json: Json = serde_json::from_str(FIXTURE).unwrap();
    let mut out = Vec::new();
    for p in json["platforms"].as_array().unwrap() {
        let then = &p["snapshots"]["2019"];
        let today = &p["snapshots"]["today"];
        let main = if era == Era::Today && !today.is_null() {
            today
        } else {
            then
        };
        if main.is_null() {
            continue;
        }
        let field_ids = common::field_ids();
        let facts = field_ids
            .iter()
            .map(|f| {
                let now = &today["facts"][f];
                let v = if era == Era::Today && !now.is_null() {
                    now
                } else {
                    &then["facts"][f]
                };
                (f.to_string(), v.clone())
            })
            .collect();
        let as_of = main["as_of"].as_str().unwrap().to_owned();
        let since = p["status"]["since"].as_str().unwrap_or("");
        let in_force = era == Era::Today || since <= as_of.as_str();
        let status = match p["status"]["state"].as_str().unwrap() {
            "closed" if in_force => 1,
            "retired" if in_force => 0,
            _ => 2,
        };
        out.push(OracleRow {
            id: p["id"].as_str().unwrap().into(),
            name: p["name"].as_str().unwrap().into(),
            status,
            as_of,
            facts,
            last_changed: p["history"]
                .as_array()
                .filter(|_| era == Era::Today)
                .and_then(|h| h.iter().filter_map(|c| c["date"].as_str()).max())
                .map(str::to_owned),
            compute: compute_by_hand(p["id"].as_str().unwrap(), era),
        });
    }
    out
}

/// (rank, number, text): rank 0 a value, 1 none, 2 unknown (compute: 0 weekly, 1 once, 2 none, 3 unknown).
fn oracle_key(row: &OracleRow, column: Column) -> (u8, f64, String) {
    let fact = |id: &str| &row.facts.iter().find(|(f, _)| f == id).unwrap().1;
    match column {
        Column::Name => (0, 0.0, row.name.to_lowercase()),
        Column::Status => (0, row.status as f64, String::new()),
        Column::Verified => (0, 0.0, row.as_of.clone()),
        Column::Compute => (row.compute.0, row.compute.1, String::new()),
        Column::Changed => match &row.last_changed {
            Some(date) => (0, 0.0, date.clone()),
            None => (2, 0.0, String::new()),
        },
        Column::Fact(field) => {
            let f = fact(field.id());
            if let Some(n) = f["number"].as_f64() {
                let factor = match f["unit"].as_str().unwrap() {
                    "MB" => 0.001,
                    "min" => 1.0 / 60.0,
                    "h/day" => 7.0,
                    "h/month" => 7.0 * 12.0 / 365.25,
                    "min/day" => 7.0 / 60.0,
                    _ => 1.0,
                };
                (0, n * factor, String::new())
            } else if let Some(b) = f["bool"].as_bool() {
                (0, if b { 1.0 } else { 0.0 }, String::new())
            } else if let Some(l) = f["list"].as_array() {
                (0, l.len() as f64, String::new())
            } else if f["none"].is_string() {
                (1, 0.0, String::new())
            } else {
                (2, 0.0, String::new())
            }
        }
    }
}

fn oracle_passes(row: &OracleRow, filter: Filter) -> bool {
    let fact = |id: &str| row.facts.iter().find(|(f, _)| f == id).unwrap().1.clone();
    let has = |id: &str| {
        let f = fact(id);
        f["bool"].as_bool() == Some(true)
            || f["list"].as_array().is_some_and(|l| !l.is_empty())
            || f["number"].as_f64().is_some_and(|n| n > 0.0)
    };
    let lacks = |id: &str| fact(id)["bool"].as_bool() == Some(false);
    match filter {
        Filter::Open => row.status == 2,
        Filter::Feature(Field::Languages) => fact("languages")["list"]
            .as_array()
            .is_some_and(|l| l.iter().any(|x| x == "R")),
        Filter::Feature(field @ (Field::Card | Field::Phone | Field::Account)) => lacks(field.id()),
        Filter::Feature(field) => has(field.id()),
    }
}

fn oracle_order(all: &[OracleRow], keys: &[SortKey], filters: &[Filter]) -> Vec<String> {
    let mut rows: Vec<&OracleRow> = all
        .iter()
        .filter(|r| filters.iter().all(|f| oracle_passes(r, *f)))
        .collect();
    // Insertion sort with a plain comparison: a different algorithm from the crate's. Retired
    // platforms (status 0) go last whatever the keys.
    let cmp = |a: &OracleRow, b: &OracleRow| -> Ordering {
        if (a.status == 0) != (b.status == 0) {
            return if a.status == 0 {
                Ordering::Greater
            } else {
                Ordering::Less
            };
        }
        for k in keys {
            let (ka, kb) = (oracle_key(a, k.column), oracle_key(b, k.column));
            let o = if ka.0 != kb.0 || ka.0 > 0 {
                ka.0.cmp(&kb.0)
            } else {
                let v = ka.1.partial_cmp(&kb.1).unwrap().then(ka.2.cmp(&kb.2));
                if k.direction == Desc {
                    v.reverse()
                } else {
                    v
                }
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id))
    };
    for i in 1..rows.len() {
        let mut j = i;
        while j > 0 && cmp(rows[j - 1], rows[j]) == Ordering::Greater {
            rows.swap(j - 1, j);
            j -= 1;
        }
    }
    rows.into_iter().map(|r| r.id.clone()).collect()
}

#[test]
fn every_column_direction_era_and_filter_set_matches_the_oracle() {
    let data = fixture();
    let filters: Vec<Filter> = Filter::all().collect();
    for era in [Era::Y2019, Era::Today] {
        let oracle = oracle_rows(era);
        for column in Column::all() {
            for direction in [Asc, Desc] {
                for ticked in filter_sets(&filters) {
                    let state = State {
                        era,
                        sort: vec![SortKey { column, direction }],
                        filters: ticked.iter().copied().collect::<FilterSet>(),
                        ..State::default()
                    };
                    let expected = oracle_order(&oracle, &state.sort, &ticked);
                    assert_eq!(
                        order(&data, &state),
                        expected,
                        "{era:?} {column:?} {direction:?} {ticked:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_pair_of_sort_keys_matches_the_oracle() {
    let data = fixture();
    for era in [Era::Y2019, Era::Today] {
        let oracle = oracle_rows(era);
        for first in Column::all() {
            for second in Column::all().filter(|c| *c != first) {
                for (d1, d2) in [(Asc, Asc), (Asc, Desc), (Desc, Asc), (Desc, Desc)] {
                    let state = State {
                        era,
                        ..sorted_by(&[(first, d1), (second, d2)])
                    };
                    assert_eq!(
                        order(&data, &state),
                        oracle_order(&oracle, &state.sort, &[]),
                        "{first:?} {second:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn facet_counts_match_the_oracle_for_every_filter_set() {
    let data = fixture();
    let filters: Vec<Filter> = Filter::all().collect();
    for era in [Era::Y2019, Era::Today] {
        let r = rows(&data, era);
        let oracle = oracle_rows(era);
        for ticked in filter_sets(&filters) {
            let state = State {
                era,
                filters: ticked.iter().copied().collect(),
                ..State::default()
            };
            for extra in &filters {
                let mut with = ticked.clone();
                with.push(*extra);
                let expected = oracle
                    .iter()
                    .filter(|row| with.iter().all(|f| oracle_passes(row, *f)))
                    .count();
                assert_eq!(
                    state.facet_count(&r, *extra),
                    expected,
                    "{era:?} {ticked:?} + {extra:?}"
                );
            }
        }
    }
}

#[test]
fn csv_holds_the_view_in_order_with_units_in_headers_and_rfc_4180_quoting() {
    // A successor with a comma and quotes, to be quoted.
    let json = FIXTURE.replace("\"Gamma ML\"", r#""Gamma ML, \"new\"""#);
    let data = Dataset::parse(&json).unwrap();
    let rows = rows(&data, Era::Today);
    let s = State::from_query("sort=-ram&cols=status,ram,languages,card&f=r");
    let shown: Vec<&Row> = s.visible(&rows).iter().map(|&i| &rows[i]).collect();
    assert_eq!(
        export::csv(&shown, s.columns),
        concat!(
            "Platform,Status,RAM (GB),Languages,Card needed\r\n",
            "Zeta Cloud,open,16,Python; R,no (no sign-up)\r\n",
            "Delta Calc,closed to new users since 2024-07-01,2,Python; R; Julia,no\r\n",
            "beta Lab,open,unknown (not published),Python; R,yes\r\n",
            "Gamma Notebooks,\"retired 2020-10-09; replaced by Gamma ML, \"\"new\"\"\",4,Python; R; F#,no\r\n",
        )
    );
    // A quota as the vendor states it, then in the header's unit: 300 min/day is 35 h/week,
    // 100 h/month about 22.998. Where a number cannot be, the word and its reason.
    let s = State::from_query("sort=-gpu_quota&cols=gpu_quota");
    let shown: Vec<&Row> = s.visible(&rows).iter().map(|&i| &rows[i]).collect();
    let columns: Vec<(String, String)> = export::csv(&shown, s.columns)
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[1].to_owned(), cells[2].to_owned())
        })
        .collect();
    let expected = [
        ("GPU time (as stated)", "GPU time (h/week)"),
        ("300 min/day", "35"),
        ("30 h/week", "30"),
        ("4 h/day", "28"),
        ("100 h/month", "22.998"),
        ("no", "no (no GPU)"),
        ("unknown", "unknown (not published)"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(columns, expected);
}

#[test]
fn json_export_carries_units_confidence_and_dated_sources() {
    let data = fixture();
    let rows = rows(&data, Era::Today);
    let s = State::from_query("sort=-ram&cols=ram,session");
    let shown: Vec<&Row> = s.visible(&rows).iter().map(|&i| &rows[i]).collect();
    let doc: Json = serde_json::from_str(&export::json(&data, &shown, s.columns)).unwrap();
    let ids: Vec<&str> = doc["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["zeta", "alpha", "delta", "epsilon", "beta", "gamma"]);
    let epsilon = &doc["platforms"][3]["values"];
    assert_eq!(epsilon["ram"]["text"], "512 MB");
    assert_eq!(
        (
            epsilon["ram"]["number"].as_f64(),
            epsilon["ram"]["unit"].as_str()
        ),
        (Some(512.0), Some("MB"))
    );
    assert_eq!(epsilon["ram"]["canonical_unit"], "GB");
    assert_eq!(epsilon["session"]["bound"], "at least");
    assert_eq!(epsilon["session"]["confidence"], "reported");
    let source = &epsilon["ram"]["sources"][0];
    assert!(
        source["url"].as_str().unwrap().starts_with("https://")
            && source["date"].as_str().unwrap().len() == 10
    );
    assert!(epsilon.get("gpu").is_none(), "only the columns shown");
    assert_eq!(doc["platforms"][4]["values"]["ram"]["kind"], "unknown");
}

#[test]
fn embed_mode_is_part_of_the_link() {
    let s = State::from_query("?embed=1&sort=-ram");
    assert!(s.embed);
    assert_eq!(s.to_query(), "sort=-ram&embed=1");
    assert!(!State::from_query("?embed=0").embed);
}

/// One line per "Must have" box, in the panel's order: its id in links (`?f=`), its label, and
/// what it asks of which field. Reviewed in `snapshots/`; the ids are a public interface (shared
/// links), so a change there is a diff to think about before accepting.
#[test]
fn the_box_table() {
    let table: Vec<String> = Filter::all()
        .map(|filter| {
            let test = match filter {
                Filter::Open => "the platform is open to new users".to_owned(),
                Filter::Feature(field) => {
                    let feature = field.def().feature.expect("a box's field has a feature");
                    format!("{:?} on {}", feature.test, field.id())
                }
            };
            format!("{:<10} {:<24} {test}", filter.id(), filter.label())
        })
        .collect();
    insta::assert_snapshot!(table.join("\n"));
    for filter in Filter::all() {
        assert_eq!(Filter::parse(filter.id()), Some(filter), "{filter:?}");
    }
}

#[test]
fn boxes_toggle_off_again() {
    for f in Filter::all() {
        let on = State::default().apply(Action::Toggle(f));
        assert!(on.filters.contains(f));
        let off = on.apply(Action::Toggle(f));
        assert!(off.filters.is_empty(), "{f:?} toggles off");
        if f != Filter::Open {
            let two = State::default()
                .apply(Action::Toggle(Filter::Open))
                .apply(Action::Toggle(f));
            let one = two.apply(Action::Toggle(f)).filters;
            assert!(
                one.contains(Filter::Open) && !one.contains(f),
                "{f:?} leaves the other box"
            );
        }
    }
}

#[test]
fn staleness_and_changes_since_2019_are_marked_only_where_true() {
    let data = fixture();
    let today = rows(&data, Era::Today);
    let get = |id: &str| today.iter().find(|r| r.platform.id == id).unwrap();
    // Verified more than a year before 2026-11-30: beta (2025-06-01); gamma is retired, so never stale.
    let stale: Vec<&str> = today
        .iter()
        .filter(|r| r.stale)
        .map(|r| r.platform.id.as_ref())
        .collect();
    assert_eq!(stale, ["beta"]);
    assert!(
        rows(&data, Era::Y2019).iter().all(|r| !r.stale),
        "2019 values are old by design"
    );
    let alpha = get("alpha");
    for (field, changed, why) in [
        (Field::Gpu, true, "K80 then, T4 now"),
        (Field::Languages, false, "Python then and now"),
        (Field::GpuMemory, false, "unknown in 2019: not a change"),
        (
            Field::Terminal,
            false,
            "unknown then, yes now: not a change",
        ),
        (Field::Ram, true, "13 GB then, 12.7 GB now"),
        (
            Field::Session,
            true,
            "12 h then, up to 12 h now: the bound changed",
        ),
    ] {
        assert_eq!(alpha.cell(field).was.is_some(), changed, "{why}");
    }
    let delta = get("delta");
    assert!(delta.cell(Field::Session).from_2019 && delta.cell(Field::Session).was.is_none());
    assert!(
        !delta.cell(Field::Ram).from_2019 && delta.cell(Field::Ram).was.is_some(),
        "1 GB then, 1–2 GB now"
    );
    assert!(get("gamma")
        .cells
        .iter()
        .all(|c| c.from_2019 && c.was.is_none()));
    assert!(rows(&data, Era::Y2019)
        .iter()
        .all(|r| r.cells.iter().all(|c| !c.from_2019 && c.was.is_none())));
}

#[test]
fn the_sort_control_caps_the_list_at_three_keys() {
    let k = |field| SortKey {
        column: col(field),
        direction: Desc,
    };
    let s = State::default()
        .apply(Action::SetSortKey(1, Some(k(Field::Ram))))
        .apply(Action::SetSortKey(2, Some(k(Field::Session))));
    assert_eq!(s.sort.len(), 3);
    let s = s.apply(Action::SetSortKey(3, Some(k(Field::Idle))));
    let columns: Vec<Column> = s.sort.iter().map(|k| k.column).collect();
    assert_eq!(
        columns,
        [Column::Name, col(Field::Ram), col(Field::Idle)],
        "a fourth replaces the third"
    );
    let s = s.apply(Action::SetSortKey(9, None));
    assert_eq!(s.sort.len(), 2, "removing past the end removes the last");
}

#[test]
fn each_step_counts_what_it_would_leave() {
    let data = fixture();
    let rows = rows(&data, Era::Today);
    let counts = |s: &State, field| -> Vec<usize> {
        let steps = [None, Some(4), Some(8), Some(16), Some(32)];
        let steps: Vec<Option<u32>> = if field == Field::Ram {
            steps.to_vec()
        } else {
            vec![None, Some(1), Some(4), Some(9), Some(12)]
        };
        steps
            .iter()
            .map(|m| s.threshold_count(&rows, field, *m))
            .collect()
    };
    // RAM: zeta 16, alpha 12.7, gamma 4, delta 2, epsilon 0.512, beta unknown.
    assert_eq!(counts(&State::default(), Field::Ram), [6, 3, 2, 1, 0]);
    // With "Free GPU" (alpha, epsilon, zeta) and a session minimum of 9 h (alpha, epsilon; zeta unknown):
    // the RAM steps count within those, and replacing the session step counts without it.
    let s = State::from_query("f=gpu&min=session:9");
    assert_eq!(counts(&s, Field::Ram), [2, 1, 1, 0, 0]);
    // Session steps: alpha up to 12, epsilon 9 or more; zeta unknown never meets one.
    assert_eq!(counts(&s, Field::Session), [3, 2, 2, 2, 1]);
}

/// One line per column preset, in the picker's order: its id in links (`?cols=`), its label and
/// its columns. Reviewed in `snapshots/`.
#[test]
fn the_preset_table() {
    use strum::IntoEnumIterator;
    let table: Vec<String> = Preset::iter()
        .map(|preset| {
            let columns: Vec<&str> = preset.columns().iter().map(Column::id).collect();
            format!(
                "{:<10} {:<20} {}",
                preset.id(),
                preset.label(),
                columns.join(", ")
            )
        })
        .collect();
    insta::assert_snapshot!(table.join("\n"));
    for preset in Preset::iter() {
        // Each set of columns is known again as its preset (the picker marks it so).
        assert_eq!(preset.columns().preset(), Some(preset));
    }
    // "All" is every field, the name, the status, GPU compute and the two dates.
    assert_eq!(
        Preset::All.columns().iter().count(),
        common::field_ids().len() + 5
    );
}

#[test]
fn the_url_caps_lists_and_takes_ids_with_digits_and_dashes() {
    let s = State::from_query("sort=-ram,-session,idle,card&cmp=marimo-molab,x2,a,b,c");
    assert_eq!(s.sort.len(), 3, "three sort keys at most");
    assert_eq!(
        s.compare,
        ["marimo-molab", "x2", "a", "b"],
        "four to compare at most"
    );
}

#[test]
fn a_quota_reads_as_hours_a_week_beside_the_vendors_terms() {
    use free_ml_platforms::core::format::comparable_text;
    // (written, expected), worked out by hand: a day is 1/7 of a week, a month 365.25/12 days.
    let table = [
        (r#""number": 30, "unit": "h/week""#, None),
        (r#""number": 4, "unit": "h/day""#, Some("≈ 28 h/week")),
        // 50 · 7 · 12 / 365.25 = 11.499 → 11.5; 100 h/month 22.998 → 23.
        (r#""number": 50, "unit": "h/month""#, Some("≈ 11.5 h/week")),
        (r#""number": 100, "unit": "h/month""#, Some("≈ 23 h/week")),
        // 5 min a day is 35 min a week: 0.583 h.
        (r#""number": 5, "unit": "min/day""#, Some("≈ 0.6 h/week")),
        (
            r#""number": 2, "low": 1, "unit": "h/day""#,
            Some("≈ 7–14 h/week"),
        ),
        (r#""number": 12, "unit": "h""#, None),
        (r#""unknown": "one-off credits""#, None),
    ];
    for (written, expected) in table {
        assert_eq!(
            comparable_text(&verified(written)).as_deref(),
            expected,
            "{written}"
        );
    }
    assert_eq!(
        Unit::of(Dimension::Quota).count(),
        4,
        "each quota unit above"
    );
}

/// Sets of boxes to check against the oracle: every set of at most three, then a sample of larger
/// ones drawn with a fixed seed. All 2^n sets would double the time with each new box; the
/// rules are per box, so small sets find how two or three interact, and the sample keeps the
/// large ones (mostly empty views) honest.
fn filter_sets(filters: &[Filter]) -> Vec<Vec<Filter>> {
    const SAMPLE: usize = 200;
    let n = filters.len();
    let mut masks: Vec<u64> = vec![0];
    for i in 0..n {
        masks.push(1 << i);
        for j in i + 1..n {
            masks.push(1 << i | 1 << j);
            for k in j + 1..n {
                masks.push(1 << i | 1 << j | 1 << k);
            }
        }
    }
    let small = masks.len();
    let larger = (1usize << n) - small;
    let mut random = SplitMix64(0x5eed_f11e);
    let mut drawn = std::collections::BTreeSet::new();
    while drawn.len() < SAMPLE.min(larger) {
        let mask = random.next_u64() & ((1 << n) - 1);
        if mask.count_ones() > 3 {
            drawn.insert(mask);
        }
    }
    masks.extend(drawn);
    masks
        .into_iter()
        .map(|mask| {
            (0..n)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| filters[i])
                .collect()
        })
        .collect()
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a few lines, a fixed seed, the same sets on every run.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The quick picks from the raw JSON: among open platforms that pass the boxes, the largest
/// value of each amount (ties together) and those passing each pick's boxes; picks nobody wins
/// are left out. Returned as (label, sorted ids).
fn oracle_picks(all: &[OracleRow], filters: &[Filter]) -> Vec<(&'static str, Vec<String>)> {
    let open: Vec<&OracleRow> = all
        .iter()
        .filter(|r| r.status == 2 && filters.iter().all(|f| oracle_passes(r, *f)))
        .collect();
    let best = |field: Field| -> Vec<String> {
        let known: Vec<(f64, &str)> = open
            .iter()
            .map(|r| (oracle_key(r, col(field)), r.id.as_str()))
            .filter(|(k, _)| k.0 == 0)
            .map(|(k, id)| (k.1, id))
            .collect();
        let top = known.iter().map(|k| k.0).fold(f64::MIN, f64::max);
        let mut ids: Vec<String> = known
            .iter()
            .filter(|(v, _)| (v - top).abs() < 1e-9)
            .map(|(_, id)| id.to_string())
            .collect();
        ids.sort();
        ids
    };
    let meets = |fs: &[Filter]| -> Vec<String> {
        let mut ids: Vec<String> = open
            .iter()
            .filter(|r| fs.iter().all(|f| oracle_passes(r, *f)))
            .map(|r| r.id.clone())
            .collect();
        ids.sort();
        ids
    };
    let f = Filter::Feature;
    [
        ("Most GPU time", best(Field::GpuQuota)),
        ("Biggest GPU", best(Field::GpuMemory)),
        ("Most RAM", best(Field::Ram)),
        ("Longest session", best(Field::Session)),
        ("No sign-up", meets(&[f(Field::Account)])),
        (
            "No card and no phone",
            meets(&[f(Field::Card), f(Field::Phone)]),
        ),
    ]
    .into_iter()
    .filter(|(_, ids)| !ids.is_empty())
    .collect()
}

#[test]
fn quick_picks_match_the_oracle_in_both_eras_for_every_filter_set() {
    use free_ml_platforms::core::picks::picks;
    let data = fixture();
    let filters: Vec<Filter> = Filter::all().collect();
    for era in [Era::Y2019, Era::Today] {
        let oracle = oracle_rows(era);
        let rows = rows(&data, era);
        for ticked in filter_sets(&filters) {
            let state = State {
                era,
                filters: ticked.iter().copied().collect(),
                ..State::default()
            };
            let got: Vec<(&str, Vec<String>)> = picks(&rows, &state.visible(&rows))
                .into_iter()
                .map(|p| {
                    let mut ids: Vec<String> = p
                        .winners
                        .iter()
                        .map(|&i| rows[i].platform.id.to_string())
                        .collect();
                    ids.sort();
                    (p.def.label, ids)
                })
                .collect();
            assert_eq!(got, oracle_picks(&oracle, &ticked), "{era:?} {ticked:?}");
        }
    }
}

#[test]
fn quick_picks_by_hand_a_tie_a_closed_platform_and_an_all_unknown_column() {
    use free_ml_platforms::core::picks::picks;
    let data = fixture();
    let named = |era: Era| -> Vec<(&'static str, Vec<String>)> {
        let rows = rows(&data, era);
        let shown = State {
            era,
            ..State::default()
        }
        .visible(&rows);
        picks(&rows, &shown)
            .into_iter()
            .map(|p| {
                let ids = p.winners.iter().map(|&i| rows[i].platform.id.to_string());
                (p.def.label, ids.collect())
            })
            .collect()
    };
    let ids = |list: &[&str]| -> Vec<String> { list.iter().map(|s| s.to_string()).collect() };
    // Today: closed delta (4 h/day = 28) and retired gamma never win; alpha's 300 min/day (35 h a
    // week) beats epsilon's 30 h/week; alpha's "up to 12 h" ties beta's 720 min, in display order.
    assert_eq!(
        named(Era::Today),
        [
            ("Most GPU time", ids(&["alpha"])),
            ("Biggest GPU", ids(&["epsilon"])),
            ("Most RAM", ids(&["zeta"])),
            ("Longest session", ids(&["alpha", "beta"])),
            ("No card and no phone", ids(&["alpha"])),
        ]
    );
    // 2019: GPU time and GPU memory are unknown for all three, so those picks are left out; delta
    // (up to 24 h) was open then.
    assert_eq!(
        named(Era::Y2019),
        [
            ("Most RAM", ids(&["alpha"])),
            ("Longest session", ids(&["delta"])),
        ]
    );
}

#[test]
fn the_top_gpu_memory_step_is_48_gb_and_the_first_gpu_time_step_1_h_a_week() {
    let data = fixture();
    let kept = |q: &str| {
        State::from_query(q)
            .minimums
            .into_iter()
            .collect::<Vec<_>>()
    };
    assert_eq!(kept("min=gpu_memory:48"), [(Field::GpuMemory, 48)]);
    assert!(kept("min=gpu_memory:47").is_empty(), "not a step");
    // GPU memory: alpha 15, epsilon 24, zeta 16 GB: none has 48.
    assert!(order(&data, &State::from_query("min=gpu_memory:48")).is_empty());
    assert_eq!(kept("min=gpu_quota:1"), [(Field::GpuQuota, 1)]);
    assert!(kept("min=gpu_quota:2").is_empty(), "not a step");
    // GPU time: alpha 35, delta 28, epsilon 30, zeta 22.998 h/week; beta has none.
    assert_eq!(
        order(&data, &State::from_query("min=gpu_quota:1")),
        ["alpha", "delta", "epsilon", "zeta"]
    );
}

#[test]
fn a_platform_closed_on_the_day_of_its_2019_snapshot_is_closed_in_2019() {
    // delta's 2019 values are as of 2019-01-22.
    let closed_since = |since: &str| {
        let mut json: Json = serde_json::from_str(FIXTURE).unwrap();
        json["platforms"][3]["status"]["since"] = since.into();
        let data = Dataset::parse(&json.to_string()).unwrap();
        let delta = rows(&data, Era::Y2019)
            .into_iter()
            .find(|r| r.platform.id == "delta")
            .unwrap();
        delta.status.is_open()
    };
    assert!(!closed_since("2019-01-22"), "closed that very day");
    assert!(closed_since("2019-01-23"), "still open the day before");
}

#[test]
fn the_first_click_on_last_verified_puts_the_newest_first() {
    let data = fixture();
    let s = State::default().apply(Action::Sort(Column::Verified));
    assert_eq!(
        s.sort,
        [SortKey {
            column: Column::Verified,
            direction: Desc
        }]
    );
    // epsilon and zeta 2026-11-01 (then by name), alpha 2026-10-01, delta 2026-09-01,
    // beta 2025-06-01, gamma 2019-01-22 (its 2019 values).
    assert_eq!(
        order(&data, &s),
        ["epsilon", "zeta", "alpha", "delta", "beta", "gamma"]
    );
}

#[test]
fn minimums_behave_as_a_map_kept_in_field_order() {
    use std::collections::BTreeMap;
    // The oracle is std's map. Every sequence of four steps over three fields (set, replace,
    // remove, remove what is absent), in every order of the fields.
    let fields = [Field::Ram, Field::Gpu, Field::Session];
    let ops: Vec<(usize, Option<u32>)> = (0..3)
        .flat_map(|f| [(f, Some(8)), (f, Some(16)), (f, None)])
        .collect();
    for a in &ops {
        for b in &ops {
            for c in &ops {
                for d in &ops {
                    let mut mine = Minimums::default();
                    let mut map = BTreeMap::new();
                    for &(f, min) in [a, b, c, d] {
                        mine.set(fields[f], min);
                        match min {
                            Some(m) => map.insert(fields[f], m),
                            None => map.remove(&fields[f]),
                        };
                    }
                    let expected: Vec<(Field, u32)> = map.into_iter().collect();
                    assert_eq!(mine.iter().collect::<Vec<_>>(), expected);
                    assert_eq!(
                        (mine.len(), mine.is_empty()),
                        (expected.len(), expected.is_empty())
                    );
                    for f in fields {
                        let want = expected.iter().find(|p| p.0 == f).map(|p| p.1);
                        assert_eq!(mine.get(f), want);
                    }
                }
            }
        }
    }
    let read: Minimums = [(Field::Session, 4), (Field::Ram, 8), (Field::Ram, 32)]
        .into_iter()
        .collect();
    assert_eq!(
        read.into_iter().collect::<Vec<_>>(),
        [(Field::Ram, 32), (Field::Session, 4)],
        "the last step of a field named twice, in field order"
    );
}

#[test]
fn early_js_knows_every_parameter_that_names_a_view() {
    use free_ml_platforms::core::url::param;
    // early.js hides the default rows when a link names another view; it must know each name.
    let script =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/early.js")).unwrap();
    let start = script.find("[?&](").expect("the parameter pattern") + "[?&](".len();
    let end = start + script[start..].find(")=").unwrap();
    let mut in_script: Vec<&str> = script[start..end].split('|').collect();
    let mut names = param::ALL.to_vec();
    in_script.sort();
    names.sort();
    assert_eq!(in_script, names);
}

#[test]
fn the_export_tree_writes_numbers_as_their_decimals_and_keeps_key_order() {
    use export::Json;
    use free_ml_platforms::dataset::Amount;
    let n = |milli| Json::Number(Amount::from_milli(milli));
    let doc = Json::Object(vec![
        (
            "b",
            Json::List(vec![n(16_000), n(12_700), n(583), n(-1_500), n(0), n(1)]),
        ),
        (
            "a",
            Json::Object(vec![("t", Json::Text("x\"y".into())), ("n", Json::Null)]),
        ),
        ("yes", Json::Bool(true)),
    ]);
    assert_eq!(
        serde_json::to_string(&doc).unwrap(),
        r#"{"b":[16,12.7,0.583,-1.5,0,0.001],"a":{"t":"x\"y","n":null},"yes":true}"#
    );
}

#[test]
fn clear_filters_drops_boxes_and_steps_and_keeps_the_rest() {
    let s = State::from_query("era=2019&sort=-ram&f=gpu,r&min=ram:16,session:9&cmp=kaggle")
        .apply(Action::ClearFilters);
    assert_eq!(s.to_query(), "era=2019&sort=-ram&cmp=kaggle");
}

#[test]
fn the_quick_picks_name_a_value_in_its_fields_canonical_unit() {
    use free_ml_platforms::core::format::canonical_text;
    // Worked out by hand: 4 h a day is 28 h a week; 512 MB is 0.512 GB, shown to a tenth.
    let table = [
        (r#""number": 4, "unit": "h/day""#, Some("28 h/week")),
        (r#""number": 30, "unit": "h/week""#, Some("30 h/week")),
        (r#""number": 12.7, "unit": "GB""#, Some("12.7 GB")),
        (r#""number": 512, "unit": "MB""#, Some("0.5 GB")),
        (r#""unknown": "not published""#, None),
    ];
    for (written, expected) in table {
        assert_eq!(
            canonical_text(&verified(written)).as_deref(),
            expected,
            "{written}"
        );
    }
}

#[test]
fn input_made_before_the_wasm_is_replayed_in_order() {
    let key = |field, direction| SortKey {
        column: Column::Fact(field),
        direction,
    };
    let replayed = |log: &str| State::default().replay(log);
    // A header click sorts by that column in its first direction (RAM: largest first).
    assert_eq!(
        replayed("sort:ram").sort,
        [key(Field::Ram, Direction::Desc)]
    );
    // A second click on the same header reverses it.
    assert_eq!(
        replayed("sort:ram sort:ram").sort,
        [key(Field::Ram, Direction::Asc)]
    );
    // A shift+click adds a key after the first.
    assert_eq!(
        replayed("sort:ram +sort:session").sort,
        [
            key(Field::Ram, Direction::Desc),
            key(Field::Session, Direction::Desc)
        ]
    );
    // A preset, then a box: the box counts on top of the preset, in that order.
    let access = replayed("preset:access col:gpu");
    for field in [
        Field::Card,
        Field::Phone,
        Field::Account,
        Field::Languages,
        Field::Gpu,
    ] {
        assert!(access.columns.contains(Column::Fact(field)), "{field:?}");
    }
    assert!(!access.columns.contains(Column::Fact(Field::Ram)));
    // A box ticked then unticked leaves the default columns.
    assert_eq!(replayed("col:disk col:disk"), State::default());
    assert!(replayed("col:disk")
        .columns
        .contains(Column::Fact(Field::Disk)));
    // Anything else is skipped.
    assert_eq!(
        replayed("sort:nothing preset:none col: x +sort sort:"),
        State::default()
    );
}

#[test]
fn early_js_records_the_column_boxes_and_presets_by_their_names() {
    use free_ml_platforms::core::url::param;
    let script =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/early.js")).unwrap();
    // The names the column picker gives its inputs (column_picker.rs), and the log's words.
    assert!(script.contains(&format!(r#"input.name === "{}""#, param::COLUMNS)));
    assert!(script.contains(r#"input.name === "preset""#));
    for word in ["sort:", "preset:", "col:"] {
        assert!(script.contains(word), "{word}");
    }
}
