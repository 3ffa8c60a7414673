// Sessions roll: each use (at most every few minutes) pushes the expiry out by the idle time,
// never past the absolute maximum; an idle or too-old session is over.
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { nextExpiry, resolveTenantSession, SESSION_IDLE_MS, SESSION_MAX_MS } from "@/server/modules/identity/session.service";
import { summaryOf } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

describe("rolling sessions", () => {
  it("a use after a pause moves the expiry to now + idle time", async () => {
    const { tenant, session } = await createTenantWithUser("roll");
    const db = forTenant(tenant.id);
    const hourAgo = new Date(Date.now() - 3600_000);
    await db.userSession.update({ where: { id: session.id }, data: { lastSeenAt: hourAgo, expiresAt: new Date(Date.now() + 60_000) } });
    const before = Date.now();
    expect(await resolveTenantSession(db, { tenant: summaryOf(tenant), sessionId: session.id })).not.toBeNull();
    const row = await db.userSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + SESSION_IDLE_MS - 1000);
    expect(row.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("never extends past the absolute maximum, and an expired session is over", async () => {
    const created = new Date(Date.now() - SESSION_MAX_MS + 60_000);
    expect(nextExpiry(created).getTime()).toBe(created.getTime() + SESSION_MAX_MS);
    const { tenant, session } = await createTenantWithUser("roll-expired");
    const db = forTenant(tenant.id);
    await db.userSession.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveTenantSession(db, { tenant: summaryOf(tenant), sessionId: session.id })).toBeNull();
  });
});
