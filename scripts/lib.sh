# shellcheck shell=bash
# Shared helpers for the scripts in this directory. Source it; don't run it.
#
#   ROOT            repository root (absolute)
#   section TITLE   prints a clear section header
#   note MSG        prints "doudi: MSG" to stderr
#   die MSG         prints an error and exits 1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# rustup's cargo (stable, with clippy and rustfmt) comes first for everything
# native. Debian's /usr/bin/cargo is only put first inside scripts/wasm-env.sh.
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
if [ -d "$CARGO_HOME/bin" ] && [ "${PATH%%:*}" != "$CARGO_HOME/bin" ]; then
  PATH="$CARGO_HOME/bin:$PATH"
fi
export PATH CARGO_HOME

# Versions pinned for the build tools. wasm-bindgen's comes from Cargo.lock.
TRUNK_VERSION="0.21.14"
WASM_OPT_VERSION="132"   # npm package binaryen@132 => wasm-opt "version_132"

section() {
  printf '\n==== %s ====\n' "$*"
}

note() {
  printf 'doudi: %s\n' "$*" >&2
}

die() {
  printf 'doudi: error: %s\n' "$*" >&2
  exit 1
}

# The wasm-bindgen version the workspace is locked to (Cargo.lock), or, when
# there is no Cargo.lock yet, the one pinned in Trunk.toml.
wasm_bindgen_version() {
  local v=""
  if [ -f "$ROOT/Cargo.lock" ]; then
    v="$(awk '/^\[\[package\]\]/{p=0} /^name = "wasm-bindgen"$/{p=1} p && /^version = /{gsub(/"/,"",$3); print $3; exit}' "$ROOT/Cargo.lock")"
  fi
  if [ -z "$v" ] && [ -f "$ROOT/Trunk.toml" ]; then
    v="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' "$ROOT/Trunk.toml" | head -n1)"
  fi
  printf '%s' "$v"
}

# Does the rustup toolchain that `rustc` resolves to have a wasm32 std?
rustup_has_wasm32() {
  local sysroot
  local rustc="rustc"
  [ -x "$CARGO_HOME/bin/rustup" ] && rustc="$CARGO_HOME/bin/rustc"
  sysroot="$("$rustc" --print sysroot 2>/dev/null)" || return 1
  # The wasm build rebuilds std from source for size (scripts/wasm-env.sh), so the
  # route also needs rustup's rust-src component.
  [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ] && [ -d "$sysroot/lib/rustlib/src/rust/library" ]
}
