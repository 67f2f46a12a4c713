#!/usr/bin/env bash
# Instructions per household of `doudi_rules::assess` with figures only (no words, no
# trace), counted by callgrind: repeatable whatever else the machine is doing, unlike a
# timing. Runs the batch bench on N and 2N generated households and divides the
# difference by N, so that start-up and generation cancel out.
#
#   bash scripts/bench-instructions.sh [N]      # default N = 2000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-2000}
cargo bench -p doudi-cli --bench batch --no-run >/dev/null 2>&1
bin=$(ls -t target/release/deps/batch-* | grep -v '\.d$' | head -1)
count() {
  DOUDI_BENCH_ONLY=figures DOUDI_BENCH_HOUSEHOLDS=$1 \
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --bench 2>&1 \
    | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
a=$(count "$n"); b=$(count $((2 * n)))
echo "figures only: $(( (b - a) / n )) instructions per household (N=$n: $a, 2N: $b)"
