// Tracing across processes' seams, with an in-memory exporter: an HTTP request to a tRPC
// procedure that enqueues a job, the worker running that job, and the job's call to the payment
// gateway (the Tripay simulator over loopback) are one trace, each span the child of the one
// before; Prisma queries, Redis commands and the HTTP call itself are recorded in it; log
// lines carry the trace id.
import { vi } from "vitest";

// This file's queues live in their own Redis database, so no other file's worker takes its job.
vi.hoisted(() => {
  process.env.REDIS_URL = (process.env.REDIS_URL ?? "redis://127.0.0.1:63799/1").replace(/\/\d+$/, "") + "/7";
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { QueueEvents } from "bullmq";
import { SpanKind, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { unsafeSystemDb, closeDb } from "@/server/db/unsafe-system-db";
import { defineJob } from "@/server/jobs/define-job";
import { enqueue } from "@/server/jobs/enqueue";
import { closeQueues, getQueue, QUEUE_PREFIX } from "@/server/jobs/queues";
import { findJob } from "@/server/jobs/registry";
import { createLogger } from "@/server/log/logger";
import { createTripayGateway } from "@/server/modules/billing/gateway/tripay.adapter";
import { closeRedis, createRedis, redis } from "@/server/redis/client";
import { sendFetchResponse, toFetchRequest } from "@/server/http/node-fetch-bridge";
import { handleTrpcRequest } from "@/server/trpc/http-handler";
import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { startTripaySim, type TripaySim } from "@/sim/payment-gateway/tripay-sim";
import { traceHttpRequest } from "../http-span";
import { takeTraceCarrier, TRACE_CARRIER_KEY } from "../job-trace";
import { withSpan } from "../span";
import { parseOtlpHeaders, startTracing, stopTracing } from "../tracing";
import { startWorkers, type RunningWorkers } from "@/worker/workers";

const merchant = { merchantCode: "T7002", apiKey: "DEV-trace-test-api-key-00000000001", privateKey: "trace-test-private-key" };
const exporter = new InMemorySpanExporter();
let sim: TripaySim;
let server: http.Server;
let baseUrl: string;
let running: RunningWorkers;

/** The job a request enqueues: it reads the database, then asks the gateway for a charge. */
const chargeJob = defineJob({
  name: "telemetry.test_charge",
  queue: "default",
  payload: z.object({ merchantRef: z.string().min(1) }),
  handler: async ({ merchantRef }) => {
    await unsafeSystemDb().tenant.count();
    const info = await createTripayGateway({ baseUrl: sim.sandboxBaseUrl }).createCharge(merchant, {
      merchantRef,
      method: "QRIS",
      invoice: { number: "INV/2026/000009", amountIdr: 120_000 },
      customer: { name: "Siti Aminah", email: "siti@example.test", phone: "081234500099" },
      callbackUrl: "http://demo.localhost:1/api/payments/tripay/callback",
      expiresAt: new Date(Date.now() + 3600_000),
    });
    return info.providerReference;
  },
});

const testRouter = router({
  charge: publicProcedure.input(z.object({ merchantRef: z.string() })).mutation(({ input }) => enqueue(chargeJob, input, { jobId: `trace-${input.merchantRef}` })),
});

beforeAll(async () => {
  startTracing({ exporter });
  await redis().flushdb();
  sim = await startTripaySim({ merchants: [merchant], retryDelayMs: 0 });
  running = startWorkers(["default"], (name) => (name === chargeJob.name ? chargeJob : findJob(name)));
  // The web server's request path: the request's span around the tRPC handler.
  server = http.createServer((req, res) => {
    void traceHttpRequest(req, res, { requestId: "req-trace-test", route: "trpc:charge", trustIncoming: false }, async () =>
      sendFetchResponse(await handleTrpcRequest(await toFetchRequest(req), testRouter), res),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await running?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await sim?.close();
  await Promise.all([closeQueues(), closeRedis(), closeDb()]);
  await stopTracing();
});

async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** node:http, not fetch: fetch sends the URL's host, and the Host header decides the tenant. */
function post(path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${path}`, { method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe("tracing", () => {
  it("a request, the job it enqueues and the job's gateway call are one trace", async () => {
    const merchantRef = `INV-TRACE-${Date.now()}`;
    const events = new QueueEvents("default", { connection: createRedis("test-events", { maxRetriesPerRequest: null }), prefix: QUEUE_PREFIX });
    await events.waitUntilReady();
    // A traceparent from an untrusted client is not continued.
    const foreign = "00-0123456789abcdef0123456789abcdef-0123456789abcdef-01";
    const response = await post("/api/trpc/charge", { host: "localhost", "content-type": "application/json", traceparent: foreign }, JSON.stringify({ merchantRef }));
    expect(response.status, response.body).toBe(200);
    const jobId = (JSON.parse(response.body) as { result: { data: string } }).result.data;
    const job = await getQueue("default").getJob(jobId);
    const reference = (await job!.waitUntilFinished(events, 15_000)) as string;
    expect(sim.find(reference)).toMatchObject({ merchantRef });
    await events.close();

    const spans = () => exporter.getFinishedSpans();
    const request = await until(() => spans().find((s) => s.kind === SpanKind.SERVER && s.attributes["rrnet.request_id"] === "req-trace-test"), "the request span");
    const jobSpan = await until(() => spans().find((s) => s.name === `job ${chargeJob.name}`), "the job span");
    const inTrace = spans().filter((s) => s.spanContext().traceId === request.spanContext().traceId);
    const named = (name: string) => inTrace.find((s) => s.name === name);

    expect(request.spanContext().traceId).not.toBe("0123456789abcdef0123456789abcdef");
    expect(parentOf(request)).toBeUndefined();
    const procedure = named("trpc charge");
    const producer = named(`enqueue ${chargeJob.name}`);
    const gateway = named("tripay /transaction/create");
    expect(procedure && parentOf(procedure)).toBe(request.spanContext().spanId);
    expect(producer && parentOf(producer)).toBe(procedure!.spanContext().spanId);
    expect(producer!.kind).toBe(SpanKind.PRODUCER);
    expect(jobSpan.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(jobSpan.kind).toBe(SpanKind.CONSUMER);
    expect(parentOf(jobSpan)).toBe(producer!.spanContext().spanId);
    expect(gateway && parentOf(gateway)).toBe(jobSpan.spanContext().spanId);
    expect(gateway!.kind).toBe(SpanKind.CLIENT);
    expect(gateway!.attributes).toMatchObject({ "peer.service": "tripay", "server.address": "127.0.0.1" });
    // Library instrumentation inside the same trace: the HTTP request to the gateway (fetch),
    // the Prisma query of the job, the Redis commands of the enqueue.
    const httpCall = inTrace.find((s) => s.kind === SpanKind.CLIENT && s.attributes["http.request.method"] === "POST");
    expect(httpCall && parentOf(httpCall)).toBe(gateway!.spanContext().spanId);
    expect(inTrace.some((s) => s.name.startsWith("prisma:client:operation") && parentOf(s) === jobSpan.spanContext().spanId)).toBe(true);
    expect(inTrace.some((s) => s.attributes["db.system"] === "redis" || s.attributes["db.system.name"] === "redis")).toBe(true);
  });

  it("log lines carry the active trace's id, and none outside a trace", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger(new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) }));
    const traceId = await withSpan("logging", {}, async (span) => {
      log.error("inside");
      return span.spanContext().traceId;
    });
    log.error("outside");
    expect(lines[0]).toMatchObject({ message: "inside", trace_id: traceId, span_id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(lines[1]?.message).toBe("outside");
    expect(lines[1]).not.toHaveProperty("trace_id");
    expect(trace.getActiveSpan()).toBeUndefined();
  });

  it("job data without a usable trace carrier runs in a new trace and keeps its payload", () => {
    const malformed = takeTraceCarrier({ tenantId: "t-1", [TRACE_CARRIER_KEY]: { traceparent: 42 } });
    expect(malformed.payload).toEqual({ tenantId: "t-1" });
    expect(trace.getSpanContext(malformed.parent)).toBeUndefined();
    expect(takeTraceCarrier({ tenantId: "t-1" }).payload).toEqual({ tenantId: "t-1" });
  });

  it("collector headers are read as name=value pairs, values URL-decoded", () => {
    expect(parseOtlpHeaders("x-api-key=abc%3D1, tenant = rrnet")).toEqual({ "x-api-key": "abc=1", tenant: "rrnet" });
    expect(parseOtlpHeaders(undefined)).toEqual({});
  });
});
