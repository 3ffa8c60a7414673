#!/usr/bin/env bash
# npm run db:migration:new -- NAME: writes prisma/migrations/<timestamp>_NAME/migration.sql with
# the SQL that takes the database from the existing migrations to prisma/schema.prisma.
# (Prisma's diff against a live database is not available with driver adapters, so the
# existing migrations are applied to a scratch database, introspected, and diffed.)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
name="${1:?usage: npm run db:migration:new -- NAME}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || die "NAME must be lowercase letters, digits and underscores"
start_postgres
create_database rrnet_migration_scratch fresh
export DATABASE_URL="$(local_database_url rrnet_migration_scratch)"
bash scripts/prisma.sh migrate deploy >/dev/null
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
bash scripts/prisma.sh db pull --print 2>/dev/null | sed -n '/^generator\|^datasource\|^model\|^enum\|^view/,$p' > "$tmp/current.prisma"
sql="$(bash scripts/prisma.sh migrate diff --from-schema-datamodel "$tmp/current.prisma" --to-schema-datamodel prisma/schema.prisma --script)"
if ! grep -qv '^--\|^$' <<<"$sql"; then log "schema and migrations agree: nothing to write"; exit 0; fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"; printf '%s\n' "$sql" > "$dir/migration.sql"
log "wrote $dir/migration.sql"
