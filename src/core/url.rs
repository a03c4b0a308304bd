//! The state in the query string:
//! `?era=2019&sort=-gpu_quota,-ram&f=gpu,r&min=ram:16,session:9&cols=hardware&cmp=colab,kaggle&embed=1`.
//! Defaults are left out; anything unknown or malformed is ignored; other sites' parameters
//! (utm_…) are kept exactly as they were written.

use super::columns::{Column, Direction};
use super::filters::{Filter, FilterSet, Minimums};
use super::state::{ColumnSet, Preset, SortKey, State, MAX_COMPARE, MAX_SORT_KEYS};
use crate::dataset::{Era, Field};

/// The parameters' names, defined here only: the reader and writer below, the form controls'
/// `name`s (the prerendered controls are read back as a query before hydrating) and
/// `assets/early.js` (a test holds it to this list) all take them from here.
pub mod param {
    pub const ERA: &str = "era";
    pub const SORT: &str = "sort";
    pub const FILTERS: &str = "f";
    /// Also the prefix of each "at least" select's name: `min-ram`.
    pub const MINIMUMS: &str = "min";
    pub const COLUMNS: &str = "cols";
    pub const COMPARE: &str = "cmp";
    pub const EMBED: &str = "embed";
    pub const ALL: [&str; 7] = [ERA, SORT, FILTERS, MINIMUMS, COLUMNS, COMPARE, EMBED];
}

impl State {
    /// Reads a query string (with or without the leading `?`). Never fails: bad parts are skipped.
    pub fn from_query(query: &str) -> State {
        let mut state = State::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let items = || value.split(',').filter(|s| !s.is_empty());
            match key.as_ref() {
                param::ERA => {
                    if let Ok(era) = value.parse::<Era>() {
                        state.era = era;
                    }
                }
                param::SORT => {
                    let mut keys: Vec<SortKey> = Vec::new();
                    for item in items() {
                        let (direction, id) = match item.strip_prefix('-') {
                            Some(id) => (Direction::Desc, id),
                            None => (Direction::Asc, item),
                        };
                        if let Some(column) = Column::parse(id) {
                            if keys.len() < MAX_SORT_KEYS && keys.iter().all(|k| k.column != column)
                            {
                                keys.push(SortKey { column, direction });
                            }
                        }
                    }
                    if !keys.is_empty() {
                        state.sort = keys;
                    }
                }
                param::FILTERS => {
                    state.filters = items().filter_map(Filter::parse).collect::<FilterSet>()
                }
                param::MINIMUMS => {
                    state.minimums = items().filter_map(minimum).collect::<Minimums>()
                }
                param::COLUMNS => {
                    if let Ok(preset) = value.parse::<Preset>() {
                        state.columns = preset.columns();
                    } else {
                        let columns: Vec<Column> = items().filter_map(Column::parse).collect();
                        if !columns.is_empty() {
                            state.columns = columns.into_iter().collect::<ColumnSet>();
                        }
                    }
                }
                param::COMPARE => {
                    state.compare = Vec::new();
                    for id in items() {
                        let valid = id
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                        if valid
                            && state.compare.len() < MAX_COMPARE
                            && !state.compare.iter().any(|c| c == id)
                        {
                            state.compare.push(id.to_owned());
                        }
                    }
                }
                param::EMBED => state.embed = value == "1",
                _ => {}
            }
        }
        state
    }

    /// This state's own parameters, without the `?`; empty for the default state.
    pub fn to_query(&self) -> String {
        let default = State::default();
        let mut out = form_urlencoded::Serializer::new(String::new());
        if self.era != default.era {
            out.append_pair(param::ERA, self.era.id());
        }
        if self.sort != default.sort {
            let keys: Vec<String> = self
                .sort
                .iter()
                .map(|k| {
                    let minus = if k.direction == Direction::Desc {
                        "-"
                    } else {
                        ""
                    };
                    format!("{minus}{}", k.column.id())
                })
                .collect();
            out.append_pair(param::SORT, &keys.join(","));
        }
        if !self.filters.is_empty() {
            let ids: Vec<&str> = self.filters.iter().map(Filter::id).collect();
            out.append_pair(param::FILTERS, &ids.join(","));
        }
        if !self.minimums.is_empty() {
            let mins: Vec<String> = self
                .minimums
                .iter()
                .map(|(field, min)| format!("{}:{min}", field.id()))
                .collect();
            out.append_pair(param::MINIMUMS, &mins.join(","));
        }
        if self.columns != default.columns {
            let cols = match self.columns.preset() {
                Some(preset) => preset.id().to_owned(),
                None => {
                    let ids: Vec<&str> = self.columns.iter().skip(1).map(Column::id).collect();
                    ids.join(",")
                }
            };
            out.append_pair(param::COLUMNS, &cols);
        }
        if !self.compare.is_empty() {
            out.append_pair(param::COMPARE, &self.compare.join(","));
        }
        if self.embed {
            out.append_pair(param::EMBED, "1");
        }
        // ',' and ':' are allowed in a query as they are; unescaped, a shared link stays readable.
        out.finish().replace("%2C", ",").replace("%3A", ":")
    }

    /// `existing` with this state's parameters replaced and every other parameter kept as written:
    /// the search part (`?…`, or empty) to put in the address bar.
    pub fn merge_into_query(&self, existing: &str) -> String {
        let existing = existing.strip_prefix('?').unwrap_or(existing);
        let foreign = existing.split('&').filter(|part| {
            let key = form_urlencoded::parse(part.as_bytes())
                .next()
                .map(|(k, _)| k);
            !part.is_empty() && !key.is_some_and(|k| param::ALL.contains(&k.as_ref()))
        });
        let ours = self.to_query();
        let all: Vec<&str> = foreign
            .chain((!ours.is_empty()).then_some(ours.as_str()))
            .collect();
        if all.is_empty() {
            String::new()
        } else {
            format!("?{}", all.join("&"))
        }
    }
}

/// `ram:16`: a field and one of its "at least" steps (a field without steps has none).
fn minimum(item: &str) -> Option<(Field, u32)> {
    let (id, value) = item.split_once(':')?;
    let field = Field::parse(id)?;
    let value: u32 = value.parse().ok()?;
    field.def().steps.contains(&value).then_some((field, value))
}
