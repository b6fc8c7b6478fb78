#!/usr/bin/env bash
# The core decides everything and must stay plain Rust: no browser crate anywhere in its
# dependency tree (normal, build and dev; every target), and no unsafe code.
set -euo pipefail
source "$(dirname "$0")/env.sh"

FORBIDDEN='^(wasm-bindgen|wasm-bindgen-[a-z-]+|web-sys|js-sys|gloo|gloo-[a-z-]+|serde-wasm-bindgen)$'

crates=$(cargo tree -p augenblick-core -e normal,build,dev --target all --prefix none \
  --format '{p}' | awk '{print $1}' | sort -u)
offenders=$(grep -E "$FORBIDDEN" <<<"$crates" || true)
if [ -n "$offenders" ]; then
  echo "check-core: augenblick-core depends on browser crates:" $offenders >&2
  echo "check-core: move that code into the augenblick crate (src/)" >&2
  exit 1
fi

if ! grep -qx '#!\[forbid(unsafe_code)\]' core/src/lib.rs; then
  echo "check-core: core/src/lib.rs must keep #![forbid(unsafe_code)]" >&2
  exit 1
fi

echo "check-core: augenblick-core has $(wc -l <<<"$crates") crate(s) in its tree, none of them a browser crate; unsafe code is forbidden"
