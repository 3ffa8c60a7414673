// Shapes the tenant module returns. No server imports: shared with the UI.
import { z } from "zod";

import { ZBillingHome } from "@/server/modules/billing/billing.schema";
import { ZCollectorDay } from "@/server/modules/collections/collections.schema";
import { TENANT_ROLES } from "@/server/modules/identity/capabilities";

export const ROLES = TENANT_ROLES;

export const ZTenantProfile = z.object({
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
});
export type TTenantProfile = z.infer<typeof ZTenantProfile>;

export const ZTenantOverview = z.object({
  tenant: ZTenantProfile,
  users: z.object({
    total: z.number().int(),
    active: z.number().int(),
    byRole: z.record(z.enum(ROLES), z.number().int()),
  }),
  generatedAt: z.iso.datetime(),
});
export type TTenantOverview = z.infer<typeof ZTenantOverview>;

/**
 * A staff member's home page: each part present when the role works on it (billing.read,
 * collections.own, network work without billing, staff.read), null otherwise.
 */
export const ZTenantHome = z.object({
  billing: ZBillingHome.nullable(),
  collections: ZCollectorDay.nullable(),
  /** Cash held by collectors right now (collections.manage). */
  collectorsCash: z.object({ heldIdr: z.int(), collectors: z.int() }).nullable(),
  field: z.object({ prospects: z.int(), active: z.int(), isolated: z.int() }).nullable(),
  staff: z.boolean(),
  generatedAt: z.iso.datetime(),
});
export type TTenantHome = z.infer<typeof ZTenantHome>;
