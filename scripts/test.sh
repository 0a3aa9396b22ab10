#!/usr/bin/env bash
# Sets up whatever is missing and runs every check, the way CI does:
# formatting, clippy per target, unit/service/HTTP tests on SQLite (and on PostgreSQL when
# TEST_DATABASE_URL is set), the release build, and the Playwright tests in Chromium.
#
# On a new machine the tools (cargo-leptos above all) build in the background while the checks
# that do not need them run: both share the two cores, and each fills the other's idle tails.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$DAUYS_ROOT"

step() { printf '\n==> %s\n' "$*"; }
started=$(date +%s)

# The wasm target first: clippy of the frontend needs it.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
setup_log=$(mktemp)
scripts/setup.sh --test >"$setup_log" 2>&1 &
setup_pid=$!
tools_ready() {
  step "tools (installed in the background)"
  local rc=0
  wait "$setup_pid" || rc=$?
  cat "$setup_log"
  rm -f "$setup_log"
  [ "$rc" = 0 ] || { echo "setup failed ($rc)"; exit "$rc"; }
}
# Do not leave a background install behind when a check fails. The handler never fails itself:
# under `set -e` a failing command in an EXIT trap becomes the script's exit status (pkill finds
# nothing once the install has ended, which turned a green run into exit 1).
stop_setup() {
  pkill -TERM -P "$setup_pid" 2>/dev/null || true
  kill "$setup_pid" 2>/dev/null || true
}
trap stop_setup EXIT

step "formatting"
cargo fmt --all -- --check

step "clippy: app, server and migrations (server side, every target)"
cargo clippy -p app -p receipt -p verify -p server -p migrations --features app/ssr --all-targets -- -D warnings
step "clippy: frontend and the verify page's module (wasm)"
cargo clippy -p frontend -p verify --target wasm32-unknown-unknown -- -D warnings

TESTS=(-p app -p receipt -p verify -p server -p migrations --features app/ssr)
step "tests on SQLite"
env -u TEST_DATABASE_URL cargo test "${TESTS[@]}"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "tests on PostgreSQL ($TEST_DATABASE_URL)"
  cargo test "${TESTS[@]}"
else
  step "tests on PostgreSQL skipped: TEST_DATABASE_URL is not set"
fi

tools_ready

step "release build"
scripts/build-verify.sh
cargo leptos build --release

step "end-to-end tests (Playwright, Chromium)"
(cd end2end && npx playwright test)

step "all checks passed in $(( $(date +%s) - started )) s"
