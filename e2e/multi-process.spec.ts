// More than one machine (issue 17 §4): a second web process and two workers on the same
// PostgreSQL and Redis as the suite's web server. A tenant suspended through one web process is
// refused by the other within seconds (Redis pub/sub drops both caches, not the 30 s TTL);
// a scheduled job runs once per interval, not once per worker; jobs spread across workers; a
// worker killed mid-run loses nothing (its jobs are picked up by the other).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import { Queue, QueueEvents } from "bullmq";
import { expect, test } from "@playwright/test";
import { PORT, withDb } from "./helpers";

const PORT_B = PORT + 3;
const WORKER_ENV = { RRNET_SERVICE: "worker", WORKER_QUEUES: "default" };
const stamp = Date.now().toString(36);

type Proc = { name: string; child: ChildProcess; output: () => string };

function start(name: string, entry: string, env: Record<string, string>, ready: string): Promise<Proc> {
  const child = spawn("scripts/tsx-server.sh", [entry], {
    env: { ...process.env, NODE_ENV: "production", APP_HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const proc = { name, child, output: () => output };
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = setInterval(() => {
      if (output.includes(ready)) {
        clearInterval(check);
        resolve(proc);
      } else if (child.exitCode !== null || Date.now() - started > 60_000) {
        clearInterval(check);
        reject(new Error(`${name} did not start:\n${output.slice(-2000)}`));
      }
    }, 100);
  });
}

async function stop(proc: Proc, signal: NodeJS.Signals = "SIGTERM") {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = once(proc.child, "exit");
  proc.child.kill(signal);
  await exited;
}

/** GET on a host served on loopback (Node cannot resolve *.localhost): the status code. */
function statusOf(port: number, host: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path, headers: { host: `${host}:${port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", reject);
  });
}

const redisConnection = () => {
  const url = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0");
  return { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) };
};

test.describe.configure({ mode: "serial" });

test.describe("two web processes and two workers", () => {
  let webB: Proc;
  let workers: Proc[] = [];
  let queue: Queue;
  let events: QueueEvents;
  /** Every job the default queue completed while this spec runs: id -> when and by which pid. */
  const completed = new Map<string, { at: number; pid: number }>();

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    [webB, ...workers] = await Promise.all([
      start("web-b", "server/http/web-server.ts", { APP_PORT: String(PORT_B) }, "web server listening"),
      // The default queue only: the suite's WhatsApp journeys own the notification queue.
      start("worker-1", "worker/index.ts", WORKER_ENV, "worker started"),
      start("worker-2", "worker/index.ts", WORKER_ENV, "worker started"),
    ]);
    queue = new Queue("default", { connection: redisConnection(), prefix: "rrnet" });
    // Completed jobs are trimmed queue-wide (removeOnComplete counts), so outcomes are read from
    // the queue's event stream.
    events = new QueueEvents("default", { connection: redisConnection(), prefix: "rrnet" });
    events.on("completed", ({ jobId, returnvalue }) => {
      const value = (typeof returnvalue === "string" ? JSON.parse(returnvalue) : returnvalue) as { pid?: number } | null;
      completed.set(jobId, { at: Date.now(), pid: value?.pid ?? 0 });
    });
    await events.waitUntilReady();
  });

  test.afterAll(async () => {
    await events?.close();
    await queue?.close();
    await Promise.all([webB, ...workers].filter(Boolean).map((p) => stop(p)));
  });

  test("a tenant suspended through one web process is refused by the other within seconds", async ({ page }) => {
    const slug = `mp-${stamp}`;
    await withDb((db) =>
      db.query(
        `INSERT INTO "Tenant" (id, slug, name, status, "planId", "updatedAt")
         SELECT gen_random_uuid(), $1, 'Multi Proses Net', 'active', id, now() FROM "Plan" WHERE code = 'starter'`,
        [slug],
      ),
    );
    const tenantId = await withDb(async (db) => (await db.query(`SELECT id FROM "Tenant" WHERE slug = $1`, [slug])).rows[0].id as string);
    // Both processes have the tenant cached as active.
    expect(await statusOf(PORT, `${slug}.localhost`, "/api/trpc/tenant.current")).toBe(200);
    expect(await statusOf(PORT_B, `${slug}.localhost`, "/api/trpc/tenant.current")).toBe(200);

    // The operator suspends it through the first web process.
    await page.goto(`http://admin.localhost:${PORT}/login`);
    await page.getByLabel("Email").fill("admin@rrnet.local");
    await page.getByLabel("Kata sandi").fill("rrnet-admin");
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const suspended = await page.evaluate(async (id) => {
      const response = await fetch("/api/trpc/platform.tenants.suspend", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tenantId: id }) });
      return response.status;
    }, tenantId);
    expect(suspended).toBe(200);

    // The other process refuses it within seconds, long before its 30 s cache would expire.
    const since = Date.now();
    await expect.poll(() => statusOf(PORT_B, `${slug}.localhost`, "/api/trpc/tenant.current"), { timeout: 10_000, intervals: [200] }).toBe(403);
    expect(Date.now() - since).toBeLessThan(10_000);
  });

  test("a scheduled job runs once per interval, not once per worker", async () => {
    test.setTimeout(60_000);
    // The outbox relay is scheduled every 5 s; both workers upsert the same scheduler.
    const from = Date.now();
    await new Promise((r) => setTimeout(r, 16_000));
    const relays = [...completed].filter(([id, c]) => id.startsWith("repeat:events.relay:") && c.at >= from);
    // ~3 in 16 s; once per worker would be ~6.
    expect(relays.length).toBeGreaterThanOrEqual(2);
    expect(relays.length).toBeLessThanOrEqual(4);
  });

  test("jobs spread across both workers, and a worker killed mid-run loses none", async () => {
    test.setTimeout(180_000);
    const batch = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => ({ name: "system.heartbeat", data: { source: "manual" }, opts: { jobId: `mp-${stamp}-${tag}-${i}`, attempts: 3 } }));
    const done = (tag: string) => [...completed.keys()].filter((id) => id.startsWith(`mp-${stamp}-${tag}-`)).length;

    await queue.addBulk(batch(200, "spread"));
    await expect.poll(() => done("spread"), { timeout: 60_000 }).toBe(200);
    const pids = new Set([...completed].filter(([id]) => id.startsWith(`mp-${stamp}-spread-`)).map(([, c]) => c.pid));
    // The launcher script execs node: the child's pid is the one the heartbeat reports.
    expect(pids).toEqual(new Set(workers.map((w) => w.child.pid)));

    // A second batch; one worker is killed (no chance to finish what it holds) while it runs.
    await queue.addBulk(batch(300, "kill"));
    await expect.poll(() => done("kill"), { timeout: 30_000, intervals: [50] }).toBeGreaterThan(20);
    await stop(workers[0]!, "SIGKILL");
    // What it held is taken up by the other worker once its lock expires (stall detection).
    await expect.poll(() => done("kill"), { timeout: 150_000 }).toBe(300);
  });
});
