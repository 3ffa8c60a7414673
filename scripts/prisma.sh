#!/usr/bin/env bash
# Runs the Prisma CLI without letting it download engine binaries: with engine "js" it uses
# its bundled WebAssembly schema engine through the pg adapter (prisma.config.ts), but it
# still checks that these paths exist before starting.
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/false}"
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-/bin/false}"
export PRISMA_HIDE_UPDATE_MESSAGE=1
exec node_modules/.bin/prisma "$@"
