#!/usr/bin/env bash
# Every test: unit, property, packaging, HTTP and browser. Installs what they need first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/ensure-chromium.sh
pnpm run typecheck
exec pnpm exec vitest run "$@"
