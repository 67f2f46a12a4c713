#!/usr/bin/env bash
# Instructions per household of `doudi_rules::assess`, counted by callgrind: repeatable
# whatever else the machine is doing, unlike a timing. Runs the batch bench on N generated
# households, assessing them once and then twice, and divides the difference by N, so
# that start-up and generation cancel out (the freeing of each assessment, and the bench's
# tally of the outcomes, stay in).
#
#   bash scripts/bench-instructions.sh [N] [MODE...]   # default N = 2000, MODE = figures
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
n=${1:-2000}
shift || true
modes=("$@")
[ "${#modes[@]}" -gt 0 ] || modes=(figures)
cargo bench -p doudi-cli --bench batch --no-run >/dev/null 2>&1
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
      cargo build --release -p doudi-cli >/dev/null 2>&1
      dir=$(mktemp -d)
      DOUDI_BENCH_CSV="$dir/once.csv" DOUDI_BENCH_HOUSEHOLDS=$n "$bin" --bench >/dev/null
      DOUDI_BENCH_CSV="$dir/twice.csv" DOUDI_BENCH_HOUSEHOLDS=$((2 * n)) "$bin" --bench >/dev/null
      a=$(batch "$dir/once.csv"); b=$(batch "$dir/twice.csv")
      rm -rf "$dir"
      echo "$mode: $(( (b - a) / n )) instructions per household (N=$n, N households: $a, 2N: $b)"
      continue
      ;;
    *) echo "unknown mode: $mode (figures, trace, words, traced, read, batch)" >&2; exit 2 ;;
  esac
  a=$(count "$mode" "$n" 1); b=$(count "$mode" "$n" 2)
  echo "$mode: $(( (b - a) / n )) instructions per household (N=$n, once: $a, twice: $b)"
done
