#!/usr/bin/env bash
# The leaderboard's command line for whoever runs the server: accounts and back-ups.
#   npm run admin -- create-admin <user name> [name…] | reset-password <user name> | accounts | backup <file>
# Relative paths (a backup file, --db, LEADERBOARD_DB) mean what they say where the command was typed.
set -euo pipefail
export INIT_CWD="${INIT_CWD:-$PWD}"
cd "$(dirname "$0")/.."
if [ ! -f apps/leaderboard/dist/admin.js ]; then bash scripts/setup.sh; fi
exec node apps/leaderboard/dist/admin.js "$@"
