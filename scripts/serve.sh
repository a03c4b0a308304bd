#!/usr/bin/env bash
# Sets everything up, then serves the page with live reload on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
trunk_offline serve "$@"
