#!/usr/bin/env bash
# Runs the fuzz targets of fuzz/ (cargo-fuzz, libFuzzer), one after another on one core.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 10); the targets named, or all of them (fuzz/fuzz_targets/).
# A target first replays its whole corpus, which libFuzzer does not cut short: once a
# corpus has grown (after long runs) a short run takes longer than SECONDS.
# Builds first (once for all targets), then runs each from its corpus (fuzz/corpus/TARGET,
# kept between runs, not committed) and its committed seeds (fuzz/seeds/TARGET), and
# prints per target the executions and the coverage at the end (libFuzzer's `cov:` edges
# and `ft:` features). Exits non-zero when a target finds a crash (a panic, an invariant
# broken, a time-out of FUZZ_TIMEOUT seconds, more than FUZZ_RSS_MB of memory); the input
# is saved in fuzz/artifacts/TARGET/ and the command to run it again is printed.
#
# Runs on the stable toolchain: cargo-fuzz passes nightly-only flags, which
# RUSTC_BOOTSTRAP=1 allows, and builds without a sanitizer (the code under test has no
# `unsafe`; debug assertions and overflow checks are on). Needs cargo-fuzz
# (scripts/setup.sh installs it) and a C++ compiler for libFuzzer.
#
# Environment: FUZZ_LOG_DIR (default fuzz/logs) keeps each target's full libFuzzer log;
# FUZZ_TIMEOUT (default 10) and FUZZ_RSS_MB (default 2048) are libFuzzer's -timeout and
# -rss_limit_mb; FUZZ_NICE=N runs the fuzzing under `nice -n N`.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT/fuzz"

seconds="${1:-10}"
[ "$#" -gt 0 ] && shift
case "$seconds" in
  '' | *[!0-9]*) die "usage: scripts/fuzz.sh [SECONDS] [TARGET...] (SECONDS a whole number, not \"$seconds\")" ;;
esac
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for file in fuzz_targets/*.rs; do
    name="$(basename "$file" .rs)"
    targets+=("$name")
  done
fi
for target in "${targets[@]}"; do
  [ -f "fuzz_targets/$target.rs" ] || die "no fuzz target \"$target\" (fuzz/fuzz_targets/$target.rs)"
done
command -v cargo-fuzz >/dev/null || die "cargo-fuzz is missing: run scripts/setup.sh"

export RUSTC_BOOTSTRAP=1
# The same flags for building and running, so `cargo fuzz run` finds the build fresh.
HOST="$(rustc -vV | sed -n 's/^host: //p')"
FLAGS=(--sanitizer none --debug-assertions --target "$HOST")
BIN_DIR="$ROOT/fuzz/target/$HOST/release"
LOG_DIR="${FUZZ_LOG_DIR:-$ROOT/fuzz/logs}"
mkdir -p "$LOG_DIR"
nice_cmd=()
[ -n "${FUZZ_NICE:-}" ] && nice_cmd=(nice -n "$FUZZ_NICE")

started=$(date +%s)
note "building the fuzz targets with $(rustc --version)"
if ! "${nice_cmd[@]}" cargo fuzz build "${FLAGS[@]}" >"$LOG_DIR/build.log" 2>&1; then
  tail -n 40 "$LOG_DIR/build.log" >&2
  die "the fuzz targets do not build (log: $LOG_DIR/build.log)"
fi
note "built in $(($(date +%s) - started)) s"

failed=()
printf '%-22s %8s %12s %10s %8s %8s  %s\n' target seconds executions exec/s cov ft result
for target in "${targets[@]}"; do
  corpus="corpus/$target"
  mkdir -p "$corpus" "artifacts/$target"
  dirs=("$corpus")
  [ -d "seeds/$target" ] && dirs+=("seeds/$target")
  extra=()
  [ -f "dicts/$target.dict" ] && extra+=("-dict=dicts/$target.dict")
  log="$LOG_DIR/$target.log"
  t0=$(date +%s)
  status=0
  # The binary just built, run directly (as `cargo fuzz run` does, without its check
  # for changed sources): each target runs the code the build step compiled.
  "${nice_cmd[@]}" "$BIN_DIR/$target" -artifact_prefix="artifacts/$target/" \
    -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" \
    -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -print_final_stats=1 "${extra[@]}" \
    "${dirs[@]}" >"$log" 2>&1 || status=$?
  took=$(($(date +%s) - t0))
  # libFuzzer's last status line ("#N DONE cov: C ft: F corp: …") and final stats.
  last="$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)"
  cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")"
  ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")"
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
  [ -n "$execs" ] || execs="$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")"
  if [ "$status" -eq 0 ]; then
    result="ok"
  else
    result="FAILED (exit $status)"
    failed+=("$target")
  fi
  printf '%-22s %8s %12s %10s %8s %8s  %s\n' "$target" "$took" "${execs:-?}" "${rate:-?}" \
    "${cov:-?}" "${ft:-?}" "$result"
  if [ "$status" -ne 0 ]; then
    grep -E -A2 'panicked at|ERROR: libFuzzer' "$log" | head -n 12 | sed 's/^/    /' >&2 || true
    artifact="$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$log" | tail -n 1)"
    if [ -n "$artifact" ]; then
      note "the input: $artifact"
      note "run it again: (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run ${FLAGS[*]} $target $artifact)"
    fi
    note "full log: $log"
  fi
done
note "fuzzing took $(($(date +%s) - started)) s in all"
if [ "${#failed[@]}" -gt 0 ]; then
  die "fuzz target(s) found a crash: ${failed[*]}"
fi
