# shellcheck shell=bash
# FreeRADIUS 3.2 for the demo and the tests (sourced by scripts/lib/services.sh): renders the
# configuration in deploy/freeradius/raddb into $RRNET_STATE_DIR/freeradius/raddb and runs the
# daemon on loopback next to PostgreSQL. Reuses a running instance whose configuration is
# unchanged, replaces it otherwise. Production uses the same renderer: docs/RADIUS.md.

RRNET_RADIUS_AUTH_PORT="${RRNET_RADIUS_AUTH_PORT:-18120}"
RRNET_RADIUS_ACCT_PORT="${RRNET_RADIUS_ACCT_PORT:-$((RRNET_RADIUS_AUTH_PORT + 1))}"
RRNET_RADIUS_LISTEN="${RRNET_RADIUS_LISTEN:-127.0.0.1}"
# Source addresses that may be routers (each must still be in `nas`); production: 0.0.0.0/0.
RRNET_RADIUS_CLIENT_NETWORK="${RRNET_RADIUS_CLIENT_NETWORK:-127.0.0.0/8}"
RRNET_RADIUS_CLIENT_LIFETIME="${RRNET_RADIUS_CLIENT_LIFETIME:-30}"
RRNET_RADIUS_REJECT_DELAY="${RRNET_RADIUS_REJECT_DELAY:-0}"
RRNET_RADIUS_THREADS="${RRNET_RADIUS_THREADS:-16}"
RRNET_RADIUS_DB_POOL="${RRNET_RADIUS_DB_POOL:-16}"
RRNET_RADIUS_DB_USER="${RRNET_RADIUS_DB_USER:-rrnet_freeradius}"
RRNET_RADIUS_DB_PASSWORD="${RRNET_RADIUS_DB_PASSWORD:-rrnet-freeradius}"

# One instance per auth port: the demo's and the tests' run side by side on their databases.
freeradius_dir() { echo "$RRNET_STATE_DIR/freeradius-$RRNET_RADIUS_AUTH_PORT"; }

# The login role FreeRADIUS uses: a member of rrnet_radius, whose grants the migrations set
# (deploy/freeradius/roles.sql, shared with compose's radius-role service).
ensure_radius_db_role() {
  psql_admin -v user="$RRNET_RADIUS_DB_USER" -v pw="$RRNET_RADIUS_DB_PASSWORD" \
    -f "$(dirname "${BASH_SOURCE[0]}")/../../deploy/freeradius/roles.sql" >/dev/null
}

# render_freeradius_config DATABASE_URL OUT_DIR [CONF_DIR]: the repository's templates with the
# settings filled in (database from the URL, login as RRNET_RADIUS_DB_USER), to be run from
# CONF_DIR (default OUT_DIR).
render_freeradius_config() {
  local url="$1" out="$2" conf="${3:-$2}" src rest hostport db host port
  src="$(realpath "$(dirname "${BASH_SOURCE[0]}")/../../deploy/freeradius/raddb")"
  rest="${url#*://}"; rest="${rest#*@}"; hostport="${rest%%/*}"; db="${rest#*/}"; db="${db%%\?*}"
  host="${hostport%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=5432
  rm -rf "$out"; mkdir -p "$out"; cp -r "$src/." "$out/"
  # Values go into sed replacements (escape \ # &) and the password into a quoted
  # FreeRADIUS string too (escape \ "), so any password a DBA picks renders as typed.
  local pw="${RRNET_RADIUS_DB_PASSWORD//\\/\\\\}"; pw="${pw//\"/\\\"}"
  local -a expr=() pair key value
  for pair in "STATE_DIR=$(freeradius_dir)" "CONF_DIR=$conf" "LISTEN_ADDRESS=$RRNET_RADIUS_LISTEN" \
    "AUTH_PORT=$RRNET_RADIUS_AUTH_PORT" "ACCT_PORT=$RRNET_RADIUS_ACCT_PORT" \
    "CLIENT_NETWORK=$RRNET_RADIUS_CLIENT_NETWORK" "CLIENT_LIFETIME=$RRNET_RADIUS_CLIENT_LIFETIME" \
    "REJECT_DELAY=$RRNET_RADIUS_REJECT_DELAY" "THREADS=$RRNET_RADIUS_THREADS" "DB_POOL=$RRNET_RADIUS_DB_POOL" \
    "DB_HOST=$host" "DB_PORT=$port" "DB_NAME=$db" "DB_USER=$RRNET_RADIUS_DB_USER" "DB_PASSWORD=$pw"; do
    key="${pair%%=*}"; value="${pair#*=}"
    value="$(printf '%s' "$value" | sed -e 's/[\\#&]/\\&/g')"
    expr+=(-e "s#@@${key}@@#${value}#g")
  done
  local f
  while IFS= read -r -d '' f; do sed -i "${expr[@]}" "$f"; done < <(find "$out" -type f -print0)
  chmod -R go-rwx "$out"
}

freeradius_pid() {
  local pid; pid="$(cat "$(freeradius_dir)/run/freeradius.pid" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

stop_freeradius() {
  local pid; pid="$(freeradius_pid)" || return 0
  log "stopping FreeRADIUS (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

# start_freeradius: needs DATABASE_URL (migrated: the grants come with the tables). Exports the
# ports for the processes started after it (tests, simulators).
start_freeradius() {
  [ -n "${DATABASE_URL:-}" ] || die "start_freeradius needs DATABASE_URL"
  export RRNET_RADIUS_AUTH_PORT RRNET_RADIUS_ACCT_PORT RRNET_RADIUS_DB_USER RRNET_RADIUS_DB_PASSWORD
  local dir staging sum pid
  dir="$(freeradius_dir)"; staging="$dir/raddb.next"
  mkdir -p "$dir/log" "$dir/run" "$dir/radacct"
  # On another server (DATABASE_URL given) the DBA creates the roles: docs/RADIUS.md.
  if "$(pg_bindir)/pg_isready" -q -h 127.0.0.1 -p "$RRNET_PG_PORT" 2>/dev/null; then ensure_radius_db_role; fi
  render_freeradius_config "$DATABASE_URL" "$staging" "$dir/raddb"
  sum="$(cd "$staging" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
  if pid="$(freeradius_pid)" && [ "$(cat "$dir/config.sum" 2>/dev/null)" = "$sum" ]; then
    rm -rf "$staging"
    log "FreeRADIUS already running on $RRNET_RADIUS_LISTEN:$RRNET_RADIUS_AUTH_PORT (pid $pid)"
    return
  fi
  stop_freeradius
  rm -rf "$dir/raddb"; mv "$staging" "$dir/raddb"
  echo "$sum" > "$dir/config.sum"
  freeradius -C -l stdout -d "$dir/raddb" >"$dir/log/check.log" 2>&1 \
    || { tail -n 30 "$dir/log/check.log" >&2; die "FreeRADIUS configuration check failed"; }
  # Another state directory's instance serves another database: it can not be reused.
  local holder; holder="$(ss -Hlunp "sport = :$RRNET_RADIUS_AUTH_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 || true)"
  [ -z "$holder" ] || die "UDP port $RRNET_RADIUS_AUTH_PORT is held by another process (${holder}: $(ps -o args= -p "${holder#pid=}" 2>/dev/null)); stop it or set RRNET_RADIUS_AUTH_PORT"
  log "starting FreeRADIUS on $RRNET_RADIUS_LISTEN:$RRNET_RADIUS_AUTH_PORT (auth) and :$RRNET_RADIUS_ACCT_PORT (acct)"
  freeradius -d "$dir/raddb" -l "$dir/log/radius.log" \
    || { tail -n 30 "$dir/log/radius.log" >&2; die "FreeRADIUS did not start (see $dir/log/radius.log)"; }
  for _ in $(seq 1 50); do
    freeradius_pid >/dev/null && ss -Hlun "sport = :$RRNET_RADIUS_AUTH_PORT" | grep -q . && return 0
    sleep 0.1
  done
  tail -n 30 "$dir/log/radius.log" >&2; die "FreeRADIUS did not start (see $dir/log/radius.log)"
}
