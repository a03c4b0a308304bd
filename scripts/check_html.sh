#!/usr/bin/env bash
# Valid HTML: the W3C Nu checker (npm vnu-jar, Java) on the built pages and on the page states the
# e2e tests saved (e2e/out/html/*.html: filters open, a card list, details open…). Errors only.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(dist/index.html dist/table.html e2e/out/html/*.html)
java -jar e2e/node_modules/vnu-jar/build/dist/vnu.jar --errors-only "${files[@]}"
echo "Nu HTML checker: 0 errors in ${#files[@]} files"
