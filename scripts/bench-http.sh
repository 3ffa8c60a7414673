#!/usr/bin/env bash
# npm run bench:http [-- --duration N --connections N]: HTTP throughput of /api/health vs. a
# tenant-scoped tRPC query, against the production build on loopback (see bench/http.ts).
# Starts PostgreSQL and Redis like the demo does (unless DATABASE_URL / REDIS_URL point
# elsewhere), uses a throwaway database (rrnet_bench, recreated each run) and Redis db 2,
# builds into .next-bench (so it never touches the demo's or the tests' build), then measures.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

ensure_node_modules
ensure_packages
throwaway_database bench
throwaway_redis 2

export APP_ENV=test
export ROOT_DOMAIN=localhost
export AUTH_SECRET="bench-secret-0123456789-0123456789-abcdef"
export METRICS_TOKEN="bench-metrics-token-0123456789"
# warn, not info: at info every request writes an access-log line, and serializing and writing
# tens of thousands of them would dominate what is measured instead of the request path.
export LOG_LEVEL=warn
export RRNET_DIST_DIR=".next-bench"
export APP_PORT="${BENCH_PORT:-3200}"
export APP_HOST=127.0.0.1

log "database: migrate + seed ($(echo "$DATABASE_URL" | sed -E 's#//[^@]*@#//#'))"
npm run --silent db:migrate >/dev/null
npm run --silent db:seed >/dev/null
# The benchmark sends far more than a plan's per-minute API quota: lift it for this database so
# the run measures the request path (the limiter itself still runs on every request).
psql -X -q "$DATABASE_URL" -c "UPDATE \"Plan\" SET \"apiRateLimitPerMinute\" = 100000000"

mkdir -p "$RRNET_STATE_DIR"
BUILD_LOG="$RRNET_STATE_DIR/bench-build.log"
log "building the web app into $RRNET_DIST_DIR (log: $BUILD_LOG)"
npx next build >"$BUILD_LOG" 2>&1 || { tail -n 60 "$BUILD_LOG" >&2; die "build failed"; }

exec scripts/tsx-server.sh bench/http.ts "$@"
