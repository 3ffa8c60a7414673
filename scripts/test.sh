#!/usr/bin/env bash
# npm test: installs what is missing, starts PostgreSQL, Redis and FreeRADIUS like the demo does, then runs
# every check against a throwaway database (rrnet_test, recreated each run) and Redis db 1:
# type-check, lint (ESLint and the import boundaries of .dependency-cruiser.cjs), vitest (unit +
# integration), a production build, Playwright end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
# The tests' FreeRADIUS (next to the demo's on 18120): a client's definition is re-read after 5 s.
export RRNET_RADIUS_AUTH_PORT="${RRNET_RADIUS_AUTH_PORT:-18130}" RRNET_RADIUS_CLIENT_LIFETIME="${RRNET_RADIUS_CLIENT_LIFETIME:-5}"
source scripts/lib/services.sh

ensure_node_modules
ensure_packages with-browser

throwaway_database test
throwaway_redis 1

export APP_ENV=test
export ROOT_DOMAIN=localhost
export AUTH_SECRET="test-secret-0123456789-0123456789-abcdef"
export METRICS_TOKEN="test-metrics-token-0123456789"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
export RRNET_DIST_DIR=".next-test"
RESULTS="test-results"; mkdir -p "$RESULTS"

step() { printf '\n\033[1;34m== %s ==\033[0m\n' "$*"; }

step "database: migrate + seed"
npm run --silent db:migrate >/dev/null
npm run --silent db:seed

step "FreeRADIUS (deploy/freeradius, on the test database)"
start_freeradius

step "typecheck (tsc --noEmit)"
npm run --silent typecheck

step "lint (eslint, import boundaries)"
npx eslint --max-warnings 0 .
bash scripts/lint-imports.sh

step "unit + integration (vitest)"
vitest_rc=0
LOG_LEVEL="${VITEST_LOG_LEVEL:-error}" npx vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest.json" || vitest_rc=$?

step "build (next build)"
npx next build > "$RESULTS/build.log" 2>&1 || { tail -n 60 "$RESULTS/build.log"; exit 1; }

step "end-to-end (playwright, Debian chromium)"
e2e_rc=0
npx playwright test || e2e_rc=$?

node scripts/summarize-tests.mjs "$RESULTS/vitest.json" "$RESULTS/playwright.json"
[ "$vitest_rc" = 0 ] && [ "$e2e_rc" = 0 ]
