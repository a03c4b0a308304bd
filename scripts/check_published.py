"""Checks the files a build publishes (scripts/test.sh runs it on dist/) with real validators:
- feed.xml and each platform's feed-<id>.xml with feedparser: well-formed Atom 1.0, one entry per
  platform and day of the history (of that platform's, counted here from platforms.json), newest
  first, each with a tag: id, its date and a link; no feed for a platform without a history;
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

# The feeds: the whole history, and each platform's own.
tag = re.compile(r"^tag:[a-z0-9.-]+,\d{4}(-\d\d){0,2}:\S+$")


def check_feed(name, batches):
    """feedparser reads `name` as well-formed Atom 1.0 with one entry per (date, platform) of
    `batches` (newest first), each with a unique tag: id, its date, a link and its changes."""
    feed = feedparser.parse((dist / name).read_bytes())
    check(not feed.bozo, f"{name} is not well formed: {feed.get('bozo_exception')}")
    check(feed.version == "atom10", f"{name} is {feed.version!r}, not Atom 1.0")
    check(feed.feed.get("id", "").startswith("tag:"), f"{name}: the feed's id is not a tag: URI")
    check(len(feed.entries) == len(batches), f"{name}: {len(feed.entries)} entries for {len(batches)} platform-days")
    ids = set()
    for entry, (date, platform) in zip(feed.entries, batches):
        check(bool(tag.match(entry.id)), f"{name}: entry id {entry.id!r} is not a tag: URI")
        check(entry.id not in ids, f"{name}: entry id {entry.id!r} is used twice")
        ids.add(entry.id)
        check(entry.id.endswith(f":{platform}/{date}"), f"{name}: entry {entry.id} is not {platform} on {date}")
        check(entry.updated.startswith(date), f"{name}: {entry.id}: updated {entry.updated}, expected {date}")
        check(entry.link.endswith(f"?cmp={platform}"), f"{name}: {entry.id}: links to {entry.link}")
        check(entry.summary.strip() != "" and entry.title.strip() != "", f"{name}: {entry.id}: no title or summary")
        check(entry.content[0].value.startswith("<ul>"), f"{name}: {entry.id}: content is not the list of changes")
    dates = [e.updated for e in feed.entries]
    check(dates == sorted(dates, reverse=True), f"{name}: entries are not newest first")
    return feed


# Newest day first; one date's platforms in table order (a stable sort of the file's order).
batches = sorted(
    dict.fromkeys((c["date"], p["id"]) for p in data["platforms"] for c in p.get("history", [])),
    key=lambda b: b[0],
    reverse=True,
)
feed = check_feed("feed.xml", batches)
platform_feeds = 0
for p in data["platforms"]:
    name = f"feed-{p['id']}.xml"
    own = [b for b in batches if b[1] == p["id"]]
    if not own:
        check(not (dist / name).exists(), f"{name} exists, but {p['id']} has no history")
        continue
    check((dist / name).exists(), f"no {name} for {p['id']}'s history")
    if (dist / name).exists():
        check_feed(name, own)
        platform_feeds += 1
known = {f"feed-{p['id']}.xml" for p in data["platforms"]}
for path in dist.glob("feed-*.xml"):
    check(path.name in known, f"{path.name} is no platform's feed")

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
# And one "GPU compute a week" row per platform with an allowance (today's figure, its alt none).
allowances = sum(1 for p in data["platforms"] if p.get("gpu_allowance"))
values += allowances
check(len(rows) == values, f"platforms.csv has {len(rows)} rows for {values} values")
check(sum(r["field"] == "compute" for r in rows) == allowances, "platforms.csv has one compute row per allowance")
check(all(r["value"] for r in rows), "platforms.csv has an empty value")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(
    f"published files OK: feed {len(feed.entries)} entries and {platform_feeds} platforms' feeds "
    f"(feedparser {feedparser.__version__}), "
    f"platforms.json valid and {len(refused['cases'])} broken edits refused (JSON Schema 2020-12), "
    f"CSV {len(rows)} rows"
)
