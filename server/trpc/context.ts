// Per-request context: request id, logger, client facts, the tenant resolved from the Host
// header, the session (validated against its database row on every request) and, on a tenant's
// host, the tenant-scoped database handle. The procedure builders (procedures.ts) add who is
// acting (`ctx.actor`) and narrow `db` to what their callers may use.
import "server-only";
import { resolveLocale, type Locale } from "@/i18n/locales";
import { forTenant, type TenantDb } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { readSessionClaims } from "@/server/auth/session-cookie";
import { CLIENT_IP_HEADER } from "@/server/http/client-ip";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/server/http/request-id";
import { requestLogger, type Logger } from "@/server/log/logger";
import { resolveTenantSession, type TenantSession } from "@/server/modules/identity/session.service";
import { resolvePlatformSession, type PlatformSession } from "@/server/modules/platform/platform-session.service";
import { resolveRequestHost, type HostResolution, type TenantSummary } from "@/server/tenancy/tenant-directory";

export type Session = TenantSession | PlatformSession | null;

export type Context = {
  requestId: string;
  log: Logger;
  ip: string | null;
  userAgent: string | null;
  host: HostResolution;
  tenant: TenantSummary | null;
  session: Session;
  /** This host's tenant's handle; null on the admin host and unknown hosts. */
  db: TenantDb | null;
  /** The language answers and pages use (i18n/locales.ts resolveLocale). */
  locale: Locale;
};

/**
 * A session counts only on the host it was minted for: a tenant session on its own tenant's
 * host (subdomain or custom domain), an operator session on the admin host.
 */
async function resolveSession(host: HostResolution, cookie: string | null): Promise<Session> {
  const claims = await readSessionClaims(cookie);
  if (!claims) return null;
  if (host.kind === "tenant" && claims.kind === "tenant" && claims.tid === host.tenant.id) {
    return resolveTenantSession(forTenant(host.tenant.id), { tenant: host.tenant, sessionId: claims.sid });
  }
  if (host.kind === "admin" && claims.kind === "platform") return resolvePlatformSession(unsafeSystemDb(), claims.sid);
  return null;
}

/** `host` when the caller has resolved it already (the tRPC endpoint does). */
export async function createContext({ headers, host: resolved }: { headers: Headers; host?: HostResolution }): Promise<Context> {
  const requestId = ensureRequestId(headers.get(REQUEST_ID_HEADER));
  const host = resolved ?? (await resolveRequestHost(headers.get("host")));
  const tenant = host.kind === "tenant" ? host.tenant : null;
  const session = await resolveSession(host, headers.get("cookie"));
  const log = requestLogger({ requestId, tenantId: tenant?.id });
  return {
    requestId,
    log: session ? log.child({ session_kind: session.kind, user_id: session.kind === "tenant" ? session.userId : session.adminId }) : log,
    ip: headers.get(CLIENT_IP_HEADER),
    userAgent: headers.get("user-agent"),
    host,
    tenant,
    session,
    db: tenant ? forTenant(tenant.id) : null,
    locale: resolveLocale(session?.locale, tenant?.defaultLocale),
  };
}
