#!/usr/bin/env bash
# npm run bench:outage: the affected set of an OLT-level outage in a 20 000-customer plant (see
# bench/outage.ts). Starts PostgreSQL and Redis like the tests do (unless DATABASE_URL /
# REDIS_URL point elsewhere), recreates the scratch database rrnet_bench_outage, migrates it,
# empties Redis db 7, then seeds and measures.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

ensure_node_modules
ensure_packages
throwaway_database bench_outage
throwaway_redis 7

export APP_ENV=test
export ROOT_DOMAIN=localhost
export AUTH_SECRET="bench-secret-0123456789-0123456789-abcdef"
export METRICS_TOKEN="bench-metrics-token-0123456789"
export LOG_LEVEL=warn
export RRNET_SERVICE=bench-outage

log "database: migrate ($(echo "$DATABASE_URL" | sed -E 's#//[^@]*@#//#'))"
npm run --silent db:migrate >/dev/null

exec scripts/tsx-server.sh bench/outage.ts "$@"
