#!/usr/bin/env bash
# What PostgreSQL's sessions are doing during a surge: run beside `bench-sign` on PostgreSQL.
# Samples pg_stat_activity of the newest database every 20 ms for SECONDS (one psql session,
# so the sampling costs little), then prints each (wait event, state, statement's start) with
# how many samples found it, and the signatures table's scans and the WAL written meanwhile.
#   scripts/pg-waits.sh 15 & TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
#     $DAUYS_TARGET/release/bench-sign --users 200000 --seconds 25
set -euo pipefail
seconds=${1:-15}
psql=(psql -h 127.0.0.1 -U postgres -At)
db=""
for _ in $(seq 120); do
  db=$("${psql[@]}" -c "SELECT datname FROM pg_database WHERE datname LIKE 'dauys_t_%' ORDER BY oid DESC LIMIT 1" postgres)
  [ -n "$db" ] && [ "$("${psql[@]}" -c "SELECT count(*) > 0 FROM signatures" "$db" 2>/dev/null || echo f)" = t ] && break
  sleep 0.5
done
echo "database $db"
tables() {
  "${psql[@]}" -F' ' -c "SELECT 'wal records', wal_records, 'bytes', wal_bytes FROM pg_stat_wal" \
    -c "SELECT relname, 'seq_scan', seq_scan, 'seq_tup_read', seq_tup_read, 'idx_scan', idx_scan, 'inserted', n_tup_ins, 'updated', n_tup_upd, 'hot', n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'signatures'" "$db"
}
echo "before:"; tables
for _ in $(seq $((seconds * 50))); do
  echo "SELECT coalesce(wait_event_type, 'CPU') || '/' || coalesce(wait_event, '-') || ' ' || state || ' ' || left(regexp_replace(query, '\s+', ' ', 'g'), 50) FROM pg_stat_activity WHERE datname = '$db' AND pid <> pg_backend_pid() AND state <> 'idle'; SELECT pg_sleep(0.02);"
done | "${psql[@]}" "$db" 2>/dev/null | grep -v '^$' | sort | uniq -c | sort -rn | head -25
echo "after:"; tables
