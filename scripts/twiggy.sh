#!/usr/bin/env bash
# What is in the shipped .wasm: `twiggy top` over the release module, rebuilt with function
# names kept (wasm-pack's output has none), optimised the same way (Cargo.toml's wasm-opt
# arguments). Run after scripts/build.sh. Installs twiggy the first time (about 2 minutes).
#
#   bash scripts/twiggy.sh [ROWS]
set -euo pipefail
source "$(dirname "$0")/env.sh"
command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked

named=$(mktemp -d)
trap 'rm -rf "$named"' EXIT
wasm-bindgen --target web --keep-debug --out-dir "$named" --out-name augenblick \
  target/wasm32-unknown-unknown/release/augenblick.wasm
# The release build's wasm-opt arguments, as Cargo.toml gives them to wasm-pack.
read -ra release_opt <<<"$(sed -n 's/^wasm-opt = \[\(.*\)\]/\1/p' Cargo.toml | tr -d '",')"
wasm-opt "${release_opt[@]}" -g --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue \
  "$named/augenblick_bg.wasm" -o "$named/named.wasm"
twiggy top -n "${1:-25}" "$named/named.wasm"
