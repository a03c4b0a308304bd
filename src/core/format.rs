//! The text a value is shown with, from the words of `words`. Shared by the page, the downloads,
//! the published files and the data report.

use super::words::{self, Meaning};
use crate::dataset::{Amount, Dimension, Fact, Field, Kind, Quantity, Unit, Value};

/// A value's cell: "12 h", "up to 12 h", "8 h or more", "1–2 GB", "Python, R", "yes", "no"
/// (false, an empty list or none), "unknown". The reason of "no" and "unknown" is the popover's.
pub fn fact_text(fact: &Fact) -> String {
    if let Some(q) = fact.quantity() {
        return quantity_text(&q);
    }
    match &fact.value {
        Value::List(items) if !items.is_empty() => items.join(", "),
        // A validated number always has its unit.
        Value::Number(n) => n.to_string(),
        value => Meaning::of(value).word().unwrap_or_default().into(),
    }
}

/// A value where nothing else can say why it is absent or unknown (a feed entry, a download's
/// cell): "no (no free GPU)", "unknown (not published)", else as in a cell.
pub fn text_with_reason(fact: &Fact) -> String {
    match words::reason(fact) {
        Some(reason) => format!("{} ({reason})", fact_text(fact)),
        None => fact_text(fact),
    }
}

/// A step of an "at least" filter, in its field's canonical unit: "16 GB", "9 h", "10 h/week".
pub fn step_text(field: Field, value: u32) -> String {
    match field.kind() {
        Kind::Amount(dimension) => format!("{value} {}", dimension.canonical().symbol()),
        _ => value.to_string(),
    }
}

/// A quota written per day or per month, as hours a week (the unit GPU time sorts in):
/// "≈ 28 h/week" for 4 h/day. `None` where the value already is per week, or is not a quota.
pub fn comparable_text(fact: &Fact) -> Option<String> {
    let q = fact.quantity()?;
    let canonical = q.dimension().canonical();
    if q.dimension() != Dimension::Quota || q.unit == canonical {
        return None;
    }
    let low = q.low.map_or(String::new(), |l| {
        format!("{}–", tenths(q.unit.canonical(l)))
    });
    Some(format!(
        "≈ {low}{} {}",
        tenths(q.canonical()),
        canonical.symbol()
    ))
}

/// A value in its field's canonical unit, as the quick picks name it: "28 h/week", "12.7 GB".
pub fn canonical_text(fact: &Fact) -> Option<String> {
    let q = fact.quantity()?;
    Some(format!(
        "{} {}",
        tenths(q.canonical()),
        q.dimension().canonical().symbol()
    ))
}

/// `x` rounded to a tenth, written without a trailing ".0" (28, 11.5, 0.6), with integer
/// arithmetic only.
pub fn tenths(x: Amount) -> String {
    Amount::from_milli(x.scaled(1, 100).milli() * 100).to_string()
}

fn quantity_text(q: &Quantity) -> String {
    let unit = match q.unit {
        Unit::Cores if q.number == Amount::whole(1) => "core",
        unit => unit.symbol(),
    };
    let low = q.low.map(|low| low.to_string());
    words::bounded(&q.number.to_string(), low.as_deref(), q.bound, unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text a fact written as `value` in the data file is shown with.
    fn shown(value: &str) -> String {
        let json = format!(r#"{{{value}, "source": "s", "confidence": "verified"}}"#);
        fact_text(&serde_json::from_str(&json).expect("a fact"))
    }

    #[test]
    fn quantities_show_their_unit_range_and_bound() {
        assert_eq!(shown(r#""number": 13, "unit": "GB""#), "13 GB");
        assert_eq!(shown(r#""number": 12.7, "unit": "GB""#), "12.7 GB");
        assert_eq!(shown(r#""number": 2, "low": 1, "unit": "GB""#), "1–2 GB");
        assert_eq!(
            shown(r#""number": 16, "up_to": true, "unit": "GB""#),
            "up to 16 GB"
        );
        assert_eq!(
            shown(r#""number": 8, "at_least": true, "unit": "h""#),
            "8 h or more"
        );
        assert_eq!(shown(r#""number": 1, "unit": "cores""#), "1 core");
        assert_eq!(shown(r#""number": 4, "unit": "cores""#), "4 cores");
        assert_eq!(shown(r#""number": 5, "unit": "min/day""#), "5 min/day");
    }

    #[test]
    fn steps_read_in_the_canonical_unit() {
        assert_eq!(step_text(Field::Ram, 16), "16 GB");
        assert_eq!(step_text(Field::Session, 9), "9 h");
        assert_eq!(step_text(Field::GpuQuota, 10), "10 h/week");
    }

    #[test]
    fn other_values_read_as_words() {
        assert_eq!(shown(r#""bool": true"#), "yes");
        assert_eq!(shown(r#""bool": false"#), "no");
        assert_eq!(shown(r#""list": []"#), "no");
        assert_eq!(shown(r#""list": ["Python", "R"]"#), "Python, R");
        assert_eq!(shown(r#""none": "no GPU""#), "no");
        assert_eq!(shown(r#""unknown": "not published by Google""#), "unknown");
        assert_eq!(shown(r#""unknown": "service retired""#), "unknown");
    }
}
