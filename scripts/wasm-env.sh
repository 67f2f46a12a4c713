#!/usr/bin/env bash
# Runs one command with the wasm32 build environment, and only that command:
#
#   bash scripts/wasm-env.sh trunk build --release --offline
#   bash scripts/wasm-env.sh cargo build --release --target wasm32-unknown-unknown -p doudi-web
#
# Two routes (scripts/setup.sh prepares one of them):
#   rustup  rustup's toolchain with the wasm32 target and rust-src.
#   debian  it doesn't (rustup's servers unreachable): Debian's rustc-web /
#           cargo-web (/usr/bin) build std from source (rust-web-src) with
#           -Zbuild-std, linked by wasm-ld-22.
# DOUDI_WASM_ROUTE=rustup|debian forces one.
#
# Either way node_modules/.bin (wasm-opt) and ~/.cargo/bin (trunk, wasm-bindgen)
# are on PATH, and the wasm build has its own target dir (target/wasm-<route>)
# so it never shares one with native builds or with the other cargo.
# Native `cargo build/test/clippy` must not run under this script.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ "$#" -gt 0 ] || die "usage: scripts/wasm-env.sh COMMAND [ARGS...]"

route="${DOUDI_WASM_ROUTE:-}"
if [ -z "$route" ]; then
  if rustup_has_wasm32; then route=rustup; else route=debian; fi
fi

case "$route" in
  rustup)
    PATH="$ROOT/node_modules/.bin:$CARGO_HOME/bin:$PATH"
    ;;
  debian)
    # Debian's cargo and rustc before rustup's proxies; wasm-opt from npm before
    # anything in /usr/bin (Debian's binaryen is too old for trunk's pin).
    PATH="$ROOT/node_modules/.bin:/usr/bin:$CARGO_HOME/bin:$PATH"
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22
    # rustup's proxies would otherwise pick their own toolchain for cargo's
    # child rustc; make sure rustc is Debian's.
    export RUSTC=/usr/bin/rustc
    ;;
  *) die "DOUDI_WASM_ROUTE must be rustup or debian, not '$route'" ;;
esac
export PATH
# Both routes rebuild std from source, optimised for size, with panics that trap at
# once instead of formatting a message: the rules never panic by design, and this
# takes about 27 KB gzip off the wasm (measured: 223.5 → 196.0 KB). Stable cargo
# accepts the unstable flags under RUSTC_BOOTSTRAP; this script is their only scope.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
# The site's wasm is optimised for size (native release builds are for speed: Cargo.toml).
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
export CARGO_TARGET_DIR="${DOUDI_WASM_TARGET_DIR:-$ROOT/target/wasm-$route}"
export DOUDI_WASM_ROUTE="$route"

exec "$@"
