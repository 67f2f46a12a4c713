#!/usr/bin/env bash
# Installs what building and testing doudi needs, skipping whatever is already
# present at the right version. Safe to run again and again: with everything in
# place it takes a second or two and prints one line.
#
#   Debian packages  rustc-web cargo-web rust-web-src lld-22   (wasm fallback)
#                    chromium chromium-driver fonts-noto-cjk   (browser tests)
#                    g++                                       (libFuzzer, for cargo-fuzz)
#                    valgrind                                  (instruction budgets)
#   wasm32 target    `rustup target add wasm32-unknown-unknown`, or, when
#                    rustup cannot download it, Debian's rustc-web building std
#                    from source (see scripts/wasm-env.sh)
#   wasm-bindgen-cli exactly the wasm-bindgen version in Cargo.lock
#   trunk            0.21.14
#   cargo-fuzz       0.13.2 (scripts/fuzz.sh; runs on stable with RUSTC_BOOTSTRAP=1)
#   npm packages     `npm ci` (binaryen for wasm-opt, Playwright, axe-core);
#                    Playwright never downloads a browser: it uses /usr/bin/chromium
#
# Logs of the slow steps go to target/setup-logs/.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

LOG_DIR="$ROOT/target/setup-logs"
mkdir -p "$LOG_DIR"
did=()

# Runs a command with its output in a log file; shows the log's tail on failure.
logged() {
  local name="$1"; shift
  local log="$LOG_DIR/$name.log"
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    note "failed: $* (full log: $log)"
    return 1
  fi
}

# ---- Debian packages -------------------------------------------------------
APT_PACKAGES=(rustc-web cargo-web rust-web-src lld-22 chromium chromium-driver fonts-noto-cjk g++ valgrind)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to install: ${missing[*]}"
    SUDO=(sudo -n)
  fi
  note "installing Debian packages: ${missing[*]} (about 30 s)"
  export DEBIAN_FRONTEND=noninteractive
  logged apt-update "${SUDO[@]}" apt-get update
  logged apt-install "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
  did+=("apt: ${missing[*]}")
fi

# ---- rustfmt and clippy (part of the rustup toolchain) ----------------------
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  note "adding rustup components rustfmt and clippy"
  logged rustup-components rustup component add rustfmt clippy
  did+=("rustup: rustfmt clippy")
fi

# ---- wasm32 target ----------------------------------------------------------
# Normal route: rustup's prebuilt wasm32 std. Where rustup's download host is
# unreachable the attempt fails; we then remember that (target/ is per clone)
# and use Debian's rustc-web with -Zbuild-std (scripts/wasm-env.sh).
RUSTUP_FAILED_MARK="$ROOT/target/.rustup-wasm32-unavailable"
if rustup_has_wasm32; then
  wasm_route="rustup"
elif [ ! -e "$RUSTUP_FAILED_MARK" ] && command -v rustup >/dev/null &&
     logged rustup-target timeout 180 rustup target add wasm32-unknown-unknown 2>/dev/null &&
     logged rustup-src timeout 180 rustup component add rust-src 2>/dev/null; then
  wasm_route="rustup"
  did+=("rustup: wasm32-unknown-unknown, rust-src")
else
  if [ ! -e "$RUSTUP_FAILED_MARK" ]; then
    note "rustup could not add wasm32-unknown-unknown and rust-src; using Debian's rustc-web + build-std instead"
    : >"$RUSTUP_FAILED_MARK"
  fi
  wasm_route="debian"
  [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] || die "Debian cargo-web/rustc-web missing (/usr/bin/cargo, /usr/bin/rustc)"
  [ -d /usr/lib/rustlib/src/rust/library ] || die "Debian rust-web-src missing (/usr/lib/rustlib/src/rust/library)"
  command -v wasm-ld-22 >/dev/null || die "wasm-ld-22 missing (Debian package lld-22)"
fi

# ---- Cargo.lock and the wasm-bindgen pin -----------------------------------
if [ ! -f Cargo.lock ]; then
  note "no Cargo.lock yet: resolving the workspace"
  logged cargo-lock cargo generate-lockfile
fi
WBG_VERSION="$(wasm_bindgen_version)"
[ -n "$WBG_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
trunk_pin="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml | head -n1)"
if [ "$trunk_pin" != "$WBG_VERSION" ]; then
  die "Trunk.toml pins wasm_bindgen = \"$trunk_pin\" but Cargo.lock has wasm-bindgen $WBG_VERSION; make them equal"
fi

# ---- wasm-bindgen-cli --------------------------------------------------------
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$WBG_VERSION" ]; then
  note "installing wasm-bindgen-cli $WBG_VERSION (about 4 min on 2 cores)"
  # No --locked: a version in its lock file is no longer on crates.io.
  logged wasm-bindgen-cli cargo install wasm-bindgen-cli --version "$WBG_VERSION"
  did+=("wasm-bindgen-cli $WBG_VERSION")
fi

# ---- trunk -------------------------------------------------------------------
have="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$TRUNK_VERSION" ]; then
  note "installing trunk $TRUNK_VERSION (about 9 min on 2 cores)"
  logged trunk cargo install --locked trunk --version "$TRUNK_VERSION"
  did+=("trunk $TRUNK_VERSION")
fi

# ---- cargo-fuzz --------------------------------------------------------------
# The fuzz targets (fuzz/, scripts/fuzz.sh). Installed only when missing or not the
# pinned version.
CARGO_FUZZ_VERSION="0.13.2"
have="$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$CARGO_FUZZ_VERSION" ]; then
  note "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 1.5 min on 2 cores)"
  logged cargo-fuzz cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  did+=("cargo-fuzz $CARGO_FUZZ_VERSION")
fi

# ---- npm packages ------------------------------------------------------------
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
stamp="node_modules/.doudi-npm-stamp"
want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  note "installing npm packages (npm ci)"
  logged npm-ci npm ci --no-audit --no-fund --loglevel=error
  printf '%s\n' "$want" >"$stamp"
  did+=("npm ci")
fi
have="$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)"
case "$have" in
  *"(version_$WASM_OPT_VERSION)"*) ;;
  *) die "node_modules/.bin/wasm-opt is not version_$WASM_OPT_VERSION (got: ${have:-nothing})" ;;
esac
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing"

if [ "${#did[@]}" -gt 0 ]; then
  note "setup installed: $(printf '%s; ' "${did[@]}")"
fi
echo "setup: ok (wasm via $wasm_route; wasm-bindgen $WBG_VERSION, trunk $TRUNK_VERSION, wasm-opt version_$WASM_OPT_VERSION, cargo-fuzz $CARGO_FUZZ_VERSION)"
