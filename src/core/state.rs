//! What the user chose (era, sort keys, filters, minimums, columns, platforms to compare), how
//! each action changes it, and which rows it shows in what order. Pure: no browser calls; the
//! URL and the DOM are kept in step by the components.

use super::columns::{Column, Direction, COLUMN_COUNT};
use super::filters::{meets, Filter, FilterSet, Minimums};
use super::format::step_text;
use super::rows::{Row, StatusAt};
use crate::dataset::{Era, Field};
use std::cmp::Ordering;
use strum::{EnumIter, EnumString, IntoStaticStr};

/// One sort key: a column and its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SortKey {
    pub column: Column,
    pub direction: Direction,
}

/// Sort keys a user can stack (header shift+click, or "then by").
pub const MAX_SORT_KEYS: usize = 3;
/// Platforms that fit side by side.
pub const MAX_COMPARE: usize = 4;

/// The compare view's hint while one platform is chosen: "Colab is chosen to compare: tick one
/// to three more."
pub fn compare_hint(chosen: &str) -> String {
    let most = number_word(MAX_COMPARE - 1);
    format!("{chosen} is chosen to compare: tick one to {most} more.")
}

/// What the live region adds about the comparison, so a screen reader hears where it went: one
/// chosen, the hint; two or more, "Comparing A, B and C side by side above the table; the link
/// after each ticked box goes there."
pub fn compare_sentence(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => compare_hint(one),
        [init @ .., last] => format!(
            "Comparing {} and {last} side by side above the table; the link after each ticked box goes there.",
            init.join(", ")
        ),
    }
}

/// A count as a word where prose reads better so ("four platforms"): one to twelve in words,
/// larger counts in digits.
pub fn number_word(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub era: Era,
    /// Most important first; never empty.
    pub sort: Vec<SortKey>,
    pub filters: FilterSet,
    pub minimums: Minimums,
    pub columns: ColumnSet,
    /// Ids of the platforms chosen to compare, in the order chosen.
    pub compare: Vec<String>,
    /// Shown inside another page's iframe: no intro, controls folded, links open a new tab.
    pub embed: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            era: Era::default(),
            sort: vec![SortKey {
                column: Column::Name,
                direction: Direction::Asc,
            }],
            filters: FilterSet::default(),
            minimums: Minimums::default(),
            columns: Preset::Essentials.columns(),
            compare: Vec::new(),
            embed: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A header click: sort by this column alone; if it already is the only key, reverse it.
    Sort(Column),
    /// A shift+click: add the column as the next key, or reverse it if it is one already.
    AddSort(Column),
    /// The sort control: set (or with `None`, remove) the key at a position of the list.
    SetSortKey(usize, Option<SortKey>),
    /// The sort control's column choice: the column at a position, in its first direction (as a
    /// header click sorts it), or with `None`, no key there.
    SetSortColumn(usize, Option<Column>),
    Toggle(Filter),
    /// An "at least" filter on a field, or `None` for any value.
    SetMinimum(Field, Option<u32>),
    /// Clears the boxes and the minimums.
    ClearFilters,
    SetEra(Era),
    ShowColumns(ColumnSet),
    ToggleColumn(Column),
    ToggleCompare(String),
    ClearCompare,
    /// Replaces the whole state: a prerendered page moving to the address bar's state in one step.
    Restore(Box<State>),
}

impl State {
    /// Replays the log `assets/early.js` keeps of what the prerendered page cannot hold itself,
    /// done before the wasm took over, oldest first and space-separated: `sort:ram` (a header
    /// click), `+sort:gpu` (a shift+click), `preset:access` (a column preset), `col:disk` (a
    /// column box). Anything else is skipped.
    pub fn replay(self, log: &str) -> State {
        log.split_whitespace().fold(self, |state, entry| {
            let (shift, entry) = match entry.strip_prefix('+') {
                Some(rest) => (true, rest),
                None => (false, entry),
            };
            let action = match entry.split_once(':') {
                Some(("sort", id)) if shift => Column::parse(id).map(Action::AddSort),
                Some(("sort", id)) => Column::parse(id).map(Action::Sort),
                Some(("preset", id)) => id
                    .parse::<Preset>()
                    .ok()
                    .map(|p| Action::ShowColumns(p.columns())),
                Some(("col", id)) => Column::parse(id).map(Action::ToggleColumn),
                _ => None,
            };
            match action {
                Some(action) => state.apply(action),
                None => state,
            }
        })
    }

    pub fn apply(mut self, action: Action) -> State {
        match action {
            Action::Sort(column) => {
                let direction = match self.sort.as_slice() {
                    [only] if only.column == column => only.direction.reversed(),
                    _ => column.def().first,
                };
                self.sort = vec![SortKey { column, direction }];
            }
            Action::AddSort(column) => {
                if let Some(key) = self.sort.iter_mut().find(|k| k.column == column) {
                    key.direction = key.direction.reversed();
                } else {
                    self.sort.truncate(MAX_SORT_KEYS - 1);
                    self.sort.push(SortKey {
                        column,
                        direction: column.def().first,
                    });
                }
            }
            Action::SetSortColumn(position, column) => {
                let key = column.map(|column| SortKey {
                    column,
                    direction: column.def().first,
                });
                return self.apply(Action::SetSortKey(position, key));
            }
            Action::SetSortKey(position, key) => {
                let position = position.min(self.sort.len()).min(MAX_SORT_KEYS - 1);
                match key {
                    Some(key) => {
                        if position < self.sort.len() {
                            self.sort[position] = key;
                        } else {
                            self.sort.push(key);
                        }
                        // A column sorts once: drop it from any other position.
                        let mut seen = Vec::new();
                        self.sort.retain(|k| {
                            let first = !seen.contains(&k.column);
                            seen.push(k.column);
                            first
                        });
                    }
                    // The primary key cannot be removed, only replaced.
                    None if position > 0 => self.sort.truncate(position),
                    None => {}
                }
            }
            Action::Toggle(filter) => self.filters = self.filters.toggled(filter),
            Action::SetMinimum(field, min) => {
                let min = min.filter(|m| field.def().steps.contains(m));
                self.minimums.set(field, min);
            }
            Action::ClearFilters => {
                self.filters = FilterSet::default();
                self.minimums.clear();
            }
            Action::SetEra(era) => self.era = era,
            Action::ShowColumns(columns) => self.columns = columns.with(Column::Name),
            Action::ToggleColumn(column) => {
                if column != Column::Name {
                    self.columns = self.columns.toggled(column);
                }
            }
            Action::ToggleCompare(id) => {
                if let Some(at) = self.compare.iter().position(|c| *c == id) {
                    self.compare.remove(at);
                } else if self.compare.len() < MAX_COMPARE {
                    self.compare.push(id);
                }
            }
            Action::ClearCompare => self.compare.clear(),
            Action::Restore(state) => return *state,
        }
        self
    }

    /// Whether the row passes every ticked box and every minimum.
    pub fn shows(&self, row: &Row) -> bool {
        self.filters.fits(row) && self.minimums.iter().all(|(f, min)| meets(row, f, min))
    }

    /// Indices into `rows` of the rows to show, filtered and in sort order.
    pub fn visible(&self, rows: &[Row]) -> Vec<usize> {
        // Keys are computed once per row, not once per comparison.
        let mut keyed: Vec<_> = (0..rows.len())
            .filter(|&i| self.shows(&rows[i]))
            .map(|i| {
                let keys: Vec<_> = self
                    .sort
                    .iter()
                    .map(|k| k.column.sort_key(&rows[i]))
                    .collect();
                let p = rows[i].platform;
                (keys, (p.short_name.to_lowercase(), &*p.id), i)
            })
            .collect();
        // A retired platform goes last whatever the sort: it is history, not a choice.
        let retired = |i: usize| matches!(rows[i].status, StatusAt::Retired { .. });
        keyed.sort_by(|(a, tie_a, i), (b, tie_b, j)| {
            let by_keys = self
                .sort
                .iter()
                .zip(a.iter().zip(b))
                .map(|(k, (a, b))| a.compare(b, k.direction))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal);
            // Then by name and id, so the order never depends on the data file's order.
            let by_name = || tie_a.cmp(tie_b);
            retired(*i)
                .cmp(&retired(*j))
                .then(by_keys)
                .then_with(by_name)
        });
        keyed.into_iter().map(|(_, _, i)| i).collect()
    }

    /// How many rows would be shown with `filter` ticked (as well as the ones ticked now).
    pub fn facet_count(&self, rows: &[Row], filter: Filter) -> usize {
        let with = State {
            filters: self.filters.with(filter),
            ..self.clone()
        };
        rows.iter().filter(|r| with.shows(r)).count()
    }

    /// How many rows would be shown with `field` at least `min` (the other filters as they are).
    pub fn threshold_count(&self, rows: &[Row], field: Field, min: Option<u32>) -> usize {
        let mut with = self.clone();
        with.minimums.set(field, min);
        rows.iter().filter(|r| with.shows(r)).count()
    }

    /// The sentence for the live region: "Sorted by RAM, largest first. 3 of 4 platforms shown."
    pub fn summary(&self, shown: usize, total: usize) -> String {
        let keys: Vec<String> = self
            .sort
            .iter()
            .map(|k| {
                format!(
                    "{}, {}",
                    k.column.label(),
                    k.column.order_words(k.direction)
                )
            })
            .collect();
        let noun = if total == 1 { "platform" } else { "platforms" };
        format!(
            "Sorted by {}. {shown} of {total} {noun} shown.",
            keys.join(", then ")
        )
    }

    /// Boxes ticked and minimums set.
    pub fn active_filters(&self) -> usize {
        self.filters.iter().count() + self.minimums.len()
    }

    /// What is chosen, named (the folded "Filters & sort" sheet's second line, so a shared
    /// link's filters show without opening it): "R language, No credit card · RAM, largest first".
    pub fn chosen(&self) -> String {
        let first = &self.sort[0];
        let wanted = self.wanted();
        let filters = if wanted.is_empty() {
            "No filters".to_owned()
        } else {
            wanted.join(", ")
        };
        let order = first.column.order_words(first.direction);
        format!("{filters} · {}, {order}", first.column.label())
    }

    /// The boxes ticked and the minimums set, in words: "GPU", "RAM at least 16 GB".
    fn wanted(&self) -> Vec<String> {
        self.filters
            .iter()
            .map(|f| f.label().to_owned())
            .chain(self.minimums.iter().map(|(field, min)| {
                format!("{} at least {}", field.label(), step_text(field, min))
            }))
            .collect()
    }

    /// The filters menu's name, with how many are set: "Filters (2)".
    pub fn filters_label(&self) -> String {
        match self.active_filters() {
            0 => "Filters".to_owned(),
            n => format!("Filters ({n})"),
        }
    }

    /// Why no row is shown: "No platform has all of: GPU, RAM at least 16 GB."
    pub fn no_match(&self) -> String {
        format!("No platform has all of: {}.", self.wanted().join(", "))
    }
}

/// The columns shown, one bit per column; the platform's name is always among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ColumnSet(u32);

const _: () = assert!(COLUMN_COUNT <= u32::BITS as usize);

impl ColumnSet {
    pub fn contains(self, column: Column) -> bool {
        self.0 & (1 << column.index()) != 0
    }

    pub fn with(self, column: Column) -> Self {
        Self(self.0 | 1 << column.index())
    }

    pub fn toggled(self, column: Column) -> Self {
        Self(self.0 ^ 1 << column.index())
    }

    /// The columns in table order.
    pub fn iter(self) -> impl Iterator<Item = Column> {
        Column::all().filter(move |c| self.contains(*c))
    }

    /// The preset these columns are, if any.
    pub fn preset(self) -> Option<Preset> {
        use strum::IntoEnumIterator;
        Preset::iter().find(|p| p.columns() == self)
    }
}

impl FromIterator<Column> for ColumnSet {
    fn from_iter<I: IntoIterator<Item = Column>>(iter: I) -> Self {
        iter.into_iter()
            .fold(ColumnSet(0).with(Column::Name), ColumnSet::with)
    }
}

/// Named column sets: what people decide on, and views by topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, EnumString, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Preset {
    Essentials,
    Hardware,
    Limits,
    Access,
    All,
}

impl Preset {
    pub fn columns(self) -> ColumnSet {
        use Field::*;
        let fields: &[Field] = match self {
            Preset::Essentials => &[Gpu, GpuQuota, Ram, Session, Idle, Card, Phone],
            Preset::Hardware => &[Gpu, GpuMemory, Tpu, CpuCores, Ram, Disk, Storage],
            Preset::Limits => &[GpuQuota, Session, Idle, Storage],
            Preset::Access => &[
                Card,
                Phone,
                Account,
                Internet,
                Terminal,
                Languages,
                Collaboration,
                Versioning,
            ],
            Preset::All => return Column::all().collect(),
        };
        let own: &[Column] = match self {
            Preset::Limits => &[Column::Verified],
            Preset::Access => &[Column::Status],
            _ => &[],
        };
        fields
            .iter()
            .map(|f| Column::Fact(*f))
            .chain(own.iter().copied())
            .collect()
    }

    /// The key in the URL (`?cols=hardware`).
    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Preset::Essentials => "Essentials",
            Preset::Hardware => "Hardware",
            Preset::Limits => "Limits",
            Preset::Access => "Access and features",
            Preset::All => "All columns",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sort_controls_column_choice_sorts_in_the_columns_first_direction() {
        let ram = Column::Fact(Field::Ram);
        let by_ram = State::default().apply(Action::SetSortColumn(0, Some(ram)));
        // RAM is better large: its first click sorts largest first, and so does the control.
        let first = State::default().apply(Action::Sort(ram)).sort;
        assert_eq!(
            first,
            [SortKey {
                column: ram,
                direction: Direction::Desc
            }]
        );
        assert_eq!(by_ram.sort, first);
        let then_name = by_ram.apply(Action::SetSortColumn(1, Some(Column::Name)));
        assert_eq!(
            then_name.sort[1],
            SortKey {
                column: Column::Name,
                direction: Direction::Asc
            }
        );
        assert_eq!(then_name.apply(Action::SetSortColumn(1, None)).sort, first);
    }

    #[test]
    fn the_sentences_say_what_is_chosen() {
        let state = State::default();
        assert_eq!(state.chosen(), "No filters · Platform, A to Z");
        assert_eq!(state.filters_label(), "Filters");
        let state = state
            .apply(Action::SetMinimum(Field::Ram, Some(16)))
            .apply(Action::Sort(Column::Fact(Field::Ram)));
        assert_eq!(state.chosen(), "RAM at least 16 GB · RAM, largest first");
        assert_eq!(state.filters_label(), "Filters (1)");
        assert_eq!(
            state.no_match(),
            "No platform has all of: RAM at least 16 GB."
        );
        // Each filter by name, so a shared link's choice shows with the sheet folded.
        let state = state.apply(Action::Toggle(Filter::Feature(Field::Gpu)));
        assert_eq!(
            state.chosen(),
            "Free GPU, RAM at least 16 GB · RAM, largest first"
        );
    }

    #[test]
    fn counts_read_as_words_up_to_twelve() {
        assert_eq!(number_word(4), "four");
        assert_eq!(number_word(12), "twelve");
        assert_eq!(number_word(13), "13");
        assert_eq!(
            compare_hint("Colab"),
            "Colab is chosen to compare: tick one to three more."
        );
    }
}
