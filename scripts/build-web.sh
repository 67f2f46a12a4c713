#!/usr/bin/env bash
# Builds the web app in release mode into dist/ and prints the size report.
# Exits 1 when the gzip total is over budget, 3 when the build fails.
# Assumes scripts/setup.sh has run (serve.sh and test.sh run it first).
#
#   bash scripts/build-web.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

log="$ROOT/target/trunk-build.log"
mkdir -p "$ROOT/target"

# Trunk runs cargo with --offline: fetch the crates the wasm target needs first
# (a no-op when they are in ~/.cargo/registry already).
if ! bash scripts/wasm-env.sh cargo fetch --target wasm32-unknown-unknown >"$log" 2>&1; then
  cat "$log" >&2
  note "cargo fetch for wasm32 failed"; exit 3
fi

# The first screen as HTML, rendered natively from the app (web/src/bin/prerender.rs);
# trunk's post_build hook puts it into index.html.
if ! cargo run --quiet -p doudi-web --features ssr --bin prerender >target/prerender.html 2>>"$log"; then
  tail -n 50 "$log" >&2
  note "rendering the first screen failed (cargo run -p doudi-web --features ssr --bin prerender)"; exit 3
fi

start=$SECONDS
if ! bash scripts/wasm-env.sh trunk --no-color build --release --offline --skip-version-check >>"$log" 2>&1; then
  grep -vE '^ *(Compiling|Downloaded|Downloading) ' "$log" | tail -n 150 >&2
  note "trunk build failed (log: target/trunk-build.log)"; exit 3
fi
echo "trunk build --release --offline: ok in $((SECONDS - start)) s (wasm via $(bash scripts/wasm-env.sh printenv DOUDI_WASM_ROUTE))"
# Trunk's post_build hook (scripts/post-build.py) adds the Content-Security-Policy
# and writes the service worker; show what it did.
grep '^post-build: ' "$log" || true
[ -f dist/sw.js ] || { note "dist/sw.js is missing: did the post_build hook in Trunk.toml run?"; exit 3; }

exec python3 scripts/size-report.py dist
