#!/usr/bin/env bash
# The import boundaries of .dependency-cruiser.cjs, checked over the whole source tree; prints the
# violations (scripts/import-graph.mjs; `npm run graph` adds the figures). Part of `npm run lint`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx depcruise --config .dependency-cruiser.cjs --output-type "plugin:$PWD/scripts/import-graph.mjs" \
  app components server worker prisma bench sim proxy.ts "$@"
