//! The state in the query string: `?era=2019&sort=-ram&f=gpu,r`. Defaults are left out; anything
//! unknown or malformed is ignored, and other sites' parameters (utm_…) are kept as they were.

use super::columns::{Column, Direction};
use super::filters::{Filter, FilterSet};
use super::state::{Sort, State};
use crate::dataset::Era;

const KEYS: [&str; 3] = ["era", "sort", "f"];

impl State {
    /// Reads a query string (with or without the leading `?`). Never fails: bad parts are skipped.
    pub fn from_query(query: &str) -> State {
        let mut state = State::default();
        for (key, value) in pairs(query) {
            match key.as_str() {
                "era" => {
                    if let Some(era) = Era::ALL.into_iter().find(|e| e.id() == value) {
                        state.era = era;
                    }
                }
                "sort" => {
                    let (direction, id) = match value.strip_prefix('-') {
                        Some(id) => (Direction::Desc, id),
                        None => (Direction::Asc, value.as_str()),
                    };
                    if let Some(column) = Column::parse(id) {
                        state.sort = Sort { column, direction };
                    }
                }
                "f" => {
                    state.filters = value
                        .split(',')
                        .filter_map(Filter::parse)
                        .collect::<FilterSet>()
                }
                _ => {}
            }
        }
        state
    }

    /// This state's own parameters, without the `?`; empty for the default state.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.era != Era::default() {
            parts.push(format!("era={}", self.era.id()));
        }
        if self.sort != Sort::default() {
            let minus = if self.sort.direction == Direction::Desc {
                "-"
            } else {
                ""
            };
            parts.push(format!("sort={minus}{}", self.sort.column.id()));
        }
        if !self.filters.is_empty() {
            let ids: Vec<_> = self.filters.iter().map(Filter::id).collect();
            parts.push(format!("f={}", ids.join(",")));
        }
        parts.join("&")
    }

    /// `existing` with this state's parameters replaced and every other parameter kept: the
    /// search part (`?…`, or empty) to put in the address bar.
    pub fn merge_into_query(&self, existing: &str) -> String {
        let foreign = existing.trim_start_matches('?').split('&').filter(|part| {
            !part.is_empty()
                && !KEYS.contains(&decode(part.split('=').next().unwrap_or("")).as_str())
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

/// The decoded key/value pairs of a query string.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (decode(key), decode(value))
        })
}

/// Percent- and plus-decoding; a broken escape is kept as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
