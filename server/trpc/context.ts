// Per-request context: request id, logger, the tenant resolved from the Host header, the
// session (filled by the identity module) and the tenant-scoped database handle.
import { forTenant, type TenantDb } from "@/server/db";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/server/http/request-id";
import { requestLogger, type Logger } from "@/server/log/logger";
import { resolveRequestHost, type HostResolution, type TenantSummary } from "@/server/tenancy/tenant-directory";

export type Session = { userId: string; tenantId: string; role: string } | null;

export type Context = {
  requestId: string;
  log: Logger;
  host: HostResolution;
  tenant: TenantSummary | null;
  session: Session;
  db: TenantDb;
};

export async function createContext({ headers }: { headers: Headers }): Promise<Context> {
  const requestId = ensureRequestId(headers.get(REQUEST_ID_HEADER));
  const host = await resolveRequestHost(headers.get("host"));
  const tenant = host.kind === "tenant" ? host.tenant : null;
  return {
    requestId,
    log: requestLogger({ requestId, tenantId: tenant?.id }),
    host,
    tenant,
    session: null,
    db: forTenant(tenant?.id ?? null),
  };
}
