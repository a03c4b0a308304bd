//! Whether a page still states a value: a number with its unit in any usual spelling ("30 h",
//! "30h", "30 hrs", "30 hours"; "16 GB", "16GB", "16 GiB"), a range's two ends ("1–2 GB",
//! "1 to 2 GB"), or a list's items (GPU names, languages) as words of the page. The text is
//! compared lower-cased, after NFKC (text.rs), with every dash read as '-'.

use crate::dataset::{Amount, Quantity, Unit};

/// The page's words as the matcher reads them.
pub struct Page(String);

impl Page {
    pub fn new(words: &str) -> Page {
        let dashes = |c: char| matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}');
        let text: String = words
            .to_lowercase()
            .chars()
            .map(|c| if dashes(c) { '-' } else { c })
            .collect();
        // "up to six hours": small numbers written as words read as digits.
        const WORDS: [&str; 12] = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve",
        ];
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(start) = rest.find(|c: char| c.is_alphabetic()) {
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let glued_before = out.chars().next_back().is_some_and(|c| c.is_ascii_digit());
            match WORDS.iter().position(|w| *w == &rest[..end]) {
                Some(i) if !glued_before => out.push_str(&(i + 1).to_string()),
                _ => out.push_str(&rest[..end]),
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        Page(out)
    }

    /// Whether the page writes the number with one of its unit's spellings, or the same amount in
    /// a sibling unit ("60 min" as "1 hour", "1024 GB" as "1 TiB"); for a range, with the lower
    /// end shortly before it. For cores the unit may also come first ("vCPUs: 2", "cores: 1").
    pub fn states_quantity(&self, q: &Quantity) -> bool {
        let numbers = self.numbers();
        forms(q).iter().any(|(number, low, spellings)| {
            numbers.iter().enumerate().any(|(i, n)| {
                n.value == *number
                    && (spellings.contains(&self.word_after(n.end))
                        || (q.unit == Unit::Cores
                            && spellings.contains(&self.word_before(n.start))))
                    && low.is_none_or(|low| {
                        numbers[..i]
                            .iter()
                            .rev()
                            .take_while(|m| n.start - m.end <= 12)
                            .any(|m| m.value == low)
                    })
            })
        })
    }

    /// Whether the page names a list item: as written, or without a leading count ("2× Tesla
    /// T4"), a closing remark in brackets ("(half card)") or the maker's name ("NVIDIA", "Tesla").
    pub fn states_item(&self, item: &str) -> bool {
        let core = item_core(item);
        if core.is_empty() {
            return false;
        }
        let mut forms = vec![core.clone()];
        for brand in ["nvidia ", "tesla ", "google ", "amd "] {
            if let Some(rest) = core.strip_prefix(brand) {
                forms.push(rest.to_owned());
            }
        }
        let hyphenated: Vec<String> = forms.iter().map(|f| f.replace(' ', "-")).collect();
        forms
            .iter()
            .chain(&hyphenated)
            .any(|form| self.has_words(form))
    }

    /// `needle` in the page with no letter or digit glued to either end, on the right also
    /// through a hyphen or dot ("v5e" is not in "v5e-8").
    fn has_words(&self, needle: &str) -> bool {
        let text = &self.0;
        let glued = |mut side: std::iter::Peekable<&mut dyn Iterator<Item = char>>| {
            if side.next_if(|c| matches!(c, '-' | '.')).is_some() {
                return side.next().is_some_and(char::is_alphanumeric);
            }
            side.next().is_some_and(char::is_alphanumeric)
        };
        // On the left a hyphen separates ("lit-tpu-v6e-8" names a TPU v6e-8).
        text.match_indices(needle).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after: &mut dyn Iterator<Item = char> = &mut text[at + needle.len()..].chars();
            !before.is_some_and(char::is_alphanumeric) && !glued(after.peekable())
        })
    }

    /// Every number written in the page, with where it starts and ends. Digits glued to a letter
    /// before them ("T4", "v5e-8") are names, not amounts. "1,000" is a thousand; "0,5" a half.
    fn numbers(&self) -> Vec<Number> {
        let text = self.0.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let starts = text[i].is_ascii_digit()
                && (i == 0 || !(text[i - 1].is_ascii_alphanumeric() || text[i - 1] == b'.'));
            if !starts {
                i += 1;
                continue;
            }
            let start = i;
            let mut digits = String::new();
            let mut fraction = false;
            while i < text.len() {
                let c = text[i];
                let next_digits = text[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if c.is_ascii_digit() {
                    digits.push(c as char);
                } else if c == b',' && !fraction && next_digits == 3 {
                    // a thousands separator
                } else if (c == b'.' || c == b',') && !fraction && next_digits > 0 {
                    digits.push('.');
                    fraction = true;
                } else {
                    break;
                }
                i += 1;
            }
            if let Some(value) = digits.parse::<f64>().ok().and_then(Amount::from_decimal) {
                out.push(Number {
                    start,
                    end: i,
                    value,
                });
            }
        }
        out
    }

    /// The word after a number: spaces, a newline or a hyphen may come between ("16 GB",
    /// "16GB", "16-GB").
    fn word_after(&self, end: usize) -> &str {
        let rest = &self.0[end..];
        let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '-');
        let len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        &rest[..len]
    }
}

impl Page {
    /// The word before a number, past a colon, a bar or spaces ("cores: 1", "vCPU | 2").
    fn word_before(&self, start: usize) -> &str {
        let before =
            self.0[..start].trim_end_matches(|c: char| c.is_whitespace() || c == ':' || c == '|');
        let from = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        &before[from..]
    }
}

struct Number {
    start: usize,
    end: usize,
    value: Amount,
}

const HOURS: &[&str] = &["h", "hr", "hrs", "hour", "hours"];
const MINUTES: &[&str] = &["m", "min", "mins", "minute", "minutes"];
const GB: &[&str] = &["gb", "gib", "g", "gigabyte", "gigabytes", "gbs"];
const MB: &[&str] = &["mb", "mib", "megabyte", "megabytes"];
const TB: &[&str] = &["tb", "tib", "terabyte", "terabytes"];
const CORES: &[&str] = &[
    "core", "cores", "vcpu", "vcpus", "cpu", "cpus", "vcore", "vcores",
];

/// The ways a quantity may be written: its number (and lower end) with its unit's spellings, and
/// the same amount in the sibling units (decimal and binary for data). A rate's period is not
/// required ("30 hours" states 30 h/week): pages put it in a heading or a sentence away from the
/// number.
fn forms(q: &Quantity) -> Vec<(Amount, Option<Amount>, &'static [&'static str])> {
    let (own, others): (&'static [&'static str], &[(&'static [&'static str], f64)]) = match q.unit {
        Unit::Gb => (
            GB,
            &[(MB, 1000.0), (MB, 1024.0), (TB, 1e-3), (TB, 1.0 / 1024.0)],
        ),
        Unit::Mb => (MB, &[(GB, 1e-3), (GB, 1.0 / 1024.0)]),
        Unit::Hours | Unit::HoursPerWeek | Unit::HoursPerDay | Unit::HoursPerMonth => {
            (HOURS, &[(MINUTES, 60.0)])
        }
        Unit::Minutes | Unit::MinutesPerDay => (MINUTES, &[(HOURS, 1.0 / 60.0)]),
        Unit::Cores => (CORES, &[]),
    };
    let mut out = vec![(q.number, q.low, own)];
    for &(spellings, factor) in others {
        let scale = |a: Amount| Amount::from_decimal(a.to_f64() * factor);
        if let Some(number) = scale(q.number) {
            match q.low.map(scale) {
                Some(None) => {}
                low => out.push((number, low.flatten(), spellings)),
            }
        }
    }
    out
}

/// A list item as the page would name it: lower case, no leading count, no closing remark.
fn item_core(item: &str) -> String {
    let item = Page::new(item).0;
    let mut core = item.trim();
    if let Some((count, rest)) = core.split_once(['×', 'x', ' ']) {
        if !count.is_empty() && count.bytes().all(|b| b.is_ascii_digit()) {
            core = rest.trim_start();
        }
    }
    if let Some(open) = core.rfind(" (") {
        if core.ends_with(')') {
            core = &core[..open];
        }
    }
    core.trim().to_owned()
}
