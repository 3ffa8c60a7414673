// Shapes the tenant module returns. No server imports: shared with the UI.
import { z } from "zod";

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
