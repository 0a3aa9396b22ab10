# Sourced by every project script: one set of flags for every cargo command, so switching
# between clippy, tests and cargo-leptos never rebuilds the world.
# shellcheck shell=bash
export RUSTFLAGS="--cfg erase_components"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Tools the scripts install into the project (wasm-opt via npm) come first on PATH.
DAUYS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DAUYS_ROOT
export PATH="$DAUYS_ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# A persistent target directory outside the clone, when the machine has one (CI sets it).
if [ -n "${DAUYS_TARGET_DIR:-}" ]; then
  export CARGO_TARGET_DIR="$DAUYS_TARGET_DIR"
fi
export DAUYS_TARGET="${CARGO_TARGET_DIR:-$DAUYS_ROOT/target}"
