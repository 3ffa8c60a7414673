import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["server/**/__tests__/**/*.test.ts", "worker/**/__tests__/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // Integration tests share one PostgreSQL and Redis; each file works in its own tenants.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
