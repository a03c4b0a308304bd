"""Checks the files a build publishes (scripts/test.sh runs it on dist/) with real validators:
- feed.xml with feedparser: well-formed Atom 1.0, one entry per platform and day of the history
  (counted here from platforms.json), newest first, each with a tag: id, its date and a link;
- platforms.schema.json is a valid JSON Schema 2020-12, platforms.json is valid against it, and the
  schema refuses every edit of tests/fixtures/refused.json (which the build refuses too);
- platforms.csv has a row for every value and alt.
Usage: python check_published.py DIST"""

import copy
import csv
import json
import re
import sys
from pathlib import Path

import feedparser
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
dist = Path(sys.argv[1])
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


data = json.loads((dist / "platforms.json").read_text())
schema = json.loads((dist / "platforms.schema.json").read_text())

# The feed.
feed = feedparser.parse((dist / "feed.xml").read_bytes())
check(not feed.bozo, f"feed.xml is not well formed: {feed.get('bozo_exception')}")
check(feed.version == "atom10", f"feed.xml is {feed.version!r}, not Atom 1.0")
check(feed.feed.get("id", "").startswith("tag:"), "the feed's id is not a tag: URI")
batches = sorted(
    {(c["date"], p["id"]) for p in data["platforms"] for c in p.get("history", [])},
    key=lambda b: b[0],
    reverse=True,
)
check(len(feed.entries) == len(batches), f"{len(feed.entries)} entries for {len(batches)} platform-days")
tag = re.compile(r"^tag:[a-z0-9.-]+,\d{4}(-\d\d){0,2}:\S+$")
ids = set()
for entry, (date, _) in zip(feed.entries, batches):
    check(bool(tag.match(entry.id)), f"entry id {entry.id!r} is not a tag: URI")
    check(entry.id not in ids, f"entry id {entry.id!r} is used twice")
    ids.add(entry.id)
    check(entry.updated.startswith(date), f"{entry.id}: updated {entry.updated}, expected {date}")
for entry in feed.entries:
    platform = entry.id.rsplit(":", 1)[1].split("/")[0]
    check(entry.link.endswith(f"?cmp={platform}"), f"{entry.id}: links to {entry.link}")
    check(entry.summary.strip() != "" and entry.title.strip() != "", f"{entry.id}: no title or summary")
    check(entry.content[0].value.startswith("<ul>"), f"{entry.id}: content is not the list of changes")
dates = [e.updated for e in feed.entries]
check(dates == sorted(dates, reverse=True), "entries are not newest first")

# The schema and the data.
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
for error in validator.iter_errors(data):
    failures.append(f"platforms.json at {error.json_path}: {error.message}")
refused = json.loads((ROOT / "tests/fixtures/refused.json").read_text())


def edited(edits):
    doc = copy.deepcopy(data)
    doc["sources"]["case-doc"] = refused["source"]
    for path, value in edits:
        *parents, key = [part for part in path.split("/")[1:]]
        target = doc
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(key)] = value
        else:
            target[key] = value
    return doc


check(validator.is_valid(edited([])), "the schema refuses the data with the cases' source added")
for case in refused["cases"]:
    check(not validator.is_valid(edited(case["set"])), f"the schema accepts: {case['why']}")

# The CSV.
with open(dist / "platforms.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
values = sum(
    1 + ("alt" in fact)
    for p in data["platforms"]
    for snapshot in p["snapshots"].values()
    for fact in snapshot["facts"].values()
)
check(len(rows) == values, f"platforms.csv has {len(rows)} rows for {values} values")
check(all(r["value"] for r in rows), "platforms.csv has an empty value")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(
    f"published files OK: feed {len(feed.entries)} entries (feedparser {feedparser.__version__}), "
    f"platforms.json valid and {len(refused['cases'])} broken edits refused (JSON Schema 2020-12), "
    f"CSV {len(rows)} rows"
)
