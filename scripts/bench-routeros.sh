#!/usr/bin/env bash
# npm run bench:routeros: a full reconcile and repair of a simulated router with 5 000 PPP secrets
# (50 drifted), then a second reconcile (see bench/routeros.ts). Starts PostgreSQL and Redis like
# the tests do (unless DATABASE_URL / REDIS_URL point elsewhere), recreates the scratch database
# rrnet_bench_routeros, migrates it and empties Redis db 7.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
[ "$#" -eq 0 ] || die "bench:routeros takes no arguments"

ensure_node_modules
ensure_packages
throwaway_database bench_routeros
throwaway_redis 7

export APP_ENV=test
export ROOT_DOMAIN=localhost
export AUTH_SECRET="bench-secret-0123456789-0123456789-abcdef"
export METRICS_TOKEN="bench-metrics-token-0123456789"
export LOG_LEVEL=warn
export RRNET_SERVICE=bench-routeros

log "database: migrate ($(echo "$DATABASE_URL" | sed -E 's#//[^@]*@#//#'))"
npm run --silent db:migrate >/dev/null

exec scripts/tsx-server.sh bench/routeros.ts
