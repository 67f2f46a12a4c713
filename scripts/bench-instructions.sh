#!/usr/bin/env bash
# Instructions per household of `doudi_rules::assess`, counted by callgrind: repeatable
# whatever else the machine is doing, unlike a timing. Runs the batch bench on N generated
# households, assessing them once and then twice, and divides the difference by N, so
# that start-up and generation cancel out (the freeing of each assessment, and the bench's
# tally of the outcomes, stay in).
#
#   bash scripts/bench-instructions.sh [N] [MODE...]   # default N = 2000, MODE = figures
#   bash scripts/bench-instructions.sh --check          # figures, trace and batch at N = 2000,
#                                                       # each against its budget
#
# --check fails (exit 1) when a mode takes more instructions a household than its budget in
# crates/cli/benches/budgets.json; the test command runs it (scripts/test.sh, step 4).
#
# MODE: figures (Options::FIGURES), trace (Options::TRACE: the trace as data, no words),
# words (Options::QUIET), traced (Options::FULL: the trace and the words), read
# (Options::FULL, then every word an explanation shows read: each criterion's detail, each
# step's sentence, arithmetic, parameters and clauses, which the rules write only when
# they are read); batch: the
# whole of `doudi batch --no-trace --threads 1` (the caseload read from CSV, assessed and
# written as CSV) on the generated caseload of N and of 2N households, written to files
# first (the difference over N: start-up cancels out).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
check=false
if [ "${1:-}" = --check ]; then
  check=true
  set -- 2000 figures trace batch
fi
n=${1:-2000}
shift || true
modes=("$@")
[ "${#modes[@]}" -gt 0 ] || modes=(figures)
budgets=crates/cli/benches/budgets.json
command -v valgrind >/dev/null || { echo "valgrind is missing (bash scripts/setup.sh installs it)" >&2; exit 2; }
over=0
# Compares a mode's instructions a household with its budget (only with --check).
against_budget() {
  $check || return 0
  local budget
  budget=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$budgets" "$1")
  if [ "$2" -gt "$budget" ]; then
    echo "bench-instructions: $1 takes $2 instructions a household, over its budget of $budget ($budgets)" >&2
    over=1
  else
    echo "bench-instructions: $1 within its budget ($2 of $budget)"
  fi
}
# Builds quietly, showing cargo's output only when it fails.
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    rm -f "$log"
    echo "bench-instructions: failed: $*" >&2
    exit 3
  fi
  rm -f "$log"
}
quietly cargo bench -p doudi-cli --bench batch --no-run
bin=$(ls -t target/release/deps/batch-* | grep -v '\.d$' | head -1)
count() {
  DOUDI_BENCH_ONLY=$1 DOUDI_BENCH_HOUSEHOLDS=$2 DOUDI_BENCH_ROUNDS=$3 \
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --bench 2>&1 \
    | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
batch() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/doudi batch "$1" \
    --no-trace --threads 1 2>&1 >/dev/null \
    | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
for mode in "${modes[@]}"; do
  case "$mode" in
    figures | trace | words | traced | read) ;;
    batch)
      quietly cargo build --release -p doudi-cli
      dir=$(mktemp -d)
      DOUDI_BENCH_CSV="$dir/once.csv" DOUDI_BENCH_HOUSEHOLDS=$n "$bin" --bench >/dev/null
      DOUDI_BENCH_CSV="$dir/twice.csv" DOUDI_BENCH_HOUSEHOLDS=$((2 * n)) "$bin" --bench >/dev/null
      a=$(batch "$dir/once.csv"); b=$(batch "$dir/twice.csv")
      rm -rf "$dir"
      [ -n "$a" ] && [ -n "$b" ] || { echo "bench-instructions: callgrind printed no count for $mode" >&2; exit 3; }
      echo "$mode: $(( (b - a) / n )) instructions per household (N=$n, N households: $a, 2N: $b)"
      against_budget "$mode" $(( (b - a) / n ))
      continue
      ;;
    *) echo "unknown mode: $mode (figures, trace, words, traced, read, batch)" >&2; exit 2 ;;
  esac
  a=$(count "$mode" "$n" 1); b=$(count "$mode" "$n" 2)
  [ -n "$a" ] && [ -n "$b" ] || { echo "bench-instructions: callgrind printed no count for $mode" >&2; exit 3; }
  echo "$mode: $(( (b - a) / n )) instructions per household (N=$n, once: $a, twice: $b)"
  against_budget "$mode" $(( (b - a) / n ))
done
exit "$over"
