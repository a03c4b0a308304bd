//! The words a value is shown with. Shared by the page and the data report.

use crate::dataset::{Quantity, Unit, Value};

/// "12 h", "up to 12 h", "1–2 GB", "yes", "Python, R", "none", "not published".
pub fn value_text(value: &Value) -> String {
    match value {
        Value::Number(q) => quantity_text(q),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::List(items) if items.is_empty() => "none".into(),
        Value::List(items) => items.join(", "),
        Value::Unknown(reason) if reason.starts_with("not published") => "not published".into(),
        Value::Unknown(_) => "unknown".into(),
    }
}

fn quantity_text(q: &Quantity) -> String {
    let unit = match q.unit {
        Unit::Cores if q.number == 1.0 => "core",
        unit => unit.symbol(),
    };
    match (q.low, q.up_to) {
        (Some(low), _) => format!("{low}–{} {unit}", q.number),
        (None, true) => format!("up to {} {unit}", q.number),
        (None, false) => format!("{} {unit}", q.number),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_show_their_unit_range_and_bound() {
        let q = |number, low, up_to| {
            Value::Number(Quantity {
                number,
                low,
                up_to,
                unit: Unit::Gb,
            })
        };
        assert_eq!(value_text(&q(13.0, None, false)), "13 GB");
        assert_eq!(value_text(&q(12.7, None, false)), "12.7 GB");
        assert_eq!(value_text(&q(2.0, Some(1.0), false)), "1–2 GB");
        assert_eq!(value_text(&q(16.0, None, true)), "up to 16 GB");
        let cores = |number| {
            Value::Number(Quantity {
                number,
                low: None,
                up_to: false,
                unit: Unit::Cores,
            })
        };
        assert_eq!(value_text(&cores(1.0)), "1 core");
        assert_eq!(value_text(&cores(4.0)), "4 cores");
    }

    #[test]
    fn other_values_read_as_words() {
        assert_eq!(value_text(&Value::Bool(true)), "yes");
        assert_eq!(value_text(&Value::List(vec![])), "none");
        assert_eq!(
            value_text(&Value::List(vec!["Python".into(), "R".into()])),
            "Python, R"
        );
        assert_eq!(
            value_text(&Value::Unknown("not published by Google".into())),
            "not published"
        );
        assert_eq!(
            value_text(&Value::Unknown("service retired".into())),
            "unknown"
        );
    }
}
