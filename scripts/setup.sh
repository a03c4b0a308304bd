#!/usr/bin/env bash
# Installs (or finds) everything the project needs, then prints nothing but progress.
# Usual route: rustup's wasm32 target + cargo-installed trunk/wasm-bindgen.
# Offline route (no rustup downloads): Debian's rustc-web + build-std, see docs in README.
# Tools go to $FREEML_TOOLS (default ~/.cache/freeml-tools) and are reused when the version matches.
# Run it from the scripts (serve.sh, test.sh); it writes $FREEML_TOOLS/wasm-env.sh for wasm builds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/env.sh"
TOOLS=$FREEML_TOOLS
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
ESBUILD_VERSION=0.24.2 # minifies the stylesheet and scripts of release builds (scripts/minify.mjs)
LIGHTHOUSE_VERSION=12.8.2 # the last line that runs on Node 20 (13.x wants Node >= 22.19)
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml")
mkdir -p "$TOOLS/bin"
# --browser: Chromium and the e2e packages. --lighthouse: those plus Lighthouse, kept out of
# --browser so that CI's ordinary runs do not pay for it. --twiggy: the wasm size profiler (bench).
BROWSER=""; LIGHTHOUSE=""; TWIGGY=""
for arg in "$@"; do
  case "$arg" in --browser) BROWSER=1 ;; --lighthouse) BROWSER=1; LIGHTHOUSE=1 ;; --twiggy) TWIGGY=1 ;; esac
done
TWIGGY_VERSION=0.8.0

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q " $2\$"; }
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. A Rust that can build wasm32.
# FREEML_OFFLINE=1 forces the Debian route (to test it where rustup works).
if [ -z "${FREEML_OFFLINE:-}" ] && rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  say "rustup wasm32 target present"
  : >"$TOOLS/wasm-env.sh"
elif [ -z "${FREEML_OFFLINE:-}" ] && timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  say "rustup wasm32 target installed"
  : >"$TOOLS/wasm-env.sh"
else
  say "rustup cannot fetch wasm32 std: using Debian's rustc-web with build-std"
  apt_install rustc-web cargo-web rust-web-src lld-19
  # Only wasm builds see these (trunk, wasm tests); native cargo test keeps rustup's toolchain.
  # Debian's cargo/rustc go before rustup's, but after the project's tools (Debian's old wasm-opt must not win).
  cat >"$TOOLS/wasm-env.sh" <<ENV
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:/usr/bin:\$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19
ENV
fi

# 1b. The size profile, for wasm builds only: std rebuilt for size, with panics that abort at once
# (no panic messages, so most of core::fmt leaves the wasm). It needs std's sources: the offline
# route has them (rust-web-src); the usual route asks rustup for rust-src, a download that may
# fail: then the build keeps rustup's prebuilt std (a larger wasm; see README, "Sizes").
# FREEML_SIZE=0 skips it.
# std's optimize_for_size feature (smaller sorts, formatting and collections) takes 3.8 KB gzip
# more off the wasm, where the std in hand has it.
immediate_abort() { # $1: the rustc of the route
  local features=""
  grep -qs '^optimize_for_size' "$("$1" --print sysroot)/lib/rustlib/src/rust/library/std/Cargo.toml" \
    && features=optimize_for_size
  if RUSTC_BOOTSTRAP=1 "$1" -Zunstable-options -Cpanic=immediate-abort --print cfg \
    --target wasm32-unknown-unknown >/dev/null 2>&1; then
    echo 'export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"'
  else # toolchains before -Cpanic=immediate-abort
    features=panic_immediate_abort${features:+,$features}
  fi
  if [ -n "$features" ]; then echo "export CARGO_UNSTABLE_BUILD_STD_FEATURES=$features"; fi
}
if [ "${FREEML_SIZE:-1}" = 0 ]; then
  say "size profile off (FREEML_SIZE=0)"
elif grep -q CARGO_UNSTABLE_BUILD_STD "$TOOLS/wasm-env.sh"; then
  immediate_abort /usr/bin/rustc >>"$TOOLS/wasm-env.sh"
  say "size profile: Debian's std built with panic immediate-abort"
elif rustup component list --installed 2>/dev/null | grep -q '^rust-src' \
  || timeout 120 rustup component add rust-src >/dev/null 2>&1; then
  { echo 'export RUSTC_BOOTSTRAP=1'
    echo 'export CARGO_UNSTABLE_BUILD_STD=std,panic_abort'
    immediate_abort "$(rustup which rustc)"; } >"$TOOLS/wasm-env.sh"
  say "size profile: std built from rustup's rust-src with panic immediate-abort"
else
  say "rustup cannot fetch rust-src: building with the prebuilt std (a larger wasm)"
fi

# 2. trunk and wasm-bindgen-cli, pinned; the CLI must equal the crate's version.
if has_version trunk "$TRUNK_VERSION"; then say "trunk $TRUNK_VERSION present"; else
  say "installing trunk $TRUNK_VERSION (about 10 min once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TOOLS" --quiet
fi
if has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then say "wasm-bindgen $WASM_BINDGEN_VERSION present"; else
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 min once)"
  # No --locked: its lock file pins a webpki-roots release some registries no longer serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS" --quiet
fi

# 2b. With --twiggy: where the wasm's bytes go, for scripts/bench.sh (about 3 min once).
if [ -n "$TWIGGY" ]; then
  if has_version twiggy "$TWIGGY_VERSION"; then say "twiggy $TWIGGY_VERSION present"; else
    say "installing twiggy $TWIGGY_VERSION (about 3 min once)"
    cargo install twiggy --version "$TWIGGY_VERSION" --locked --root "$TOOLS" --quiet
  fi
fi

# 3. npm tools: wasm-opt from binaryen (distribution binaryen is often too old for today's wasm),
# esbuild (release builds' minifier) and, with --lighthouse, Lighthouse. All in one npm call: `npm install --no-save X` removes
# whatever an earlier --no-save call left in the same prefix, so one at a time they evict each other.
wasm_opt_ok() { has_version wasm-opt "$BINARYEN_VERSION" || wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; }
lighthouse_ok() { lighthouse --version 2>/dev/null | grep -qx "$LIGHTHOUSE_VERSION"; }
esbuild_ok() { [ "$(node -p "require('$TOOLS/node_modules/esbuild/package.json').version" 2>/dev/null)" = "$ESBUILD_VERSION" ]; }
npm_tools=("binaryen@$BINARYEN_VERSION" "esbuild@$ESBUILD_VERSION")
# An installed Lighthouse is reinstalled with binaryen too, so a plain run does not drop it.
if [ -n "$LIGHTHOUSE" ] || lighthouse_ok; then npm_tools+=("lighthouse@$LIGHTHOUSE_VERSION"); fi
if wasm_opt_ok && esbuild_ok && { [ -z "$LIGHTHOUSE" ] || lighthouse_ok; }; then
  say "wasm-opt $BINARYEN_VERSION and esbuild $ESBUILD_VERSION present"
  if [ -n "$LIGHTHOUSE" ]; then say "lighthouse $LIGHTHOUSE_VERSION present"; fi
else
  say "installing ${npm_tools[*]} from npm"
  npm install --prefix "$TOOLS" --no-save --no-audit --no-fund --silent "${npm_tools[@]}"
fi

# 4. For tests: Chromium + chromedriver, and the e2e node packages.
if [ -n "$BROWSER" ]; then
  if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
    apt_install chromium chromium-driver
  fi
  (cd "$ROOT/e2e" && { [ -d node_modules ] && npm ls --silent >/dev/null 2>&1 || npm ci --no-audit --no-fund --silent; })
  # The W3C Nu HTML checker (npm vnu-jar, in e2e's packages) runs on Java.
  command -v java >/dev/null 2>&1 || apt_install default-jre-headless
  # The validators of the published files (feed, JSON Schema) in a venv, pinned.
  REQUIREMENTS="$ROOT/scripts/check-requirements.txt"
  if cmp -s "$REQUIREMENTS" "$TOOLS/py/requirements.txt" 2>/dev/null; then say "python validators present"; else
    say "installing feedparser and jsonschema (pip, into $TOOLS/py)"
    python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
    rm -rf "$TOOLS/py"
    python3 -m venv "$TOOLS/py"
    "$TOOLS/py/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
    cp "$REQUIREMENTS" "$TOOLS/py/requirements.txt"
  fi
fi
# 5. --engines (with --browser, whose e2e packages hold their npm drivers): Firefox ESR and
# WebKitGTK (WebKitWebDriver + MiniBrowser, under Xvfb) for the suites in e2e/engines/. Installed
# after an update: before it, apt may offer an older Firefox.
if [[ " $* " == *" --engines "* ]]; then
  engine_missing=()
  for p in firefox-esr webkit2gtk-driver xvfb xauth fonts-dejavu-core; do
    dpkg -s "$p" >/dev/null 2>&1 || engine_missing+=("$p")
  done
  if [ ${#engine_missing[@]} -eq 0 ]; then say "Firefox ESR and WebKitGTK present"; else
    say "apt-get install ${engine_missing[*]} (about 1 min once)"
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${engine_missing[@]}" >/dev/null
  fi
fi

say "ready"
