#!/usr/bin/env bash
# Issue 16's comparison in one run, on this machine, as a Markdown table: the raw write limit of
# each database (one row per transaction, no HTTP): SQLite's engine alone, in-process (Python's
# sqlite3 module, no driver thread), and each database through the server's own driver
# (bench-raw: SeaORM over sqlx); the HTTP ceiling of the server (bench-sign --ceiling 1: GET
# /livez, no database); the signing surge on SQLite and on PostgreSQL (bench-sign: the browser's
# sign form, sessions, CSRF, the writer and the folding, with the server's idle and peak memory);
# and start-up (scripts/bench-startup.sh, which needs `cargo leptos build --release` first).
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

engine() { # SQLite's own limit in WAL mode, one INSERT per transaction, for 10 s
  python3 - "$1" <<'PY'
import os, sqlite3, sys, tempfile, time
sync = sys.argv[1]
path = os.path.join(tempfile.mkdtemp(), "raw.db")
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute(f"PRAGMA synchronous={sync}")
db.execute("CREATE TABLE raw_rows (id INTEGER PRIMARY KEY AUTOINCREMENT, petition_id INTEGER NOT NULL,"
           " user_id BIGINT NOT NULL, created_at TIMESTAMP NOT NULL, UNIQUE (petition_id, user_id))")
n, start = 0, time.perf_counter()
while time.perf_counter() - start < 10:
    n += 1
    db.execute("INSERT INTO raw_rows (petition_id, user_id, created_at) VALUES (1, ?, CURRENT_TIMESTAMP)", (n,))
took = time.perf_counter() - start
print(f"SQLite {sqlite3.sqlite_version} WAL, synchronous={sync}, in-process (Python's sqlite3): {n} rows in {took:.1f} s = {n / took:.0f}/s")
PY
}

echo "| what | measured ($(date -u +%Y-%m-%d), $(nproc) cores, load generator on the same cores) |"
echo "|---|---|"
row "raw limit, SQLite engine" engine NORMAL
row "raw limit, SQLite engine" engine FULL
row "raw limit, SQLite" env -u TEST_DATABASE_URL "$bin/bench-raw" --seconds 10
row "raw limit, PostgreSQL" env TEST_DATABASE_URL="$pg" "$bin/bench-raw" --seconds 10
row "HTTP ceiling" env -u TEST_DATABASE_URL "$bin/bench-sign" --users 100 --seconds "$seconds" --ceiling 1
row "signing, SQLite" env -u TEST_DATABASE_URL "$bin/bench-sign" --users "$users" --seconds "$seconds"
row "signing, PostgreSQL" env TEST_DATABASE_URL="$pg" "$bin/bench-sign" --users "$users" --seconds "$seconds"
echo "running: start-up" >&2
scripts/bench-startup.sh 2>/dev/null | grep -E '^(start-up|idle)' |
  while IFS= read -r line; do printf '| start-up, SQLite | %s |\n' "$line"; done
