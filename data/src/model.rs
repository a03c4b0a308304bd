//! The data file's schema, as the types the rest of the program uses: serde reads
//! `assets/platforms.json` straight into them. The rules serde cannot express (dates, links,
//! sources that exist, units that fit the field…) are checked afterwards by `validate`. The
//! build script then writes the checked data as statics of these same types (`codegen`), which
//! is what the page carries.

use super::date::{days_before, year_before};
use super::fields::{Dimension, Field, Unit};
use super::types::{Amount, Boxed, Items, Prose, SortedMap, Text, Unexpected};
use serde::{Deserialize, Deserializer};
use strum::{EnumIter, EnumString, IntoStaticStr};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The day the whole file was last reviewed (ISO date).
    pub dataset_date: Text,
    /// The dates the page compares against, derived from `dataset_date` when the file is read.
    #[serde(skip)]
    pub limits: Limits,
    pub sources: SortedMap<Text, Source>,
    /// The GPU models the allowances name, by id (`compute.rs`).
    #[serde(default)]
    pub gpus: SortedMap<Text, Gpu>,
    pub platforms: Items<Platform>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Prose,
    pub url: Prose,
    /// When the source says it was published or updated, or when the copy read was taken (ISO date).
    pub date: Text,
    /// When `check-sources --accept` last re-read it (ISO date), and the fingerprint of the text it
    /// read then (`sha256:` and 64 hex digits): the next check compares against it.
    pub checked: Option<Text>,
    /// Native only: the checker reads it from the file; the page has no use for it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fingerprint: Option<Text>,
}

/// The longest short name: what the table's platform column holds at 1280 px without cutting it.
pub const SHORT_NAME_MAX: usize = 24;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    /// Lowercase letters, digits and '-': used in the URL and in element ids.
    pub id: Text,
    pub name: Text,
    /// The name on the table's and the cards' line (at most [`SHORT_NAME_MAX`] characters, unique);
    /// the full name is in the details, the link's title and the page without scripts.
    pub short_name: Text,
    pub vendor: Text,
    pub link: Text,
    pub status: Status,
    /// Today's free GPU allowance, with its figure (`compute.rs`).
    pub gpu_allowance: Option<Allowance>,
    pub summary: Prose,
    pub snapshots: Snapshots,
    /// Dated changes of today's values, oldest first (`history.rs`).
    #[serde(default)]
    pub history: Items<Change>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum Status {
    Active {},
    /// Still running, but no longer takes new users.
    Closed {
        since: Text,
        source: Text,
        note: Option<Text>,
    },
    Retired {
        since: Text,
        source: Text,
        successor: Text,
    },
}

/// The two dated views of a platform: the 2019 article's and today's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshots {
    #[serde(rename = "2019")]
    pub then: Option<Snapshot>,
    pub today: Option<Snapshot>,
}

/// Which view of the data the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, EnumIter, EnumString, IntoStaticStr)]
pub enum Era {
    #[strum(serialize = "2019")]
    Y2019,
    #[default]
    #[strum(serialize = "today")]
    Today,
}

/// The values of one platform as of one date.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The date these values describe; for today's snapshot, when they were last verified.
    pub as_of: Text,
    pub facts: SortedMap<Field, Fact>,
    #[serde(default)]
    pub pros: Items<Prose>,
    #[serde(default)]
    pub cons: Items<Prose>,
}

/// One value with where it came from and how sure we are of it. In the file the value and its
/// qualifiers sit side by side: `{"number": 12, "unit": "h", "up_to": true, "source": …}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Fact {
    #[serde(flatten)]
    pub value: Value,
    /// With a number only: what it counts.
    pub unit: Option<Unit>,
    /// With a number only: the lower end of a range ("1–2 GB").
    pub low: Option<Amount>,
    /// With a number only: "up to 12 h" or "8 h or more".
    #[serde(default)]
    pub up_to: bool,
    #[serde(default)]
    pub at_least: bool,
    /// Keys into `Dataset::sources`: one id or a list.
    #[serde(rename = "source", deserialize_with = "one_or_many", default)]
    pub sources: Items<Text>,
    pub confidence: Confidence,
    /// Our own words, shown with the source.
    pub note: Option<Prose>,
    /// The other source's value, for a conflicting fact.
    pub alt: Option<Boxed<Fact>>,
    /// Keys the schema does not know; `validate` reports them (serde's `deny_unknown_fields`
    /// cannot be combined with the flattened value). Public only for the statics the app's
    /// build writes (`Unexpected::NONE` in every fact): a struct literal in another crate must
    /// name every field. `Unexpected` keeps its keys private, so nothing else can be set here.
    #[doc(hidden)]
    #[serde(flatten)]
    pub unexpected: Unexpected,
}

/// Exactly one of these per fact; the key names the kind (`{"bool": true}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    Number(Amount),
    Bool(bool),
    /// `[]` means none of the kind (no GPU model); prefer `none` with its reason.
    List(Items<Text>),
    /// Not known, with the reason (e.g. "not published").
    Unknown(Text),
    /// A definite "there is no such thing", in a few words shown in the cell ("no GPU").
    None(Text),
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
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

/// A number with its unit and bounds, read off a validated fact.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// The figure, or the upper end of a range: what it sorts and filters by.
    pub number: Amount,
    pub low: Option<Amount>,
    pub bound: Bound,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exactly,
    /// The vendor promises at most this much.
    UpTo,
    /// A source says "this much or more".
    AtLeast,
}

impl Fact {
    /// The number with its unit, for a number fact.
    pub fn quantity(&self) -> Option<Quantity> {
        let (Value::Number(number), Some(unit)) = (&self.value, self.unit) else {
            return None;
        };
        let bound = match (self.up_to, self.at_least) {
            (true, _) => Bound::UpTo,
            (_, true) => Bound::AtLeast,
            _ => Bound::Exactly,
        };
        Some(Quantity {
            number: *number,
            low: self.low,
            bound,
            unit,
        })
    }

    /// Whether two facts show the same value (number, unit and bound; or bool, list, reason).
    pub fn same_value(&self, other: &Fact) -> bool {
        self.value == other.value && self.quantity() == other.quantity()
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self.value, Value::Unknown(_))
    }
}

impl Quantity {
    /// The number in its dimension's canonical unit (GB, hours, hours a week, cores).
    pub fn canonical(&self) -> Amount {
        self.unit.canonical(self.number)
    }

    pub fn dimension(&self) -> Dimension {
        self.unit.measure().0
    }
}

impl Confidence {
    pub fn label(self) -> &'static str {
        self.into()
    }
}

impl Era {
    /// The key in the URL (`?era=2019`).
    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Era::Y2019 => "2019 (as in the article)",
            Era::Today => "Today",
        }
    }
}

/// A value changed this many days before the dataset date, or less, is marked as recent.
pub const RECENT_DAYS: i64 = 90;

/// Dates the page only compares with others, worked out once from the dataset date when the file
/// is read (natively), so the page carries no date arithmetic. Empty in a dataset not read
/// through `Dataset::parse`: then nothing is recent and nothing stale.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Limits {
    /// A change made on or after this day is recent (`RECENT_DAYS` before the dataset date).
    pub recent_since: Text,
    /// Values verified before this day may be out of date (a year before the dataset date).
    pub stale_before: Text,
}

impl Limits {
    pub fn of(dataset_date: &str) -> Limits {
        Limits {
            recent_since: days_before(dataset_date, RECENT_DAYS)
                .unwrap_or_default()
                .into(),
            stale_before: year_before(dataset_date).unwrap_or_default().into(),
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
            Era::Y2019 => self.snapshots.then.as_ref(),
            Era::Today => self.snapshots.today.as_ref(),
        }
    }
}

/// `"id"` or `["id", …]`.
pub(crate) fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Items<Text>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(Text),
        Many(Vec<Text>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(id) => vec![id],
        OneOrMany::Many(ids) => ids,
    }
    .into())
}

/// Reads enums from their strum string form, naming the choices when a value is not one of them.
macro_rules! from_string_form {
    ($($ty:ty => $what:literal),*) => {$(
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(|_| {
                    let known: Vec<&str> = <$ty as strum::IntoEnumIterator>::iter().map(Into::into).collect();
                    serde::de::Error::custom(format!("{} '{s}' is not one of {}", $what, known.join(", ")))
                })
            }
        }
    )*};
}
from_string_form!(Field => "field", Unit => "unit");

/// One entry of `Platform::history` (see `history.rs`): a dated change of one of today's values.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// For a change, the first day a source shows it; for a correction, the day we made it.
    pub date: Text,
    /// A field id, kept as text so that an unknown one is listed with every other problem.
    pub field: Text,
    pub kind: ChangeKind,
    pub from: Reading,
    pub to: Reading,
    /// Keys into `Dataset::sources`: one id or a list.
    #[serde(rename = "source", deserialize_with = "one_or_many", default)]
    pub sources: Items<Text>,
    /// Our own words (in the prose file on the page: only What changed, written by the
    /// prerender, and the feeds show them).
    pub note: Option<Prose>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// The platform changed its free tier.
    Change,
    /// Our data changed; the platform did not (or not that we know of).
    Correction,
}

/// A value as the page shows it, without source or confidence: `{"number": 16, "unit": "GB"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Reading {
    #[serde(flatten)]
    pub value: Value,
    pub unit: Option<Unit>,
    pub low: Option<Amount>,
    #[serde(default)]
    pub up_to: bool,
    #[serde(default)]
    pub at_least: bool,
    /// As a fact's: public only for the build's statics (always `Unexpected::NONE`).
    #[doc(hidden)]
    #[serde(flatten)]
    pub unexpected: Unexpected,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Change => "change",
            ChangeKind::Correction => "correction",
        }
    }
}

impl Reading {
    /// The reading as a fact without sources, to show or compare it with a fact's own words.
    pub fn as_fact(&self) -> Fact {
        Fact {
            value: self.value.clone(),
            unit: self.unit,
            low: self.low,
            up_to: self.up_to,
            at_least: self.at_least,
            sources: Items::default(),
            confidence: Confidence::Verified,
            note: None,
            alt: None,
            unexpected: self.unexpected.clone(),
        }
    }
}

impl Reading {
    /// The value in words for the build's messages: "up to 12 h", "yes", "P100, T4", "unknown
    /// (not published)". Plain on purpose: `validate` (which build tools may compile on its own)
    /// needs nothing from `core`.
    pub fn words(&self) -> String {
        let unit = self.unit.map_or("", |u| u.symbol());
        match &self.value {
            Value::Number(n) => match (self.low, self.up_to, self.at_least) {
                (Some(low), ..) => format!("{low}–{n} {unit}"),
                (_, true, _) => format!("up to {n} {unit}"),
                (_, _, true) => format!("{n} {unit} or more"),
                _ => format!("{n} {unit}"),
            },
            Value::Bool(b) => (if *b { "yes" } else { "no" }).into(),
            Value::List(items) if items.is_empty() => "an empty list".into(),
            Value::List(items) => items.join(", "),
            Value::Unknown(reason) => format!("unknown ({reason})"),
            Value::None(reason) => format!("none ({reason})"),
        }
    }
}

impl Change {
    /// The field, once validated.
    pub fn field(&self) -> Option<Field> {
        Field::parse(&self.field)
    }
}

// How much GPU a free tier gives (`compute.rs` works out each figure and checks the rules).

/// One GPU model, as its maker's datasheet gives it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gpu {
    pub name: Text,
    /// GPU memory in GB.
    pub memory: Amount,
    /// Peak dense FP16/BF16 matrix throughput in TFLOPS (Tensor Cores where present, no sparsity).
    pub tflops: Amount,
    #[serde(rename = "source", deserialize_with = "one_or_many", default)]
    pub sources: Items<Text>,
    pub confidence: Confidence,
    /// Our own words, shown with the source (moved to the prose file, like facts' notes).
    pub note: Option<Prose>,
}

/// What kind of free GPU a platform gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AllowanceKind {
    /// Hours (or minutes) of GPU every day, week or month.
    Quota,
    /// Money or credits every period, spent at the vendor's per-GPU prices.
    Credits,
    /// Hours or credits once, for new users.
    Grant,
    /// A GPU, but a limit nobody publishes (dynamic, a queue).
    Unpublished,
    /// No free GPU.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Day,
    Week,
    Month,
}

/// A unit of time an amount or a price is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Per {
    #[serde(rename = "s")]
    Second,
    #[serde(rename = "min")]
    Minute,
    #[serde(rename = "h")]
    Hour,
}

/// US dollars in millionths: Modal prices a T4 at $0.000164 a second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Usd(pub i64);

/// The vendor's price of one GPU of a kind.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// A key of `Dataset::gpus`.
    pub gpu: Text,
    pub usd: Usd,
    pub per: Per,
    #[serde(rename = "source", deserialize_with = "one_or_many", default)]
    pub sources: Items<Text>,
}

/// A platform's free GPU allowance. Which keys go with which kind is checked by `problems`
/// (assets/DATA.md lists them).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allowance {
    pub kind: AllowanceKind,
    /// A quota's or a grant's time, in `unit`.
    pub amount: Option<Amount>,
    pub unit: Option<Per>,
    /// Credits (recurring or once), in dollars (a credit worth a dollar counts as one).
    pub usd: Option<Usd>,
    /// How often a quota or credits come back.
    pub per: Option<Period>,
    /// The GPU a quota, grant or unpublished limit runs on (a key of `Dataset::gpus`).
    pub gpu: Option<Text>,
    /// How many of that GPU a session holds: 2 for two T4s, 0.5 for half a card.
    pub count: Option<Amount>,
    /// Credits: the vendor's price of each GPU they may buy.
    #[serde(default)]
    pub prices: Items<Price>,
    /// Unpublished or none: why, in a few words.
    pub reason: Option<Text>,
    #[serde(rename = "source", deserialize_with = "one_or_many", default)]
    pub sources: Items<Text>,
    pub confidence: Confidence,
    pub note: Option<Prose>,
    /// The other source's reading, for a conflicting allowance.
    pub alt: Option<Boxed<Allowance>>,
    /// Worked out when the file is read (`Dataset::parse`); compiled in with the rest.
    #[serde(skip)]
    pub figure: Figure,
}

/// Where a figure sorts: recurring amounts, then one-off grants, then none, then unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Standing {
    Weekly,
    Once,
    None,
    #[default]
    Unknown,
}

/// A platform's "GPU compute a week".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figure {
    pub standing: Standing,
    /// T4-hours: a week's for a recurring allowance, the whole grant's for a one-off one.
    pub t4_hours: Option<Amount>,
    /// The cell: "60 T4-h/week", "36 h once (≈ 69.2 T4-h)", "no free GPU", "not published".
    pub text: Text,
    /// The popover: "30 h/week × 2 T4 × 1 (65 ÷ 65 TFLOPS) = 60 T4-h/week" (in the prose file).
    pub arithmetic: Prose,
    /// Credits: the GPU they buy the most compute on, and how many hours of it a month.
    pub bought: Option<Bought>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bought {
    /// A key of `Dataset::gpus`.
    pub gpu: Text,
    /// Hours of that GPU per `per` of the credits (a month, usually).
    pub hours: Amount,
    pub per: Period,
}

impl Per {
    pub fn seconds(self) -> i128 {
        match self {
            Per::Second => 1,
            Per::Minute => 60,
            Per::Hour => 3600,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Per::Second => "s",
            Per::Minute => "min",
            Per::Hour => "h",
        }
    }
}

impl Period {
    /// One period's amount as a week's, as a fraction: ×7 for a day, ×1 for a week, and for a
    /// month (365.25 ÷ 12 days) ×7 × 12 ÷ 365.25 = 336/1461.
    pub fn per_week(self) -> (i128, i128) {
        match self {
            Period::Day => (7, 1),
            Period::Week => (1, 1),
            Period::Month => (336, 1461),
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }
}

impl<'de> Deserialize<'de> for Usd {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let x = f64::deserialize(d)?;
        let micro = (x * 1e6).round();
        if (x * 1e6 - micro).abs() < 1e-3 && micro.abs() < 1e15 {
            Ok(Usd(micro as i64))
        } else {
            Err(serde::de::Error::custom(format!(
                "amount of dollars {x} has more than six decimals or is too large"
            )))
        }
    }
}

impl Usd {
    pub(super) fn to_f64(self) -> f64 {
        self.0 as f64 / 1e6
    }
}
