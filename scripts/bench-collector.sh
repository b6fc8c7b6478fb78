#!/usr/bin/env bash
# Benchmark: the reference collector under a bounded local load. Starts a release build on
# a free port with a fresh database, sends 10,000 events (batches of 20, 50 requests at a
# time, by default), prints throughput and latency, and fails if any event was not stored.
#
#   bash scripts/bench-collector.sh [--events N] [--batch N] [--concurrency N]
set -euo pipefail
source "$(dirname "$0")/env.sh"

cargo build --quiet --release -p augenblick-collector
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
target/release/augenblick-collector --addr "127.0.0.1:$port" --db "$work/events.sqlite" > "$work/log" &
server=$!
for _ in $(seq 50); do grep -q listening "$work/log" && break; sleep 0.1; done
target/release/augenblick-collector load --target "127.0.0.1:$port" "$@"
