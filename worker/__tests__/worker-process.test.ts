// The worker process starts on its own entry point and stops cleanly on SIGTERM.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";

describe("worker process", () => {
  it("starts, schedules its heartbeat, and exits 0 on SIGTERM after draining", async () => {
    const child = spawn("scripts/tsx-server.sh", ["worker/index.ts"], {
      env: { ...process.env, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    for (let i = 0; i < 150 && !output.includes("worker started"); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain("worker started");
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(output).toContain("worker stopped");
    const lines = output.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    // Structured logs: RFC 3339 timestamp, level label, message.
    for (const line of lines) {
      expect(line).toMatchObject({ level: expect.any(String), message: expect.any(String), service: "worker" });
      expect(String(line.timestamp)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  }, 30_000);
});
