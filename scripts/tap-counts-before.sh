#!/usr/bin/env bash
# The "before" tap counts of issue 11 (docs/tap-counts.md): the five households of
# tests/browser/walk.spec.ts entered on the site as it was at b654b9e (the parent of the
# redesign, 772e38f), counted as tests/browser/support/walk.ts counts the "after" walks.
#
#   bash scripts/tap-counts-before.sh
#
# Builds the old revision in a worktree of its own ($DOUDI_BEFORE_TREE, else
# target/before-site; the first run
# compiles its crates, about 15 min on 2 cores), serves its dist/ on 127.0.0.1 (port
# $DOUDI_BEFORE_PORT, 8091), and runs tests/tap-counts-before/before.spec.ts against it.
# Writes tests/tap-counts-before/results/before-taps.json (counts, what the taps were
# spent on, the headline, page heights) and screenshots to /tmp/before-shots. Not part
# of the test command.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

OLD=b654b9e
TREE="${DOUDI_BEFORE_TREE:-$ROOT/target/before-site}"
PORT="${DOUDI_BEFORE_PORT:-8091}"
if [ ! -d "$TREE" ]; then
  git worktree add --detach "$TREE" "$OLD"
fi
ln -sfn "$ROOT/node_modules" "$TREE/node_modules"
# The old build exits 1 when over its own size budget (345,972 bytes gzip against
# 340,000), with dist/ built: only a missing page is a failure here.
(cd "$TREE" && bash scripts/build-web.sh) || true
[ -f "$TREE/dist/index.html" ] || { echo "tap-counts-before: the old site did not build" >&2; exit 1; }
python3 -m http.server --bind 127.0.0.1 --directory "$TREE/dist" "$PORT" >/dev/null 2>&1 &
server=$!
trap 'kill "$server"' EXIT
DOUDI_BASE_URL="http://127.0.0.1:$PORT" npx --no-install playwright test --config tests/tap-counts-before/playwright.config.ts
