// WhatsApp notification benchmark (npm run bench:notify [-- --events N] [-- --kill]; the script
// scripts/bench-notify.sh recreates the scratch database first). One ISP with 2 000 customers
// sends through the WhatsApp Cloud API simulator (sim/whatsapp, a real HTTP server in this
// process) with throttles and quiet hours lifted. N `billing.invoice_issued` events (default
// 20 000; each a different invoice, ten per customer) are put on the notification queue the way
// the outbox relay does; a real worker process (worker/index.ts, WORKER_QUEUES=notification)
// turns each into its message and sends it. Timed from the first event enqueued to the last
// message settled. With --kill the worker is SIGKILLed once a third of the messages reached the
// simulator and a new one started. Prints one line:
//   bench:notify messages=20000 seconds=… per_s=… duplicates=… lost=…
// duplicates: copies beyond the first the simulator took of one message; lost: events whose
// message the simulator never took. Goal: ≥ 1 000 messages per second end to end, 0 duplicates,
// 0 lost, also with the kill. A measurement: exit 0 whether or not the goal is met, non-zero
// only when the run fails.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { randomUUID } from "node:crypto";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { userActor } from "@/server/actor/actor";
import { deliverEventJob } from "@/server/events/delivery.jobs";
import { enqueueMany } from "@/server/jobs/enqueue";
import { logger } from "@/server/log/logger";
import { saveWhatsAppSettings } from "@/server/modules/notifications/whatsapp-settings.service";
import { closeConnections } from "@/server/testing/lifecycle";
import { startCloudSim } from "@/sim/whatsapp/wa-cloud-sim";

const CUSTOMERS = 2_000;
const CONCURRENCY = "100";

class BenchError extends Error {}
function fail(message: string): never {
  throw new BenchError(message);
}

function parseArgs(argv: string[]) {
  let events = 20_000;
  let kill = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    if (flag === "--kill") kill = true;
    else if (flag === "--events") {
      const raw = inline ?? argv[++i];
      if (!raw || !/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > 1_000_000) fail(`--events needs a positive integer up to 1000000, got ${JSON.stringify(raw ?? null)}`);
      events = Number(raw);
    } else fail(`unknown argument: ${argv[i]} (use --events N, --kill)`);
  }
  return { events, kill };
}

async function seedTenant(phoneNumberId: string, accessToken: string, appSecret: string) {
  const db = unsafeSystemDb();
  const plan = await db.plan.upsert({
    where: { code: "bench-notify" },
    create: { code: "bench-notify", name: "bench", priceIdr: 0, maxCustomers: 1_000_000, maxRouters: 10, maxStaff: 10, features: [] },
    update: {},
  });
  const tenant = await db.tenant.create({ data: { slug: `bench-notify-${Date.now().toString(36)}`, name: "Bench Net", planId: plan.id } });
  const user = await db.user.create({ data: { tenantId: tenant.id, email: "owner@bench.test", name: "Owner", role: "owner", passwordHash: "x" } });
  const scoped = forTenant(tenant.id);
  await scoped.customer.createMany({
    data: Array.from({ length: CUSTOMERS }, (_, i) => ({ tenantId: tenant.id, number: i + 1, name: `Pelanggan ${i + 1}`, status: "active" as const, phone: `+62813${String(i + 1).padStart(8, "0")}` })),
  });
  const actor = userActor({ tenantId: tenant.id, userId: user.id, role: "owner", email: user.email, name: user.name });
  await saveWhatsAppSettings(
    scoped,
    actor,
    { enabled: true, primaryProvider: "wa_cloud", fallbackProvider: null, cloudPhoneNumberId: phoneNumberId, cloudAccessToken: accessToken, cloudAppSecret: appSecret, fonnteMinGapMs: 0, fonnteMaxGapMs: 0, fonnteDailyCap: 0, cloudPerSecond: 0, quietStartMinute: 0, quietEndMinute: 0 },
    { tenantOrigin: (slug) => `http://${slug}.localhost` },
  );
  const customers = await scoped.customer.findMany({ select: { id: true }, orderBy: { number: "asc" } });
  return { tenant, customers, db: scoped };
}

function startWorker(cloudBaseUrl: string): { child: ChildProcess; started: Promise<void> } {
  const child = spawn("scripts/tsx-server.sh", [...(process.env.BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []), "worker/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", WA_CLOUD_BASE_URL: cloudBaseUrl, WORKER_QUEUES: "notification", WORKER_CONCURRENCY: CONCURRENCY, RRNET_SERVICE: "bench-notify-worker" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const started = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      if (out.length < 100_000) out += d;
      if (out.includes("worker started")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => reject(new BenchError(`worker exited (${code ?? signal}) before starting: ${out.slice(-800)}`)));
  });
  return { child, started };
}

async function main() {
  const { events, kill } = parseArgs(process.argv.slice(2));
  const account = { phoneNumberId: "199000000000001", accessToken: `EAAG-bench-${randomUUID()}`, appSecret: `bench-${randomUUID()}` };
  const sim = await startCloudSim({ accounts: [account], autoDeliver: false });
  const children: ChildProcess[] = [];
  try {
    const { tenant, customers, db } = await seedTenant(account.phoneNumberId, account.accessToken, account.appSecret);
    const first = startWorker(sim.baseUrl);
    children.push(first.child);
    await first.started;

    const envelopes = Array.from({ length: events }, (_, i) => {
      const eventId = randomUUID();
      return {
        payload: {
          eventId,
          tenantId: tenant.id,
          type: "billing.invoice_issued",
          payload: { invoiceId: randomUUID(), customerId: customers[i % customers.length]!.id, invoiceNumber: `INV/2026/${String(i + 1).padStart(6, "0")}`, totalIdr: 150_000, dueDate: "2026-12-31" },
          occurredAt: new Date().toISOString(),
        },
        jobId: `event-${eventId}`,
      };
    });
    const started = performance.now();
    for (let i = 0; i < envelopes.length; i += 1000) await enqueueMany(deliverEventJob, envelopes.slice(i, i + 1000));

    const taken = () => sim.messages().length;
    if (kill) {
      while (taken() < events / 3) await new Promise((r) => setTimeout(r, 20));
      first.child.kill("SIGKILL");
      await once(first.child, "exit");
      const second = startWorker(sim.baseUrl);
      children.push(second.child);
      await second.started;
    }
    // Settled: every event has its message and none is still waiting or in a provider call.
    const deadline = Date.now() + 15 * 60_000;
    for (;;) {
      const [written, open] = await Promise.all([db.whatsAppMessage.count(), db.whatsAppMessage.count({ where: { status: { in: ["queued", "sending"] } } })]);
      if (written >= events && open === 0) break;
      if (Date.now() > deadline) fail(`not settled after 15 minutes: ${written} of ${events} messages written, ${open} still open`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;

    const copies = new Map<string, number>();
    for (const m of sim.messages()) copies.set(m.opaque ?? m.id, (copies.get(m.opaque ?? m.id) ?? 0) + 1);
    const duplicates = [...copies.values()].reduce((sum, n) => sum + n - 1, 0);
    const lost = events - copies.size;
    process.stdout.write(`bench:notify messages=${events} seconds=${seconds.toFixed(2)} per_s=${Math.round(events / seconds)} duplicates=${duplicates} lost=${lost}\n`);
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? once(c, "exit") : null)));
    await sim.close();
    await closeConnections();
  }
}

main().catch((error: unknown) => {
  if (error instanceof BenchError) process.stderr.write(`bench:notify failed: ${error.message}\n`);
  else logger().fatal({ error }, "bench:notify failed");
  process.exit(1);
});
