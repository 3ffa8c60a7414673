#!/usr/bin/env bash
# npm run db:migration:new -- NAME [BASE]: writes prisma/migrations/<timestamp>_NAME/migration.sql
# with the SQL that takes prisma/schema.prisma as committed at BASE (default HEAD) to the working
# copy. With a driver adapter in prisma.config.ts Prisma refuses --from-url/--shadow-database-url
# and `db pull` crashes in its WebAssembly engine, so the diff is schema file to schema file: the
# committed schema is the one the existing migrations produce.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
name="${1:?usage: npm run db:migration:new -- NAME [BASE]}"
base="${2:-HEAD}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || die "NAME must be lowercase letters, digits and underscores"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
git show "$base:prisma/schema.prisma" > "$tmp/base.prisma" || die "no prisma/schema.prisma at $base"
# The adapter still opens a connection, so a scratch database must answer.
start_postgres
create_database rrnet_migration_scratch
sql="$(DATABASE_URL="$(local_database_url rrnet_migration_scratch)" bash scripts/prisma.sh migrate diff \
  --from-schema-datamodel "$tmp/base.prisma" --to-schema-datamodel prisma/schema.prisma --script 2>"$tmp/err")" \
  || { cat "$tmp/err" >&2; die "prisma migrate diff failed"; }
if ! grep -qv '^--\|^$' <<<"$sql"; then log "prisma/schema.prisma is unchanged since $base: nothing to write"; exit 0; fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"; printf '%s\n' "$sql" > "$dir/migration.sql"
log "wrote $dir/migration.sql (read it: renames show as drop + add)"
