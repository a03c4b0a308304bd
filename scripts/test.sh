#!/usr/bin/env bash
# Sets everything up, then runs every check: fmt, clippy, native tests (core, data, components),
# the release build, and the end-to-end tests of that build in headless Chromium, then in Firefox
# ESR and WebKitGTK.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser --engines
. scripts/env.sh
# Snapshots are compared, never written: a changed or missing one fails (an inherited INSTA_UPDATE=always would accept it).
export INSTA_UPDATE=no INSTA_FORCE_PASS=0

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --all-features --quiet -- -D warnings
step "native tests: core, dataset, components (yew ssr)"
cargo test --quiet
step "release build"
trunk_offline build --release
step "published files: the feed (feedparser), platforms.json against its schema (jsonschema)"
"$FREEML_TOOLS/py/bin/python" scripts/check_published.py dist
step "the weekly source check's workflow against GitHub's workflow schema (check-jsonschema)"
"$FREEML_TOOLS/py/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml
step "end to end in headless Chromium (release build on 127.0.0.1)"
rm -rf e2e/out/html
(cd e2e && npm test)
step "valid HTML: the W3C Nu checker on the built pages and the states the e2e tests saved"
bash scripts/check_html.sh
step "end to end in Firefox ESR and WebKitGTK (the same build, the same CSP)"
(cd e2e && npm run test:engines)
