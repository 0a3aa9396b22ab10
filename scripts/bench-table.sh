#!/usr/bin/env bash
# Issue 16's comparison in one run, on this machine, as a Markdown table: the raw write limit of
# each database (one row per transaction, no HTTP): SQLite's engine alone, in-process (Python's
# sqlite3 module, no driver thread), and each database through the server's own driver
# (bench-raw: SeaORM over sqlx); the same engine writing the signatures' own table (as the
# migrations make it, batches of 16 and 64 rows, and with the writer's abuse-limit counts); the
# HTTP ceiling of the server (bench-sign --ceiling 1: GET
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
cargo build --release -p server --bin server --bin bench-sign --bin bench-raw --no-default-features >&2
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

engine_signatures() { # the same engine writing the signatures' own table, $2 rows a statement;
  # with "limits", in the writer's form: each row counted against both abuse limits (an hour's
  # signatures of its account, and its address's tally, which the schema's trigger adds it to)
  # in the statement, as signing.rs does
  local dir
  dir=$(mktemp -d)
  DATABASE_URL="sqlite://$dir/signatures.db?mode=rwc" DAUYS_ENV=development RUST_LOG=warn \
    "$bin/server" migrate >/dev/null
  python3 - "$1" "$2" "$dir/signatures.db" "${3:-}" <<'PY'
import random, sqlite3, sys, time
from datetime import datetime, timedelta, timezone
sync, batch, path, limits = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "limits"
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute(f"PRAGMA synchronous={sync}")
db.execute("PRAGMA cache_size=-32000")
# The rows a surge writes: one petition, signers in random order, each with a random IIN hash and
# receipt secret, from 128 addresses; every index and trigger of the schema kept (foreign keys not checked).
columns = ("petition_id, user_id, iin_hash, grade, region_id, public_name, show_name, notify_answer,"
           " ip, email_domain, created_at, counted, receipt_secret")
row = "(1, ?, ?, 'email_verified', 1, 'Aigerim S.', 1, 0, ?, 'mail.kz', ?, 0, ?)"
sql = f"INSERT INTO signatures ({columns}) VALUES " + ", ".join([row] * batch) + " ON CONFLICT DO NOTHING"
since = (datetime.now(timezone.utc) - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")
if limits:
    v = "(?, ?, ?, ?, ?, 60, 2000)"
    minute = int(time.time() - 3600) // 60 * 60
    sql = (f"WITH v (user_id, iin_hash, ip, created_at, receipt_secret, account_limit, address_limit) AS (VALUES {', '.join([v] * batch)}), "
           f"a AS (SELECT bucket, SUM(hits) AS hits FROM rate_limits WHERE bucket IN (SELECT 'sign:ip:' || ip FROM v) AND window_start >= {minute} GROUP BY bucket) "
           f"INSERT INTO signatures ({columns}) SELECT 1, v.user_id, v.iin_hash, 'email_verified', 1, 'Aigerim S.', 1, 0, v.ip, 'mail.kz', v.created_at, 0, v.receipt_secret FROM v "
           f"WHERE (SELECT COUNT(*) FROM signatures s WHERE s.user_id = v.user_id AND s.created_at > '{since}') < v.account_limit "
           "AND COALESCE((SELECT a.hits FROM a WHERE a.bucket = 'sign:ip:' || v.ip), 0) < v.address_limit "
           "ON CONFLICT DO NOTHING")
# The values are made before the clock starts (more than 10 s can use), so only SQLite is timed.
now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")
rows = [[person, random.randbytes(32).hex(), f"127.0.{person % 128}.1", now, random.randbytes(32).hex()]
        for person in random.sample(range(1, 10_000_000), 400_000)]
n, start = 0, time.perf_counter()
while time.perf_counter() - start < 10 and n + batch <= len(rows):
    db.execute(sql, [value for row in rows[n:n + batch] for value in row])
    n += batch
took = time.perf_counter() - start
what = ", each row counted against both limits" if limits else ""
print(f"SQLite {sqlite3.sqlite_version} WAL, synchronous={sync}, in-process (Python's sqlite3), the signatures' table with its indexes, {batch} rows a statement{what}: {n} rows in {took:.1f} s = {n / took:.0f}/s")
PY
  rm -rf "$dir"
}

echo "| what | measured ($(date -u +%Y-%m-%d), $(nproc) cores, load generator on the same cores) |"
echo "|---|---|"
row "raw limit, SQLite engine" engine NORMAL
row "raw limit, SQLite engine" engine FULL
row "raw limit, SQLite" env -u TEST_DATABASE_URL "$bin/bench-raw" --seconds 10
row "raw limit, signatures' table, SQLite engine" engine_signatures FULL 16
row "raw limit, signatures' table, SQLite engine" engine_signatures FULL 64
row "raw limit, signatures' table, SQLite engine" engine_signatures FULL 16 limits
row "raw limit, PostgreSQL" env TEST_DATABASE_URL="$pg" "$bin/bench-raw" --seconds 10
row "HTTP ceiling" env -u TEST_DATABASE_URL "$bin/bench-sign" --users 100 --seconds "$seconds" --ceiling 1
row "signing, SQLite" env -u TEST_DATABASE_URL "$bin/bench-sign" --users "$users" --seconds "$seconds"
row "signing, PostgreSQL" env TEST_DATABASE_URL="$pg" "$bin/bench-sign" --users "$users" --seconds "$seconds"
echo "running: start-up" >&2
scripts/bench-startup.sh 2>/dev/null | grep -E '^(start-up|idle)' |
  while IFS= read -r line; do printf '| start-up, SQLite | %s |\n' "$line"; done
