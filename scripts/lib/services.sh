# shellcheck shell=bash
# Local services for the demo and the tests: installs what is missing from Debian's packages,
# starts a private PostgreSQL cluster, a Redis and FreeRADIUS (freeradius.sh) on loopback, and reuses them when they are
# already running. Sourced by scripts/demo.sh and scripts/test.sh. Idempotent.

RRNET_STATE_DIR="${RRNET_STATE_DIR:-/var/tmp/rrnet}"
RRNET_PG_PORT="${RRNET_PG_PORT:-54329}"
RRNET_REDIS_PORT="${RRNET_REDIS_PORT:-63799}"
RRNET_DB_USER="rrnet"
RRNET_DB_PASSWORD="rrnet"

log() { printf '\033[1;34m[rrnet]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[rrnet]\033[0m %s\n' "$*" >&2; exit 1; }

# The state directory holds PostgreSQL's and Redis's files and sockets: inside the repository,
# the build's CSS scanner would try to read the sockets and fail.
case "$(realpath -m "$RRNET_STATE_DIR")/" in
  "$(realpath -m "$(dirname "${BASH_SOURCE[0]}")/../..")/"*) die "RRNET_STATE_DIR ($RRNET_STATE_DIR) must be outside the repository" ;;
esac

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi
}

APT_UPDATED=0
apt_install() {
  [ "$#" -gt 0 ] || return 0
  command -v apt-get >/dev/null || die "missing packages ($*) and no apt-get to install them"
  log "installing Debian packages: $*"
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# ensure_packages [with-browser]
ensure_packages() {
  local missing=()
  if [ -z "${DATABASE_URL:-}" ] && [ -z "$(pg_bindir)" ]; then missing+=(postgresql); fi
  command -v psql >/dev/null || missing+=(postgresql-client)
  if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null; then missing+=(redis-server); fi
  command -v redis-cli >/dev/null || missing+=(redis-tools)
  command -v freeradius >/dev/null || missing+=(freeradius)
  [ -e /usr/lib/freeradius/rlm_sql_postgresql.so ] || missing+=(freeradius-postgresql)
  command -v radclient >/dev/null || missing+=(freeradius-utils)
  if [ "${1:-}" = with-browser ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium fonts-dejavu-core); fi
  apt_install "${missing[@]}"
}

ensure_node_modules() {
  if [ ! -d node_modules/.bin ] || [ package.json -nt node_modules/.package-lock.json ] || { [ -f package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
    log "installing npm packages"
    npm install --no-audit --no-fund --loglevel=error
  fi
  # The Prisma client is generated code (postinstall): a schema changed since (a pull, a rebase)
  # needs it generated again, or the new models are missing at run time.
  if [ ! -f server/db/generated/client.ts ] || [ prisma/schema.prisma -nt server/db/generated/client.ts ]; then
    log "generating the Prisma client"
    local out; out="$(bash scripts/prisma.sh generate 2>&1)" || { printf "%s\n" "$out" >&2; die "prisma generate failed"; }
  fi
}

# Runs a command as the owner of the PostgreSQL cluster (postgres when we are root).
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bindir data sock
  bindir="$(pg_bindir)"
  data="$RRNET_STATE_DIR/pg/data"; sock="$RRNET_STATE_DIR/pg/run"
  if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$RRNET_PG_PORT"; then
    log "PostgreSQL already running on 127.0.0.1:$RRNET_PG_PORT"
  else
    as_root mkdir -p "$data" "$sock"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$RRNET_STATE_DIR/pg" && chmod 700 "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
      log "creating PostgreSQL cluster in $data"
      as_pg "$bindir/initdb" -D "$data" -U postgres -A trust --encoding UTF8 --locale C >/dev/null
    fi
    log "starting PostgreSQL on 127.0.0.1:$RRNET_PG_PORT"
    as_pg "$bindir/pg_ctl" -D "$data" -w -t 60 -l "$RRNET_STATE_DIR/pg/postgres.log" \
      -o "-p $RRNET_PG_PORT -k $sock -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c max_connections=300" start >/dev/null \
      || { tail -n 20 "$RRNET_STATE_DIR/pg/postgres.log" >&2; die "PostgreSQL did not start"; }
  fi
  psql_admin -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$RRNET_DB_USER') THEN CREATE ROLE $RRNET_DB_USER LOGIN CREATEDB PASSWORD '$RRNET_DB_PASSWORD'; END IF; END \$\$;" >/dev/null
  # The migrations grant FreeRADIUS's rights to this role (creating roles needs CREATEROLE).
  ensure_radius_db_role
}

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$RRNET_PG_PORT" -U postgres -d postgres "$@"; }

local_database_url() { echo "postgresql://$RRNET_DB_USER:$RRNET_DB_PASSWORD@127.0.0.1:$RRNET_PG_PORT/$1"; }

# create_database NAME [fresh]: creates it if missing; with "fresh", drops it first.
create_database() {
  local name="$1"
  if [ "${2:-}" = fresh ]; then psql_admin -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null; fi
  if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    psql_admin -c "CREATE DATABASE \"$name\" OWNER $RRNET_DB_USER" >/dev/null
  fi
}

# throwaway_database SUFFIX: exports DATABASE_URL of a fresh database "rrnet_SUFFIX" (local
# cluster) or, when DATABASE_URL is set, of a fresh sibling "<its name>_SUFFIX" on that server.
# Never the given database itself: tests and benchmarks drop and recreate theirs.
throwaway_database() {
  local suffix="$1" admin_url db
  if [ -n "${DATABASE_URL:-}" ]; then
    db="$(basename "${DATABASE_URL%%\?*}")_$suffix"
    admin_url="${DATABASE_URL%/*}/postgres"
    psql -X -q "$admin_url" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\""
    export DATABASE_URL="${DATABASE_URL%/*}/$db"
  else
    start_postgres
    create_database "rrnet_$suffix" fresh
    export DATABASE_URL="$(local_database_url "rrnet_$suffix")"
  fi
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$RRNET_REDIS_PORT" ping >/dev/null 2>&1; then
    log "Redis already running on 127.0.0.1:$RRNET_REDIS_PORT"
    return
  fi
  mkdir -p "$RRNET_STATE_DIR/redis"
  log "starting Redis on 127.0.0.1:$RRNET_REDIS_PORT"
  # BullMQ needs noeviction: an evicted job key is a lost job.
  redis-server --port "$RRNET_REDIS_PORT" --bind 127.0.0.1 --dir "$RRNET_STATE_DIR/redis" --save '' --appendonly no \
    --maxmemory-policy noeviction --daemonize yes --logfile "$RRNET_STATE_DIR/redis/redis.log"
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$RRNET_REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
  die "Redis did not start (see $RRNET_STATE_DIR/redis/redis.log)"
}

local_redis_url() { echo "redis://127.0.0.1:$RRNET_REDIS_PORT/$1"; }

# throwaway_redis INDEX: exports REDIS_URL of database INDEX (emptied) on the local Redis or,
# when REDIS_URL is set, on that server. The demo uses index 0; tests 1; the benchmark 2.
throwaway_redis() {
  if [ -n "${REDIS_URL:-}" ]; then
    local base="${REDIS_URL%%\?*}"
    base="$(sed -E 's#^(rediss?://[^/]+).*#\1#' <<<"$base")"
    export REDIS_URL="$base/$1"
  else
    start_redis
    export REDIS_URL="$(local_redis_url "$1")"
  fi
  redis-cli -u "$REDIS_URL" flushdb >/dev/null
}

wait_for_http() { # URL HOST TIMEOUT_S
  for _ in $(seq 1 $(( $3 * 4 ))); do
    curl -fsS -o /dev/null -H "Host: $2" "$1" 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}

source "$(dirname "${BASH_SOURCE[0]}")/freeradius.sh"
