#!/usr/bin/env bash
# Builds the release package and checks its size against size-budget.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
node scripts/size.mjs "$@"
