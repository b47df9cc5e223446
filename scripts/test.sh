#!/usr/bin/env bash
# Every test: unit, property, packaging, HTTP and browser. Installs what they need first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/ensure-chromium.sh
echo "› type-checking" >&2
pnpm run typecheck >&2
mkdir -p artifacts
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=artifacts/test-results.json "$@" || status=$?
# One plain closing line, whatever the runner printed above.
node -e '
  const r = JSON.parse(require("fs").readFileSync("artifacts/test-results.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit "$status"
