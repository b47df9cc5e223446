#!/usr/bin/env bash
# Everything a fresh machine needs before the leaderboard can run: pnpm 10, the workspace's
# dependencies (better-sqlite3 builds from source, ~1 min), and the built packages.
set -euo pipefail
cd "$(dirname "$0")/.."

want_pnpm_major=10
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version | cut -d. -f1)" != "$want_pnpm_major" ]; then
  echo "› installing pnpm@$want_pnpm_major (pnpm 11+ needs Node 22)" >&2
  npm install --global "pnpm@$want_pnpm_major" >&2
fi

export CI="${CI:-}"
if [ ! -f node_modules/.modules.yaml ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  echo "› pnpm install" >&2
  pnpm install --frozen-lockfile >&2
fi

echo "› building packages" >&2
pnpm run build >&2
