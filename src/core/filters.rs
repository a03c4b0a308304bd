//! What a row must have to be shown: ticked features ("Free GPU", "No credit card", "Open to new
//! users") and minimums ("RAM at least 16 GB"). Both are built from the field table. Unknown and
//! none never pass either.

use super::rows::Row;
use crate::dataset::{Amount, Field, Test, Value};
use std::collections::BTreeMap;
use strum::EnumCount;

/// A "Must have" box: a field's feature, or the platform being open to new users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Filter {
    Feature(Field),
    Open,
}

impl Filter {
    /// Every box, in the field table's order, then "Open to new users".
    pub fn all() -> impl Iterator<Item = Filter> {
        Field::all()
            .filter(|f| f.def().feature.is_some())
            .map(Filter::Feature)
            .chain([Filter::Open])
    }

    /// The key used in the URL (`?f=gpu,r`).
    pub fn id(self) -> &'static str {
        match self {
            Filter::Feature(field) => field.def().feature.map_or(field.id(), |f| f.id),
            Filter::Open => "open",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Filter::Feature(field) => field.def().feature.map_or(field.label(), |f| f.label),
            Filter::Open => "Open to new users",
        }
    }

    pub fn parse(id: &str) -> Option<Filter> {
        Filter::all().find(|f| f.id() == id)
    }

    pub fn fits(self, row: &Row) -> bool {
        let field = match self {
            Filter::Open => return row.status.is_open(),
            Filter::Feature(field) => field,
        };
        let Some(feature) = field.def().feature else {
            return false;
        };
        let fact = row.cell(field).fact;
        match (feature.test, &fact.value) {
            (Test::Has, Value::Bool(b)) => *b,
            (Test::Has, Value::List(items)) => !items.is_empty(),
            (Test::Lacks, Value::Bool(b)) => !*b,
            (Test::Includes(item), Value::List(items)) => items.iter().any(|i| i == item),
            _ => false,
        }
    }

    fn bit(self) -> u32 {
        1 << match self {
            Filter::Feature(field) => field as usize,
            Filter::Open => Field::COUNT,
        }
    }
}

// One bit per field and one for "open".
const _: () = assert!(Field::COUNT < u32::BITS as usize);

/// A set of ticked boxes, small enough to copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FilterSet(u32);

impl FilterSet {
    pub fn contains(self, filter: Filter) -> bool {
        self.0 & filter.bit() != 0
    }

    pub fn with(self, filter: Filter) -> Self {
        Self(self.0 | filter.bit())
    }

    pub fn toggled(self, filter: Filter) -> Self {
        Self(self.0 ^ filter.bit())
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Filter> {
        Filter::all().filter(move |f| self.contains(*f))
    }

    /// Whether the row has every feature in the set.
    pub fn fits(self, row: &Row) -> bool {
        self.iter().all(|f| f.fits(row))
    }
}

impl FromIterator<Filter> for FilterSet {
    fn from_iter<I: IntoIterator<Item = Filter>>(iter: I) -> Self {
        iter.into_iter().fold(FilterSet::default(), FilterSet::with)
    }
}

/// "At least" filters: per field, a step of that field's table (whole canonical units).
pub type Minimums = BTreeMap<Field, u32>;

/// Whether the row's value of `field` is known and at least `min` (canonical unit).
pub fn meets(row: &Row, field: Field, min: u32) -> bool {
    row.cell(field)
        .fact
        .quantity()
        .is_some_and(|q| q.canonical() >= Amount::whole(min.into()))
}

/// The fields that have an "at least" filter, in table order.
pub fn threshold_fields() -> impl Iterator<Item = Field> {
    Field::all().filter(|f| !f.def().steps.is_empty())
}
