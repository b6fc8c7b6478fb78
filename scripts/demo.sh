#!/usr/bin/env bash
# Sets up (first time only), builds the package and serves the demo on 127.0.0.1, with the
# reference events collector on 127.0.0.1:8787 (events arrive only with events consent,
# from the demo's panel). PORT=8081 bash scripts/demo.sh to choose another port.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash scripts/setup.sh
bash scripts/build.sh
cargo build --quiet --release -p augenblick-collector
exec node scripts/serve.mjs --port "${PORT:-8080}" --collector 8787
