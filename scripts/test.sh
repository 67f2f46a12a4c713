#!/usr/bin/env bash
# README command 2 (and what CI runs, through .ci/run): everything, in order,
# stopping at the first failure.
#
#   1. setup                 scripts/setup.sh
#   2. format                cargo fmt --all --check
#   3. lint                  cargo clippy --workspace --all-targets -- -D warnings, and
#                            the site's wasm modules for wasm32
#   4. native tests          cargo test --workspace; instructions a household of the
#                            rules and of `doudi batch` (callgrind) against their
#                            budgets (crates/cli/benches/budgets.json)
#   5. fuzz smoke            bash scripts/fuzz.sh 10: each fuzz target 10 s on one core
#                            (about 3 min with the build; a long run: README "Fuzzing")
#   6. wasm build + size     trunk build --release --offline; the first load's and
#                            the app's gzip budgets (web/budgets.json), every bundle
#                            reported
#   7. browser tests         Playwright + axe-core in /usr/bin/chromium
#   8. Lighthouse            scripts/lighthouse.sh --assert: accessibility, best
#                            practices and SEO at 100; performance and timings reported
#
# The native steps run with rustup's toolchain and no wasm variables; only
# step 6 runs inside scripts/wasm-env.sh.
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

run_step "1/8 setup" bash scripts/setup.sh
run_step "2/8 cargo fmt --all --check" cargo fmt --all --check
run_step "3/8 cargo clippy --workspace --all-targets -- -D warnings" \
  cargo clippy --workspace --all-targets --quiet -- -D warnings
# The code that only the browser runs (#[cfg(target_arch = "wasm32")]) is linted too,
# where rustup gives the wasm32 target (Debian's fallback toolchain has no clippy).
wasm_clippy() {
  if [ "$(bash scripts/wasm-env.sh printenv DOUDI_WASM_ROUTE)" != rustup ]; then
    note "wasm32 clippy skipped: the wasm build uses Debian's toolchain, which has no clippy"
    return 0
  fi
  bash scripts/wasm-env.sh cargo clippy --release --quiet --target wasm32-unknown-unknown \
    -p doudi-web -p doudi-caseload-worker -p doudi-api -- -D warnings
}
run_step "3/8 cargo clippy, wasm32 (the site's three modules)" wasm_clippy
run_step "4/8 cargo test --workspace" cargo test --workspace
run_step "4/8 instructions a household against their budgets (callgrind)" \
  bash scripts/bench-instructions.sh --check
run_step "5/8 fuzz smoke (every fuzz target 10 s)" bash scripts/fuzz.sh 10
run_step "6/8 wasm release build (trunk) and size report" bash scripts/build-web.sh
run_step "7/8 browser tests (Playwright, Chromium, axe-core)" \
  npx --no-install playwright test --config tests/browser/playwright.config.ts
run_step "8/8 Lighthouse (accessibility, best practices, SEO: 100; performance reported)" \
  bash scripts/lighthouse.sh --assert
