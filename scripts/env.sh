# Sourced by the scripts: where the project's tools live, and the PATH that finds them first.
FREEML_TOOLS=${FREEML_TOOLS:-$HOME/.cache/freeml-tools}
export FREEML_TOOLS
export PATH="$FREEML_TOOLS/bin:$FREEML_TOOLS/node_modules/.bin:$PATH"

# Runs a command with the wasm build settings setup.sh chose (empty on the usual rustup route).
with_wasm_env() {
  ( . "$FREEML_TOOLS/wasm-env.sh" && "$@" )
}
