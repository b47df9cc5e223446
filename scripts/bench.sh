#!/usr/bin/env bash
# Benchmarks print ratios measured in one run; they never fail a test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
pnpm -r --if-present run bench
