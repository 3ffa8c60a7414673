// End-to-end tests on real hosts (demo.localhost, nope.localhost...) against the production
// build, in Debian's Chromium (never a downloaded browser). scripts/test.sh sets the env; the map
// draws no tiles (MAP_TILE_URL=none), so no test reaches a tile server.
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DEAD_REDIS_PORT = PORT + 1;
const server = (port: number, extraEnv: Record<string, string> = {}) => ({
  command: "scripts/tsx-server.sh server/http/web-server.ts",
  url: `http://127.0.0.1:${port}/api/version`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: { ...(process.env as Record<string, string>), NODE_ENV: "production", APP_PORT: String(port), APP_HOST: "127.0.0.1", MAP_TILE_URL: "none", ...extraEnv },
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/playwright",
  use: {
    baseURL: `http://demo.localhost:${PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } }],
  webServer: [
    server(PORT),
    // The same build with Redis unreachable: health must say so, pages must still serve.
    server(DEAD_REDIS_PORT, { REDIS_URL: "redis://127.0.0.1:1/0" }),
  ],
});
