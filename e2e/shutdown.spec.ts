// SIGTERM drains: a request in flight completes, then the web process exits cleanly.
import { spawn } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { PORT } from "./helpers";

test("the web server finishes in-flight requests on SIGTERM and exits 0", async () => {
  test.setTimeout(90_000);
  const port = PORT + 2;
  const child = spawn("scripts/tsx-server.sh", ["server/http/web-server.ts"], {
    env: { ...process.env, NODE_ENV: "production", APP_PORT: String(port), APP_HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  for (let i = 0; i < 200 && !output.includes("web server listening"); i++) await new Promise((r) => setTimeout(r, 100));
  expect(output).toContain("web server listening");

  // A request in flight for sure: its headers are sent (the server is handling it), its body
  // comes only after SIGTERM. node:http, not fetch: fetch does not let a caller set the Host.
  const body = JSON.stringify({ code: "123456" });
  const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method: "POST", path: "/api/trpc/account.twoFactor.begin", headers: { host: `demo.localhost:${port}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    request.on("error", reject);
    request.flushHeaders();
    setTimeout(() => {
      child.kill("SIGTERM");
      setTimeout(() => request.end(body), 300);
    }, 300);
  });
  const response = await inFlight;
  // Answered in full (no session: AUTH_REQUIRED), not cut off by the shutdown.
  expect(response.status).toBe(401);
  expect(JSON.parse(response.text)).toMatchObject({ error: { code: "AUTH_REQUIRED" } });
  const [code] = await once(child, "exit");
  expect(code).toBe(0);
  expect(output).toContain("shutdown complete");
  // The server counted the request as in flight when the signal came.
  expect(output).toMatch(/"in_flight":1[,}]/);
});
