#!/usr/bin/env bash
# Builds the release package and checks its size against size-budget.json.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash scripts/build.sh
node scripts/size.mjs "$@"
