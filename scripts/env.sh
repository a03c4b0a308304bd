# Sourced by the scripts: where the project's tools live, and the PATH that finds them first.
FREEML_TOOLS=${FREEML_TOOLS:-$HOME/.cache/freeml-tools}
export FREEML_TOOLS
export PATH="$FREEML_TOOLS/bin:$FREEML_TOOLS/node_modules/.bin:$PATH"

# Runs a command with the wasm build settings setup.sh chose (empty on the usual rustup route).
with_wasm_env() {
  ( . "$FREEML_TOOLS/wasm-env.sh" && "$@" )
}

# trunk without downloads. cargo fetch first: trunk's --offline reaches cargo too, and the offline
# route's build-std needs std's own crates in the cache.
trunk_offline() {
  with_wasm_env cargo fetch --target wasm32-unknown-unknown --quiet
  cargo fetch --quiet # the host crates of the prerender hook
  with_wasm_env trunk "$@" --offline
}
