#!/usr/bin/env bash
# The main job: install if needed, build, then serve the leaderboard with its demo campaign.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec pnpm --filter @thidua/leaderboard run start
