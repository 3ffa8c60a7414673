#!/usr/bin/env bash
# Runs a TypeScript entry point of the server side (web server, worker, seed, benchmarks) with tsx
# under Node's `react-server` export condition, so that the `import "server-only"` markers of
# server code resolve to their empty module — as they do in Next's server bundles — instead of
# throwing. (A browser bundle that reaches such a file still fails `next build`.)
exec "$(dirname "$0")/../node_modules/.bin/tsx" --conditions=react-server "$@"
