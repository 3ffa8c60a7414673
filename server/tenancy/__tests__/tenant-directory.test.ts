// Host -> tenant resolution: cached, and dropped everywhere when a tenant changes.
import { afterAll, describe, expect, it } from "vitest";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { publishTenantChange, resolveRequestHost, tenantDirectoryListening } from "@/server/tenancy/tenant-directory";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

const waitFor = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("condition not met in time");
};

describe("tenant directory", () => {
  it("resolves a tenant by its subdomain and serves repeats from the cache", async () => {
    const { tenant } = await createTenantWithUser("dir");
    await waitFor(async () => tenantDirectoryListening());
    const first = await resolveRequestHost(`${tenant.slug}.localhost:3000`);
    expect(first).toMatchObject({ kind: "tenant", tenant: { id: tenant.id, status: "active" } });
    // Changed behind the directory's back (no publish): the cached entry still answers.
    await unsafeSystemDb().tenant.update({ where: { id: tenant.id }, data: { name: "Renamed quietly" } });
    const cached = await resolveRequestHost(`${tenant.slug}.localhost:3000`);
    expect(cached).toMatchObject({ kind: "tenant", tenant: { name: tenant.name } });
  });

  it("a published change is seen on the next request (suspension takes effect)", async () => {
    const { tenant } = await createTenantWithUser("dir-susp");
    await resolveRequestHost(`${tenant.slug}.localhost`);
    await unsafeSystemDb().tenant.update({ where: { id: tenant.id }, data: { status: "suspended" } });
    await publishTenantChange(tenant.id);
    await waitFor(async () => {
      const r = await resolveRequestHost(`${tenant.slug}.localhost`);
      return r.kind === "tenant" && r.tenant.status === "suspended";
    });
  });

  it("serves a custom domain only once it is verified", async () => {
    const { tenant } = await createTenantWithUser("dir-dom");
    const domain = `billing.${tenant.slug}.example`;
    const row = await unsafeSystemDb().tenantDomain.create({ data: { tenantId: tenant.id, domain, verificationToken: "tok" } });
    expect(await resolveRequestHost(domain)).toEqual({ kind: "unknown", host: domain });
    await unsafeSystemDb().tenantDomain.update({ where: { id: row.id }, data: { verifiedAt: new Date() } });
    await publishTenantChange(tenant.id);
    expect(await resolveRequestHost(`${domain}:443`)).toMatchObject({ kind: "tenant", tenant: { id: tenant.id } });
  });

  it("answers unknown for a slug nobody has", async () => {
    expect((await resolveRequestHost("no-such-isp.localhost")).kind).toBe("unknown");
  });
});
