// Who decides the language: the user's own choice, else the ISP's default (set by the owner or an
// admin, audited, seen by every process at once), else Bahasa Indonesia.
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { resolveLocale } from "@/i18n/locales";
import { resolveTenantSession } from "@/server/modules/identity/session.service";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";
import { userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

async function languageOf(tenantSlug: string, sessionId: string | null) {
  const host = await resolveRequestHost(`${tenantSlug}.localhost`);
  if (host.kind !== "tenant") throw new Error("no tenant");
  const session = sessionId ? await resolveTenantSession(forTenant(host.tenant.id), { tenant: host.tenant, sessionId }) : null;
  return resolveLocale(session?.locale, host.tenant.defaultLocale);
}

describe("the language of a request", () => {
  it("is Indonesian by default, the ISP's default once set, and the user's own choice above both", async () => {
    const { tenant } = await createTenantWithUser("lang-res");
    const owner = await userWithRole(tenant, "owner");
    const finance = await userWithRole(tenant, "finance");
    expect(await languageOf(tenant.slug, null)).toBe("id");

    expect(await owner.caller.settings.setDefaultLocale({ defaultLocale: "en" })).toEqual({ defaultLocale: "en" });
    // The host cache was told: sign-in pages and users without a choice follow at once.
    expect(await languageOf(tenant.slug, null)).toBe("en");
    expect(await languageOf(tenant.slug, finance.sessionId)).toBe("en");

    expect(await finance.caller.account.setLocale({ locale: "id" })).toEqual({ locale: "id" });
    expect(await finance.caller.account.locale()).toEqual({ locale: "id" });
    expect(await languageOf(tenant.slug, finance.sessionId)).toBe("id");
    expect(await languageOf(tenant.slug, owner.sessionId)).toBe("en");
  });

  it("the ISP's default language is changed by owner and admin only, and the change is audited", async () => {
    const { tenant } = await createTenantWithUser("lang-cap");
    const admin = await userWithRole(tenant, "admin");
    const collector = await userWithRole(tenant, "collector");
    expect((await failure(collector.caller.settings.setDefaultLocale({ defaultLocale: "en" }))).code).toBe("FORBIDDEN");
    await admin.caller.settings.setDefaultLocale({ defaultLocale: "en" });
    const events = await forTenant(tenant.id).auditEvent.findMany({ where: { action: "tenant.default_locale_changed" } });
    expect(events.map((e) => e.details)).toEqual([{ from: "id", to: "en" }]);
  });

  it("refuses a language that is not ours", async () => {
    const { tenant } = await createTenantWithUser("lang-bad");
    const owner = await userWithRole(tenant, "owner");
    expect((await failure(owner.caller.account.setLocale({ locale: "fr" } as never))).code).toBe("VALIDATION_FAILED");
  });
});
