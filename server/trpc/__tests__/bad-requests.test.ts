// Bad requests are the client's fault: 4xx with { error, code, details }, never 500 INTERNAL
// (issue 10 §4). Other methods than GET/POST, a body that is not JSON, NUL bytes in strings
// (PostgreSQL refuses them in text), a period in year 0000.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { handleTrpcRequest } from "@/server/trpc/http-handler";
import { userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { closeConnections } from "@/server/testing/lifecycle";

const testRouter = router({
  echo: publicProcedure.input(z.object({ name: z.string(), tags: z.array(z.string()).optional() })).mutation(({ input }) => input),
  ping: publicProcedure.query(() => "pong"),
});

async function call(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("host", "localhost:3000");
  const res = await handleTrpcRequest(new Request(`http://localhost:3000/api/trpc/${path}`, { ...init, headers }), testRouter);
  const body = (await res.json()) as { error: { code: string; error: string; details: Record<string, unknown>; data: { rpcCode: number } } };
  return { status: res.status, allow: res.headers.get("allow"), error: body.error };
}

let caller: Awaited<ReturnType<typeof userWithRole>>["caller"];
beforeAll(async () => {
  const { tenant } = await createTenantWithUser("bad-input");
  caller = (await userWithRole(tenant, "owner")).caller;
});
afterAll(closeConnections);

describe("methods and content types on /api/trpc", () => {
  for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS"]) {
    it(`${method} answers 405 METHOD_NOT_ALLOWED in the tRPC envelope, with Allow`, async () => {
      const { status, allow, error } = await call("echo", { method, ...(method === "PUT" || method === "PATCH" ? { body: "{}" } : {}) });
      expect(status).toBe(405);
      expect(allow).toBe("GET, POST");
      expect(error).toMatchObject({ code: "METHOD_NOT_ALLOWED", error: expect.any(String), details: {} });
    });
  }

  it("a POST whose body is not JSON answers 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    for (const type of ["text/plain", "application/xml", "application/x-www-form-urlencoded"]) {
      const { status, error } = await call("echo", { method: "POST", headers: { "content-type": type }, body: '{"name":"x"}' });
      expect([type, status, error.code]).toEqual([type, 415, "UNSUPPORTED_MEDIA_TYPE"]);
    }
  });

  it("a POST without a content type answers 415 as well", async () => {
    const { status, error } = await call("echo", { method: "POST", body: '{"name":"x"}' });
    expect(status).toBe(415);
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});

describe("NUL bytes in strings", () => {
  it("are refused as VALIDATION_FAILED naming the field, before any procedure runs", async () => {
    const { status, error } = await call("echo", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "ok", tags: ["fine", "bad\u0000tag"] }),
    });
    expect(status).toBe(400);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.details.fields as object)).toEqual(["tags.1"]);
  });

  it("in a customer search answer VALIDATION_FAILED, not INTERNAL", async () => {
    expect((await failure(caller.customers.list({ q: "bud\u0000i" }))).code).toBe("VALIDATION_FAILED");
  });

  it("in a customer's name answer VALIDATION_FAILED", async () => {
    expect((await failure(caller.customers.create({ name: "Bud\u0000i", billingDay: 1 }))).code).toBe("VALIDATION_FAILED");
  });

  it("in a CSV import answer VALIDATION_FAILED", async () => {
    expect((await failure(caller.customers.importCsv({ csv: "name\nBud\u0000i\n" }))).code).toBe("VALIDATION_FAILED");
  });
});

describe("periods", () => {
  it("year 0000 is not a month: VALIDATION_FAILED", async () => {
    expect((await failure(caller.billing.dashboard({ period: "0000-01" }))).code).toBe("VALIDATION_FAILED");
  });
});
