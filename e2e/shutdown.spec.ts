// SIGTERM drains: a request in flight completes, then the web process exits cleanly.
import { spawn } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { PORT } from "./helpers";

test("the web server finishes in-flight requests on SIGTERM and exits 0", async () => {
  test.setTimeout(90_000);
  const port = PORT + 2;
  const child = spawn("node_modules/.bin/tsx", ["server/http/web-server.ts"], {
    env: { ...process.env, NODE_ENV: "production", APP_PORT: String(port), APP_HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  for (let i = 0; i < 200 && !output.includes("web server listening"); i++) await new Promise((r) => setTimeout(r, 100));
  expect(output).toContain("web server listening");

  // node:http, not fetch: fetch does not let a caller set the Host header.
  const inFlight = new Promise<{ status: number }>((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path: "/login", headers: { host: `demo.localhost:${port}` } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
    }).on("error", reject);
  });
  await new Promise((r) => setTimeout(r, 20));
  child.kill("SIGTERM");
  const response = await inFlight;
  expect(response.status).toBe(200);
  const [code] = await once(child, "exit");
  expect(code).toBe(0);
  expect(output).toContain("shutdown complete");
});
