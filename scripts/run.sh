#!/usr/bin/env bash
# Sets up whatever is missing and serves Dauys at http://127.0.0.1:3000 on an embedded SQLite
# database (data/dauys.db), created, migrated and seeded at start-up, with demonstration data.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$DAUYS_ROOT"
scripts/setup.sh
# The server runs as production unless told otherwise; this local site is development
# (plain HTTP, a development IIN key, mail written to data/mail).
export DAUYS_ENV="${DAUYS_ENV:-development}"
# A living site for a newcomer: demonstration petitions and signatures, loaded once into a new
# database (DAUYS_DEMO=0 for an empty one; production never loads them).
export DAUYS_DEMO="${DAUYS_DEMO:-1}"
# The verify page's wasm module, which cargo-leptos does not build (public/verify/).
scripts/build-verify.sh
exec cargo leptos serve --release
