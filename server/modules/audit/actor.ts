// Who is acting in a tenant, as services need it for rules and the audit trail. Pure type.
import type { TenantRole } from "@/server/modules/identity/capabilities";

export type TenantActor = { tenantId: string; userId: string; role: TenantRole; email: string; requestId: string | null; ip: string | null };
