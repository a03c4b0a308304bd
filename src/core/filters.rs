//! Feature filters: a row is shown when it has every ticked feature. Unknown never counts as having it.

use super::rows::Row;
use crate::dataset::{Field, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Filter {
    Gpu,
    Tpu,
    R,
    Terminal,
    Internet,
    Collaboration,
    Versioning,
    NoCard,
    NoPhone,
    NoAccount,
    Open,
}

impl Filter {
    pub const ALL: [Filter; 11] = [
        Filter::Gpu,
        Filter::Tpu,
        Filter::R,
        Filter::Terminal,
        Filter::Internet,
        Filter::Collaboration,
        Filter::Versioning,
        Filter::NoCard,
        Filter::NoPhone,
        Filter::NoAccount,
        Filter::Open,
    ];

    /// The key used in the URL (`?f=gpu,r`).
    pub fn id(self) -> &'static str {
        match self {
            Filter::Gpu => "gpu",
            Filter::Tpu => "tpu",
            Filter::R => "r",
            Filter::Terminal => "terminal",
            Filter::Internet => "internet",
            Filter::Collaboration => "collab",
            Filter::Versioning => "versions",
            Filter::NoCard => "nocard",
            Filter::NoPhone => "nophone",
            Filter::NoAccount => "noaccount",
            Filter::Open => "open",
        }
    }

    pub fn parse(id: &str) -> Option<Filter> {
        Filter::ALL.into_iter().find(|f| f.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Filter::Gpu => "Free GPU",
            Filter::Tpu => "Free TPU",
            Filter::R => "R language",
            Filter::Terminal => "Terminal",
            Filter::Internet => "Internet access",
            Filter::Collaboration => "Real-time collaboration",
            Filter::Versioning => "Version history",
            Filter::NoCard => "No credit card",
            Filter::NoPhone => "No phone check",
            Filter::NoAccount => "No account",
            Filter::Open => "Open to new users",
        }
    }

    pub fn fits(self, row: &Row) -> bool {
        let value = |field| &row.cell(field).fact.value;
        let has = |field| value(field).is_present();
        let lacks = |field| matches!(value(field), Value::Bool(false));
        match self {
            Filter::Gpu => has(Field::Gpu),
            Filter::Tpu => has(Field::Tpu),
            Filter::R => {
                matches!(value(Field::Languages), Value::List(l) if l.iter().any(|x| x == "R"))
            }
            Filter::Terminal => has(Field::Terminal),
            Filter::Internet => has(Field::Internet),
            Filter::Collaboration => has(Field::Collaboration),
            Filter::Versioning => has(Field::Versioning),
            Filter::NoCard => lacks(Field::Card),
            Filter::NoPhone => lacks(Field::Phone),
            Filter::NoAccount => lacks(Field::Account),
            Filter::Open => row.status.is_open(),
        }
    }
}

/// A set of filters, small enough to copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FilterSet(u16);

impl FilterSet {
    fn bit(filter: Filter) -> u16 {
        1 << (filter as u16)
    }

    pub fn contains(self, filter: Filter) -> bool {
        self.0 & Self::bit(filter) != 0
    }

    pub fn with(self, filter: Filter) -> Self {
        Self(self.0 | Self::bit(filter))
    }

    pub fn toggled(self, filter: Filter) -> Self {
        Self(self.0 ^ Self::bit(filter))
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Filter> {
        Filter::ALL.into_iter().filter(move |f| self.contains(*f))
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
