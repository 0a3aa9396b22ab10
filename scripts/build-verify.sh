#!/usr/bin/env bash
# Builds the verify page's own wasm module (frontend/verify: the receipt check, run in the
# browser) and its page script (frontend/verify/verify.js) into public/verify/, which cargo-leptos copies into the site with the other assets.
# It is apart from the islands' bundle so that no other page downloads it. Run it before
# `cargo leptos build` or `serve` (run.sh and test.sh do); it needs setup.sh's wasm-bindgen and
# wasm-opt.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$DAUYS_ROOT"
cargo build -p verify --lib --target wasm32-unknown-unknown --profile wasm-release
out=public/verify
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name receipt \
  "$DAUYS_TARGET/wasm32-unknown-unknown/wasm-release/verify.wasm"
wasm-opt -Oz --all-features "$out/receipt_bg.wasm" -o "$out/receipt_bg.wasm"
# The page's script that loads it, beside it (a file at the site's root would be taken for a
# language by the /:lang route).
cp frontend/verify/verify.js "$out/verify.js"
