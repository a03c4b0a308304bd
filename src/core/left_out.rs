//! Left out, and why: for the rows the filters hide, the first filter each one fails with what
//! its value is ("RAM 12.7 GB, below 16 GB", "RAM unknown, so not counted as at least 16 GB",
//! "no free GPU"), and every filter that hides it, so one press can clear just those.

use super::filters::{meets, Filter};
use super::format::{comparable_text, fact_text, step_text};
use super::rows::{Row, StatusAt};
use super::state::{Action, State};
use crate::dataset::{Field, Test, Value};

/// A filter that can hide a row: a ticked box, or an "at least" step on a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hider {
    Filter(Filter),
    Minimum(Field, u32),
}

/// One hidden row.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    /// Index into the rows given.
    pub row: usize,
    /// The first filter it fails (boxes in the panel's order, then steps in field order).
    pub first: Hider,
    /// Why, in a few words.
    pub reason: String,
    /// Every filter it fails: clearing them all shows it.
    pub hiders: Vec<Hider>,
}

impl Hider {
    /// The filters of `state`, in the order they are checked.
    pub fn all(state: &State) -> impl Iterator<Item = Hider> + '_ {
        state
            .filters
            .iter()
            .map(Hider::Filter)
            .chain(state.minimums.iter().map(|(f, min)| Hider::Minimum(f, min)))
    }

    pub fn passes(self, row: &Row) -> bool {
        match self {
            Hider::Filter(filter) => filter.fits(row),
            Hider::Minimum(field, min) => meets(row, field, min),
        }
    }

    /// The action that removes this filter.
    pub fn clear(self) -> Action {
        match self {
            Hider::Filter(filter) => Action::Toggle(filter),
            Hider::Minimum(field, _) => Action::SetMinimum(field, None),
        }
    }

    /// Why `row` fails this filter (call it only for a row that does).
    pub fn reason(self, row: &Row) -> String {
        match self {
            Hider::Filter(Filter::Open) => match row.status {
                StatusAt::Closed { since } => format!("closed to new users since {since}"),
                StatusAt::Retired { since, .. } => format!("retired since {since}"),
                StatusAt::Active => "open to new users".into(),
            },
            Hider::Filter(Filter::Feature(field)) => {
                let fact = row.cell(field).fact;
                let label = Filter::Feature(field).label();
                let test = field.def().feature.map(|f| f.test);
                match (&fact.value, test) {
                    (Value::Unknown(_), _) => format!(
                        "{} unknown, so not counted as {}",
                        field.label(),
                        lower_first(label)
                    ),
                    (Value::None(what), _) => what.to_string(),
                    (_, Some(Test::Lacks)) => format!("{}: yes", field.label()),
                    (Value::List(items), Some(Test::Includes(_))) if !items.is_empty() => {
                        format!("no {} ({})", lower_first(label), fact_text(fact))
                    }
                    _ => format!("no {}", lower_first(label)),
                }
            }
            Hider::Minimum(field, min) => {
                let fact = row.cell(field).fact;
                let step = step_text(field, min);
                match &fact.value {
                    Value::Unknown(_) => format!(
                        "{} unknown, so not counted as at least {step}",
                        field.label()
                    ),
                    Value::None(what) => what.to_string(),
                    _ => {
                        let value = match comparable_text(fact) {
                            Some(weekly) => format!("{} ({weekly})", fact_text(fact)),
                            None => fact_text(fact),
                        };
                        format!("{} {value}, below {step}", field.label())
                    }
                }
            }
        }
    }
}

/// "Free GPU" → "free GPU": the first letter lowered when a lowercase letter follows it, so a
/// word of capitals or a single capital ("GPU", "R language") is kept.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(first), Some(next)) if next.is_ascii_lowercase() => {
            first.to_ascii_lowercase().to_string() + chars.as_str()
        }
        _ => s.to_owned(),
    }
}

/// The rows `state` hides, in the order its sort would show them were nothing filtered.
pub fn left_out(state: &State, rows: &[Row]) -> Vec<LeftOut> {
    let unfiltered = State {
        filters: Default::default(),
        minimums: Default::default(),
        ..state.clone()
    };
    unfiltered
        .visible(rows)
        .into_iter()
        .filter_map(|i| {
            let hiders: Vec<Hider> = Hider::all(state).filter(|h| !h.passes(&rows[i])).collect();
            let first = *hiders.first()?;
            Some(LeftOut {
                row: i,
                first,
                reason: first.reason(&rows[i]),
                hiders,
            })
        })
        .collect()
}

impl LeftOut {
    /// The state with just the filters that hide this row cleared: it shows the row.
    pub fn shown_in(&self, state: &State) -> State {
        self.hiders
            .iter()
            .fold(state.clone(), |s, h| s.apply(h.clear()))
    }
}
