// The transactional outbox: committed events reach the notification queue once, with the event
// id as job id; rolled-back events never exist; the worker validates and logs them; an event
// keeps the trace of the work that wrote it, and its delivery job continues that trace.
import { afterAll, describe, expect, it } from "vitest";
import { QueueEvents } from "bullmq";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { getQueue, QUEUE_PREFIX } from "@/server/jobs/queues";
import { enqueueMany } from "@/server/jobs/enqueue";
import { createRedis } from "@/server/redis/client";
import { closeConnections } from "@/server/testing/lifecycle";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { startWorkers } from "@/worker/workers";
import { event } from "../define-event";
import { emitEvents, relayOutbox } from "../outbox";
import { deliverEventJob } from "../delivery.jobs";
import { customerIsolated } from "@/server/modules/billing/billing.events";
import { withSpan } from "@/server/telemetry/span";
import { startTracing, stopTracing } from "@/server/telemetry/tracing";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-node";
import { TRACE_CARRIER_KEY } from "@/server/telemetry/job-trace";

afterAll(() => closeConnections());

describe("outbox", () => {
  it("an event emitted in a rolled-back transaction is never relayed", async () => {
    const { tenant } = await createTenantWithUser("outbox-rollback");
    const db = forTenant(tenant.id);
    const customerId = crypto.randomUUID();
    await db
      .$transaction(async (tx) => {
        await emitEvents(tx, [event(customerIsolated, { customerId, reason: "test" })]);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await db.outboxEvent.count()).toBe(0);
  });

  it("relays committed events to the notification queue once and empties the outbox", async () => {
    const { tenant } = await createTenantWithUser("outbox-relay");
    const db = forTenant(tenant.id);
    const customerId = crypto.randomUUID();
    await db.$transaction((tx) => emitEvents(tx, [event(customerIsolated, { customerId, reason: "overdue_invoice" })]));
    const [row] = await db.outboxEvent.findMany();
    await relayOutbox(unsafeSystemDb());
    await relayOutbox(unsafeSystemDb());
    expect(await db.outboxEvent.count()).toBe(0);
    const job = await getQueue("notification").getJob(`event-${row!.id}`);
    expect(job?.data).toMatchObject({ eventId: row!.id, tenantId: tenant.id, type: "billing.customer_isolated", payload: { customerId } });
  });

  it("the relayed job continues the trace of the work that wrote the event, not the relay's", async () => {
    const { tenant } = await createTenantWithUser("outbox-trace");
    const db = forTenant(tenant.id);
    startTracing({ exporter: new InMemorySpanExporter() });
    try {
      const writer = await withSpan("test.write_event", {}, async (span) => {
        await db.$transaction((tx) => emitEvents(tx, [event(customerIsolated, { customerId: crypto.randomUUID(), reason: "overdue_invoice" })]));
        return span.spanContext().traceId;
      });
      const [row] = await db.outboxEvent.findMany();
      expect(row!.trace).toMatchObject({ traceparent: expect.stringContaining(writer) });
      await withSpan("test.relay", {}, () => relayOutbox(unsafeSystemDb()));
      const job = await getQueue("notification").getJob(`event-${row!.id}`);
      const carrier = (job!.data as Record<string, { traceparent: string }>)[TRACE_CARRIER_KEY];
      expect(carrier?.traceparent.split("-")[1]).toBe(writer);
    } finally {
      await stopTracing();
    }
  });

  it("a relayed event whose payload does not match its type is dropped, not retried", async () => {
    const log = { info() {}, warn() {}, error() {}, debug() {} } as never;
    const envelope = { eventId: crypto.randomUUID(), tenantId: crypto.randomUUID(), type: customerIsolated.type, payload: { customerId: 42 }, occurredAt: new Date().toISOString() };
    expect(await deliverEventJob.handler(envelope, { jobId: "x", attempt: 1, log })).toEqual({ delivered: false });
  });

  it("payloads are validated when emitted", () => {
    expect(() => event(customerIsolated, { customerId: "not-a-uuid", reason: "x" })).toThrow();
  });

  it("the worker delivers a relayed event (validated against its type)", async () => {
    const running = startWorkers(["notification"]);
    const events = new QueueEvents("notification", { connection: createRedis("test-events", { maxRetriesPerRequest: null }), prefix: QUEUE_PREFIX });
    await events.waitUntilReady();
    const eventId = crypto.randomUUID();
    await enqueueMany(deliverEventJob, [
      {
        payload: { eventId, tenantId: crypto.randomUUID(), type: customerIsolated.type, payload: { customerId: crypto.randomUUID(), reason: "x" }, occurredAt: new Date().toISOString() },
        jobId: `event-${eventId}`,
      },
    ]);
    const job = await getQueue("notification").getJob(`event-${eventId}`);
    expect(await job!.waitUntilFinished(events, 15_000)).toEqual({ delivered: true });
    await events.close();
    await running.close();
  });
});
