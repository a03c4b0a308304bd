#!/usr/bin/env bash
# Which lines of src/core and data/src (the freeml-data crate) no test guards: cargo-mutants (from crates.io) over the
# native tests. Slow (tens of minutes on 2 cores), so it runs by hand, not in CI. Prints the score.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
if ! cargo mutants --version >/dev/null 2>&1; then
  cargo install cargo-mutants --locked --version 27.1.0 --root "$FREEML_TOOLS" --quiet
fi
out=${MUTANTS_OUT:-target/mutants}
mkdir -p "$out"
# The test binaries that exercise core and dataset (history has its own); components render through them too.
# Both packages are mutated, and every mutant meets both packages' tests: the data crate's own unit
# tests and the app's, which check the data crate through the compiled-in dataset.
cargo mutants --output "$out" --workspace --test-workspace=true -f 'src/core/**/*.rs' -f 'data/src/**/*.rs' \
  --timeout 120 --jobs "${MUTANTS_JOBS:-2}" -- --lib --test core --test dataset --test history "$@" || true
dir="$out/mutants.out"
caught=$(wc -l <"$dir/caught.txt"); missed=$(wc -l <"$dir/missed.txt")
timeout=$(wc -l <"$dir/timeout.txt"); unviable=$(wc -l <"$dir/unviable.txt")
viable=$((caught + missed + timeout))
echo "mutants: $caught caught, $missed missed, $timeout timed out, $unviable unviable"
[ "$viable" -gt 0 ] && echo "score: $(( (caught + timeout) * 100 / viable ))% of viable mutants caught"
echo "missed:"; cat "$dir/missed.txt"
