#!/usr/bin/env bash
# Idempotent set-up for a fresh machine of this project's kind (Debian bookworm, rustup, Node 20).
# Every step checks first and does nothing when its tool is already there at the pinned version,
# so the second run costs a few hundred milliseconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"

WASM_BINDGEN_VERSION=0.2.130 # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
WASM_PACK_VERSION=0.15.1

log() { printf '[setup] %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding rustup component $component"
    rustup component add "$component"
  fi
done

installed_version() { "$1" --version 2>/dev/null | awk '{print $2}'; }

if [ "$(installed_version wasm-bindgen)" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Its lockfile names webpki-roots 1.0.11, which crates.io no longer serves (seen 2026-11-22);
  # without --locked cargo picks the newest compatible versions instead.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked ||
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$(installed_version wasm-pack)" != "$WASM_PACK_VERSION" ]; then
  log "installing wasm-pack $WASM_PACK_VERSION (about 3 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing Debian chromium and chromium-driver"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
    chromium chromium-driver
fi

# npm dev tools (binaryen's wasm-opt, playwright-core, typescript) come from the lockfile.
# `npm ci` wipes node_modules, so it runs only when the lockfile changed since the last install.
lock_stamp=node_modules/.augenblick-lock.sha256
lock_hash=$(sha256sum package-lock.json | awk '{print $1}')
if [ ! -f "$lock_stamp" ] || [ "$(cat "$lock_stamp")" != "$lock_hash" ]; then
  log "installing npm dev dependencies from package-lock.json"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$lock_stamp"
fi
