#!/usr/bin/env bash
# Trunk post_build hook: runs the native prerender on the staged index.html. The prerender is a host
# build, so it uses rustup's cargo and none of the wasm-only settings of the offline route.
set -euo pipefail
cd "$(dirname "$0")/.."
unset CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS RUSTC_BOOTSTRAP CARGO_BUILD_TARGET
export PATH="$HOME/.cargo/bin:$PATH"
cargo run --quiet --offline --profile prerender --features ssr --bin prerender -- "${TRUNK_STAGING_DIR:?run by trunk}"
# Release builds: the stylesheet and scripts minified, their integrity hashes updated.
if [ "${TRUNK_PROFILE:-}" = release ]; then node scripts/minify.mjs "$TRUNK_STAGING_DIR"; fi
