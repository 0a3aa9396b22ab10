#!/usr/bin/env bash
# Starts the release server for the Playwright tests on a fresh SQLite database in a temporary
# folder, so every run begins from the seeded reference data and nothing else.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$DAUYS_ROOT"
db_dir=$(mktemp -d)
trap 'rm -rf "$db_dir"' EXIT
export DATABASE_URL="sqlite://$db_dir/e2e.db?mode=rwc"
export LEPTOS_OUTPUT_NAME=dauys LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_SITE_ADDR="127.0.0.1:${E2E_PORT:-3100}" LEPTOS_ENV=PROD
export RUST_LOG="${RUST_LOG:-warn}"
# Mail goes over SMTP to the test mailbox (end2end/mailbox.mjs); links point at this server.
export DAUYS_SMTP_URL="smtp://127.0.0.1:${E2E_SMTP_PORT:-3125}"
export DAUYS_PUBLIC_URL="http://127.0.0.1:${E2E_PORT:-3100}"
export DAUYS_MAIL_POLL_MS=200
"$DAUYS_TARGET/release/server"
