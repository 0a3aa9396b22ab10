#!/usr/bin/env bash
# Installs what building and testing Dauys needs, skipping whatever is already there at the
# right version. Nothing here downloads a prebuilt binary: every tool comes from a registry
# (crates.io, npm, Debian).
#
#   scripts/setup.sh          tools to build and run the site
#   scripts/setup.sh --test   also Chromium and the end-to-end test packages
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$DAUYS_ROOT"

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

LEPTOS_VERSION=0.3.10
if [ "$(cargo leptos --version 2>/dev/null || true)" != "cargo-leptos $LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $LEPTOS_VERSION (once per machine)"
  # The tool only orchestrates (cargo, wasm-bindgen and wasm-opt do the heavy work), so it is
  # built without optimisation or LTO: built with opt-level 2 it took 24 minutes on 2 cores.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_DEBUG=false RUSTFLAGS= \
    cargo install cargo-leptos --version "$LEPTOS_VERSION" --locked --features no_downloads
fi

# wasm-bindgen's CLI must equal the library version in Cargo.lock.
BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p' | head -n1)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION"
  # Not --locked: its lock file names a yanked webpki-roots.
  RUSTFLAGS= cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

# wasm-opt for release builds: binaryen from npm (Debian's is too old for this Rust).
BINARYEN_VERSION=132
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
  say "installing wasm-opt (binaryen@$BINARYEN_VERSION from npm) into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "binaryen@$BINARYEN_VERSION"
fi

if $want_test; then
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's Chromium for the end-to-end tests"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -d end2end/node_modules/@playwright/test ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    say "installing the end-to-end test packages"
    (cd end2end && npm ci --silent --no-audit --no-fund)
  fi
fi
say "tools ready"
