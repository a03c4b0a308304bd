//! `cargo run --release --bin check-sources -- [--data FILE] [--from DIR] [--json] [--accept]`:
//! re-reads every source today's values cite and reports what still holds (README, "Checking
//! the sources"). Exit 0 when nothing drifted or went, 1 when something did, 2 on bad arguments
//! or a data file the build would refuse.

use free_ml_platforms::checker::{self, accept, read};
use free_ml_platforms::dataset::{self, Dataset};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "usage: check-sources [--data FILE] [--from DIR] [--json] [--accept]\n\
     \x20 --data FILE  the data file (default assets/platforms.json)\n\
     \x20 --from DIR   read each source from DIR/<source id>.<ext> instead of the network\n\
     \x20 --json       print the report as JSON (README, \"Checking the sources\")\n\
     \x20 --accept     record each read source's fingerprint and today's date in the data file\n\
     environment: CHECK_SOURCES_TIMEOUT (seconds a page may take, default 30)";

struct Options {
    data: PathBuf,
    from: Option<PathBuf>,
    json: bool,
    accept: bool,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        data: PathBuf::from("assets/platforms.json"),
        from: None,
        json: false,
        accept: false,
    };
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let mut path = |flag: &str| {
            args.next()
                .map(PathBuf::from)
                .ok_or(format!("{flag} needs a path"))
        };
        match arg.to_str() {
            Some("--data") => options.data = path("--data")?,
            Some("--from") => options.from = Some(path("--from")?),
            Some("--json") => options.json = true,
            Some("--accept") => options.accept = true,
            Some("--help" | "-h") => return Err(String::new()),
            _ => return Err(format!("unknown argument '{}'", arg.to_string_lossy())),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("check-sources: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let path = options.data.display().to_string();
    let text = match std::fs::read_to_string(&options.data) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    // The build's own reading and messages (build.rs).
    let data = match Dataset::parse(&text) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("{path} is broken ({} problems):\n{e}", e.problems.len());
            return ExitCode::from(2);
        }
    };
    let sources = checker::cited_sources(&data);
    let (reads, mode) = match &options.from {
        Some(dir) if !dir.is_dir() => {
            eprintln!("check-sources: --from {}: not a folder", dir.display());
            return ExitCode::from(2);
        }
        Some(dir) => {
            let ids: Vec<String> = sources.iter().map(|(id, _)| id.clone()).collect();
            (read::read_copies(&ids, dir), "copies")
        }
        None => {
            let timeout = std::env::var("CHECK_SOURCES_TIMEOUT")
                .ok()
                .and_then(|s| s.parse::<f64>().ok())
                .filter(|s| *s > 0.0)
                .map_or(Duration::from_secs(30), Duration::from_secs_f64);
            let net = read::Network {
                timeout,
                origin: std::env::var("CHECK_SOURCES_ORIGIN").ok(),
            };
            (read::fetch_all(&sources, &net), "network")
        }
    };
    let report = checker::check(&data, &reads, mode);
    if options.json {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => say(&format!("{json}\n")),
            Err(e) => eprintln!("check-sources: {e}"),
        }
    } else {
        say(&report.to_string());
    }
    if options.accept {
        let accepted: BTreeMap<String, String> = report
            .sources
            .iter()
            .filter_map(|s| Some((s.id.clone(), s.fingerprint.clone()?)))
            .collect();
        let edited = accept::accept(&text, &accepted, &dataset::today()).and_then(|edited| {
            Dataset::parse(&edited)
                .map(|_| edited)
                .map_err(|e| format!("the edited file would be refused:\n{e}"))
        });
        match edited
            .and_then(|edited| std::fs::write(&options.data, edited).map_err(|e| e.to_string()))
        {
            Ok(()) => eprintln!("accepted {} sources into {path}", accepted.len()),
            Err(e) => {
                eprintln!("check-sources --accept: {path}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::from(u8::from(report.failed()))
}

/// Prints to stdout, quietly stopping if it was closed (`check-sources | head`).
fn say(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
