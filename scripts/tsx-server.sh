#!/usr/bin/env bash
# Runs a TypeScript entry point of the server side (web server, worker, seed, benchmarks) with tsx
# under Node's `react-server` export condition, so that the `import "server-only"` markers of
# server code resolve to their empty module — as they do in Next's server bundles — instead of
# throwing. (A browser bundle that reaches such a file still fails `next build`.)
# tsx is loaded into this one node process (not its CLI, which runs the program in a child and
# relays signals): a SIGTERM from a supervisor reaches the program's own handlers, so it drains.
root="$(cd "$(dirname "$0")/.." && pwd)"
exec node --conditions=react-server --import "file://$root/node_modules/tsx/dist/loader.mjs" "$@"
