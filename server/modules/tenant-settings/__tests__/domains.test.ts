// Custom domains: a verification token, served only after the DNS TXT record is seen (read
// from a fixture file here), one tenant per domain, and RRNET's own names refused.
import { rmSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";
import { userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { localizeError } from "@/server/errors/localize";
import { closeConnections } from "@/server/testing/lifecycle";

// Set before env() is first read: the resolver then reads TXT records from this file.
const FIXTURE = vi.hoisted(() => {
  const file = `${process.env.TMPDIR ?? "/tmp"}/rrnet-dns-txt-${process.pid}-${Date.now()}.json`;
  process.env.DNS_TXT_FIXTURE_FILE = file;
  return file;
});

function writeTxt(records: Record<string, string[]>) {
  writeFileSync(FIXTURE, JSON.stringify(records));
}

afterAll(async () => {
  rmSync(FIXTURE, { force: true });
  await closeConnections();
});

async function adminOf(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix);
  return { tenant, ...(await userWithRole(tenant, "admin")) };
}

describe("custom domains", () => {
  it("is served only after its TXT record verifies, then resolves to the tenant", async () => {
    const { tenant, caller } = await adminOf("dom-verify");
    const domain = `billing.${tenant.slug}.example`;
    const added = await caller.settings.domains.add({ domain: `https://Billing.${tenant.slug}.example/login` });
    expect(added).toMatchObject({ domain, verifiedAt: null, record: { name: `_rrnet-verify.${domain}` } });
    expect(added.record.value).toMatch(/^rrnet-verify=[a-z2-7]{24,}$/);

    writeTxt({ [`_rrnet-verify.${domain}`]: ["rrnet-verify=someone-elses-token"] });
    const refused = await failure(caller.settings.domains.verify({ domainId: added.id }));
    expect(refused).toMatchObject({ code: "VALIDATION_FAILED", details: { expected: added.record, found: ["rrnet-verify=someone-elses-token"] } });
    expect(await resolveRequestHost(domain)).toEqual({ kind: "unknown", host: domain });

    writeTxt({ [`_rrnet-verify.${domain}`]: ["v=spf1 -all", added.record.value] });
    const verified = await caller.settings.domains.verify({ domainId: added.id });
    expect(verified.verifiedAt).not.toBeNull();
    expect(await resolveRequestHost(domain)).toMatchObject({ kind: "tenant", tenant: { id: tenant.id } });

    const audit = await forTenant(tenant.id).auditEvent.findMany({ where: { targetId: added.id } });
    expect(audit.map((e) => e.action).sort()).toEqual(["domain.added", "domain.verified"]);
    const platform = await unsafeSystemDb().platformAuditEvent.findMany({ where: { targetTenantId: tenant.id, action: "domain.verified" } });
    expect(platform).toHaveLength(1);
  });

  it("with no TXT record at all, verification reports nothing found", async () => {
    const { caller, tenant } = await adminOf("dom-none");
    const added = await caller.settings.domains.add({ domain: `portal.${tenant.slug}.example` });
    expect(await failure(caller.settings.domains.verify({ domainId: added.id }))).toMatchObject({ code: "VALIDATION_FAILED", details: { found: [] } });
  });

  it("a domain belongs to one tenant only", async () => {
    const first = await adminOf("dom-one");
    const second = await adminOf("dom-two");
    const domain = `net.${first.tenant.slug}.example`;
    await first.caller.settings.domains.add({ domain });
    expect((await failure(second.caller.settings.domains.add({ domain: domain.toUpperCase() }))).code).toBe("CONFLICT");
    expect((await failure(first.caller.settings.domains.add({ domain }))).code).toBe("CONFLICT");
    expect(await second.caller.settings.domains.list()).toEqual([]);
  });

  it("a claim never verified expires: after 72 hours another ISP may take the domain", async () => {
    const squatter = await adminOf("dom-squat");
    const owner = await adminOf("dom-real");
    const domain = `billing.${owner.tenant.slug}.example`;
    const claim = await squatter.caller.settings.domains.add({ domain });
    await unsafeSystemDb().tenantDomain.update({ where: { id: claim.id }, data: { createdAt: new Date(Date.now() - 73 * 3600_000) } });
    const taken = await owner.caller.settings.domains.add({ domain });
    expect(taken.domain).toBe(domain);
    expect(await squatter.caller.settings.domains.list()).toEqual([]);
  });

  it("refuses RRNET's own names, IP addresses and names without a dot", async () => {
    const { caller } = await adminOf("dom-bad");
    for (const domain of ["localhost", "acme.localhost", "admin.localhost", "10.1.2.3", "[::1]", "intranet", "bad_name.example", "a..b"]) {
      expect((await failure(caller.settings.domains.add({ domain }))).code, domain).toBe("VALIDATION_FAILED");
    }
  });

  it("names the domain field in the user's language, with RRNET's own root in the sentence", async () => {
    const { caller } = await adminOf("dom-words");
    const refused = await failure(caller.settings.domains.add({ domain: "acme.localhost" }));
    expect(localizeError(refused, "id").details?.fields).toEqual({ domain: ["Alamat di bawah localhost milik RRNET dan tidak dapat ditambahkan."] });
    expect(localizeError(refused, "en").details?.fields).toEqual({ domain: ["Addresses under localhost are RRNET's own and cannot be added."] });
  });

  it("removing a verified domain stops serving it", async () => {
    const { caller, tenant } = await adminOf("dom-rm");
    const domain = `www.${tenant.slug}.example`;
    const added = await caller.settings.domains.add({ domain });
    writeTxt({ [added.record.name]: [added.record.value] });
    await caller.settings.domains.verify({ domainId: added.id });
    expect((await resolveRequestHost(domain)).kind).toBe("tenant");
    await caller.settings.domains.remove({ domainId: added.id });
    expect((await resolveRequestHost(domain)).kind).toBe("unknown");
    expect((await failure(caller.settings.domains.remove({ domainId: added.id }))).code).toBe("NOT_FOUND");
  });

  it("staff without tenant.domains cannot see or change domains; other tenants' domains are not found", async () => {
    const { tenant, caller } = await adminOf("dom-cap");
    const tech = await userWithRole(tenant, "technician");
    expect((await failure(tech.caller.settings.domains.list())).code).toBe("FORBIDDEN");
    const added = await caller.settings.domains.add({ domain: `x.${tenant.slug}.example` });
    const stranger = await adminOf("dom-cap2");
    expect((await failure(stranger.caller.settings.domains.verify({ domainId: added.id }))).code).toBe("NOT_FOUND");
    expect((await failure(stranger.caller.settings.domains.remove({ domainId: added.id }))).code).toBe("NOT_FOUND");
  });
});
