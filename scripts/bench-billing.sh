#!/usr/bin/env bash
# npm run bench:billing [-- --customers N]: one month's invoice generation for N customers
# (default 10000; see bench/billing.ts). Starts PostgreSQL and Redis like the tests do (unless
# DATABASE_URL / REDIS_URL point elsewhere), recreates the scratch database rrnet_bench_billing,
# migrates it, empties Redis db 6, then seeds and measures.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

# Refuse a bad argument before minutes of provisioning (bench/billing.ts checks it again).
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  arg="${args[$i]}"
  case "$arg" in
    --customers=*) value="${arg#--customers=}" ;;
    --customers) value="${args[$((i + 1))]:-}"; i=$((i + 1)) ;;
    *) die "unknown argument: $arg (use --customers N)" ;;
  esac
  [[ "$value" =~ ^0*[1-9][0-9]*$ ]] || die "--customers needs a positive integer, got '${value}'"
done

ensure_node_modules
ensure_packages
throwaway_database bench_billing
throwaway_redis 6

export APP_ENV=test
export ROOT_DOMAIN=localhost
export AUTH_SECRET="bench-secret-0123456789-0123456789-abcdef"
export METRICS_TOKEN="bench-metrics-token-0123456789"
# warn: the job handler's "billing day done" info line is not part of what is measured.
export LOG_LEVEL=warn
export RRNET_SERVICE=bench-billing

log "database: migrate ($(echo "$DATABASE_URL" | sed -E 's#//[^@]*@#//#'))"
npm run --silent db:migrate >/dev/null

exec scripts/tsx-server.sh bench/billing.ts "$@"
