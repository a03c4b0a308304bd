//! Reading the sources: over the network (ureq with rustls: at most 5 redirects, timeouts, a size
//! cap, a User-Agent naming the project; at most 4 requests at once and one at a time per host),
//! or from a folder of copies (`--from DIR`, `DIR/<source id>.<any extension>`).

use super::text::{self, Format};
use std::collections::{BTreeMap, VecDeque};
use std::io::Read as _;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

/// The largest page read; a bigger one is reported unreachable rather than half-read.
pub const SIZE_CAP: u64 = 8 * 1024 * 1024;
const USER_AGENT: &str = concat!(
    "free-ml-platforms-check-sources/",
    env!("CARGO_PKG_VERSION"),
    " (the source checker of the Free ML platforms comparison)"
);
const WORKERS: usize = 4;

/// What reading one source gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// The page's normalized words (text.rs), and where they were read from.
    Words { words: String, from: String },
    /// 404 or 410, or no copy in the folder.
    Gone { reason: String, from: String },
    /// Network errors, timeouts, too many redirects, a page over the size cap.
    Unreachable { reason: String, from: String },
}

/// How to reach the network; the timeout and origin are settings for tests.
#[derive(Debug, Clone)]
pub struct Network {
    pub timeout: Duration,
    /// `CHECK_SOURCES_ORIGIN`: read every link from this origin instead of its own host
    /// (`https://docs.test/a` is read as `http://127.0.0.1:8000/a`), for tests on a local server.
    pub origin: Option<String>,
}

/// The address actually read for a source link: a GitHub "blob" page through its raw form, and
/// a link pinned to a commit at the repository's default branch (`HEAD`), so the check sees
/// today's text rather than the text of the day the link was made.
pub fn address(url: &str) -> String {
    let pinned = |r: &str| r.len() == 40 && r.bytes().all(|b| b.is_ascii_hexdigit());
    let raw = |owner: &str, repo: &str, reference: &str, path: &str| {
        let reference = if pinned(reference) { "HEAD" } else { reference };
        format!("https://raw.githubusercontent.com/{owner}/{repo}/{reference}/{path}")
    };
    if let Some(rest) = url.strip_prefix("https://github.com/") {
        let parts: Vec<&str> = rest.splitn(5, '/').collect();
        if let [owner, repo, "blob", reference, path] = parts[..] {
            return raw(owner, repo, reference, path);
        }
    }
    if let Some(rest) = url.strip_prefix("https://raw.githubusercontent.com/") {
        let parts: Vec<&str> = rest.splitn(4, '/').collect();
        if let [owner, repo, reference, path] = parts[..] {
            return raw(owner, repo, reference, path);
        }
    }
    url.to_owned()
}

/// The host of an https or http link ("" if none).
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or_default()
}

/// Reads every `(id, url)` over the network, returning the reads by id.
pub fn fetch_all(sources: &[(String, String)], net: &Network) -> BTreeMap<String, Read> {
    let agent = ureq::Agent::config_builder()
        .max_redirects(5)
        .timeout_global(Some(net.timeout))
        .timeout_connect(Some(net.timeout.min(Duration::from_secs(10))))
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .build()
        .new_agent();
    // One queue per host: a worker takes a whole host, so no host sees two requests at once.
    let mut by_host: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (id, url) in sources {
        let read_at = address(url);
        by_host
            .entry(host(&read_at).to_owned())
            .or_default()
            .push((id.clone(), read_at));
    }
    let queue = Mutex::new(by_host.into_values().collect::<VecDeque<_>>());
    let results = Mutex::new(BTreeMap::new());
    // The lock is held only while taking a host, never while reading (hence the closure).
    let next_host = || queue.lock().ok()?.pop_front();
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                while let Some(group) = next_host() {
                    for (id, url) in group {
                        let read = fetch(&agent, &url, net.origin.as_deref());
                        if let Ok(mut results) = results.lock() {
                            results.insert(id, read);
                        }
                    }
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

fn fetch(agent: &ureq::Agent, url: &str, origin: Option<&str>) -> Read {
    let target = match origin {
        Some(origin) => {
            let rest = url.split_once("://").map_or(url, |(_, r)| r);
            let path = rest.find('/').map_or("/", |i| &rest[i..]);
            format!("{}{path}", origin.trim_end_matches('/'))
        }
        None => url.to_owned(),
    };
    let from = url.to_owned();
    let unreachable = |reason: String| Read::Unreachable {
        reason,
        from: from.clone(),
    };
    let response = match agent.get(&target).call() {
        Ok(response) => response,
        Err(ureq::Error::Timeout(what)) => return unreachable(format!("timed out ({what})")),
        Err(ureq::Error::TooManyRedirects) => {
            return unreachable("more than 5 redirects".to_owned())
        }
        Err(e) => return unreachable(format!("network error: {e}")),
    };
    let status = response.status().as_u16();
    if status == 404 || status == 410 {
        return Read::Gone {
            reason: format!("HTTP {status}"),
            from,
        };
    }
    if !(200..300).contains(&status) {
        return unreachable(format!("HTTP {status}"));
    }
    let html_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.contains("html"));
    let mut bytes = Vec::new();
    let body = response
        .into_body()
        .into_reader()
        .take(SIZE_CAP + 1)
        .read_to_end(&mut bytes);
    match body {
        Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {
            return unreachable("timed out reading the page".to_owned())
        }
        Err(e) => return unreachable(format!("network error: {e}")),
        Ok(_) if bytes.len() as u64 > SIZE_CAP => return unreachable(too_big()),
        Ok(_) => {}
    }
    let body = String::from_utf8_lossy(&bytes);
    let format = match html_type {
        Some(true) => Format::Html,
        Some(false) => Format::Plain,
        None if text::looks_like_html(&body) => Format::Html,
        None => Format::Plain,
    };
    Read::Words {
        words: text::words(&body, format),
        from,
    }
}

fn too_big() -> String {
    format!("larger than the {} MB cap", SIZE_CAP / (1024 * 1024))
}

/// Reads each source's copy from `dir/<id>.<ext>` (`.html`/`.htm` as HTML, anything else as
/// written), or reports it gone when there is none.
pub fn read_copies(ids: &[String], dir: &Path) -> BTreeMap<String, Read> {
    let entries: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    ids.iter()
        .map(|id| {
            let copy = entries.iter().find(|p| {
                p.file_stem().and_then(|s| s.to_str()) == Some(id.as_str()) && p.is_file()
            });
            let read = match copy {
                None => Read::Gone {
                    reason: "no copy in the folder".to_owned(),
                    from: dir.join(id).display().to_string(),
                },
                Some(path) => read_copy(path),
            };
            (id.clone(), read)
        })
        .collect()
}

fn read_copy(path: &Path) -> Read {
    let from = path.display().to_string();
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size > SIZE_CAP {
        return Read::Unreachable {
            reason: too_big(),
            from,
        };
    }
    match std::fs::read(path) {
        Err(e) => Read::Unreachable {
            reason: format!("cannot read the copy: {e}"),
            from,
        },
        Ok(bytes) => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            let format = if matches!(ext.to_ascii_lowercase().as_str(), "html" | "htm") {
                Format::Html
            } else {
                Format::Plain
            };
            Read::Words {
                words: text::words(&String::from_utf8_lossy(&bytes), format),
                from,
            }
        }
    }
}
