#!/usr/bin/env bash
# Builds the release page and prints its sizes and timings (figures, not pass/fail).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
. scripts/env.sh
trunk_offline build --release
node e2e/bench.js "${1:-7}"
