// Every tRPC error leaves as { error, code, details } with the HTTP status of its code.
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { publicProcedure, tenantProcedure } from "@/server/trpc/procedures";
import { handleTrpcRequest } from "@/server/trpc/http-handler";
import { AppError } from "@/server/errors/app-error";
import { closeConnections } from "@/server/testing/lifecycle";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { trpcFetch } from "@/components/trpc/wire";
import { MESSAGES } from "@/i18n/messages";
import { jsonError } from "@/server/http/json";

const testRouter = router({
  echo: publicProcedure
    .input(z.object({ phone: z.string().regex(/^\+62\d{8,12}$/, "Use +62 format"), amount: z.number().int().min(0) }))
    .mutation(({ input }) => input),
  refuse: publicProcedure.query(() => {
    throw new AppError("CONFLICT", { invoice: "INV-1" });
  }),
  crash: publicProcedure.query(() => {
    throw new Error('relation "secret_table" does not exist at /srv/app/db.ts:12');
  }),
  forbidden: publicProcedure.query(() => {
    throw new AppError("FORBIDDEN", { capability: "x" });
  }),
  missing: publicProcedure.query(() => {
    throw new AppError("NOT_FOUND");
  }),
  scoped: tenantProcedure.query(({ ctx }) => ctx.tenant.slug),
  badOutput: publicProcedure.output(z.object({ amount: z.number().int() })).query(() => ({ amount: 1.5 })),
});

async function call(path: string, init: RequestInit & { host?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set("host", init.host ?? "localhost:3000");
  const res = await handleTrpcRequest(new Request(`http://localhost:3000/api/trpc/${path}`, { ...init, headers }), testRouter);
  const body = (await res.json()) as { error: { error: string; code: string; details: unknown; message: string; data: Record<string, unknown> } };
  return { status: res.status, error: body.error };
}

afterAll(closeConnections);

describe("REST errors (server/http/json.ts)", () => {
  it("carry details even when the error has none", async () => {
    expect(await jsonError(new AppError("NOT_FOUND")).json()).toEqual({ error: MESSAGES.id.errors.codes.NOT_FOUND, code: "NOT_FOUND", details: {} });
  });
});

describe("the browser's tRPC client", () => {
  it("reads our errors: message, stable code and details (components/trpc/wire.ts)", async () => {
    const realFetch = globalThis.fetch;
    // The wire without a network: requests go straight to the handler.
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set("host", "localhost:3000");
      return handleTrpcRequest(new Request(String(input), { ...init, headers }), testRouter);
    }) as typeof fetch;
    try {
      const client = createTRPCClient<typeof testRouter>({ links: [httpBatchLink({ url: "http://localhost:3000/api/trpc", fetch: trpcFetch })] });
      const error = (await client.refuse.query().catch((e: unknown) => e)) as TRPCClientError<typeof testRouter>;
      expect(error).toBeInstanceOf(TRPCClientError);
      expect(error.message).toBe(MESSAGES.id.errors.codes.CONFLICT);
      expect(error.data).toMatchObject({ code: "CONFLICT", httpStatus: 409 });
      expect(error.shape).toMatchObject({ details: { invoice: "INV-1" } });
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe("tRPC error shape", () => {
  it("bad input answers 400 VALIDATION_FAILED with per-field details", async () => {
    const { status, error } = await call("echo", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "0812", amount: 1.5 }),
    });
    expect(status).toBe(400);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.error).toBeTypeOf("string");
    // In the caller's language (Indonesian by default): a schema message that is no catalogue
    // key is replaced by the sentence of its check, never shown in English.
    expect(error.details).toMatchObject({ fields: { phone: ["Formatnya tidak sesuai."], amount: ["Masukkan bilangan bulat."] } });
  });

  it("malformed JSON answers VALIDATION_FAILED", async () => {
    const { status, error } = await call("echo", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(status).toBe(400);
    expect(error.code).toBe("VALIDATION_FAILED");
  });

  it("an AppError keeps its code, details and status", async () => {
    const { status, error } = await call("refuse");
    expect(status).toBe(409);
    expect(error).toMatchObject({ code: "CONFLICT", details: { invoice: "INV-1" } });
  });

  it("an unexpected exception answers INTERNAL without leaking its message or stack", async () => {
    const { status, error } = await call("crash");
    expect(status).toBe(500);
    expect(error.code).toBe("INTERNAL");
    expect(JSON.stringify(error)).not.toMatch(/secret_table|\/srv\/app|stack/);
  });

  it("an output that fails its schema is our bug: INTERNAL, not the client's VALIDATION_FAILED", async () => {
    const { status, error } = await call("badOutput");
    expect(status).toBe(500);
    expect(error.code).toBe("INTERNAL");
    expect(JSON.stringify(error)).not.toContain("amount");
  });

  it("a mutation sent as GET is refused", async () => {
    const { status, error } = await call("echo?input=%7B%7D");
    expect(status).toBe(405);
    expect(error.code).toBe("METHOD_NOT_ALLOWED");
  });

  it("an unknown host is refused before any procedure, with TENANT_NOT_FOUND", async () => {
    const headers = new Headers({ host: "nope-nope.localhost:3000" });
    const res = await handleTrpcRequest(new Request("http://localhost:3000/api/trpc/scoped", { headers }), testRouter);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "TENANT_NOT_FOUND", error: expect.any(String) } });
  });

  it("FORBIDDEN and NOT_FOUND carry their own JSON-RPC codes, not -32603 (internal error)", async () => {
    expect((await call("forbidden")).error.data).toMatchObject({ code: "FORBIDDEN", rpcCode: -32003 });
    expect((await call("missing")).error.data).toMatchObject({ code: "NOT_FOUND", rpcCode: -32004 });
    expect((await call("refuse")).error.data).toMatchObject({ code: "CONFLICT", rpcCode: -32009 });
  });

  it("details is always present: an empty object when the error has none", async () => {
    expect((await call("missing")).error.details).toEqual({});
  });

  it("a host refusal on /api/trpc comes in the tRPC envelope as well", async () => {
    const headers = new Headers({ host: "nope-nope.localhost:3000" });
    const res = await handleTrpcRequest(new Request("http://localhost:3000/api/trpc/scoped", { headers }), testRouter);
    expect(await res.json()).toMatchObject({ error: { code: "TENANT_NOT_FOUND", details: expect.any(Object), data: { httpStatus: 404, rpcCode: -32004 } } });
  });

  it("carries the request id", async () => {
    const { error } = await call("refuse", { headers: { "x-request-id": "trace-abc-12345" } });
    expect(error.data.requestId).toBe("trace-abc-12345");
  });
});
