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
# Development: plain-HTTP cookies and the fixture sub-commands, which refuse production.
export DAUYS_ENV=development
# Mail goes over SMTP to the test mailbox (end2end/mailbox.mjs); links point at this server.
export DAUYS_SMTP_URL="smtp://127.0.0.1:${E2E_SMTP_PORT:-3125}"
export DAUYS_PUBLIC_URL="http://127.0.0.1:${E2E_PORT:-3100}"
export DAUYS_MAIL_POLL_MS=200
export DAUYS_FOLD_MS=300
# The release server: the islands wake up only on the pages and bundle `cargo leptos build
# --release` made together (a debug server's pages left the filing form's island asleep).
server="$DAUYS_TARGET/release/server"
# Fixtures for the petition journey: a moderator, an official of the Almaty akimat, 50
# co-signers whose session tokens the test reads (and the staff's, for pages read without the
# log-in form, whose limit per address the whole suite shares), and a threshold the journey can
# reach.
fixtures="$DAUYS_ROOT/end2end/.fixtures"
mkdir -p "$fixtures"
"$server" citizens e2e-staff 2 --iin --sessions "$fixtures/staff.txt" >/dev/null
"$server" grant-role e2e-staff0@example.kz moderator >/dev/null
"$server" grant-role e2e-staff1@example.kz official akimat-75 >/dev/null
"$server" set-threshold akimat regional 51 >/dev/null
"$server" citizens e2e-cosigner 50 --iin --sessions "$fixtures/cosigners.txt" >/dev/null
# Fixtures for the cases journey: a case for each run at the Almaty akimat (registered today),
# and one at the Astana akimat registered 200 days ago, overdue and very overdue.
"$server" registered-petition e2e-cosigner0@example.kz e2e-staff0@example.kz akimat-75 75 0 \
  "Streetlights on Abai Avenue (with JavaScript)" >/dev/null
"$server" registered-petition e2e-cosigner0@example.kz e2e-staff0@example.kz akimat-75 75 0 \
  "Streetlights on Abai Avenue (without JavaScript)" >/dev/null
"$server" registered-petition e2e-cosigner1@example.kz e2e-staff0@example.kz akimat-71 71 200 \
  "Bus shelter on Kenesary Street" >/dev/null
# Fixtures for the councils journey: a secretary of the Almaty council (the run with
# JavaScript) and of the Astana council (without), an official of the Astana akimat, and an
# agenda notice of none, so a meeting planned today can be published and held today.
"$server" citizens e2e-council 3 --iin >/dev/null
"$server" grant-role e2e-council0@example.kz council_secretary council-akimat-75 >/dev/null
"$server" grant-role e2e-council1@example.kz council_secretary council-akimat-71 >/dev/null
"$server" grant-role e2e-council2@example.kz official akimat-71 >/dev/null
"$server" set-setting council_agenda_notice_working_days 0 >/dev/null
# Fixtures for the inquiries journey: a deputy of the Almaty city maslikhat and one of the
# Almaty region maslikhat (whose akimat no other journey uses, so the responsiveness figures
# the cases journey checks stay its own), each with a member of staff, an official of the
# region's akimat, and a petition for each to take up. The tests move an
# inquiry's clock on with `backdate-case`, so they are told the database and the binary.
"$server" citizens e2e-deputy 5 --iin >/dev/null
"$server" grant-role e2e-deputy0@example.kz deputy maslikhat-75 >/dev/null
"$server" grant-role e2e-deputy1@example.kz deputy maslikhat-19 >/dev/null
"$server" grant-role e2e-deputy2@example.kz deputy_staff maslikhat-75 e2e-deputy0@example.kz >/dev/null
"$server" grant-role e2e-deputy3@example.kz deputy_staff maslikhat-19 e2e-deputy1@example.kz >/dev/null
"$server" grant-role e2e-deputy4@example.kz official akimat-19 >/dev/null
"$server" registered-petition e2e-cosigner2@example.kz e2e-staff0@example.kz akimat-75 75 0 \
  "Running water for Alatau district" >"$fixtures/inquiry-petition-js.txt"
"$server" registered-petition e2e-cosigner3@example.kz e2e-staff0@example.kz akimat-19 19 0 \
  "Running water for Talgar" >"$fixtures/inquiry-petition-nojs.txt"
# A petition with signatures over ten days, for the list, the search, the chart and the map.
"$server" listed-petition e2e-cosigner4@example.kz e2e-staff0@example.kz akimat-43 43 open 10 12 \
  "Қызылорда: Жібек жолы көшесін жөндеу" >"$fixtures/listed-petition.txt"
# An open petition of its own for the signature log journey (its signers' receipts), so the
# counts the discovery journey checks stay its own.
"$server" listed-petition e2e-cosigner4@example.kz e2e-staff0@example.kz akimat-75 75 open 2 0 \
  "Benches along the Esentai embankment" >"$fixtures/log-petition.txt"
# Fixtures for the administration journey: an admin signed in by session token, and a case
# for each run (registered today and yesterday, so their last days differ) whose deadline a
# new holiday moves.
"$server" citizens e2e-admin 1 --iin --sessions "$fixtures/admins.txt" >/dev/null
"$server" grant-admin e2e-admin0@example.kz >/dev/null
"$server" registered-petition e2e-cosigner0@example.kz e2e-staff0@example.kz akimat-75 75 1 \
  "Pedestrian crossing on Dostyk Avenue" >"$fixtures/admin-case-js.txt"
"$server" registered-petition e2e-cosigner0@example.kz e2e-staff0@example.kz akimat-75 75 0 \
  "Pedestrian crossing on Satpayev Street" >"$fixtures/admin-case-nojs.txt"
# Fixtures for ending a body: for each run a district akimat of its own with a case awaiting its
# answer, and the akimat that will succeed it.
for run in js nojs; do
  "$server" add-body "akimat-e2e-old-$run" akimat district akimat-75 75 "Old district akimat ($run)" >/dev/null
  "$server" add-body "akimat-e2e-new-$run" akimat district akimat-75 75 "New district akimat ($run)" >/dev/null
  "$server" registered-petition e2e-cosigner0@example.kz e2e-staff0@example.kz "akimat-e2e-old-$run" 75 3 \
    "Street lights in the old district ($run)" >"$fixtures/end-body-$run.txt"
done
echo "$DATABASE_URL" >"$fixtures/database-url"
echo "$server" >"$fixtures/server-bin"
"$server"
