#!/usr/bin/env bash
# README command 1: set up, build the site (release), print its size report,
# then serve dist/ on http://127.0.0.1:${PORT:-8080}/ until Ctrl-C.
#
#   bash scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 bash scripts/serve.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

PORT="${PORT:-8080}"

section "setup"
bash scripts/setup.sh

section "build (trunk build --release --offline) and size report"
set +e
bash scripts/build-web.sh
rc=$?
set -e
case "$rc" in
  0) ;;
  1) note "over the size budget (see above); serving anyway" ;;
  *) exit "$rc" ;;
esac

section "serve"
# scripts/serve.py: the precompressed files with Content-Encoding, the CSP header with
# frame-ancestors, caching headers; what a static host should send (README, "Hosting").
exec python3 scripts/serve.py --bind 127.0.0.1 --port "$PORT" "$ROOT/dist"
