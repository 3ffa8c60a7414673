import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run server code outside a React Server Components bundler, where nothing can pull
      // it into a browser bundle: the marker resolves to its empty module, as in Next's server
      // layers (and `--conditions=react-server` for tsx, see package.json).
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["server/**/__tests__/**/*.test.ts", "worker/**/__tests__/**/*.test.ts", "tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    // Integration tests share one PostgreSQL and Redis; each file works in its own tenants.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
