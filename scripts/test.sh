#!/usr/bin/env bash
# Sets up whatever is missing and runs every check, the way CI does:
# formatting, clippy per target, unit/service/HTTP tests on SQLite (and on PostgreSQL when
# TEST_DATABASE_URL is set), the release build, and the Playwright tests in Chromium.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$DAUYS_ROOT"
scripts/setup.sh --test

step() { printf '\n==> %s\n' "$*"; }
started=$(date +%s)

step "formatting"
cargo fmt --all -- --check

step "clippy: app (server side)"
cargo clippy -p app --features ssr --all-targets -- -D warnings
step "clippy: frontend (wasm)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
step "clippy: server and migrations"
cargo clippy -p server -p migrations --all-targets -- -D warnings

TESTS=(-p app -p server -p migrations --features app/ssr)
step "tests on SQLite"
env -u TEST_DATABASE_URL cargo test "${TESTS[@]}"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "tests on PostgreSQL ($TEST_DATABASE_URL)"
  cargo test "${TESTS[@]}"
else
  step "tests on PostgreSQL skipped: TEST_DATABASE_URL is not set"
fi

step "release build"
cargo leptos build --release

step "end-to-end tests (Playwright, Chromium)"
(cd end2end && npx playwright test)

step "all checks passed in $(( $(date +%s) - started )) s"
