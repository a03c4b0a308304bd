//! `--accept`: writes each read source's fingerprint and the day into the data file by editing
//! its text, so only those lines move (no re-serialisation: the file keeps its order, spacing
//! and line breaks). The result is parsed and validated again before it is written.

use std::collections::BTreeMap;

/// The data file's text with `checked` and `fingerprint` set on each source in `accepted`
/// (id → fingerprint), or why it could not be edited.
pub fn accept(
    json: &str,
    accepted: &BTreeMap<String, String>,
    day: &str,
) -> Result<String, String> {
    let sources = top_level_object(json, "sources").ok_or("the file has no \"sources\" object")?;
    // Edits from the end backwards keep earlier byte offsets valid.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for member in members(json, sources) {
        let Some(print) = accepted.get(member.key) else {
            continue;
        };
        if json.as_bytes()[member.value.0] != b'{' {
            return Err(format!("source '{}' is not an object", member.key));
        }
        let fields = members(json, member.value);
        let mut added = String::new();
        for (key, new) in [("checked", day), ("fingerprint", print.as_str())] {
            let quoted = serde_json::to_string(new).map_err(|e| e.to_string())?;
            match fields.iter().find(|f| f.key == key) {
                Some(f) => edits.push((f.value.0, f.value.1, quoted)),
                None => {
                    let last = fields
                        .last()
                        .ok_or(format!("source '{}' is empty", member.key))?;
                    // A new member goes on its own line, indented like the last one.
                    let line_start = json[..last.key_start].rfind('\n').map_or(0, |i| i + 1);
                    let indent = &json[line_start..last.key_start];
                    let separator = if indent.trim().is_empty() {
                        format!(",\n{indent}")
                    } else {
                        ", ".to_owned()
                    };
                    added.push_str(&format!("{separator}\"{key}\": {quoted}"));
                }
            }
        }
        if let (false, Some(last)) = (added.is_empty(), fields.last()) {
            edits.push((last.value.1, last.value.1, added));
        }
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = json.to_owned();
    for (start, end, text) in edits {
        out.replace_range(start..end, &text);
    }
    Ok(out)
}

struct Member<'a> {
    key: &'a str,
    key_start: usize,
    /// The value's byte range.
    value: (usize, usize),
}

/// The range of the value of `key` in the file's top-level object.
fn top_level_object(json: &str, key: &str) -> Option<(usize, usize)> {
    let start = json.find('{')?;
    let end = skip_value(json.as_bytes(), start)?;
    members(json, (start, end))
        .into_iter()
        .find(|m| m.key == key)
        .map(|m| m.value)
}

/// The members of the object at `range` (keys as written, without their quotes).
fn members(json: &str, range: (usize, usize)) -> Vec<Member<'_>> {
    let b = json.as_bytes();
    let mut out = Vec::new();
    let mut i = range.0 + 1;
    loop {
        i = skip_space(b, i);
        if i >= range.1 || b[i] == b'}' {
            return out;
        }
        if b[i] == b',' {
            i += 1;
            continue;
        }
        let key_start = i;
        let Some(key_end) = skip_value(b, i) else {
            return out;
        };
        i = skip_space(b, key_end);
        if b.get(i) != Some(&b':') {
            return out;
        }
        let value_start = skip_space(b, i + 1);
        let Some(value_end) = skip_value(b, value_start) else {
            return out;
        };
        out.push(Member {
            key: &json[key_start + 1..key_end - 1],
            key_start,
            value: (value_start, value_end),
        });
        i = value_end;
    }
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of the JSON value starting at `i` (strings, objects and arrays matched, escapes
/// honoured; numbers and literals up to the next delimiter).
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => {
            let mut j = i + 1;
            while j < b.len() {
                match b[j] {
                    b'\\' => j += 2,
                    b'"' => return Some(j + 1),
                    _ => j += 1,
                }
            }
            None
        }
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_value(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            Some(j)
        }
    }
}
