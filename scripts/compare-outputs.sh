#!/usr/bin/env bash
# Compares every output of a doudi binary with a base binary's, byte for byte: `assess`
# (JSON), `explain` (zh, en), `what-if`, `assess --reform` for every household in
# examples/*.json and every [case.household] of tests/cases/*.toml; `check` and `quick`
# on their examples; `batch` (traced and --no-trace, one thread and all) and `reform` on
# examples/caseload.csv and on a generated caseload. Stdout, stderr and the exit status
# must all agree; the only difference allowed is the rules_version string (it hashes the
# rules' source), which is replaced by the base's before comparing.
#
#   bash scripts/compare-outputs.sh BASE_BINARY [NEW_BINARY] [GENERATED_HOUSEHOLDS]
#
# NEW_BINARY defaults to target/release/doudi (built by this script); the generated
# caseload (default 3000 households) is written by the batch bench (DOUDI_BENCH_CSV).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
base=$(realpath "${1:?usage: compare-outputs.sh BASE_BINARY [NEW_BINARY] [N]}")
target=${CARGO_TARGET_DIR:-target}
if [ -z "${2:-}" ]; then
  cargo build -q --release -p doudi-cli
  new=$(realpath "$target/release/doudi")
else
  new=$(realpath "$2")
fi
n=${3:-3000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/hh" "$work/base" "$work/new"

python3 - "$work/hh" <<'PY'
import tomllib, json, glob, os, shutil, sys
out = sys.argv[1]
n = 0
for p in sorted(glob.glob("examples/*.json")):
    shutil.copy(p, os.path.join(out, f"{n:04d}-ex-{os.path.basename(p)}")); n += 1
for p in sorted(glob.glob("tests/cases/*.toml")):
    with open(p, "rb") as f:
        data = tomllib.load(f)
    for i, case in enumerate(data.get("case", [])):
        if "household" in case:
            name = os.path.basename(p)[:-5]
            with open(os.path.join(out, f"{n:04d}-{name}-{i}.json"), "w") as f:
                json.dump(case["household"], f, ensure_ascii=False, default=str)
            n += 1
print(f"{n} households", file=sys.stderr)
PY

# The generated caseload, by the bench's own writer.
cargo bench -q -p doudi-cli --bench batch --no-run >/dev/null 2>&1
bench=$(ls -t "$target"/release/deps/batch-* | grep -v '\.d$' | head -1)
DOUDI_BENCH_CSV="$work/generated.csv" DOUDI_BENCH_HOUSEHOLDS=$n "$bench" --bench >/dev/null

# One command's stdout, stderr and status into $dir/$name.
run() {
  local bin=$1 dir=$2 name=$3
  shift 3
  local status=0
  "$bin" "$@" >"$dir/$name.out" 2>"$dir/$name.err" || status=$?
  echo "$status" >"$dir/$name.status"
}

for side in base new; do
  bin=${!side}
  dir="$work/$side"
  for file in "$work"/hh/*.json; do
    name=$(basename "$file" .json)
    run "$bin" "$dir" "$name.assess" assess "$file"
    run "$bin" "$dir" "$name.explain" explain "$file"
    run "$bin" "$dir" "$name.explain-en" explain "$file" --lang en
    run "$bin" "$dir" "$name.what-if" what-if "$file"
    run "$bin" "$dir" "$name.reform" assess "$file" --reform examples/reform/urban-standard-700.toml
  done
  for file in examples/check/*.json; do
    name=check-$(basename "$file" .json)
    run "$bin" "$dir" "$name" check "$file"
    run "$bin" "$dir" "$name.en" check "$file" --lang en
    run "$bin" "$dir" "$name.json" check "$file" --json
  done
  for file in examples/quick/*.json; do
    name=quick-$(basename "$file" .json)
    run "$bin" "$dir" "$name" quick "$file"
    run "$bin" "$dir" "$name.json" quick "$file" --json
  done
  for csv in examples/caseload.csv "$work/generated.csv"; do
    name=batch-$(basename "$csv" .csv)
    run "$bin" "$dir" "$name" batch "$csv" --threads 1
    run "$bin" "$dir" "$name.no-trace" batch "$csv" --no-trace --threads 1
    run "$bin" "$dir" "$name.no-trace-all" batch "$csv" --no-trace
    for reform in examples/reform/*.toml; do
      run "$bin" "$dir" "$name.reform-$(basename "$reform" .toml)" reform "$csv" "$reform"
      run "$bin" "$dir" "$name.reform-$(basename "$reform" .toml).en" reform "$csv" "$reform" --lang en
    done
  done
done

version() {
  "$1" assess examples/gradual-exit.json 2>/dev/null | sed -n 's/.*"rules_version": *"\([^"]*\)".*/\1/p' | head -1
}
old_version=$(version "$base")
new_version=$(version "$new")
if [ -n "$new_version" ] && [ "$new_version" != "$old_version" ]; then
  find "$work/new" -type f -exec sed -i "s/$new_version/$old_version/g" {} +
fi
files=$(find "$work/base" -type f | wc -l)
if diff -r "$work/base" "$work/new" >"$work/diff.txt"; then
  echo "identical: $files outputs (rules_version $new_version read as $old_version)"
else
  head -60 "$work/diff.txt"
  echo "outputs that differ:"
  grep '^diff\|^Only' "$work/diff.txt" | awk '{print $NF}' | xargs -n1 basename | sed 's/^/  /'
  echo "DIFFERENT: $(grep -c '^diff\|^Only' "$work/diff.txt" || true) of $files outputs differ"
  exit 1
fi
