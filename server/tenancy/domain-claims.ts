// Cross-tenant rule for custom domains (system code): a domain belongs to one tenant, but an
// unverified claim does not block the real owner forever. A pending claim older than
// PENDING_CLAIM_TTL_MS may be released when another tenant adds the domain.
import "server-only";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";

export const PENDING_CLAIM_TTL_MS = 72 * 3600_000;

/** Deletes `domain`'s claim if it is unverified and stale; true when one was released. */
export async function unsafeReleaseStaleDomainClaim(domain: string, now = Date.now()): Promise<boolean> {
  const { count } = await unsafeSystemDb().tenantDomain.deleteMany({
    where: { domain, verifiedAt: null, createdAt: { lt: new Date(now - PENDING_CLAIM_TTL_MS) } },
  });
  return count > 0;
}
