//! The history as readers see it: each platform's entries grouped by day (one feed entry), and a
//! day's entries that say the same thing of several fields as one line ("RAM, Disk: 4 GB →
//! unknown"). The page's "What changed" and the published feeds both read it from here.

use super::format::text_with_reason;
use crate::dataset::{Change, ChangeKind, Dataset, Platform};

/// One platform's entries of one day, in file order: one feed entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Day<'a> {
    pub platform: &'a Platform,
    pub date: &'a str,
    pub lines: Vec<Line<'a>>,
}

/// Entries of one day that differ only in their field: Azure's 18 "unknown → no (service
/// retired)" read as one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line<'a> {
    /// What the entries say (date, kind, values, sources, note): the first of them.
    pub change: &'a Change,
    pub changes: Vec<&'a Change>,
}

/// The history by day, newest first; one date's days in table order. `platform`: one platform's
/// id, or `None` for all of them.
pub fn days<'a>(data: &'a Dataset, platform: Option<&str>) -> Vec<Day<'a>> {
    let mut out: Vec<Day> = Vec::new();
    let shown = data
        .platforms
        .iter()
        .filter(|p| platform.is_none_or(|id| p.id == id));
    for p in shown {
        for change in &p.history {
            // The file keeps a platform's entries in date order, so a day's are together.
            match out.last_mut() {
                Some(day) if day.platform.id == p.id && day.date == &*change.date => {
                    day.add(change)
                }
                _ => out.push(Day {
                    platform: p,
                    date: &change.date,
                    lines: vec![Line::new(change)],
                }),
            }
        }
    }
    // Stable: a date's days stay in table order.
    out.sort_by(|a, b| b.date.cmp(a.date));
    out
}

impl<'a> Day<'a> {
    fn add(&mut self, change: &'a Change) {
        match self.lines.last_mut() {
            Some(line) if same_but_field(line.change, change) => line.changes.push(change),
            _ => self.lines.push(Line::new(change)),
        }
    }

    /// Every entry of the day, in file order.
    pub fn changes(&self) -> impl Iterator<Item = &'a Change> + '_ {
        self.lines
            .iter()
            .flat_map(|line| line.changes.iter().copied())
    }

    /// How many entries of the day are of `kind`.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes().filter(|c| c.kind == kind).count()
    }
}

impl<'a> Line<'a> {
    fn new(change: &'a Change) -> Line<'a> {
        Line {
            change,
            changes: vec![change],
        }
    }

    /// The fields' labels, in file order.
    pub fn fields(&self) -> Vec<&'a str> {
        self.changes.iter().map(|c| field_label(c)).collect()
    }

    /// "RAM, Disk: 4 GB → unknown (not published)".
    pub fn text(&self) -> String {
        format!("{}: {}", self.fields().join(", "), values_text(self.change))
    }
}

fn same_but_field(a: &Change, b: &Change) -> bool {
    (&a.date, a.kind, &a.from, &a.to, &a.sources, &a.note)
        == (&b.date, b.kind, &b.from, &b.to, &b.sources, &b.note)
}

fn field_label(change: &Change) -> &str {
    match change.field() {
        Some(field) => field.label(),
        None => &change.field,
    }
}

/// "4 GB → unknown (not published)": the reasons said, as nothing else there can say them.
pub fn values_text(change: &Change) -> String {
    format!(
        "{} → {}",
        text_with_reason(&change.from.as_fact()),
        text_with_reason(&change.to.as_fact())
    )
}

/// One entry: "GPU: Tesla P100, 2× Tesla T4 → 2× Tesla T4".
pub fn change_text(change: &Change) -> String {
    format!("{}: {}", field_label(change), values_text(change))
}

/// What changed's count, of every line or of one platform's: "55 values in 32 lines (…): 3
/// changes of free tiers, then 29 corrections of our own data."
pub fn count_sentence(values: usize, changes: usize, corrections: usize) -> String {
    format!(
        "{values} values in {} lines (a line is one platform's change of a day, however many fields it touched): {changes} changes of free tiers, then {corrections} corrections of our own data.",
        changes + corrections
    )
}
