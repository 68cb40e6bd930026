#!/usr/bin/env bash
# The whole test suite: services, typecheck, lint, web build, then every vitest project.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash test/scripts/ensure-services.sh
echo "[test] typecheck"; pnpm typecheck
echo "[test] lint"; pnpm lint
echo "[test] web build"; pnpm --filter @citytwin/web build
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
node test/scripts/print-test-summary.mjs test-results/vitest.json
exit "$status"
