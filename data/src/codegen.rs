//! Writes a checked dataset as Rust source: `pub static EMBEDDED: Dataset = …;`, every string and
//! list a `&'static` borrow (the app's build.rs writes it; the app compiles it in, so it names
//! only what this crate makes public).
//! Each struct is written field by field after a destructuring `let` without `..`, so a field
//! added to the model does not compile here until this file writes it too: one line per field.

use super::fields::{Field, Unit};
use super::fnv::fnv1a;
use super::model::*;
use super::types::{Amount, Boxed, Items, Prose, SortedMap, Text, Unexpected};

/// The source of `pub static EMBEDDED: Dataset`, for a module that has the model's types and
/// `std::borrow::Cow::Borrowed as B` in scope, with the name of the prose file its `Later`
/// places point into (`PROSE_FILE`, named after its contents so a cached copy is never stale).
pub fn dataset_source(data: &Dataset, prose_json: &str) -> String {
    let mut out = String::from("pub static EMBEDDED: Dataset = ");
    data.rust(&mut out);
    out.push_str(";\n");
    out.push_str(&format!(
        "pub const PROSE_FILE: &str = \"prose-{:016x}.json\";\n",
        fnv1a(prose_json.as_bytes())
    ));
    out
}

/// A value as a Rust constant expression.
pub trait ToRust {
    fn rust(&self, out: &mut String);
}

/// `Type { a: …, b: …, }` from bindings named after the fields.
macro_rules! fields {
    ($out:expr, $path:literal, $($field:ident),* $(,)?) => {{
        $out.push_str(concat!($path, " { "));
        $(
            $out.push_str(concat!(stringify!($field), ": "));
            ToRust::rust($field, $out);
            $out.push_str(", ");
        )*
        $out.push('}');
    }};
}

impl ToRust for Dataset {
    fn rust(&self, out: &mut String) {
        let Dataset {
            dataset_date,
            limits,
            sources,
            gpus,
            platforms,
        } = self;
        fields!(
            out,
            "Dataset",
            dataset_date,
            limits,
            sources,
            gpus,
            platforms
        );
    }
}

impl ToRust for Limits {
    fn rust(&self, out: &mut String) {
        let Limits {
            recent_since,
            stale_before,
        } = self;
        fields!(out, "Limits", recent_since, stale_before);
    }
}

impl ToRust for Source {
    fn rust(&self, out: &mut String) {
        let Source {
            title,
            url,
            date,
            checked,
            // Not in the page's statics (a `#[cfg]`'d field): 118 sources × 24 bytes the wasm
            // would carry for a value only the checker reads, from the file.
            fingerprint: _,
        } = self;
        fields!(out, "Source", title, url, date, checked);
        // Native statics have the field too, empty: the checker reads fingerprints from the file.
        out.pop();
        out.push_str("#[cfg(not(target_arch = \"wasm32\"))] fingerprint: None, }");
    }
}

impl ToRust for Platform {
    fn rust(&self, out: &mut String) {
        let Platform {
            id,
            name,
            short_name,
            vendor,
            link,
            status,
            gpu_allowance,
            summary,
            snapshots,
            history,
        } = self;
        fields!(
            out,
            "Platform",
            id,
            name,
            short_name,
            vendor,
            link,
            status,
            gpu_allowance,
            summary,
            snapshots,
            history
        );
    }
}

impl ToRust for Status {
    fn rust(&self, out: &mut String) {
        match self {
            Status::Active {} => out.push_str("Status::Active {}"),
            Status::Closed {
                since,
                source,
                note,
            } => fields!(out, "Status::Closed", since, source, note),
            Status::Retired {
                since,
                source,
                successor,
            } => fields!(out, "Status::Retired", since, source, successor),
        }
    }
}

impl ToRust for Snapshots {
    fn rust(&self, out: &mut String) {
        let Snapshots { then, today } = self;
        fields!(out, "Snapshots", then, today);
    }
}

impl ToRust for Snapshot {
    fn rust(&self, out: &mut String) {
        let Snapshot {
            as_of,
            facts,
            pros,
            cons,
        } = self;
        fields!(out, "Snapshot", as_of, facts, pros, cons);
    }
}

impl ToRust for Fact {
    fn rust(&self, out: &mut String) {
        let Fact {
            value,
            unit,
            low,
            up_to,
            at_least,
            sources,
            confidence,
            note,
            alt,
            unexpected,
        } = self;
        fields!(
            out, "Fact", value, unit, low, up_to, at_least, sources, confidence, note, alt,
            unexpected
        );
    }
}

impl ToRust for Value {
    fn rust(&self, out: &mut String) {
        let (variant, inner): (&str, &dyn ToRust) = match self {
            Value::Number(n) => ("Number", n),
            Value::Bool(b) => ("Bool", b),
            Value::List(items) => ("List", items),
            Value::Unknown(reason) => ("Unknown", reason),
            Value::None(reason) => ("None", reason),
        };
        out.push_str("Value::");
        out.push_str(variant);
        out.push('(');
        inner.rust(out);
        out.push(')');
    }
}

/// Enums without data, by their variant's name.
macro_rules! unit_variants {
    ($($ty:ident),*) => {$(
        impl ToRust for $ty {
            fn rust(&self, out: &mut String) {
                out.push_str(&format!(concat!(stringify!($ty), "::{:?}"), self));
            }
        }
    )*};
}
unit_variants!(
    Field,
    Unit,
    Confidence,
    ChangeKind,
    AllowanceKind,
    Period,
    Per,
    Standing
);

impl ToRust for Change {
    fn rust(&self, out: &mut String) {
        let Change {
            date,
            field,
            kind,
            from,
            to,
            sources,
            note,
        } = self;
        fields!(out, "Change", date, field, kind, from, to, sources, note);
    }
}

impl ToRust for Reading {
    fn rust(&self, out: &mut String) {
        let Reading {
            value,
            unit,
            low,
            up_to,
            at_least,
            unexpected,
        } = self;
        fields!(out, "Reading", value, unit, low, up_to, at_least, unexpected);
    }
}

impl ToRust for Amount {
    fn rust(&self, out: &mut String) {
        out.push_str(&format!("Amount::from_milli({})", self.milli()));
    }
}

impl ToRust for bool {
    fn rust(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToRust for Text {
    fn rust(&self, out: &mut String) {
        // Debug writes a Rust string literal, escapes included.
        out.push_str(&format!("B({:?})", self.as_ref()));
    }
}

impl ToRust for Prose {
    fn rust(&self, out: &mut String) {
        match self {
            Prose::Here(text) => {
                out.push_str("Prose::Here(");
                text.rust(out);
                out.push(')');
            }
            Prose::Later(at) => out.push_str(&format!("Prose::Later({at})")),
        }
    }
}

impl<T: ToRust> ToRust for Option<T> {
    fn rust(&self, out: &mut String) {
        match self {
            Some(t) => {
                out.push_str("Some(");
                t.rust(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

impl<T: ToRust + Clone> ToRust for Items<T> {
    fn rust(&self, out: &mut String) {
        // The tuple constructor, not `Items::from_static(…)`: a `&[…]` written straight into the
        // static's value lives as long as the static, as an argument of a const fn it would be a
        // temporary (its items need drop glue, so Rust does not promote it). Wrapping each list
        // in a `const {}` block works too, but rustc takes minutes on a 1,000-row dataset then.
        out.push_str("Items(B(&[");
        for item in self.iter() {
            item.rust(out);
            out.push_str(", ");
        }
        out.push_str("]))");
    }
}

impl<K: ToRust + Clone + Ord, V: ToRust + Clone> ToRust for SortedMap<K, V> {
    fn rust(&self, out: &mut String) {
        out.push_str("SortedMap(Items(B(&[");
        for (k, v) in self.iter() {
            out.push('(');
            k.rust(out);
            out.push_str(", ");
            v.rust(out);
            out.push_str("), ");
        }
        out.push_str("])))");
    }
}

impl<T: ToRust> ToRust for Boxed<T> {
    fn rust(&self, out: &mut String) {
        out.push_str("Boxed::Static(&");
        (**self).rust(out);
        out.push(')');
    }
}

/// A fact's unexpected keys: always none in a checked dataset.
impl ToRust for Unexpected {
    fn rust(&self, out: &mut String) {
        assert!(self.is_empty(), "a checked dataset has no unexpected keys");
        out.push_str("Unexpected::NONE");
    }
}

impl ToRust for Gpu {
    fn rust(&self, out: &mut String) {
        let Gpu {
            name,
            memory,
            tflops,
            sources,
            confidence,
            note,
        } = self;
        fields!(out, "Gpu", name, memory, tflops, sources, confidence, note);
    }
}

impl ToRust for Allowance {
    fn rust(&self, out: &mut String) {
        let Allowance {
            kind,
            amount,
            unit,
            usd,
            per,
            gpu,
            count,
            prices,
            reason,
            sources,
            confidence,
            note,
            alt,
            figure,
        } = self;
        fields!(
            out,
            "Allowance",
            kind,
            amount,
            unit,
            usd,
            per,
            gpu,
            count,
            prices,
            reason,
            sources,
            confidence,
            note,
            alt,
            figure
        );
    }
}

impl ToRust for Price {
    fn rust(&self, out: &mut String) {
        let Price {
            gpu,
            usd,
            per,
            sources,
        } = self;
        fields!(out, "Price", gpu, usd, per, sources);
    }
}

impl ToRust for Usd {
    fn rust(&self, out: &mut String) {
        out.push_str(&format!("Usd({})", self.0));
    }
}

impl ToRust for Figure {
    fn rust(&self, out: &mut String) {
        let Figure {
            standing,
            t4_hours,
            text,
            arithmetic,
            bought,
        } = self;
        fields!(out, "Figure", standing, t4_hours, text, arithmetic, bought);
    }
}

impl ToRust for Bought {
    fn rust(&self, out: &mut String) {
        let Bought { gpu, hours, per } = self;
        fields!(out, "Bought", gpu, hours, per);
    }
}
