// The ISP's default language: what its sign-in and status pages (and, later, its client portal)
// are shown in, and the language of users who have not chosen their own. Cached with the tenant
// (tenant-directory), so every process drops it on change.
import "server-only";
import type { Locale } from "@/i18n/locales";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { publishTenantChange } from "@/server/tenancy/tenant-directory";
import type { TLanguageSettings } from "./tenant-settings.schema";

export async function getLanguageSettings(db: TenantDb): Promise<TLanguageSettings> {
  const tenant = await db.tenant.findFirst({ select: { defaultLocale: true } });
  if (!tenant) throw new AppError("TENANT_NOT_FOUND");
  return { defaultLocale: tenant.defaultLocale };
}

export async function setDefaultLocale(db: TenantDb, actor: UserActor, defaultLocale: Locale): Promise<TLanguageSettings> {
  const before = await getLanguageSettings(db);
  if (before.defaultLocale === defaultLocale) return before;
  // The tenant scope pins Tenant updates to the own row whatever the where says.
  await db.tenant.update({ where: { id: db.tenantId }, data: { defaultLocale } });
  await publishTenantChange(db.tenantId);
  await recordAudit(db, actor, { action: "tenant.default_locale_changed", target: { type: "tenant", id: db.tenantId }, details: { from: before.defaultLocale, to: defaultLocale } });
  return { defaultLocale };
}
