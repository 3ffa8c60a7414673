// Shapes of the super-admin console (tenants, catalog, platform audit). No server imports:
// shared with the UI. Privacy by construction: no output here has a field for a person's
// email, name, phone or payments — ids, tenant facts and counts only.
import { z } from "zod";
import { ZKeysetCursor } from "@/server/pagination/keyset-cursor";
import { FEATURE_CODES, type Feature } from "@/server/modules/plans/features";
import { v, type ValidationKey } from "@/i18n/keys";

// ---------------------------------------------------------------- slugs

/** Subdomains RRNET keeps for itself (and names that would confuse ISPs' customers). */
export const RESERVED_SLUGS: readonly string[] = [
  "admin", "www", "api", "app", "mail", "static", "assets", "status", "support", "help", "billing", "portal", "rrnet",
  "root", "dashboard", "console", "login", "auth", "smtp", "ftp", "ns1", "ns2", "cdn", "docs", "blog",
];

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,30}[a-z0-9])$/;

/** Why a slug is refused (a catalogue key), or null when it is fine. The first rule that fails. */
export function slugProblem(slug: string): ValidationKey | null {
  if (slug.length < 3 || slug.length > 32) return v("console.validation.slugLength");
  if (/[A-Z]/.test(slug)) return v("console.validation.slugLowercase");
  if (!SLUG_PATTERN.test(slug)) return v("console.validation.slugPattern");
  if (RESERVED_SLUGS.includes(slug)) return v("console.validation.slugReserved");
  return null;
}

export const ZSlug = z
  .string()
  .trim()
  .superRefine((slug, ctx) => {
    const problem = slugProblem(slug);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

// ---------------------------------------------------------------- shared pieces

export const TENANT_STATUSES = ["active", "suspended", "archived"] as const;
export const ZTenantStatus = z.enum(TENANT_STATUSES);
export type TTenantStatus = z.infer<typeof ZTenantStatus>;

export const ZFeature = z.enum(FEATURE_CODES as [Feature, ...Feature[]]);

const ZCount = z.number().int().min(0);
const ZRupiah = z.number().int(v("console.validation.rupiah")).min(0).max(1_000_000_000);
const ZLimit = z.number().int().min(0).max(10_000_000);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const ZTimeZone = z.string().trim().min(1).max(64).refine(isTimeZone, v("console.validation.timeZone"));

export const ZPlanRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

// ---------------------------------------------------------------- tenants

export const ZTenantListInput = z.object({
  search: z.string().trim().max(100).optional(),
  status: ZTenantStatus.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type TTenantListInput = z.input<typeof ZTenantListInput>;

/** One row of the tenants list. The privacy test pins these keys. */
export const ZTenantRow = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  status: ZTenantStatus,
  timezone: z.string(),
  plan: ZPlanRef,
  staff: z.object({ active: ZCount, total: ZCount }),
  clients: ZCount,
  domains: z.object({ verified: ZCount, pending: ZCount }),
  createdAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
});
export type TTenantRow = z.infer<typeof ZTenantRow>;

export const ZTenantPage = z.object({
  items: z.array(ZTenantRow),
  total: ZCount,
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TTenantPage = z.infer<typeof ZTenantPage>;

const ZUsage = z.object({ used: ZCount, limit: ZCount });

export const ZTenantDomain = z.object({
  id: z.uuid(),
  domain: z.string(),
  verified: z.boolean(),
  verifiedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TTenantDomain = z.infer<typeof ZTenantDomain>;

export const ZTenantAddOn = z.object({
  addOnId: z.uuid(),
  code: z.string(),
  name: z.string(),
  quantity: z.number().int().min(1),
  active: z.boolean(),
});

export const ZTenantDetail = ZTenantRow.extend({
  updatedAt: z.iso.datetime(),
  requireTwoFactor: z.boolean(),
  usage: z.object({ customers: ZUsage, routers: ZUsage, staff: ZUsage }),
  features: z.array(ZFeature),
  apiRateLimitPerMinute: z.number().int(),
  addOns: z.array(ZTenantAddOn),
  domainList: z.array(ZTenantDomain),
});
export type TTenantDetail = z.infer<typeof ZTenantDetail>;

export const ZTenantTarget = z.object({ tenantId: z.uuid() });

export const ZCreateTenantInput = z.object({
  slug: ZSlug,
  name: z.string().trim().min(1).max(100),
  timezone: ZTimeZone.default("Asia/Jakarta"),
  planId: z.uuid(v("validation.choice")),
  owner: z.object({
    name: z.string().trim().min(1).max(100),
    email: z.string().trim().toLowerCase().max(200).pipe(z.email()),
  }),
});
export type TCreateTenantInput = z.infer<typeof ZCreateTenantInput>;

/** The initial owner password is returned once, here, and stored only as a hash. */
export const ZCreatedTenant = z.object({
  tenant: ZTenantDetail,
  ownerUserId: z.uuid(),
  initialPassword: z.string(),
});
export type TCreatedTenant = z.infer<typeof ZCreatedTenant>;

export const ZChangePlanInput = ZTenantTarget.extend({ planId: z.uuid() });
export type TChangePlanInput = z.infer<typeof ZChangePlanInput>;

export const ZSetAddOnsInput = ZTenantTarget.extend({
  addOns: z
    .array(z.object({ addOnId: z.uuid(), quantity: z.number().int().min(1).max(1000) }))
    .max(50)
    .refine((items) => new Set(items.map((i) => i.addOnId)).size === items.length, v("console.validation.eachAddOnOnce")),
});
export type TSetAddOnsInput = z.infer<typeof ZSetAddOnsInput>;

export const ZRemoveDomainInput = ZTenantTarget.extend({ domainId: z.uuid() });
export type TRemoveDomainInput = z.infer<typeof ZRemoveDomainInput>;

// ---------------------------------------------------------------- catalog

const ZCatalogCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, v("console.validation.catalogCode"));

const ZFeatureList = z.array(ZFeature).max(FEATURE_CODES.length).refine((f) => new Set(f).size === f.length, v("console.validation.eachFeatureOnce"));

export const ZPlan = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  priceIdr: z.number().int(),
  maxCustomers: z.number().int(),
  maxRouters: z.number().int(),
  maxStaff: z.number().int(),
  features: z.array(ZFeature),
  apiRateLimitPerMinute: z.number().int(),
  active: z.boolean(),
  /** Tenants on this plan (archived ones included: they can be restored). */
  tenantCount: ZCount,
  updatedAt: z.iso.datetime(),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZSavePlanInput = z.object({
  id: z.uuid().optional(),
  code: ZCatalogCode,
  name: z.string().trim().min(1).max(100),
  priceIdr: ZRupiah,
  maxCustomers: ZLimit,
  maxRouters: ZLimit,
  maxStaff: ZLimit,
  features: ZFeatureList,
  apiRateLimitPerMinute: z.number().int().min(1).max(100_000).default(600),
  active: z.boolean().default(true),
});
export type TSavePlanInput = z.infer<typeof ZSavePlanInput>;

export const ZAddOn = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  priceIdr: z.number().int(),
  extraCustomers: z.number().int(),
  extraRouters: z.number().int(),
  extraStaff: z.number().int(),
  features: z.array(ZFeature),
  active: z.boolean(),
  tenantCount: ZCount,
  updatedAt: z.iso.datetime(),
});
export type TAddOn = z.infer<typeof ZAddOn>;

export const ZSaveAddOnInput = z.object({
  id: z.uuid().optional(),
  code: ZCatalogCode,
  name: z.string().trim().min(1).max(100),
  priceIdr: ZRupiah,
  extraCustomers: ZLimit.default(0),
  extraRouters: ZLimit.default(0),
  extraStaff: ZLimit.default(0),
  features: ZFeatureList.default([]),
  active: z.boolean().default(true),
});
export type TSaveAddOnInput = z.infer<typeof ZSaveAddOnInput>;

export const ZCatalogTarget = z.object({ id: z.uuid() });

/** Deleting an item in use deactivates it instead (tenants keep what they have). */
export const ZCatalogDeleteResult = z.object({ outcome: z.enum(["deleted", "deactivated"]) });
export type TCatalogDeleteResult = z.infer<typeof ZCatalogDeleteResult>;

// ---------------------------------------------------------------- platform audit

export const ZPlatformAuditListInput = z.object({
  cursor: ZKeysetCursor.nullish(),
  limit: z.number().int().min(1).max(100).default(50),
  tenantId: z.uuid().optional(),
});
export type TPlatformAuditListInput = z.infer<typeof ZPlatformAuditListInput>;

export const ZPlatformAuditRow = z.object({
  id: z.uuid(),
  action: z.string(),
  label: z.string(),
  /** The operator's email for operator actions; "tenant staff" / "system" otherwise. */
  actorLabel: z.string().nullable(),
  tenant: z.object({ id: z.uuid(), slug: z.string().nullable(), name: z.string().nullable() }).nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  details: z.json().nullable(),
});
export type TPlatformAuditRow = z.infer<typeof ZPlatformAuditRow>;

export const ZPlatformAuditPage = z.object({ items: z.array(ZPlatformAuditRow), nextCursor: z.string().nullable() });
export type TPlatformAuditPage = z.infer<typeof ZPlatformAuditPage>;
