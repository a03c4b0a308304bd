//! The one table of fields. For every fact the data records: its key (derived from the variant
//! name), its label, what kind of value it takes, which end is better, the words that read a sort
//! out loud, the "Must have" box and the "at least" steps built on it. Adding a field is one
//! variant and one arm of `Field::def`, plus the data; the compiler points at nothing else.

use super::types::Amount;
use strum::{EnumCount, EnumIter, EnumString, IntoEnumIterator, IntoStaticStr};

/// The facts recorded for every platform, in table order.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    EnumIter,
    EnumCount,
    EnumString,
    IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Field {
    Gpu,
    GpuMemory,
    GpuQuota,
    Tpu,
    CpuCores,
    Ram,
    Disk,
    Storage,
    Session,
    Idle,
    Languages,
    Internet,
    Terminal,
    Card,
    Phone,
    Account,
    Collaboration,
    Versioning,
}

/// Everything the page and the parser know about one field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldDef {
    pub label: &'static str,
    pub kind: Kind,
    /// Which end is better: it sorts first on the first click and is "best" when comparing.
    pub better: Better,
    /// How a sort reads: (low values first, high values first).
    pub order_words: (&'static str, &'static str),
    /// The "Must have" box built on this field.
    pub feature: Option<Feature>,
    /// The steps of the "at least" filter, in whole canonical units (empty: no such filter).
    pub steps: &'static [u32],
}

/// What kind of value a field takes. `unknown` and `none` fit every kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Amount(Dimension),
    YesNo,
    List,
    /// A list of models, or yes/no where the model is not stated.
    ListOrYesNo,
}

/// What a unit measures; an amount field accepts the units of one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Data,
    Time,
    Quota,
    Cores,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    More,
    Less,
}

/// A yes/no filter on a field. Unknown and none never pass it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature {
    /// The key in the URL (`?f=gpu,r`).
    pub id: &'static str,
    pub label: &'static str,
    pub test: Test,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Test {
    /// Yes, or a non-empty list.
    Has,
    /// A definite no.
    Lacks,
    /// A list holding this item.
    Includes(&'static str),
}

const AMOUNT: (&str, &str) = ("smallest first", "largest first");
const COUNT: (&str, &str) = ("fewest first", "most first");
const YES_NO: (&str, &str) = ("no first", "yes first");

impl Field {
    pub fn def(self) -> FieldDef {
        use Better::*;
        use Dimension::*;
        use Kind::*;
        let def = |label, kind, better, order_words| FieldDef {
            label,
            kind,
            better,
            order_words,
            feature: None,
            steps: &[],
        };
        let feature = |id, label, test| Some(Feature { id, label, test });
        match self {
            Field::Gpu => FieldDef {
                feature: feature("gpu", "Free GPU", Test::Has),
                ..def("GPU", ListOrYesNo, More, COUNT)
            },
            Field::GpuMemory => FieldDef {
                steps: &[8, 16, 24, 48],
                ..def("GPU memory", Amount(Data), More, AMOUNT)
            },
            Field::GpuQuota => FieldDef {
                steps: &[1, 10, 20, 30],
                ..def(
                    "GPU time",
                    Amount(Quota),
                    More,
                    ("least first", "most first"),
                )
            },
            Field::Tpu => FieldDef {
                feature: feature("tpu", "Free TPU", Test::Has),
                ..def("TPU", ListOrYesNo, More, COUNT)
            },
            Field::CpuCores => def("CPU cores", Amount(Cores), More, AMOUNT),
            Field::Ram => FieldDef {
                steps: &[4, 8, 16, 32],
                ..def("RAM", Amount(Data), More, AMOUNT)
            },
            Field::Disk => def("Disk", Amount(Data), More, AMOUNT),
            Field::Storage => def("Persistent storage", Amount(Data), More, AMOUNT),
            Field::Session => FieldDef {
                steps: &[1, 4, 9, 12],
                ..def(
                    "Max session",
                    Amount(Time),
                    More,
                    ("shortest first", "longest first"),
                )
            },
            Field::Idle => def(
                "Idle timeout",
                Amount(Time),
                More,
                ("shortest first", "longest first"),
            ),
            Field::Languages => FieldDef {
                feature: feature("r", "R language", Test::Includes("R")),
                ..def("Languages", List, More, COUNT)
            },
            Field::Internet => FieldDef {
                feature: feature("internet", "Internet access", Test::Has),
                ..def("Internet", YesNo, More, YES_NO)
            },
            Field::Terminal => FieldDef {
                feature: feature("terminal", "Terminal", Test::Has),
                ..def("Terminal", YesNo, More, YES_NO)
            },
            Field::Card => FieldDef {
                feature: feature("nocard", "No credit card", Test::Lacks),
                ..def("Card needed", YesNo, Less, YES_NO)
            },
            Field::Phone => FieldDef {
                feature: feature("nophone", "No phone check", Test::Lacks),
                ..def("Phone check", YesNo, Less, YES_NO)
            },
            Field::Account => FieldDef {
                feature: feature("noaccount", "No account", Test::Lacks),
                ..def("Account needed", YesNo, Less, YES_NO)
            },
            Field::Collaboration => FieldDef {
                feature: feature("collab", "Real-time collaboration", Test::Has),
                ..def("Real-time collaboration", YesNo, More, YES_NO)
            },
            Field::Versioning => FieldDef {
                feature: feature("versions", "Version history", Test::Has),
                ..def("Version history", YesNo, More, YES_NO)
            },
        }
    }

    /// The key in the data file and in the URL.
    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn parse(id: &str) -> Option<Field> {
        id.parse().ok()
    }

    pub fn label(self) -> &'static str {
        self.def().label
    }

    pub fn kind(self) -> Kind {
        self.def().kind
    }

    /// Every field, in table order.
    pub fn all() -> impl Iterator<Item = Field> {
        Field::iter()
    }
}

/// A unit a number is written in; the symbol is its spelling in the data file and on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, EnumString, IntoStaticStr)]
pub enum Unit {
    #[strum(serialize = "GB")]
    Gb,
    #[strum(serialize = "MB")]
    Mb,
    #[strum(serialize = "h")]
    Hours,
    #[strum(serialize = "min")]
    Minutes,
    #[strum(serialize = "h/week")]
    HoursPerWeek,
    #[strum(serialize = "h/day")]
    HoursPerDay,
    #[strum(serialize = "h/month")]
    HoursPerMonth,
    #[strum(serialize = "min/day")]
    MinutesPerDay,
    #[strum(serialize = "cores")]
    Cores,
}

impl Unit {
    /// What the unit measures, and the factor to that dimension's canonical unit (GB, hours,
    /// hours a week, cores) as a fraction: (dimension, times, per).
    pub fn measure(self) -> (Dimension, i64, i64) {
        use Dimension::*;
        match self {
            Unit::Gb => (Data, 1, 1),
            Unit::Mb => (Data, 1, 1000),
            Unit::Hours => (Time, 1, 1),
            Unit::Minutes => (Time, 1, 60),
            Unit::HoursPerWeek => (Quota, 1, 1),
            Unit::HoursPerDay => (Quota, 7, 1),
            // A month is 365.25 / 12 days, so a week is 7 × 12 / 365.25 = 336 / 1461 of it.
            Unit::HoursPerMonth => (Quota, 336, 1461),
            Unit::MinutesPerDay => (Quota, 7, 60),
            Unit::Cores => (Cores, 1, 1),
        }
    }

    /// `amount` of this unit in its dimension's canonical unit, to the nearest thousandth.
    pub fn canonical(self, amount: Amount) -> Amount {
        let (_, times, per) = self.measure();
        amount.scaled(times, per)
    }

    pub fn symbol(self) -> &'static str {
        self.into()
    }

    /// The units a field of this dimension may be written in.
    pub fn of(dimension: Dimension) -> impl Iterator<Item = Unit> {
        Unit::iter().filter(move |u| u.measure().0 == dimension)
    }
}

impl Dimension {
    /// The unit values of this dimension are compared in.
    pub fn canonical(self) -> Unit {
        match self {
            Dimension::Data => Unit::Gb,
            Dimension::Time => Unit::Hours,
            Dimension::Quota => Unit::HoursPerWeek,
            Dimension::Cores => Unit::Cores,
        }
    }
}
