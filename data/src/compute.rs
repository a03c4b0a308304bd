//! How much GPU a free tier gives, as data: a table of the GPU models the data names (memory and
//! one throughput figure from the maker), and per platform a structured allowance (a recurring
//! quota, recurring credits with the vendor's per-GPU prices, a one-off grant, an unpublished
//! limit, or none). From them the build works out each platform's "GPU compute a week" in
//! T4-equivalent hours, with its arithmetic as words ([`Figure`]), so the page carries the
//! results and none of the arithmetic. The method is [`METHOD`]; assets/DATA.md has the format.

use super::fields::Field;
use super::model::*;
use super::problem::Problem;
use super::types::{Amount, Boxed, Items, Prose, Text};

use std::collections::BTreeSet;

/// Bumped whenever the method below changes what a figure means.
pub const METHOD_VERSION: u32 = 1;

/// The method, once, for the README and the column's help.
pub const METHOD: &str = "GPU compute a week, in T4-hours (method 1): the hours a free tier gives \
in a week, times the GPUs a session holds (2 for two T4s, 0.5 for half a card), times the GPU's \
throughput over a T4's (the maker's dense FP16/BF16 Tensor Core TFLOPS, without sparsity). Days \
count 7 to a week and months 365.25 ÷ 12 days. Monthly credits are spent on the GPU the vendor's \
own prices make the most compute per dollar, which is named. One-off grants are shown as hours \
once, never spread over weeks, and sort after every recurring allowance; an unpublished limit \
stays unknown. Peak throughput is an upper bound: memory-bound work (most inference) gains less \
from a bigger card.";

/// The id of the GPU every figure is counted in.
pub const UNIT_GPU: &str = "t4";

impl Dataset {
    /// The GPU with this id.
    pub fn gpu(&self, id: &str) -> Option<&Gpu> {
        self.gpus.get(id)
    }

    /// Works out every allowance's figure (a checked dataset has every GPU it names).
    pub(super) fn fill_figures(&mut self) {
        let gpus = self.gpus.clone();
        for platform in self.platforms.to_mut() {
            if let Some(allowance) = &mut platform.gpu_allowance {
                allowance.figure = figure(&gpus, allowance);
                if let Some(alt) = &mut allowance.alt {
                    let mut other = (**alt).clone();
                    other.figure = figure(&gpus, &other);
                    *alt = Boxed::Heap(Box::new(other));
                }
            }
        }
    }
}

impl Dataset {
    /// Empties every allowance's price list once the figures are worked out: the page's statics
    /// carry the figures, the published files and native code the whole data.
    pub fn drop_prices(&mut self) {
        for platform in self.platforms.to_mut() {
            if let Some(allowance) = &mut platform.gpu_allowance {
                allowance.prices = Items::default();
                if let Some(alt) = &mut allowance.alt {
                    let mut other = (**alt).clone();
                    other.prices = Items::default();
                    *alt = Boxed::Heap(Box::new(other));
                }
            }
        }
    }
}

type Gpus = super::types::SortedMap<Text, Gpu>;

/// `n / d` to the nearest thousandth, halves up (`n`, `d` ≥ 0).
fn milli(n: i128, d: i128) -> Amount {
    Amount::from_milli(((n * 1000 + d / 2) / d) as i64)
}

/// A number for the arithmetic's words: at most `places` decimals, no trailing zeros.
fn num(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// Dollars to the millionth the data allows: "$30", "$0.48", "$6.2496".
fn money(x: Usd) -> String {
    format!("${}", num(x.to_f64(), 6))
}

/// The figure of one allowance: its kind decides the arithmetic.
fn figure(gpus: &Gpus, a: &Allowance) -> Figure {
    let reason = a.reason.as_deref().unwrap_or("not published");
    match a.kind {
        AllowanceKind::None => Figure {
            standing: Standing::None,
            text: reason.to_owned().into(),
            arithmetic: format!("None: {reason}.").into(),
            ..Figure::default()
        },
        AllowanceKind::Unpublished => Figure {
            standing: Standing::Unknown,
            text: "not published".into(),
            arithmetic: format!("Unknown: {reason}.").into(),
            ..Figure::default()
        },
        AllowanceKind::Quota => quota_figure(gpus, a),
        AllowanceKind::Credits | AllowanceKind::Grant if a.usd.is_some() => bought_figure(gpus, a),
        AllowanceKind::Grant => time_grant_figure(gpus, a),
        // A checked allowance of credits always has its dollars.
        AllowanceKind::Credits => Figure::default(),
    }
}

/// A GPU's throughput over a T4's as the exact fraction `num / den` (TFLOPS in thousandths),
/// with its words: "7.75 (503.8 ÷ 65 TFLOPS)".
struct Ratio {
    num: i128,
    den: i128,
    words: String,
}

fn ratio_to_t4(gpus: &Gpus, g: &Gpu) -> Ratio {
    let t4 = gpus.get(UNIT_GPU).map_or(1, |t| t.tflops.milli());
    let words = format!(
        "{} ({} ÷ {} TFLOPS)",
        num(g.tflops.milli() as f64 / t4 as f64, 2),
        g.tflops,
        Amount::from_milli(t4)
    );
    Ratio {
        num: i128::from(g.tflops.milli()),
        den: i128::from(t4),
        words,
    }
}

/// The GPU's name as the arithmetic writes it: "T4", not "NVIDIA T4".
fn short_name(g: &Gpu) -> String {
    g.name.trim_start_matches("NVIDIA ").to_owned()
}

/// The GPU a quota or a grant of time runs on, if the vendor names it.
fn named_gpu<'a>(gpus: &'a Gpus, a: &Allowance) -> Option<&'a Gpu> {
    a.gpu.as_deref().and_then(|id| gpus.get(id))
}

/// How many of the GPU a session holds (one unless the data says otherwise).
fn gpu_count(a: &Allowance) -> Amount {
    a.count.unwrap_or(Amount::whole(1))
}

/// A recurring quota of time: hours a week × GPUs × throughput ratio.
fn quota_figure(gpus: &Gpus, a: &Allowance) -> Figure {
    let (Some(amount), Some(unit), Some(per)) = (a.amount, a.unit, a.per) else {
        return Figure::default();
    };
    let count = gpu_count(a);
    let time = format!("{amount} {}/{}", unit.symbol(), per.word());
    let (wn, wd) = per.per_week();
    let unit_h = (unit.seconds(), 3600);
    // Hours a week, exactly: amount × unit/h × weeks.
    let (hn, hd) = (
        i128::from(amount.milli()) * unit_h.0 * wn,
        1000 * unit_h.1 * wd,
    );
    let weekly = if per == Period::Week && unit == Per::Hour {
        time.clone()
    } else {
        format!("{time} = {} h/week", num(hn as f64 / hd as f64, 2))
    };
    let Some(g) = named_gpu(gpus, a) else {
        return Figure {
            standing: Standing::Unknown,
            text: "GPU not published".into(),
            arithmetic: format!("{weekly}, on a GPU the vendor does not name: no T4 equivalent.")
                .into(),
            ..Figure::default()
        };
    };
    let ratio = ratio_to_t4(gpus, g);
    let t4h = milli(
        hn * i128::from(count.milli()) * ratio.num,
        hd * 1000 * ratio.den,
    );
    Figure {
        standing: Standing::Weekly,
        t4_hours: Some(t4h),
        text: format!("{} T4-h/week", tenths(t4h)).into(),
        arithmetic: format!(
            "{weekly} × {count} {} × {} = {} T4-h/week",
            short_name(g),
            ratio.words,
            tenths(t4h)
        )
        .into(),
        bought: None,
    }
}

/// The price of an hour of the GPU, in millionths of a dollar.
fn hour_price(p: &Price) -> i128 {
    i128::from(p.usd.0) * 3600 / p.per.seconds()
}

/// The price that buys the most compute per dollar (the largest TFLOPS per dollar-hour; the
/// first listed on a tie), with its GPU; prices of GPUs the table lacks are passed over.
fn best_per_dollar<'a>(gpus: &'a Gpus, prices: &'a Items<Price>) -> Option<(&'a Price, &'a Gpu)> {
    prices
        .iter()
        .filter_map(|p| gpus.get(&*p.gpu).map(|g| (p, g)))
        .reduce(|best, next| {
            // Cross-multiplied, so no division: next wins when tflops_n / price_n > tflops_b / price_b.
            let (b, n) = (
                i128::from(best.1.tflops.milli()) * hour_price(next.0),
                i128::from(next.1.tflops.milli()) * hour_price(best.0),
            );
            if n > b {
                next
            } else {
                best
            }
        })
}

/// Dollars (recurring credits or a one-off grant) spent on the GPU that gives the most compute
/// per dollar.
fn bought_figure(gpus: &Gpus, a: &Allowance) -> Figure {
    let usd = a.usd.unwrap_or_default();
    let Some((price, g)) = best_per_dollar(gpus, &a.prices) else {
        return Figure::default();
    };
    let per_hour = hour_price(price);
    let ratio = ratio_to_t4(gpus, g);
    // Hours of that GPU the credits buy: usd ÷ price an hour (both in millionths).
    let hours = (i128::from(usd.0), per_hour);
    let bought_words = format!(
        "÷ {}/h ({}, the most compute per dollar) = {} h",
        money(Usd(per_hour as i64)),
        short_name(g),
        num(hours.0 as f64 / hours.1 as f64, 2)
    );
    match (a.kind, a.per) {
        (AllowanceKind::Credits, Some(per)) => {
            credits_figure(usd, per, price, hours, &ratio, &bought_words)
        }
        _ => {
            let t4h = milli(hours.0 * ratio.num, hours.1 * ratio.den);
            Figure {
                standing: Standing::Once,
                t4_hours: Some(t4h),
                text: format!("{} once (≈ {} T4-h)", money(usd), tenths(t4h)).into(),
                arithmetic: format!(
                    "{} once {bought_words} × {} = {} T4-h once",
                    money(usd),
                    ratio.words,
                    tenths(t4h)
                )
                .into(),
                bought: None,
            }
        }
    }
}

/// Recurring credits: the GPU hours they buy each `per` (the fraction `hours`), counted a week.
fn credits_figure(
    usd: Usd,
    per: Period,
    price: &Price,
    (hn, hd): (i128, i128),
    ratio: &Ratio,
    bought_words: &str,
) -> Figure {
    let (wn, wd) = per.per_week();
    let t4h = milli(hn * wn * ratio.num, hd * wd * ratio.den);
    let weekly = if per == Period::Week {
        String::new()
    } else {
        format!(" ≈ {} h/week", num((hn * wn) as f64 / (hd * wd) as f64, 2))
    };
    Figure {
        standing: Standing::Weekly,
        t4_hours: Some(t4h),
        text: format!("{} T4-h/week", tenths(t4h)).into(),
        arithmetic: format!(
            "{}/{} {bought_words}/{}{weekly} × {} = {} T4-h/week",
            money(usd),
            per.word(),
            per.word(),
            ratio.words,
            tenths(t4h)
        )
        .into(),
        bought: Some(Bought {
            gpu: price.gpu.clone(),
            hours: milli(hn, hd),
            per,
        }),
    }
}

/// A one-off grant of time: hours once × GPUs × throughput ratio, never spread over weeks.
fn time_grant_figure(gpus: &Gpus, a: &Allowance) -> Figure {
    let (Some(amount), Some(unit)) = (a.amount, a.unit) else {
        return Figure::default();
    };
    let count = gpu_count(a);
    let time = format!("{amount} {} once", unit.symbol());
    let Some(g) = named_gpu(gpus, a) else {
        return Figure {
            standing: Standing::Once,
            text: time.clone().into(),
            arithmetic: format!("{time}, on a GPU the vendor does not name: no T4 equivalent.")
                .into(),
            ..Figure::default()
        };
    };
    let ratio = ratio_to_t4(gpus, g);
    let (hn, hd) = (i128::from(amount.milli()) * unit.seconds(), 1000 * 3600);
    let t4h = milli(
        hn * i128::from(count.milli()) * ratio.num,
        hd * 1000 * ratio.den,
    );
    Figure {
        standing: Standing::Once,
        t4_hours: Some(t4h),
        text: format!("{time} (≈ {} T4-h)", tenths(t4h)).into(),
        arithmetic: format!(
            "{time} × {count} {} × {} = {} T4-h once",
            short_name(g),
            ratio.words,
            tenths(t4h)
        )
        .into(),
        bought: None,
    }
}

/// To a tenth, without a trailing ".0".
fn tenths(x: Amount) -> String {
    Amount::from_milli(x.scaled(1, 100).milli() * 100).to_string()
}

/// Every rule the GPU table and the allowances break, each with its place.
pub(super) fn problems(data: &Dataset) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut fail = |platform: Option<&str>, field: &str, message: String| {
        out.push(Problem {
            platform: platform.map(str::to_owned),
            field: Some(field.to_owned()),
            message,
        })
    };
    for (id, g) in data.gpus.iter() {
        let place = format!("gpu '{id}'");
        let mut at = |m: String| fail(None, &place, m);
        let id_ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            at("id must be lowercase letters, digits and '-'".into());
        }
        if g.name.trim().is_empty() {
            at("name is empty".into());
        }
        if g.memory <= Amount::default() {
            at(format!("memory {} GB is not above zero", g.memory));
        }
        if g.tflops <= Amount::default() {
            at(format!("throughput {} TFLOPS is not above zero", g.tflops));
        }
        if g.confidence == Confidence::Conflicting {
            at("a GPU's figures cannot be conflicting: write the datasheet's and say why in the note"
                .into());
        }
        if g.note.as_ref().is_some_and(blank) {
            at("note is empty".into());
        }
        sources(data, &g.sources, &mut at);
    }
    let named = data.platforms.iter().any(|p| p.gpu_allowance.is_some());
    if named && data.gpu(UNIT_GPU).is_none() {
        fail(
            None,
            "gpus",
            format!("the GPU table has no '{UNIT_GPU}', the GPU every figure is counted in"),
        );
    }
    for p in data.platforms.iter() {
        let Some(a) = &p.gpu_allowance else { continue };
        let mut at = |m: String| fail(Some(&p.id), "gpu_allowance", m);
        allowance(data, a, true, &mut at);
        // The allowance and today's "GPU" value say the same: a free GPU or none. (A value
        // broken in itself is reported as such, not again here.)
        let gpu = p
            .snapshot(Era::Today)
            .and_then(|s| s.facts.get(&Field::Gpu))
            .filter(|f| f.unexpected.is_empty());
        let has = gpu.and_then(|f| match &f.value {
            Value::Bool(b) => Some(*b),
            Value::List(items) => Some(!items.is_empty()),
            Value::None(_) => Some(false),
            _ => None,
        });
        match (has, a.kind == AllowanceKind::None) {
            (Some(true), true) => at("kind 'none', but today's GPU value names a free GPU".into()),
            (Some(false), false) => at(format!(
                "kind '{}', but today's GPU value says there is no free GPU",
                format!("{:?}", a.kind).to_lowercase()
            )),
            _ => {}
        }
    }
    out
}

/// Words that are here and empty (prose still in the prose file is not checked).
fn blank(prose: &Prose) -> bool {
    prose.text().is_some_and(|t| t.trim().is_empty())
}

/// Sources are listed, known and each named once.
fn sources(data: &Dataset, ids: &Items<Text>, fail: &mut dyn FnMut(String)) {
    if ids.is_empty() {
        fail("has no source".into());
    }
    let mut seen = BTreeSet::new();
    for id in ids {
        if !data.sources.contains_key(&**id) {
            fail(format!("source '{id}' is not in the sources list"));
        }
        if !seen.insert(id) {
            fail(format!("source '{id}' is listed twice"));
        }
    }
}

/// Every rule one allowance breaks (an alt is checked as an allowance of its own, which may
/// not have an alt in turn).
fn allowance(data: &Dataset, a: &Allowance, may_have_alt: bool, fail: &mut dyn FnMut(String)) {
    keys_fit_kind(a, fail);
    values_valid(data, a, fail);
    prices(data, a, fail);
    if a.reason.as_deref().is_some_and(|r| r.trim().is_empty()) {
        fail("reason is empty".into());
    }
    if a.note.as_ref().is_some_and(blank) {
        fail("note is empty".into());
    }
    sources(data, &a.sources, fail);
    alt_fits_confidence(data, a, may_have_alt, fail);
}

/// Each key is present exactly when the allowance's kind allows or needs it (assets/DATA.md).
fn keys_fit_kind(a: &Allowance, fail: &mut dyn FnMut(String)) {
    use AllowanceKind as K;
    let kind = format!("{:?}", a.kind).to_lowercase();
    let money_grant = a.kind == K::Grant && a.usd.is_some();
    // (key, present, allowed with this kind, required with this kind)
    let keys: [(&str, bool, bool, bool); 8] = [
        (
            "amount",
            a.amount.is_some(),
            matches!(a.kind, K::Quota | K::Grant) && !money_grant,
            matches!(a.kind, K::Quota) || (a.kind == K::Grant && !money_grant),
        ),
        (
            "unit",
            a.unit.is_some(),
            matches!(a.kind, K::Quota | K::Grant) && !money_grant,
            matches!(a.kind, K::Quota) || (a.kind == K::Grant && !money_grant),
        ),
        (
            "usd",
            a.usd.is_some(),
            matches!(a.kind, K::Credits | K::Grant),
            a.kind == K::Credits,
        ),
        (
            "per",
            a.per.is_some(),
            matches!(a.kind, K::Quota | K::Credits),
            matches!(a.kind, K::Quota | K::Credits),
        ),
        (
            "gpu",
            a.gpu.is_some(),
            matches!(a.kind, K::Quota | K::Grant | K::Unpublished) && !money_grant,
            false,
        ),
        (
            "count",
            a.count.is_some(),
            matches!(a.kind, K::Quota | K::Grant) && !money_grant,
            false,
        ),
        (
            "prices",
            !a.prices.is_empty(),
            a.kind == K::Credits || money_grant,
            a.kind == K::Credits || money_grant,
        ),
        (
            "reason",
            a.reason.is_some(),
            matches!(a.kind, K::Unpublished | K::None),
            matches!(a.kind, K::Unpublished | K::None),
        ),
    ];
    for (key, present, allowed, required) in keys {
        if present && !allowed {
            fail(format!("'{key}' does not go with kind '{kind}'"));
        } else if required && !present {
            fail(format!("kind '{kind}' needs '{key}'"));
        }
    }
}

/// Amounts above zero, time in hours or minutes, and a GPU the table has.
fn values_valid(data: &Dataset, a: &Allowance, fail: &mut dyn FnMut(String)) {
    if a.amount.is_some_and(|x| x <= Amount::default()) {
        fail("amount is not above zero".into());
    }
    if a.unit == Some(Per::Second) {
        fail("a quota or grant is counted in 'h' or 'min', not 's'".into());
    }
    if a.usd.is_some_and(|x| x.0 <= 0) {
        fail("usd is not above zero".into());
    }
    if a.count.is_some_and(|x| x <= Amount::default()) {
        fail("count is not above zero".into());
    }
    if let Some(id) = &a.gpu {
        if data.gpu(id).is_none() {
            fail(format!("GPU '{id}' is not in the GPU table"));
        }
    }
}

/// Each price is of a GPU the table has, once, above zero, with its sources.
fn prices(data: &Dataset, a: &Allowance, fail: &mut dyn FnMut(String)) {
    let mut priced = BTreeSet::new();
    for price in &a.prices {
        if data.gpu(&price.gpu).is_none() {
            fail(format!(
                "a price for GPU '{}', which the GPU table lacks",
                price.gpu
            ));
        }
        if !priced.insert(&price.gpu) {
            fail(format!("GPU '{}' is priced twice", price.gpu));
        }
        if price.usd.0 <= 0 {
            fail(format!(
                "the price of GPU '{}' is not above zero",
                price.gpu
            ));
        }
        sources(data, &price.sources, fail);
    }
}

/// A conflicting allowance carries the other source's reading as its alt, and only it does.
fn alt_fits_confidence(
    data: &Dataset,
    a: &Allowance,
    may_have_alt: bool,
    fail: &mut dyn FnMut(String),
) {
    let conflicting = a.confidence == Confidence::Conflicting;
    match (&a.alt, conflicting && may_have_alt) {
        (Some(alt), true) => allowance(data, alt, false, fail),
        (None, true) => fail("is conflicting but has no alt (the other source's reading)".into()),
        (Some(_), false) if !may_have_alt => fail("an alt cannot have an alt of its own".into()),
        (Some(_), false) => fail("has an alt but is not conflicting".into()),
        (None, false) if conflicting => fail("an alt cannot itself be conflicting".into()),
        (None, false) => {}
    }
}

/// The JSON Schema of a GPU and of an allowance, for the published `platforms.schema.json`
/// (`$defs` named `gpu` and `allowance`; they refer to the schema's `text` and `sources`). The
/// rules across the file (a GPU the table lacks) are the build's alone.
#[cfg(not(target_arch = "wasm32"))]
pub fn schema_defs() -> [(&'static str, serde_json::Value); 2] {
    use serde_json::json;
    let positive = json!({"type": "number", "exclusiveMinimum": 0});
    let gpu = json!({
        "type": "object", "additionalProperties": false,
        "required": ["name", "memory", "tflops", "source", "confidence"],
        "properties": {
            "name": {"$ref": "#/$defs/text"}, "memory": positive, "tflops": positive,
            "source": {"$ref": "#/$defs/sources"},
            "confidence": {"enum": ["verified", "reported", "uncertain"]},
            "note": {"$ref": "#/$defs/text"}
        }
    });
    // Which keys each kind needs (assets/DATA.md); a grant is of time or of credits.
    let needs = |kind: &str, keys: &[&str]| json!({"if": {"properties": {"kind": {"const": kind}}}, "then": {"required": keys}});
    let allowance = json!({
        "type": "object", "additionalProperties": false,
        "required": ["kind", "source", "confidence"],
        "properties": {
            "kind": {"enum": ["quota", "credits", "grant", "unpublished", "none"]},
            "amount": positive, "unit": {"enum": ["h", "min"]}, "usd": positive,
            "per": {"enum": ["day", "week", "month"]}, "gpu": {"type": "string"}, "count": positive,
            "prices": {"type": "array", "minItems": 1, "items": {
                "type": "object", "additionalProperties": false,
                "required": ["gpu", "usd", "per", "source"],
                "properties": {
                    "gpu": {"type": "string"}, "usd": positive,
                    "per": {"enum": ["s", "min", "h"]}, "source": {"$ref": "#/$defs/sources"}
                }
            }},
            "reason": {"$ref": "#/$defs/text"}, "source": {"$ref": "#/$defs/sources"},
            "confidence": {"enum": ["verified", "reported", "uncertain", "conflicting"]},
            "note": {"$ref": "#/$defs/text"}, "alt": {"$ref": "#/$defs/allowance"}
        },
        "allOf": [
            needs("quota", &["amount", "unit", "per"]),
            needs("credits", &["usd", "per", "prices"]),
            needs("unpublished", &["reason"]),
            needs("none", &["reason"]),
            {"if": {"properties": {"confidence": {"const": "conflicting"}}},
             "then": {"required": ["alt"]}, "else": {"not": {"required": ["alt"]}}}
        ]
    });
    [("gpu", gpu), ("allowance", allowance)]
}
