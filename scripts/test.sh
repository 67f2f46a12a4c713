#!/usr/bin/env bash
# README command 2 (and what CI runs, through .ci/run): everything, in order,
# stopping at the first failure.
#
#   1. setup                 scripts/setup.sh
#   2. format                cargo fmt --all --check
#   3. lint                  cargo clippy --workspace --all-targets -- -D warnings
#   4. native tests          cargo test --workspace
#   5. wasm build + size     trunk build --release --offline, gzip budget 340 KB
#   6. browser tests         Playwright + axe-core in /usr/bin/chromium
#
# The native steps run with rustup's toolchain and no wasm variables; only
# step 5 runs inside scripts/wasm-env.sh.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

step="(start)"
trap 'rc=$?; if [ "$rc" -ne 0 ]; then printf "\ndoudi: FAILED at step: %s (exit %s)\n" "$step" "$rc" >&2; fi' EXIT

run_step() {
  step="$1"; shift
  section "$step"
  "$@"
}

run_step "1/6 setup" bash scripts/setup.sh
run_step "2/6 cargo fmt --all --check" cargo fmt --all --check
run_step "3/6 cargo clippy --workspace --all-targets -- -D warnings" \
  cargo clippy --workspace --all-targets --quiet -- -D warnings
run_step "4/6 cargo test --workspace" cargo test --workspace
run_step "5/6 wasm release build (trunk) and size report" bash scripts/build-web.sh
run_step "6/6 browser tests (Playwright, Chromium, axe-core)" \
  npx --no-install playwright test --config tests/browser/playwright.config.ts
