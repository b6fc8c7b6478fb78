#!/usr/bin/env bash
# Every check the project has, in order, stopping at the first that fails. Sets up the
# machine first (idempotent), so it runs on a fresh clone of a fresh machine.
set -euo pipefail
source "$(dirname "$0")/env.sh"

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

passed=0
step() {
  local name=$1
  shift
  printf '\n=== %s\n' "$name"
  local started=$SECONDS
  if ! "$@"; then
    printf '\n=== FAILED: %s\n' "$name" >&2
    echo "checks: $passed passed, 1 failed"
    exit 1
  fi
  passed=$((passed + 1))
  printf '=== ok: %s (%ss)\n' "$name" "$((SECONDS - started))"
}

browser_tests() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test -p augenblick --target wasm32-unknown-unknown
}

step "set-up" bash scripts/setup.sh
step "rustfmt" cargo fmt --all --check
step "clippy (native)" cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32)" cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
step "core has no web dependency" bash scripts/check-core.sh
step "native tests" cargo test --workspace
step "build the npm package" bash scripts/build.sh
step "browser tests (headless Chromium)" browser_tests
step "TypeScript check of the public API" tsc --noEmit -p tests/typescript
step "end-to-end tests (playwright-core, Chromium)" node --test tests/e2e/
step "size budget" node scripts/size.mjs

echo
echo "checks: $passed passed, 0 failed"
