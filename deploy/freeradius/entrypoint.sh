#!/usr/bin/env bash
# The FreeRADIUS container's start (deploy/freeradius/Dockerfile, compose service `freeradius`):
# renders the repository's templates with the same renderer the scripts use, then runs
# FreeRADIUS in the foreground, logging to stdout. Needs DATABASE_URL (host, port, database)
# and RRNET_RADIUS_DB_PASSWORD; docs/RADIUS.md lists the other settings.
set -euo pipefail
log() { printf '[rrnet-radius] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
[ -n "${DATABASE_URL:-}" ] || die "DATABASE_URL is not set"
source "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/../../scripts/lib/freeradius.sh"
dir="$(freeradius_dir)"
mkdir -p "$dir/log" "$dir/run" "$dir/radacct"
render_freeradius_config "$DATABASE_URL" "$dir/raddb"
freeradius -C -l stdout -d "$dir/raddb" >/dev/null || die "FreeRADIUS configuration check failed"
log "FreeRADIUS on $RRNET_RADIUS_LISTEN:$RRNET_RADIUS_AUTH_PORT (auth) and :$RRNET_RADIUS_ACCT_PORT (acct)"
exec freeradius -f -l stdout -d "$dir/raddb"
