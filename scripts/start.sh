#!/usr/bin/env bash
# The main job: install if needed, build, then serve the leaderboard with its demo campaign.
set -euo pipefail
# Paths in the environment mean what they say where the command was typed (npm passes that place
# as INIT_CWD), not inside apps/leaderboard where the server runs.
here="${INIT_CWD:-$PWD}"
for var in LEADERBOARD_CAMPAIGN LEADERBOARD_DB BACKUP_DIR; do
  value="${!var:-}"
  if [ -n "$value" ] && [ "${value#/}" = "$value" ]; then export "$var=$here/$value"; fi
done
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec pnpm --filter @thidua/leaderboard run start
