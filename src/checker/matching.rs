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
        Page(
            words
                .to_lowercase()
                .chars()
                .map(|c| if dashes(c) { '-' } else { c })
                .collect(),
        )
    }

    /// Whether the page writes the number with one of its unit's spellings (and, for a range,
    /// the lower end shortly before it).
    pub fn states_quantity(&self, q: &Quantity) -> bool {
        let numbers = self.numbers();
        numbers.iter().enumerate().any(|(i, n)| {
            n.value == q.number
                && spells(q.unit, self.word_after(n.end))
                && q.low.is_none_or(|low| {
                    numbers[..i]
                        .iter()
                        .rev()
                        .take_while(|m| n.start - m.end <= 12)
                        .any(|m| m.value == low)
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
        forms.iter().any(|form| self.has_words(form))
    }

    /// `needle` in the page with no letter or digit glued to either end, directly or through a
    /// hyphen or dot ("v5e" is not in "v5e-8").
    fn has_words(&self, needle: &str) -> bool {
        let text = &self.0;
        let glued = |mut side: std::iter::Peekable<&mut dyn Iterator<Item = char>>| {
            if side.next_if(|c| matches!(c, '-' | '.')).is_some() {
                return side.next().is_some_and(char::is_alphanumeric);
            }
            side.next().is_some_and(char::is_alphanumeric)
        };
        text.match_indices(needle).any(|(at, _)| {
            let before: &mut dyn Iterator<Item = char> = &mut text[..at].chars().rev();
            let after: &mut dyn Iterator<Item = char> = &mut text[at + needle.len()..].chars();
            !glued(before.peekable()) && !glued(after.peekable())
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

struct Number {
    start: usize,
    end: usize,
    value: Amount,
}

/// Whether `word` is a way of writing `unit`. A rate's period is not required ("30 hours" states
/// 30 h/week): pages put it in a heading or a sentence away from the number.
fn spells(unit: Unit, word: &str) -> bool {
    const HOURS: &[&str] = &["h", "hr", "hrs", "hour", "hours"];
    const MINUTES: &[&str] = &["m", "min", "mins", "minute", "minutes"];
    let spellings: &[&str] = match unit {
        Unit::Gb => &["gb", "gib", "g", "gigabyte", "gigabytes", "gbs"],
        Unit::Mb => &["mb", "mib", "megabyte", "megabytes"],
        Unit::Hours | Unit::HoursPerWeek | Unit::HoursPerDay | Unit::HoursPerMonth => HOURS,
        Unit::Minutes | Unit::MinutesPerDay => MINUTES,
        Unit::Cores => &[
            "core", "cores", "vcpu", "vcpus", "cpu", "cpus", "vcore", "vcores",
        ],
    };
    spellings.contains(&word)
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
