#!/usr/bin/env bash
# Issue 16's comparison in one run, on this machine, as a Markdown table: the raw write limit of
# each database (bench-raw: one row per transaction, no HTTP), the HTTP ceiling of the server
# (bench-sign --ceiling 1: GET /livez, no database), and the signing surge on SQLite and on
# PostgreSQL (bench-sign: the browser's sign form, sessions, CSRF, the writer and the folding).
#
#   scripts/bench-table.sh [seconds] [users]     (defaults: 30 s, 130,000 signers)
#
# PostgreSQL is the one in TEST_DATABASE_URL, or the machine's at 127.0.0.1:5432.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$DAUYS_ROOT"
seconds="${1:-30}"
users="${2:-130000}"
pg="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
cargo build --release -p server --bins --no-default-features >&2
bin="$DAUYS_TARGET/release"

row() { # what, then the command; prints the command's summary lines as rows
  local what="$1"
  shift
  echo "running: $what" >&2
  "$@" 2>/dev/null | grep -E '^(SQLite|PostgreSQL)' | grep -v 'ready in' | grep -v '^afterwards' |
    while IFS= read -r line; do printf '| %s | %s |\n' "$what" "$line"; done
}

echo "| what | measured ($(date -u +%Y-%m-%d), $(nproc) cores, load generator on the same cores) |"
echo "|---|---|"
row "raw limit, SQLite" env -u TEST_DATABASE_URL "$bin/bench-raw" --seconds 10
row "raw limit, PostgreSQL" env TEST_DATABASE_URL="$pg" "$bin/bench-raw" --seconds 10
row "HTTP ceiling" env -u TEST_DATABASE_URL "$bin/bench-sign" --users 100 --seconds "$seconds" --ceiling 1
row "signing, SQLite" env -u TEST_DATABASE_URL "$bin/bench-sign" --users "$users" --seconds "$seconds"
row "signing, PostgreSQL" env TEST_DATABASE_URL="$pg" "$bin/bench-sign" --users "$users" --seconds "$seconds"
