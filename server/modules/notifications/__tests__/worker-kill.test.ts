// Exactly once when the worker really dies: 200 messages go to the Fonnte simulator through a
// real worker process (the production entry point, consuming the notification queue); it is
// killed with SIGKILL in the middle of the run and a new one started. No message reaches the
// simulator twice, every message ends settled, and only those the dead worker had in its hands
// are left "unknown" (never resent automatically: the provider may have taken them).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

// The jobs in a Redis database of their own: only the worker this file starts takes them.
vi.hoisted(() => {
  process.env.REDIS_URL = (process.env.REDIS_URL ?? "redis://127.0.0.1:6379/1").replace(/\/\d+$/, "/9");
});

import { userActor } from "@/server/actor/actor";
import { redis } from "@/server/redis/client";
import { closeConnections } from "@/server/testing/lifecycle";
import { startFonnteSim, type FonnteSim } from "@/sim/whatsapp/fonnte-sim";
import { billingTenant } from "@/server/modules/billing/__tests__/billing-fixtures";
import { notifyForEvent } from "../dispatch.service";
import { saveWhatsAppSettings } from "../whatsapp-settings.service";

const MESSAGES = 200;
const CONCURRENCY = 8;
let sim: FonnteSim;
const children: ChildProcess[] = [];

function startWorker(): { child: ChildProcess; started: Promise<void> } {
  const child = spawn("scripts/tsx-server.sh", ["worker/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", FONNTE_BASE_URL: sim.origin, WORKER_QUEUES: "notification", WORKER_CONCURRENCY: String(CONCURRENCY) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  const started = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes("worker started")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before starting: ${out.slice(-500)}`)));
  });
  return { child, started };
}

beforeAll(async () => {
  await redis().flushdb();
  // A provider that answers after 40 ms: the kill lands while calls are in flight.
  sim = await startFonnteSim({ devices: [], autoDeliver: false, replyDelayMs: 40 });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await sim.close();
  await closeConnections();
});

it("a worker killed mid-run and restarted sends no message twice", { timeout: 120_000 }, async () => {
  const t = await billingTenant("wa-kill");
  const { customer } = await t.subscriber({ startDate: "2026-10-01" });
  const token = `fonnte-${randomUUID()}`;
  sim.addDevice({ token, device: "6281100000009" });
  const actor = userActor({ tenantId: t.tenant.id, userId: t.user.id, role: "owner", email: t.user.email, name: t.user.name });
  await saveWhatsAppSettings(
    t.db,
    actor,
    { enabled: true, primaryProvider: "fonnte", fallbackProvider: null, fonnteToken: token, fonnteMinGapMs: 0, fonnteMaxGapMs: 0, fonnteDailyCap: 0, cloudPerSecond: 0, quietStartMinute: 0, quietEndMinute: 0 },
    { tenantOrigin: (slug) => `http://${slug}.localhost` },
  );
  // Each message names its own invoice number: the simulator's copy says which message it is.
  for (let i = 1; i <= MESSAGES; i++) {
    await notifyForEvent(t.db, { eventId: randomUUID(), type: "billing.invoice_issued", payload: { invoiceId: randomUUID(), customerId: customer.id, invoiceNumber: `INV/2026/K${String(i).padStart(5, "0")}`, totalIdr: 1000 + i, dueDate: "2026-12-31" } });
  }
  const taken = () => sim.messages().filter((m) => m.token === token);

  const first = startWorker();
  await first.started;
  for (let i = 0; i < 600 && taken().length < 40; i++) await new Promise((r) => setTimeout(r, 20));
  first.child.kill("SIGKILL");
  await once(first.child, "exit");
  const atKill = taken().length;
  const inFlight = await t.db.whatsAppMessage.count({ where: { status: "sending" } });
  expect(atKill).toBeGreaterThanOrEqual(40);
  expect(atKill).toBeLessThan(MESSAGES);

  const second = startWorker();
  await second.started;
  const unsettled = () => t.db.whatsAppMessage.count({ where: { status: { in: ["queued", "sending"] } } });
  for (let i = 0; i < 500 && (await unsettled()) > 0; i++) await new Promise((r) => setTimeout(r, 200));
  second.child.kill("SIGTERM");
  await once(second.child, "exit");

  const rows = await t.db.whatsAppMessage.findMany({ select: { status: true, variables: true } });
  const numberOf = (text: string) => /INV\/2026\/K\d{5}/.exec(text)?.[0];
  const received = new Map<string, number>();
  for (const m of taken()) received.set(numberOf(m.message)!, (received.get(numberOf(m.message)!) ?? 0) + 1);
  // Never twice.
  expect([...received.values()].filter((n) => n > 1)).toEqual([]);
  // All settled: sent, or unknown for the few the dead worker was sending.
  expect(rows.filter((r) => r.status !== "sent" && r.status !== "unknown")).toEqual([]);
  const unknown = rows.filter((r) => r.status === "unknown");
  expect(unknown.length).toBeLessThanOrEqual(Math.max(inFlight, CONCURRENCY));
  // Every message marked sent was taken by the provider (exactly once, above).
  for (const r of rows.filter((x) => x.status === "sent")) expect(received.get((r.variables as Record<string, string>).invoiceNumber!)).toBe(1);
  expect(taken().length).toBeGreaterThan(atKill);
  expect(rows.filter((r) => r.status === "sent").length + unknown.length).toBe(MESSAGES);
});
