#!/usr/bin/env bash
# npm run demo: installs what is missing, starts PostgreSQL and Redis (unless DATABASE_URL /
# REDIS_URL point elsewhere), migrates, seeds the demo data, starts FreeRADIUS on that database,
# builds, and runs web + worker in the foreground (Ctrl-C stops both). Safe to run again: it replaces its previous run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

ensure_node_modules
ensure_packages
[ -n "${DATABASE_URL:-}" ] || { start_postgres; create_database rrnet; }
[ -n "${REDIS_URL:-}" ] || start_redis

export APP_ENV="${APP_ENV:-development}"
export APP_PORT="${APP_PORT:-3000}"
export ROOT_DOMAIN="${ROOT_DOMAIN:-localhost}"
export DATABASE_URL="${DATABASE_URL:-$(local_database_url rrnet)}"
export REDIS_URL="${REDIS_URL:-$(local_redis_url 0)}"
export RRNET_DIST_DIR=".next"
# The Tripay simulator (sim/payment-gateway): Demo Net's QRIS / virtual-account payments go there.
export TRIPAY_SIM_PORT="${TRIPAY_SIM_PORT:-3900}"
export ROUTEROS_SIM_PORT="${ROUTEROS_SIM_PORT:-3910}"
# The WhatsApp simulators (sim/whatsapp): Demo Net's messages go to Fonnte's, the Cloud API's on fallback.
export FONNTE_SIM_PORT="${FONNTE_SIM_PORT:-3901}" WA_CLOUD_SIM_PORT="${WA_CLOUD_SIM_PORT:-3902}"
export FONNTE_BASE_URL="http://127.0.0.1:$FONNTE_SIM_PORT" WA_CLOUD_BASE_URL="http://127.0.0.1:$WA_CLOUD_SIM_PORT/v21.0"

# Stop what an earlier `npm run demo` left running.
PIDS_FILE="$RRNET_STATE_DIR/demo.pids"
if [ -f "$PIDS_FILE" ]; then
  while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$PIDS_FILE"
  rm -f "$PIDS_FILE"; sleep 1
fi

log "applying migrations"; npm run --silent db:migrate >/dev/null
log "seeding demo data"; npm run --silent db:seed
start_freeradius
log "building the web app"; npx next build >"$RRNET_STATE_DIR/demo-build.log" 2>&1 || { tail -n 40 "$RRNET_STATE_DIR/demo-build.log"; die "build failed"; }

node_modules/.bin/tsx sim/payment-gateway/main.ts --host 127.0.0.1 --port "$TRIPAY_SIM_PORT" >"$RRNET_STATE_DIR/tripay-sim.log" 2>&1 & SIM_PID=$!
# Demo Net's two MikroTik routers (sim/routeros): binary API on ROUTEROS_SIM_PORT and the next port.
node_modules/.bin/tsx sim/routeros/main.ts --host 127.0.0.1 --port "$ROUTEROS_SIM_PORT" >"$RRNET_STATE_DIR/routeros-sim.log" 2>&1 & ROS_PID=$!
node_modules/.bin/tsx sim/whatsapp/main.ts --app-origin "http://demo.$ROOT_DOMAIN:$APP_PORT" >"$RRNET_STATE_DIR/whatsapp-sim.log" 2>&1 & WA_SIM_PID=$!
NODE_ENV=production scripts/tsx-server.sh worker/index.ts & WORKER_PID=$!
TRIPAY_BASE_URL="http://127.0.0.1:$TRIPAY_SIM_PORT/api-sandbox" NODE_ENV=production scripts/tsx-server.sh server/http/web-server.ts & WEB_PID=$!
printf '%s\n%s\n%s\n%s\n%s\n' "$WORKER_PID" "$WEB_PID" "$SIM_PID" "$ROS_PID" "$WA_SIM_PID" > "$PIDS_FILE"
stop() { kill "$WEB_PID" "$WORKER_PID" "$SIM_PID" "$ROS_PID" "$WA_SIM_PID" 2>/dev/null || true; wait 2>/dev/null || true; rm -f "$PIDS_FILE"; }
trap 'stop; exit 0' INT TERM

if ! wait_for_http "http://127.0.0.1:$APP_PORT/api/health" "demo.$ROOT_DOMAIN" 60; then stop; die "web server did not become healthy"; fi
if ! wait_for_http "http://127.0.0.1:$TRIPAY_SIM_PORT/__sim/transactions" "127.0.0.1:$TRIPAY_SIM_PORT" 20; then
  stop; tail -n 5 "$RRNET_STATE_DIR/tripay-sim.log" >&2; die "Tripay simulator did not start on 127.0.0.1:$TRIPAY_SIM_PORT"
fi
cat <<TXT

  RRNET is running.
    Tenant dashboard   http://demo.$ROOT_DOMAIN:$APP_PORT      (Demo Net)
    Second tenant      http://acme.$ROOT_DOMAIN:$APP_PORT      (Acme Net)
    Super-admin        http://admin.$ROOT_DOMAIN:$APP_PORT
    Landing page       http://$ROOT_DOMAIN:$APP_PORT
    Health             http://$ROOT_DOMAIN:$APP_PORT/api/health
    Tripay simulator   http://127.0.0.1:$TRIPAY_SIM_PORT/__sim/transactions   (pay: POST /__sim/pay/<reference>)
    FreeRADIUS         127.0.0.1:$RRNET_RADIUS_AUTH_PORT (auth), :$RRNET_RADIUS_ACCT_PORT (accounting)   (log: $(freeradius_dir)/log/radius.log)
    MikroTik routers   127.0.0.1:$ROUTEROS_SIM_PORT and :$((ROUTEROS_SIM_PORT + 1))   (RouterOS API simulators: Demo Net's "Demo Core" and "Demo Timur")
    WhatsApp (Fonnte)  http://127.0.0.1:$FONNTE_SIM_PORT/__sim/messages         (Cloud API: :$WA_CLOUD_SIM_PORT/__sim/messages)

  Demo logins
    super admin        admin@rrnet.local / rrnet-admin      (on admin.$ROOT_DOMAIN)
    Demo Net owner     owner@demo.local  / demo-owner       (on demo.$ROOT_DOMAIN)
    Acme Net owner     owner@acme.local  / acme-owner       (on acme.$ROOT_DOMAIN)

  Press Ctrl-C to stop.
TXT
wait
