//! What a validated dataset holds. Built only by `Dataset::parse`, so every value here has
//! passed the checks: known units, existing sources, https links, ISO dates.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The day the whole file was last reviewed (ISO date).
    pub dataset_date: String,
    pub sources: BTreeMap<String, Source>,
    pub platforms: Vec<Platform>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub title: String,
    pub url: String,
    /// When the source says it was published or updated (ISO date).
    pub date: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Platform {
    pub id: String,
    pub name: String,
    pub vendor: String,
    pub link: String,
    pub status: Status,
    pub summary: String,
    pub then: Option<Snapshot>,
    pub today: Option<Snapshot>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Active,
    /// Still running, but no longer takes new users.
    Closed {
        since: String,
        source: String,
        note: Option<String>,
    },
    Retired {
        since: String,
        source: String,
        successor: String,
    },
}

/// The two dated views of the data: the 2019 article's and today's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Era {
    Y2019,
    #[default]
    Today,
}

impl Era {
    pub const ALL: [Era; 2] = [Era::Y2019, Era::Today];

    pub fn id(self) -> &'static str {
        match self {
            Era::Y2019 => "2019",
            Era::Today => "today",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Era::Y2019 => "2019 (as in the article)",
            Era::Today => "Today",
        }
    }
}

/// The values of one platform as of one date.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The date these values describe; for today's snapshot, when they were last verified.
    pub as_of: String,
    pub facts: BTreeMap<Field, Fact>,
    pub pros: Vec<String>,
    pub cons: Vec<String>,
}

/// One value with where it came from and how sure we are of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub value: Value,
    /// Keys into `Dataset::sources`; never empty.
    pub sources: Vec<String>,
    pub confidence: Confidence,
    pub note: Option<String>,
    /// The other source's value, for a conflicting fact.
    pub alt: Option<Box<Fact>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(Quantity),
    Bool(bool),
    List(Vec<String>),
    /// Not known, with the reason (e.g. "not published").
    Unknown(String),
}

impl Value {
    /// Whether the platform has the thing at all: yes, a non-empty list, or a positive amount.
    pub fn is_present(&self) -> bool {
        match self {
            Value::Bool(b) => *b,
            Value::List(items) => !items.is_empty(),
            Value::Number(q) => q.number > 0.0,
            Value::Unknown(_) => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// The figure, or the upper bound of a range.
    pub number: f64,
    /// The lower bound of a range ("1–2 GB").
    pub low: Option<f64>,
    /// The vendor promises at most this much ("up to 12 h").
    pub up_to: bool,
    pub unit: Unit,
}

impl Quantity {
    /// The upper bound in the field's canonical unit: what numbers sort by.
    pub fn canonical(&self) -> f64 {
        self.number * self.unit.factor()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// The vendor's own current documentation.
    Verified,
    /// A secondary or third-party source.
    Reported,
    /// Observed, undated or old.
    Uncertain,
    /// Sources disagree; `Fact::alt` holds the other value.
    Conflicting,
}

impl Confidence {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "verified" => Self::Verified,
            "reported" => Self::Reported,
            "uncertain" => Self::Uncertain,
            "conflicting" => Self::Conflicting,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Reported => "reported",
            Self::Uncertain => "uncertain",
            Self::Conflicting => "conflicting",
        }
    }
}

/// What a unit measures; each field accepts one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Data,
    Time,
    Quota,
    Cores,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Gb,
    Mb,
    Hours,
    Minutes,
    HoursPerWeek,
    HoursPerDay,
    HoursPerMonth,
    MinutesPerDay,
    Cores,
}

impl Unit {
    const ALL: [Unit; 9] = [
        Unit::Gb,
        Unit::Mb,
        Unit::Hours,
        Unit::Minutes,
        Unit::HoursPerWeek,
        Unit::HoursPerDay,
        Unit::HoursPerMonth,
        Unit::MinutesPerDay,
        Unit::Cores,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Gb => "GB",
            Unit::Mb => "MB",
            Unit::Hours => "h",
            Unit::Minutes => "min",
            Unit::HoursPerWeek => "h/week",
            Unit::HoursPerDay => "h/day",
            Unit::HoursPerMonth => "h/month",
            Unit::MinutesPerDay => "min/day",
            Unit::Cores => "cores",
        }
    }

    pub fn parse(symbol: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.symbol() == symbol)
    }

    /// The units a field of this dimension may be written in.
    pub fn of(dimension: Dimension) -> impl Iterator<Item = Unit> {
        Unit::ALL
            .into_iter()
            .filter(move |u| u.dimension().0 == dimension)
    }

    fn dimension(self) -> (Dimension, f64) {
        match self {
            Unit::Gb => (Dimension::Data, 1.0),
            Unit::Mb => (Dimension::Data, 0.001),
            Unit::Hours => (Dimension::Time, 1.0),
            Unit::Minutes => (Dimension::Time, 1.0 / 60.0),
            Unit::HoursPerWeek => (Dimension::Quota, 1.0),
            Unit::HoursPerDay => (Dimension::Quota, 7.0),
            // A month is 365.25 / 12 days: 4.348 weeks.
            Unit::HoursPerMonth => (Dimension::Quota, 12.0 / 52.18),
            Unit::MinutesPerDay => (Dimension::Quota, 7.0 / 60.0),
            Unit::Cores => (Dimension::Cores, 1.0),
        }
    }

    /// Multiplier to the dimension's canonical unit (GB, hours, hours a week, cores).
    pub fn factor(self) -> f64 {
        self.dimension().1
    }
}

/// What kind of value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Number(Dimension),
    Bool,
    List,
    /// A list of models, or yes/no where the model is not stated.
    ListOrBool,
}

/// The facts recorded for every platform, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

impl Field {
    pub const ALL: [Field; 18] = [
        Field::Gpu,
        Field::GpuMemory,
        Field::GpuQuota,
        Field::Tpu,
        Field::CpuCores,
        Field::Ram,
        Field::Disk,
        Field::Storage,
        Field::Session,
        Field::Idle,
        Field::Languages,
        Field::Internet,
        Field::Terminal,
        Field::Card,
        Field::Phone,
        Field::Account,
        Field::Collaboration,
        Field::Versioning,
    ];

    /// The key in the data file and in the URL.
    pub fn id(self) -> &'static str {
        match self {
            Field::Gpu => "gpu",
            Field::GpuMemory => "gpu_memory",
            Field::GpuQuota => "gpu_quota",
            Field::Tpu => "tpu",
            Field::CpuCores => "cpu_cores",
            Field::Ram => "ram",
            Field::Disk => "disk",
            Field::Storage => "storage",
            Field::Session => "session",
            Field::Idle => "idle",
            Field::Languages => "languages",
            Field::Internet => "internet",
            Field::Terminal => "terminal",
            Field::Card => "card",
            Field::Phone => "phone",
            Field::Account => "account",
            Field::Collaboration => "collaboration",
            Field::Versioning => "versioning",
        }
    }

    pub fn parse(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    pub fn kind(self) -> FieldKind {
        use Dimension as D;
        match self {
            Field::Gpu | Field::Tpu => FieldKind::ListOrBool,
            Field::GpuMemory | Field::Ram | Field::Disk | Field::Storage => {
                FieldKind::Number(D::Data)
            }
            Field::GpuQuota => FieldKind::Number(D::Quota),
            Field::CpuCores => FieldKind::Number(D::Cores),
            Field::Session | Field::Idle => FieldKind::Number(D::Time),
            Field::Languages => FieldKind::List,
            _ => FieldKind::Bool,
        }
    }
}

impl Dataset {
    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|p| p.id == id)
    }
}

impl Platform {
    pub fn snapshot(&self, era: Era) -> Option<&Snapshot> {
        match era {
            Era::Y2019 => self.then.as_ref(),
            Era::Today => self.today.as_ref(),
        }
    }
}
