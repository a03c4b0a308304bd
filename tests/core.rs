//! The headless table's rules, on a small fixture dataset: sorting, filters, facet counts, the
//! reducer and the URL codec. Properties are checked over every column, direction and filter set.

use free_ml_platforms::core::{
    rows, Action, Column, Direction, Filter, FilterSet, Row, Sort, State,
};
use free_ml_platforms::dataset::{Dataset, Era, Field};
use proptest::prelude::*;
use std::sync::OnceLock;

fn fixture() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        Dataset::parse(include_str!("fixtures/mini.json")).expect("fixture is valid")
    })
}

fn ids(rows: &[Row], order: &[usize]) -> Vec<String> {
    order.iter().map(|&i| rows[i].platform.id.clone()).collect()
}

fn state(column: Column, direction: Direction) -> State {
    State {
        sort: Sort { column, direction },
        ..State::default()
    }
}

fn any_column() -> impl Strategy<Value = Column> {
    let all: Vec<Column> = Column::all().collect();
    proptest::sample::select(all)
}

fn any_filters() -> impl Strategy<Value = FilterSet> {
    proptest::collection::vec(proptest::sample::select(Filter::ALL.to_vec()), 0..4)
        .prop_map(|v| v.into_iter().collect())
}

fn any_state() -> impl Strategy<Value = State> {
    (any_column(), any::<bool>(), any_filters(), any::<bool>()).prop_map(
        |(column, desc, filters, old)| State {
            era: if old { Era::Y2019 } else { Era::Today },
            sort: Sort {
                column,
                direction: if desc {
                    Direction::Desc
                } else {
                    Direction::Asc
                },
            },
            filters,
        },
    )
}

#[test]
fn ram_sorts_by_value_largest_first_with_unknown_last() {
    let rows = rows(fixture(), Era::Today);
    let desc = state(Column::Fact(Field::Ram), Direction::Desc);
    // 12.7 GB, 4 GB, 1–2 GB (sorts as 2), unknown.
    assert_eq!(
        ids(&rows, &desc.visible(&rows)),
        ["alpha", "gamma", "delta", "beta"]
    );
    let asc = state(Column::Fact(Field::Ram), Direction::Asc);
    assert_eq!(
        ids(&rows, &asc.visible(&rows)),
        ["delta", "gamma", "alpha", "beta"]
    );
}

#[test]
fn session_compares_hours_and_minutes_in_one_unit_and_breaks_ties_by_name() {
    let rows = rows(fixture(), Era::Today);
    let desc = state(Column::Fact(Field::Session), Direction::Desc);
    // delta: up to 24 h (from 2019); alpha: up to 12 h; beta: 720 min = 12 h (tie: "Alpha" < "beta"); gamma 8 h.
    assert_eq!(
        ids(&rows, &desc.visible(&rows)),
        ["delta", "alpha", "beta", "gamma"]
    );
}

#[test]
fn name_sorts_case_insensitively() {
    let rows = rows(fixture(), Era::Today);
    assert_eq!(
        ids(&rows, &State::default().visible(&rows)),
        ["alpha", "beta", "delta", "gamma"]
    );
}

#[test]
fn first_click_sorts_the_useful_way_and_second_reverses() {
    let s = State::default().apply(Action::Sort(Column::Fact(Field::Ram)));
    assert_eq!(s.sort.direction, Direction::Desc);
    assert_eq!(
        s.apply(Action::Sort(Column::Fact(Field::Ram)))
            .sort
            .direction,
        Direction::Asc
    );
    let card = State::default().apply(Action::Sort(Column::Fact(Field::Card)));
    assert_eq!(
        card.sort.direction,
        Direction::Asc,
        "requirements sort 'no' first"
    );
    let name = state(Column::Fact(Field::Ram), Direction::Desc).apply(Action::Sort(Column::Name));
    assert_eq!(name.sort.direction, Direction::Asc);
}

#[test]
fn views_differ_by_era_with_status_as_of_that_date() {
    let data = fixture();
    let then = rows(data, Era::Y2019);
    assert_eq!(
        then.iter()
            .map(|r| r.platform.id.as_str())
            .collect::<Vec<_>>(),
        ["alpha", "gamma", "delta"]
    );
    assert!(
        then.iter().all(|r| r.status.is_open()),
        "nothing had closed by January 2019"
    );
    let now = rows(data, Era::Today);
    assert_eq!(now.len(), 4);
    let gamma = now.iter().find(|r| r.platform.id == "gamma").unwrap();
    assert!(!gamma.status.is_open());
    assert!(
        gamma.cells.iter().all(|c| c.from_2019),
        "a platform without a today snapshot shows 2019 values"
    );
    let delta = now.iter().find(|r| r.platform.id == "delta").unwrap();
    assert!(delta.cell(Field::Session).from_2019 && !delta.cell(Field::Ram).from_2019);
    let alpha = now.iter().find(|r| r.platform.id == "alpha").unwrap();
    assert!(alpha.cell(Field::Gpu).was.is_some(), "K80 then, T4 now");
    assert!(
        alpha.cell(Field::Languages).was.is_none(),
        "Python then and now"
    );
    assert!(
        alpha.cell(Field::GpuMemory).was.is_none(),
        "unknown in 2019, so not a change"
    );
    assert!(!alpha.stale && now.iter().find(|r| r.platform.id == "beta").unwrap().stale);
}

#[test]
fn filters_need_every_ticked_feature_and_unknown_never_counts() {
    let rows = rows(fixture(), Era::Today);
    let with = |fs: &[Filter]| {
        let s = State {
            filters: fs.iter().copied().collect(),
            ..State::default()
        };
        ids(&rows, &s.visible(&rows))
    };
    assert_eq!(with(&[Filter::Gpu]), ["alpha"]);
    assert_eq!(with(&[Filter::R]), ["beta", "delta", "gamma"]);
    assert_eq!(with(&[Filter::R, Filter::Terminal]), ["beta", "gamma"]);
    assert_eq!(with(&[Filter::NoCard]), ["alpha", "delta", "gamma"]);
    assert_eq!(with(&[Filter::Open]), ["alpha", "beta"]);
    assert!(with(&[Filter::Gpu, Filter::R]).is_empty());
    // alpha's phone value is known (no); the others are unknown, so "no phone check" keeps only alpha.
    assert_eq!(with(&[Filter::NoPhone]), ["alpha"]);
}

#[test]
fn summary_reads_the_sort_and_the_count() {
    let s = state(Column::Fact(Field::Ram), Direction::Desc);
    assert_eq!(
        s.summary(3, 4),
        "Sorted by RAM, largest first. 3 of 4 platforms shown."
    );
    assert_eq!(
        State::default().summary(1, 1),
        "Sorted by Platform, A to Z. 1 of 1 platform shown."
    );
}

#[test]
fn url_keeps_other_parameters_and_drops_defaults() {
    let s = State::from_query("?utm_source=blog&sort=-ram&f=gpu,r&era=2019");
    assert_eq!(
        s.sort,
        Sort {
            column: Column::Fact(Field::Ram),
            direction: Direction::Desc
        }
    );
    assert_eq!(
        s.filters.iter().collect::<Vec<_>>(),
        [Filter::Gpu, Filter::R]
    );
    assert_eq!(s.era, Era::Y2019);
    assert_eq!(
        s.merge_into_query("?utm_source=blog&sort=name&x"),
        "?utm_source=blog&x&era=2019&sort=-ram&f=gpu,r"
    );
    assert_eq!(State::default().merge_into_query("?sort=-ram"), "");
    assert_eq!(State::from_query("f=gpu%2Cr").filters.iter().count(), 2);
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
    ] {
        let s = State::from_query(q);
        assert_eq!(s.era, Era::Today, "{q}");
        assert!(s.filters.is_empty(), "{q}");
    }
    assert_eq!(
        State::from_query("?sort=bogus&f=gpu,bogus")
            .filters
            .iter()
            .collect::<Vec<_>>(),
        [Filter::Gpu]
    );
}

proptest! {
    #[test]
    fn url_round_trips(s in any_state()) {
        prop_assert_eq!(State::from_query(&s.to_query()), s);
        prop_assert_eq!(State::from_query(&s.merge_into_query("?a=1&sort=x")), s);
    }

    #[test]
    fn any_query_parses_without_panic(q in ".{0,60}") {
        let s = State::from_query(&q);
        prop_assert_eq!(State::from_query(&s.to_query()), s);
    }

    #[test]
    fn sort_is_a_total_order_with_unknowns_last(s in any_state()) {
        let rows = rows(fixture(), s.era);
        let order = s.visible(&rows);
        // Every shown row once; deterministic; unknowns form a tail in both directions.
        let mut seen = order.clone();
        seen.sort();
        seen.dedup();
        prop_assert_eq!(seen.len(), order.len());
        prop_assert_eq!(&order, &s.visible(&rows));
        let known: Vec<bool> = order.iter().map(|&i| s.sort.column.sort_key(&rows[i]).is_some()).collect();
        prop_assert!(known.windows(2).all(|w| w[0] || !w[1]), "unknown before known: {:?}", known);
        // Known keys are monotonic in the chosen direction.
        let keys: Vec<_> = order.iter().filter_map(|&i| s.sort.column.sort_key(&rows[i])).collect();
        for w in keys.windows(2) {
            let ord = w[0].compare(&w[1]);
            let ok = match s.sort.direction { Direction::Asc => ord.is_le(), Direction::Desc => ord.is_ge() };
            prop_assert!(ok, "{:?} then {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn reversing_keeps_unknowns_last_and_reverses_the_known(s in any_state()) {
        let rows = rows(fixture(), s.era);
        let flipped = State { sort: Sort { direction: s.sort.direction.reversed(), ..s.sort }, ..s };
        let known = |st: &State| -> Vec<usize> {
            st.visible(&rows).into_iter().filter(|&i| st.sort.column.sort_key(&rows[i]).is_some()).collect()
        };
        let (a, b) = (known(&s), known(&flipped));
        // The same rows, and every pair with distinct keys swaps places.
        prop_assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(a.iter().skip(1)) {
            let (kx, ky) = (s.sort.column.sort_key(&rows[*x]).unwrap(), s.sort.column.sort_key(&rows[*y]).unwrap());
            if kx.compare(&ky).is_ne() {
                let pos = |v: &Vec<usize>, i| v.iter().position(|j| *j == i).unwrap();
                prop_assert!(pos(&b, *x) > pos(&b, *y));
            }
        }
    }

    #[test]
    fn filters_are_and_and_facet_counts_match_a_toggle(s in any_state(), extra in proptest::sample::select(Filter::ALL.to_vec())) {
        let rows = rows(fixture(), s.era);
        let shown = s.visible(&rows);
        for &i in &shown {
            prop_assert!(s.filters.iter().all(|f| f.fits(&rows[i])));
        }
        prop_assert_eq!(shown.len(), rows.iter().filter(|r| s.filters.iter().all(|f| f.fits(r))).count());
        let ticked = if s.filters.contains(extra) { s } else { s.apply(Action::Toggle(extra)) };
        prop_assert_eq!(s.facet_count(&rows, extra), ticked.visible(&rows).len());
    }

    #[test]
    fn no_op_actions_return_an_equal_state(s in any_state()) {
        prop_assert_eq!(s.apply(Action::SetEra(s.era)), s);
        let cleared = s.apply(Action::ClearFilters);
        prop_assert_eq!(cleared.apply(Action::ClearFilters), cleared);
        prop_assert!(cleared.filters.is_empty());
    }
}
