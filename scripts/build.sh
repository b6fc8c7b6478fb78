#!/usr/bin/env bash
# Builds the npm package into pkg/: wasm-pack (release, wasm-opt -Oz) for the module and its
# glue, then the hand-kept parts from pkg-template/. Run scripts/setup.sh once before.
set -euo pipefail
source "$(dirname "$0")/env.sh"

# wasm-pack runs whichever wasm-opt is first on PATH without checking its version, and
# Debian's binaryen 108 writes modules that fail at init(): insist on the npm one.
if ! wasm-opt --version | grep -q 'version 132'; then
  echo "build: wasm-opt on PATH is '$(wasm-opt --version)', expected binaryen 132 from npm" >&2
  echo "build: run bash scripts/setup.sh" >&2
  exit 1
fi

# Panic messages name source files; without these prefixes the shipped module carries no
# machine paths (smaller, and the same bytes on every machine).
export RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src= --remap-path-prefix=$PWD="
wasm-pack --log-level warn build --release --target web --no-pack \
  --out-dir pkg --out-name augenblick
node scripts/package.mjs
