// CSRF (server/trpc/http-handler.ts): a POST carrying the session cookie must come from a page
// of the same host; otherwise 403 CSRF_REJECTED before any procedure runs.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/server/config/env";
import { sessionCookieName } from "@/server/auth/session-cookie";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { handleTrpcRequest } from "@/server/trpc/http-handler";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { closeConnections } from "@/server/testing/lifecycle";

// A state-changing procedure that answers who called it.
const testRouter = router({
  whoami: requireCapability("dashboard.view").mutation(({ ctx }) => ctx.session.userId),
});

type Tenant = Awaited<ReturnType<typeof createTenantWithUser>>;
let a: Tenant;
let b: Tenant;
let cookie: string;
const hostOf = (t: Tenant) => `${t.tenant.slug}.localhost:3000`;

async function post(headers: Record<string, string>) {
  const host = hostOf(a);
  const res = await handleTrpcRequest(
    new Request(`http://${host}/api/trpc/whoami`, {
      method: "POST",
      headers: { host, "content-type": "application/json", ...headers },
      body: "{}",
    }),
    testRouter,
  );
  const body = (await res.json()) as { code?: string; error?: { code: string }; result?: { data: unknown } };
  return { status: res.status, code: body.code ?? body.error?.code ?? null, data: body.result?.data };
}

beforeAll(async () => {
  a = await createTenantWithUser("csrf-a");
  b = await createTenantWithUser("csrf-b");
  const token = await encode({ token: { sid: a.session.id, kind: "tenant", tid: a.tenant.id }, secret: env().AUTH_SECRET });
  cookie = `${sessionCookieName()}=${token}`;
});
afterAll(closeConnections);

describe("CSRF check on POST", () => {
  it("refuses the session cookie sent from another site with 403 CSRF_REJECTED", async () => {
    expect(await post({ cookie, origin: "https://evil.example" })).toMatchObject({ status: 403, code: "CSRF_REJECTED" });
  });

  it("refuses it from another tenant's subdomain: a sibling host is another site", async () => {
    expect(await post({ cookie, origin: `http://${hostOf(b)}` })).toMatchObject({ status: 403, code: "CSRF_REJECTED" });
  });

  it("refuses it with neither Origin nor Referer, or with Origin: null", async () => {
    expect(await post({ cookie })).toMatchObject({ status: 403, code: "CSRF_REJECTED" });
    expect(await post({ cookie, origin: "null" })).toMatchObject({ status: 403, code: "CSRF_REJECTED" });
  });

  it("refuses the same host under another scheme: https://host is not the origin of http://host", async () => {
    expect(await post({ cookie, origin: `https://${hostOf(a)}` })).toMatchObject({ status: 403, code: "CSRF_REJECTED" });
    expect(await post({ cookie, referer: `https://${hostOf(a)}/settings` })).toMatchObject({ status: 403, code: "CSRF_REJECTED" });
  });

  it("answers CSRF_REJECTED in the tRPC envelope, like every other tRPC error", async () => {
    const host = hostOf(a);
    const res = await handleTrpcRequest(
      new Request(`http://${host}/api/trpc/whoami`, { method: "POST", headers: { host, cookie, origin: "https://evil.example", "content-type": "application/json" }, body: "{}" }),
      testRouter,
    );
    expect(await res.json()).toMatchObject({ error: { code: "CSRF_REJECTED", error: expect.any(String), details: {}, data: { code: "CSRF_REJECTED", httpStatus: 403, rpcCode: -32003 } } });
  });

  it("lets a same-origin POST through to the procedure", async () => {
    expect(await post({ cookie, origin: `http://${hostOf(a)}` })).toEqual({ status: 200, code: null, data: a.user.id });
  });

  it("accepts a same-host Referer when the browser sends no Origin", async () => {
    expect(await post({ cookie, referer: `http://${hostOf(a)}/settings` })).toEqual({ status: 200, code: null, data: a.user.id });
  });

  it("does not apply without the session cookie (nothing to forge): the procedure answers AUTH_REQUIRED", async () => {
    expect(await post({ origin: "https://evil.example" })).toMatchObject({ status: 401, code: "AUTH_REQUIRED" });
  });
});
