// A session cookie counts only on the host it was minted for (server/trpc/context.ts): its own
// tenant's subdomain or verified custom domain. Another tenant's host, the admin host, a revoked
// row, a forged or tampered cookie: no session.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/server/config/env";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { sessionCookieName, type TSessionClaims } from "@/server/auth/session-cookie";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { createContext } from "@/server/trpc/context";
import { revokeSession } from "../session.service";
import { closeConnections } from "@/server/testing/lifecycle";

type Tenant = Awaited<ReturnType<typeof createTenantWithUser>>;
let a: Tenant;
let b: Tenant;

const hostOf = (t: Tenant) => `${t.tenant.slug}.localhost:3000`;
const token = (claims: TSessionClaims, secret = env().AUTH_SECRET) => encode({ token: claims, secret });
const cookieOf = (value: string) => `theme=light; ${sessionCookieName()}=${value}`;
const claimsOf = (t: Tenant, sid = t.session.id): TSessionClaims => ({ sid, kind: "tenant", tid: t.tenant.id });

async function sessionOn(host: string, cookie: string) {
  return (await createContext({ headers: new Headers({ host, cookie }) })).session;
}

beforeAll(async () => {
  a = await createTenantWithUser("bind-a");
  b = await createTenantWithUser("bind-b");
});
afterAll(closeConnections);

describe("tenant session cookie", () => {
  it("is a session on its own tenant's subdomain", async () => {
    const session = await sessionOn(hostOf(a), cookieOf(await token(claimsOf(a))));
    expect(session).toMatchObject({ kind: "tenant", sessionId: a.session.id, tenantId: a.tenant.id, userId: a.user.id, role: "owner" });
  });

  it("is a session on its tenant's verified custom domain", async () => {
    const domain = `isp-${randomBytes(4).toString("hex")}.example.test`;
    await unsafeSystemDb().tenantDomain.create({ data: { tenantId: a.tenant.id, domain, verificationToken: "t", verifiedAt: new Date() } });
    const session = await sessionOn(domain, cookieOf(await token(claimsOf(a))));
    expect(session).toMatchObject({ kind: "tenant", userId: a.user.id });
  });

  it("is no session on another tenant's subdomain", async () => {
    const ctx = await createContext({ headers: new Headers({ host: hostOf(b), cookie: cookieOf(await token(claimsOf(a))) }) });
    expect(ctx.tenant?.id).toBe(b.tenant.id);
    expect(ctx.session).toBeNull();
  });

  it("is no session on the admin host or the root domain", async () => {
    const cookie = cookieOf(await token(claimsOf(a)));
    expect(await sessionOn("admin.localhost:3000", cookie)).toBeNull();
    expect(await sessionOn("localhost:3000", cookie)).toBeNull();
  });

  it("claiming another tenant's id does not carry a session across (B's host, A's session id)", async () => {
    expect(await sessionOn(hostOf(b), cookieOf(await token({ sid: a.session.id, kind: "tenant", tid: b.tenant.id })))).toBeNull();
  });

  it("an operator cookie on a tenant host is no session", async () => {
    expect(await sessionOn(hostOf(a), cookieOf(await token({ sid: a.session.id, kind: "platform", tid: null })))).toBeNull();
  });

  it("a revoked session row is no session on the very next request", async () => {
    const row = await forTenant(a.tenant.id).userSession.create({ data: { tenantId: a.tenant.id, userId: a.user.id, expiresAt: new Date(Date.now() + 3600_000) } });
    const cookie = cookieOf(await token(claimsOf(a, row.id)));
    expect(await sessionOn(hostOf(a), cookie)).not.toBeNull();
    await revokeSession(forTenant(a.tenant.id), row.id);
    expect(await sessionOn(hostOf(a), cookie)).toBeNull();
  });

  it("a tampered cookie, or one signed with another secret, is no session", async () => {
    const good = await token(claimsOf(a));
    const i = Math.floor(good.length / 2);
    const tampered = good.slice(0, i) + (good[i] === "A" ? "B" : "A") + good.slice(i + 1);
    expect(await sessionOn(hostOf(a), cookieOf(tampered))).toBeNull();
    const otherSecret = await token(claimsOf(a), "another-secret-0123456789-0123456789-xyz");
    expect(await sessionOn(hostOf(a), cookieOf(otherSecret))).toBeNull();
    expect(await sessionOn(hostOf(a), cookieOf("not-a-token"))).toBeNull();
  });
});
