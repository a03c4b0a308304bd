//! What a row must have to be shown: ticked features ("Free GPU", "No credit card", "Open to new
//! users") and minimums ("RAM at least 16 GB"). Both are built from the field table. Unknown and
//! none never pass either.

use super::rows::Row;
use crate::dataset::{Amount, Field, Test, Value};
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

/// "At least" filters: per field, a step of that field's table (whole canonical units), in field
/// order. A sorted list of a few pairs, not a `BTreeMap`: the same reads at a tenth of the wasm.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Minimums(Vec<(Field, u32)>);

impl Minimums {
    pub fn get(&self, field: Field) -> Option<u32> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|&(_, min)| min)
    }

    /// Sets the field's step, or removes it with `None`.
    pub fn set(&mut self, field: Field, min: Option<u32>) {
        match (self.0.binary_search_by_key(&field, |&(f, _)| f), min) {
            (Ok(at), Some(min)) => self.0[at].1 = min,
            (Ok(at), None) => {
                self.0.remove(at);
            }
            (Err(at), Some(min)) => self.0.insert(at, (field, min)),
            (Err(_), None) => {}
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (Field, u32)> + '_ {
        self.0.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

/// A field named twice keeps its last step, as a map would.
impl FromIterator<(Field, u32)> for Minimums {
    fn from_iter<I: IntoIterator<Item = (Field, u32)>>(pairs: I) -> Self {
        let mut out = Minimums::default();
        for (field, min) in pairs {
            out.set(field, Some(min));
        }
        out
    }
}

impl IntoIterator for Minimums {
    type Item = (Field, u32);
    type IntoIter = std::vec::IntoIter<(Field, u32)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

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
