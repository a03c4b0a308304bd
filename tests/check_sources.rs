//! check-sources end to end: the binary run on a data file the test writes, reading pages from a
//! loopback server the test runs (through `CHECK_SOURCES_ORIGIN`) or from a folder of copies
//! (`--from`), and its exit code and report checked against what the test expects. Also the
//! matcher's spellings and the GitHub link rewriting against hand-written cases.

use free_ml_platforms::checker::{matching::Page, read::address};
use free_ml_platforms::dataset::{Amount, Bound, Field, Quantity, Unit};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Every field of the data: the fixture's platforms give each a value.
fn fields() -> impl Iterator<Item = &'static str> {
    Field::all().map(Field::id)
}

/// A pinned commit: the checker must read the file at the default branch's head instead.
const PINNED: &str = "0123456789abcdef0123456789abcdef01234567";

/// The sources of the fixture: id → link.
fn links() -> Vec<(&'static str, String)> {
    let docs = |page: &str| format!("https://docs.test/{page}");
    vec![
        ("drifted", docs("drifted")),
        ("gpu-removed", docs("gpu-removed")),
        ("gone", docs("gone")),
        ("loop", docs("loop")),
        ("hang", docs("hang")),
        ("huge", docs("huge")),
        ("latin1", docs("latin1")),
        ("split", docs("split")),
        (
            "markdown",
            format!("https://github.com/vendor/docs/blob/{PINNED}/limits.md"),
        ),
    ]
}

/// One platform per case: `(platform, field, fact)`; every other field unknown.
fn facts() -> Vec<(&'static str, &'static str, Value)> {
    let number = |n: f64, unit: &str, source: &str| json!({"number": n, "unit": unit, "source": source, "confidence": "verified"});
    let list = |items: &[&str], source: &str| json!({"list": items, "source": source, "confidence": "verified"});
    vec![
        ("p-drifted", "ram", number(16.0, "GB", "drifted")),
        (
            "p-gpu",
            "gpu",
            list(&["Tesla T4", "Tesla P100"], "gpu-removed"),
        ),
        ("p-gone", "ram", number(8.0, "GB", "gone")),
        ("p-loop", "ram", number(8.0, "GB", "loop")),
        ("p-hang", "ram", number(8.0, "GB", "hang")),
        ("p-huge", "ram", number(8.0, "GB", "huge")),
        ("p-latin1", "ram", number(13.0, "GB", "latin1")),
        ("p-split", "gpu_quota", number(30.0, "h/week", "split")),
        (
            "p-split",
            "disk",
            json!({"number": 100, "low": 50, "unit": "GB", "source": "split", "confidence": "verified"}),
        ),
        (
            "p-split",
            "internet",
            json!({"bool": true, "source": "split", "confidence": "verified"}),
        ),
        ("p-md", "session", number(12.0, "h", "markdown")),
        ("p-md", "languages", list(&["Python", "Julia"], "markdown")),
        ("p-md", "gpu", list(&["2× Tesla T4 (shared)"], "markdown")),
    ]
}

/// The fixture data file, pretty-printed like assets/platforms.json.
fn dataset() -> String {
    dataset_of(links(), facts())
}

fn dataset_of(links: Vec<(&str, String)>, facts: Vec<(&str, &str, Value)>) -> String {
    let sources: serde_json::Map<String, Value> = links
        .into_iter()
        .map(|(id, url)| {
            (
                id.to_owned(),
                json!({"title": id, "url": url, "date": "2026-10-01"}),
            )
        })
        .collect();
    let mut platforms: BTreeMap<&str, serde_json::Map<String, Value>> = BTreeMap::new();
    for (platform, field, fact) in facts {
        let source = fact["source"].clone();
        let facts = platforms.entry(platform).or_insert_with(|| {
            fields()
                .map(|f| (f.to_string(), json!({"unknown": "not published", "source": source, "confidence": "verified"})))
                .collect()
        });
        facts.insert(field.to_owned(), fact);
    }
    let platforms: Vec<Value> = platforms
        .into_iter()
        .map(|(id, facts)| {
            json!({
                "id": id, "name": id, "short_name": id, "vendor": "Vendor", "link": "https://docs.test/",
                "status": {"state": "active"}, "summary": "A platform.",
                "snapshots": {"today": {"as_of": "2026-11-30", "facts": facts}}
            })
        })
        .collect();
    let data = json!({"dataset_date": "2026-11-30", "sources": sources, "platforms": platforms});
    serde_json::to_string_pretty(&data).unwrap() + "\n"
}

/// What the server and the copies hold, by path or copy name.
fn pages() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let html = |body: &str| {
        format!("<!doctype html><html><head><title>t</title></head><body>{body}</body></html>")
            .into_bytes()
    };
    // "16 GB" only inside a script and the navigation: dropped, so the value has drifted.
    let drifted = html("<nav>Plans: 16 GB</nav><script>var ram = '16 GB';</script><p>Each session gets <b>12 GB</b> of RAM.</p>");
    let gpu_removed = html("<ul><li>NVIDIA T4</li><li>TPU v5e-8</li></ul>");
    // "Mémoire : 13 GB" in Latin-1: the é is not UTF-8.
    let mut latin1 = b"<html><body><p>M\xe9moire : 13 GB</p></body></html>".to_vec();
    latin1.extend_from_slice(b"<p>caf\xe9</p>");
    // 30 h split across tags, a range across a tag, and a number glued to a name.
    let split = html("<p>GPU quota: <span>3</span><span>0</span> <abbr>hrs</abbr> per week on a T4</p><p>Disk: up to <b>50</b>–<i>100</i>\u{a0}GiB</p>");
    let markdown = b"# Limits\n\n- Sessions last **12 hours**.\n- GPU: NVIDIA T4 x2\n- Kernels: Python, Julia\n".to_vec();
    vec![
        ("drifted", "html", drifted),
        ("gpu-removed", "html", gpu_removed),
        ("latin1", "html", latin1),
        ("split", "html", split),
        ("markdown", "md", markdown),
        ("huge", "txt", vec![b'x'; 20 * 1024 * 1024]),
    ]
}

enum Reply {
    Page(&'static str, Vec<u8>),
    Status(u16),
    Redirect(&'static str),
    Hang,
}

/// A loopback HTTP server answering each request on its own thread; returns its origin.
fn serve() -> String {
    let mut routes: BTreeMap<String, Reply> = BTreeMap::new();
    for (name, ext, body) in pages() {
        let kind = match ext {
            "html" => "text/html; charset=utf-8",
            "md" => "text/plain; charset=utf-8",
            _ => "text/plain",
        };
        let path = if name == "markdown" {
            // The blob link pinned to a commit, read raw at the default branch.
            "/vendor/docs/HEAD/limits.md".to_owned()
        } else {
            format!("/{name}")
        };
        routes.insert(path, Reply::Page(kind, body));
    }
    routes.insert("/gone".into(), Reply::Status(404));
    routes.insert("/loop".into(), Reply::Redirect("/loop"));
    routes.insert("/hang".into(), Reply::Hang);
    // Chains of 5 and 6 redirects: the first is followed to its page, the second is too long.
    for (chain, hops) in [("five", 5), ("six", 6)] {
        for hop in 0..hops {
            let to: &'static str = Box::leak(format!("/{chain}/{}", hop + 1).into_boxed_str());
            routes.insert(format!("/{chain}/{hop}"), Reply::Redirect(to));
        }
        routes.insert(
            format!("/{chain}/{hops}"),
            Reply::Page("text/plain", b"8 GB".to_vec()),
        );
    }
    let routes = std::sync::Arc::new(routes);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let routes = routes.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                let _ = reader.read_line(&mut line);
                let path = line.split(' ').nth(1).unwrap_or("/").to_owned();
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) <= 2 {
                        break;
                    }
                }
                let mut stream = stream;
                let head = |status: &str, extra: &str| {
                    format!("HTTP/1.1 {status}\r\nConnection: close\r\n{extra}\r\n")
                };
                let _ = match routes.get(&path) {
                    Some(Reply::Page(kind, body)) => stream
                        .write_all(
                            head(
                                "200 OK",
                                &format!(
                                    "Content-Type: {kind}\r\nContent-Length: {}\r\n",
                                    body.len()
                                ),
                            )
                            .as_bytes(),
                        )
                        .and_then(|_| stream.write_all(body)),
                    Some(Reply::Redirect(to)) => stream.write_all(
                        head(
                            "302 Found",
                            &format!("Location: {to}\r\nContent-Length: 0\r\n"),
                        )
                        .as_bytes(),
                    ),
                    Some(Reply::Hang) => {
                        std::thread::sleep(Duration::from_secs(30));
                        Ok(())
                    }
                    Some(Reply::Status(code)) => stream.write_all(
                        head(&format!("{code} Nope"), "Content-Length: 0\r\n").as_bytes(),
                    ),
                    None => {
                        stream.write_all(head("404 Not Found", "Content-Length: 0\r\n").as_bytes())
                    }
                };
            });
        }
    });
    origin
}

/// A fresh folder with the data file (and, for `--from`, the copies).
fn workdir(name: &str, copies: bool) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("check-sources-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("copies")).unwrap();
    std::fs::write(dir.join("data.json"), dataset()).unwrap();
    if copies {
        for (name, ext, body) in pages() {
            std::fs::write(dir.join("copies").join(format!("{name}.{ext}")), body).unwrap();
        }
    }
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], origin: Option<&str>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_check-sources"));
    command.args(args).env("CHECK_SOURCES_TIMEOUT", "1");
    if let Some(origin) = origin {
        command.env("CHECK_SOURCES_ORIGIN", origin);
    }
    let out = command.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn json_report(dir: &Path, from: bool, origin: Option<&str>) -> (i32, Value) {
    let data = dir.join("data.json");
    let copies = dir.join("copies");
    let mut args = vec!["--data", data.to_str().unwrap(), "--json"];
    if from {
        args.extend(["--from", copies.to_str().unwrap()]);
    }
    let out = run(&args, origin);
    let report = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", out.stdout, out.stderr));
    (out.code, report)
}

fn states(report: &Value) -> BTreeMap<String, String> {
    report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_owned(),
                s["state"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn value<'a>(report: &'a Value, platform: &str, field: &str) -> &'a Value {
    report["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["platform"] == platform && v["field"] == field)
        .unwrap_or_else(|| panic!("no value {platform} {field}"))
}

fn expected(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// What both routes agree on: the drifts and the pages that still state their values.
fn check_common(report: &Value) {
    let drift = value(report, "p-drifted", "ram");
    assert_eq!(drift["state"], "drift");
    assert_eq!(drift["missing"], json!(["16 GB"]));
    assert_eq!(drift["sources"], json!(["drifted"]));
    let gpu = value(report, "p-gpu", "gpu");
    assert_eq!(
        (gpu["check"].as_str(), gpu["state"].as_str()),
        (Some("list"), Some("drift"))
    );
    assert_eq!(gpu["missing"], json!(["Tesla P100"]));
    for (platform, field, check) in [
        ("p-latin1", "ram", "number"),
        ("p-split", "gpu_quota", "number"),
        ("p-split", "disk", "number"),
        ("p-md", "session", "number"),
        ("p-md", "languages", "list"),
        ("p-md", "gpu", "list"),
    ] {
        let v = value(report, platform, field);
        assert_eq!(
            (v["check"].as_str(), v["state"].as_str()),
            (Some(check), Some("stated")),
            "{platform} {field}"
        );
    }
    let internet = value(report, "p-split", "internet");
    assert_eq!(
        (internet["check"].as_str(), internet["state"].as_str()),
        (Some("fingerprint"), Some("changed"))
    );
    let s = &report["summary"];
    assert_eq!(s["sources"], 9);
    assert_eq!(s["drift"], 2);
    assert_eq!(s["values_drifted"], 2);
    // 9 platforms of every field: 13 facts written by hand, the others unknown.
    let all = fields().count();
    assert_eq!(s["values"], 9 * all);
    assert_eq!(s["values_by_number"], 9);
    assert_eq!(s["values_by_list"], 3);
    assert_eq!(s["values_by_fingerprint"], 9 * all - 12);
}

#[test]
fn network_cases() {
    let origin = serve();
    let dir = workdir("network", false);
    let started = std::time::Instant::now();
    let (code, report) = json_report(&dir, false, Some(&origin));
    assert_eq!(code, 1, "a drift and a gone page fail the run");
    assert_eq!(report["mode"], "network");
    assert_eq!(
        states(&report),
        expected(&[
            ("drifted", "drift"),
            ("gpu-removed", "drift"),
            ("gone", "gone"),
            ("loop", "unreachable"),
            ("hang", "unreachable"),
            ("huge", "unreachable"),
            ("latin1", "changed"),
            ("split", "changed"),
            ("markdown", "changed"),
        ])
    );
    check_common(&report);
    let reason = |id: &str| {
        report["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()["reason"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(reason("gone"), "HTTP 404");
    assert_eq!(reason("loop"), "more than 5 redirects");
    assert!(
        reason("hang").starts_with("timed out"),
        "{}",
        reason("hang")
    );
    assert_eq!(reason("huge"), "larger than the 8 MB cap");
    let markdown = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "markdown")
        .unwrap();
    assert_eq!(
        markdown["read_from"],
        "https://raw.githubusercontent.com/vendor/docs/HEAD/limits.md"
    );
    // The hanging page is given up after the 1 s timeout, not the server's 30 s.
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(value(&report, "p-hang", "ram")["state"], "unread");
}

#[test]
fn copies_cases() {
    let dir = workdir("copies", true);
    let (code, report) = json_report(&dir, true, None);
    assert_eq!(code, 1);
    assert_eq!(report["mode"], "copies");
    assert_eq!(
        states(&report),
        expected(&[
            ("drifted", "drift"),
            ("gpu-removed", "drift"),
            // No copy of these in the folder.
            ("gone", "gone"),
            ("loop", "gone"),
            ("hang", "gone"),
            ("huge", "unreachable"),
            ("latin1", "changed"),
            ("split", "changed"),
            ("markdown", "changed"),
        ])
    );
    check_common(&report);
}

#[test]
fn text_report_names_the_drift() {
    let dir = workdir("text", true);
    let data = dir.join("data.json");
    let copies = dir.join("copies");
    let out = run(
        &[
            "--data",
            data.to_str().unwrap(),
            "--from",
            copies.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("9 sources: 0 unchanged, 3 changed (values still stated), 2 drift, 3 gone, 1 unreachable"), "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "DRIFT  p-drifted ram: '16 GB' — no longer written: 16 GB (sources: drifted)"
        ),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("DRIFT  p-gpu gpu: 'Tesla T4, Tesla P100' — no longer written: Tesla P100 (sources: gpu-removed)"), "{}", out.stdout);
}

#[test]
fn accept_records_fingerprints_and_moves_only_those_lines() {
    let dir = workdir("accept", true);
    let data = dir.join("data.json");
    let copies = dir.join("copies");
    let before = std::fs::read_to_string(&data).unwrap();
    let out = run(
        &[
            "--data",
            data.to_str().unwrap(),
            "--from",
            copies.to_str().unwrap(),
            "--accept",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("accepted 5 sources"), "{}", out.stderr);
    let after = std::fs::read_to_string(&data).unwrap();
    // Every line of the old file is still there, in order; the new ones are only these keys.
    let today = String::from_utf8(
        Command::new("date")
            .args(["-u", "+%F"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let mut old = before.lines().peekable();
    let mut added = Vec::new();
    for line in after.lines() {
        let old_line = old.peek().copied();
        if old_line == Some(line) {
            old.next();
        } else if old_line.map(|l| format!("{l},")) == Some(line.to_owned()) {
            // The line before the new keys gains its comma.
            old.next();
        } else {
            added.push(line.to_owned());
        }
    }
    assert_eq!(old.next(), None, "every old line kept");
    assert_eq!(added.len(), 10, "{added:#?}");
    for pair in added.chunks(2) {
        assert_eq!(pair[0], format!("      \"checked\": \"{}\",", today.trim()));
        assert!(
            pair[1].starts_with("      \"fingerprint\": \"sha256:")
                && pair[1].len() == 6 + 16 + 7 + 64 + 1,
            "{}",
            pair[1]
        );
    }
    // Read again: the accepted pages are unchanged now; the drifts are still drifts.
    let (code, report) = json_report(&dir, true, None);
    assert_eq!(code, 1);
    let states = states(&report);
    for id in ["latin1", "split", "markdown"] {
        assert_eq!(states[id], "unchanged", "{id}");
    }
    assert_eq!(states["drifted"], "drift");
    assert_eq!(value(&report, "p-split", "internet")["state"], "unchanged");
    // A page edited after it was accepted reads as changed, its values still stated.
    std::fs::write(
        copies.join("split.html"),
        b"<p>Quota 30 hours a week. Disk 50-100 GB. New words.</p>",
    )
    .unwrap();
    let (_, report) = json_report(&dir, true, None);
    assert_eq!(states_of(&report, "split"), "changed");
    assert_eq!(value(&report, "p-split", "internet")["state"], "changed");
}

fn states_of(report: &Value, id: &str) -> String {
    states(report)[id].clone()
}

#[test]
fn nothing_drifted_exits_zero() {
    let dir = workdir("clean", true);
    for id in ["drifted", "gpu-removed", "huge"] {
        for ext in ["html", "txt"] {
            let _ = std::fs::remove_file(dir.join("copies").join(format!("{id}.{ext}")));
        }
    }
    std::fs::write(dir.join("copies/drifted.txt"), "16 GB").unwrap();
    std::fs::write(
        dir.join("copies/gpu-removed.txt"),
        "Tesla T4 and Tesla P100",
    )
    .unwrap();
    for id in ["gone", "loop", "hang", "huge"] {
        std::fs::write(dir.join("copies").join(format!("{id}.txt")), "8 GiB").unwrap();
    }
    let (code, report) = json_report(&dir, true, None);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["values_drifted"], 0);
}

#[test]
fn bad_arguments_and_refused_data_exit_two() {
    let out = run(&["--frm", "x"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("unknown argument '--frm'") && out.stderr.contains("usage:"));
    assert_eq!(run(&["--data"], None).code, 2);
    let out = run(&["--data", "tests/fixtures/refused.json"], None);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("tests/fixtures/refused.json is broken ("),
        "{}",
        out.stderr
    );
    let dir = workdir("refused", false);
    let data = dir.join("data.json");
    let bad = dataset().replacen(
        "\"date\": \"2026-10-01\"",
        "\"date\": \"2026-10-01\", \"fingerprint\": \"md5:x\"",
        1,
    );
    std::fs::write(&data, bad).unwrap();
    let out = run(&["--data", data.to_str().unwrap()], None);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("fingerprint 'md5:x' is not 'sha256:' and 64 lowercase hex digits"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("checked and fingerprint go together"),
        "{}",
        out.stderr
    );
    let print = format!("sha256:{}", "0".repeat(64));
    let future = dataset().replacen(
        "\"date\": \"2026-10-01\"",
        &format!(
            "\"date\": \"2026-10-01\", \"checked\": \"2999-01-01\", \"fingerprint\": \"{print}\""
        ),
        1,
    );
    std::fs::write(&data, future).unwrap();
    let out = run(&["--data", data.to_str().unwrap()], None);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("checked '2999-01-01' is after today ("),
        "{}",
        out.stderr
    );
    let out = run(&["--from", "/nonexistent-folder"], None);
    assert_eq!(out.code, 2);
}

fn quantity(number: f64, low: Option<f64>, unit: Unit) -> Quantity {
    Quantity {
        number: Amount::from_decimal(number).unwrap(),
        low: low.and_then(Amount::from_decimal),
        bound: Bound::Exactly,
        unit,
    }
}

#[test]
fn numbers_with_their_units_in_usual_spellings() {
    let week = quantity(30.0, None, Unit::HoursPerWeek);
    for text in [
        "30 hours a week",
        "30h",
        "up to 30 hrs",
        "30-hour quota",
        "30 Hours",
        "GPU: 30 h/week",
    ] {
        assert!(Page::new(text).states_quantity(&week), "{text}");
    }
    for text in [
        "300 hours",
        "3 hours",
        "30 GB",
        "30",
        "v30 hours",
        "1.30 hours",
        "30 minutes",
    ] {
        assert!(!Page::new(text).states_quantity(&week), "{text}");
    }
    let ram = quantity(16.0, None, Unit::Gb);
    for text in [
        "16 GB",
        "16GB",
        "16 GiB",
        "16\u{a0}GB",
        "ＲＡＭ １６ ＧＢ",
        "16-GB",
    ] {
        let words = free_ml_platforms::checker::text::words(
            text,
            free_ml_platforms::checker::text::Format::Plain,
        );
        assert!(Page::new(&words).states_quantity(&ram), "{text}");
    }
    let half = quantity(0.5, None, Unit::Gb);
    assert!(Page::new("0.5 GB").states_quantity(&half));
    assert!(Page::new("0,5 GB").states_quantity(&half));
    let thousand = quantity(1000.0, None, Unit::Hours);
    assert!(Page::new("1,000 hours").states_quantity(&thousand));
    let range = quantity(2.0, Some(1.0), Unit::Gb);
    for text in ["1–2 GB", "1 - 2 GB", "1 to 2 GB", "1 GB to 2 GB"] {
        assert!(Page::new(text).states_quantity(&range), "{text}");
    }
    for text in [
        "2 GB",
        "3–2 GB",
        "1 is the loneliest number, far from this: 2 GB",
    ] {
        assert!(!Page::new(text).states_quantity(&range), "{text}");
    }
    let cores = quantity(4.0, None, Unit::Cores);
    assert!(Page::new("4 vCPUs").states_quantity(&cores));
    assert!(Page::new("4 CPU cores").states_quantity(&cores));
    assert!(Page::new("cores: 4,").states_quantity(&cores));
    assert!(Page::new("| vCPU | 4 |").states_quantity(&cores));
    assert!(!Page::new("memory: 4,").states_quantity(&cores));
    // The same amount in a sibling unit, and small numbers as words.
    let idle = quantity(60.0, None, Unit::Minutes);
    assert!(Page::new("idle for more than 1 hour").states_quantity(&idle));
    assert!(!Page::new("idle for more than 2 hours").states_quantity(&idle));
    let volume = quantity(1024.0, None, Unit::Gb);
    assert!(Page::new("Volumes include 1 TiB free").states_quantity(&volume));
    let small = quantity(1000.0, None, Unit::Mb);
    assert!(Page::new("1 GB of RAM").states_quantity(&small));
    let session = quantity(6.0, None, Unit::Hours);
    assert!(Page::new("up to six hours of session time").states_quantity(&session));
    assert!(!Page::new("up to sixty hours").states_quantity(&session));
}

#[test]
fn list_items_by_name() {
    let page = Page::new("GPUs: NVIDIA T4 x2, TPU v5e-8. Languages: Python and R.");
    for item in [
        "Tesla T4",
        "2× Tesla T4",
        "T4",
        "TPU v5e-8",
        "Python",
        "R",
        "NVIDIA T4 (shared)",
    ] {
        assert!(page.states_item(item), "{item}");
    }
    for item in ["Tesla P100", "TPU v5e-1", "Julia", "T", "v5e"] {
        assert!(!page.states_item(item), "{item}");
    }
    // A machine name that spells the item with hyphens.
    assert!(Page::new("| `lit-tpu-v6e-8` | 8 |").states_item("TPU v6e-8"));
    assert!(!Page::new("| `lit-tpu-v6e-8` | 8 |").states_item("TPU v6e"));
}

#[test]
fn html_text_drops_scripts_styles_and_navigation() {
    use free_ml_platforms::checker::text::{words, Format};
    let html = "<html><head><title>Plans</title><style>p{}</style></head><body><nav>Home Pricing</nav>\
                <script>let x = 1;</script><h1>Free</h1><p>Up to <b>1</b><b>6</b> GB &amp; more</p></body></html>";
    assert_eq!(words(html, Format::Html), "Free\nUp to 16 GB & more");
    assert_eq!(
        words("# Title\n\n* **12 hours**\n", Format::Plain),
        "# Title\n* **12 hours**"
    );
}

#[test]
fn github_links_read_raw_at_the_branch_head() {
    let cases = [
        (
            "https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/docs/a.md",
            "https://raw.githubusercontent.com/o/r/HEAD/docs/a.md",
        ),
        (
            "https://github.com/o/r/blob/main/docs/a.md",
            "https://raw.githubusercontent.com/o/r/main/docs/a.md",
        ),
        (
            "https://raw.githubusercontent.com/o/r/0123456789abcdef0123456789abcdef01234567/x.txt",
            "https://raw.githubusercontent.com/o/r/HEAD/x.txt",
        ),
        (
            "https://github.com/o/r/issues/5",
            "https://github.com/o/r/issues/5",
        ),
        ("https://docs.test/page", "https://docs.test/page"),
    ];
    for (link, read) in cases {
        assert_eq!(address(link), read);
    }
}

/// Twelve slow pages on six hosts: never more than 4 requests at once, never two on one host.
#[test]
fn at_most_four_at_once_and_one_per_host() {
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
    use std::sync::Arc;
    let hosts = ["a", "b", "c", "d", "e", "f"];
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let total = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let per_host: Arc<Vec<AtomicUsize>> =
        Arc::new(hosts.iter().map(|_| AtomicUsize::new(0)).collect());
    let host_overlap = Arc::new(AtomicUsize::new(0));
    {
        let (total, most, per_host, host_overlap) = (
            total.clone(),
            most.clone(),
            per_host.clone(),
            host_overlap.clone(),
        );
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (total, most, per_host, host_overlap) = (
                    total.clone(),
                    most.clone(),
                    per_host.clone(),
                    host_overlap.clone(),
                );
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut line = String::new();
                    let _ = reader.read_line(&mut line);
                    // "/c/2": the page's host is the first segment (the checker grouped by it).
                    let host = line
                        .split('/')
                        .nth(1)
                        .and_then(|h| h.bytes().next())
                        .map_or(0, |b| usize::from(b - b'a'));
                    let now = total.fetch_add(1, SeqCst) + 1;
                    most.fetch_max(now, SeqCst);
                    if per_host[host].fetch_add(1, SeqCst) > 0 {
                        host_overlap.fetch_add(1, SeqCst);
                    }
                    std::thread::sleep(Duration::from_millis(300));
                    per_host[host].fetch_sub(1, SeqCst);
                    total.fetch_sub(1, SeqCst);
                    let body = "8 GB";
                    let mut stream = stream;
                    let _ = write!(stream, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{body}", body.len());
                });
            }
        });
    }
    let mut links = Vec::new();
    let mut facts = Vec::new();
    for host in hosts {
        let ids: Vec<&'static str> = (1..=2)
            .map(|n| &*Box::leak(format!("{host}{n}").into_boxed_str()))
            .collect();
        for (n, id) in ids.iter().enumerate() {
            links.push((*id, format!("https://{host}.test/{host}/{n}")));
        }
        let platform: &'static str = Box::leak(format!("p-{host}").into_boxed_str());
        facts.push((
            platform,
            "ram",
            json!({"number": 8, "unit": "GB", "source": ids, "confidence": "verified"}),
        ));
    }
    let dir = workdir("hosts", false);
    std::fs::write(dir.join("data.json"), dataset_of(links, facts)).unwrap();
    let (code, report) = json_report(&dir, false, Some(&origin));
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["changed"], 12);
    assert_eq!(
        host_overlap.load(SeqCst),
        0,
        "two requests at once on one host"
    );
    let most = most.load(SeqCst);
    assert!((2..=4).contains(&most), "{most} requests at once");
}

#[test]
fn five_redirects_are_followed_and_a_sixth_is_not() {
    let origin = serve();
    let links = vec![
        ("five", "https://docs.test/five/0".to_owned()),
        ("six", "https://docs.test/six/0".to_owned()),
    ];
    let number = |source: &str| json!({"number": 8, "unit": "GB", "source": source, "confidence": "verified"});
    let facts = vec![
        ("p-five", "ram", number("five")),
        ("p-six", "ram", number("six")),
    ];
    let dir = workdir("redirects", false);
    std::fs::write(dir.join("data.json"), dataset_of(links, facts)).unwrap();
    let (code, report) = json_report(&dir, false, Some(&origin));
    assert_eq!(code, 0, "unreachable is not a failure");
    assert_eq!(
        states(&report),
        expected(&[("five", "changed"), ("six", "unreachable")])
    );
    assert_eq!(value(&report, "p-five", "ram")["state"], "stated");
}
