#!/usr/bin/env bash
# Measures the release server: time from exec to the first served page (on a new SQLite database,
# which includes migrating and seeding, and again on the existing one), idle memory after serving
# a page, and the sizes of the server binary and the wasm. Build first: cargo leptos build --release
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$DAUYS_ROOT"
bin="$DAUYS_TARGET/release/server"
port=3300
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
export DATABASE_URL="sqlite://$dir/bench.db?mode=rwc" RUST_LOG=warn DAUYS_ENV=development
export LEPTOS_OUTPUT_NAME=dauys LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_ENV=PROD

# Starts the server and sets $pid and $elapsed_ms (time until /kk answers 200).
first_page() {
  local start end
  start=$(date +%s%N)
  "$bin" >"$dir/server.log" 2>&1 &
  pid=$!
  until curl -fso /dev/null "http://127.0.0.1:$port/kk"; do sleep 0.005; done
  end=$(date +%s%N)
  elapsed_ms=$(( (end - start) / 1000000 ))
}

first_page
new_db_ms=$elapsed_ms
for path in /kk /ru/regions /en/regions/11 /en/bodies/akimat-11; do curl -fso /dev/null "http://127.0.0.1:$port$path"; done
sleep 1
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
kill -TERM "$pid"; wait "$pid" || true
first_page
existing_db_ms=$elapsed_ms
kill -TERM "$pid"; wait "$pid" || true

wasm=target/site/pkg/dauys.wasm
printf 'start-up to first page, new database (migrate + seed): %s ms\n' "$new_db_ms"
printf 'start-up to first page, existing database: %s ms\n' "$existing_db_ms"
printf 'idle memory after serving 4 pages (RSS): %s MiB\n' "$(( rss_kb / 1024 ))"
printf 'server binary: %s MiB\n' "$(( $(stat -c %s "$bin") / 1048576 ))"
if [ -f "$wasm" ]; then
  printf 'wasm: %s KiB raw, %s KiB gzip -9\n' "$(( $(stat -c %s "$wasm") / 1024 ))" "$(( $(gzip -9c "$wasm" | wc -c) / 1024 ))"
else
  echo "wasm: $wasm not built (cargo leptos build --release)"
fi
