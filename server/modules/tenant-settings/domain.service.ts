// A tenant's custom domains: add (gets a verification token), verify through a DNS TXT record
// `_rrnet-verify.<domain>` = `rrnet-verify=<token>`, remove. The proxy serves a domain only once
// it is verified, and a domain belongs to one tenant only (unique in the database).
import "server-only";
import { randomBytes } from "node:crypto";
import type { UserActor } from "@/server/actor/actor";
import { env } from "@/server/config/env";
import type { TenantDb } from "@/server/db";
import { AppError, fieldError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { normaliseHost } from "@/server/tenancy/resolve-host";
import { publishTenantChange } from "@/server/tenancy/tenant-directory";
import { dnsTxtResolver, type DnsTxtResolver } from "./dns-resolver";
import { createDomainRow, deleteDomainRow, findDomainRow, isUniqueViolation, listDomainRows, markDomainVerified, type DomainRow } from "./domain.repository";
import type { TCustomDomain, TVerificationMismatch, TVerificationRecord } from "./tenant-settings.schema";
import { unsafeReleaseStaleDomainClaim } from "@/server/tenancy/domain-claims";

export const VERIFY_RECORD_PREFIX = "_rrnet-verify.";
const VERIFY_VALUE_PREFIX = "rrnet-verify=";
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** 32 random base32 characters (160 bits). */
export function newVerificationToken(): string {
  return [...randomBytes(32)].map((b) => BASE32[b & 31]).join("");
}

export function verificationRecord(domain: string, token: string): TVerificationRecord {
  return { name: `${VERIFY_RECORD_PREFIX}${domain}`, value: `${VERIFY_VALUE_PREFIX}${token}` };
}


/**
 * The host name a tenant may claim, normalised (lowercase, no port, no trailing dot), from what
 * someone typed (a pasted URL is accepted). Refuses RRNET's own domains, IP literals and
 * single-label names.
 */
export function parseCustomDomain(raw: string, rootDomain: string): string {
  const typed = raw.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/[/?#].*$/, "");
  const host = normaliseHost(typed);
  if (!host) throw fieldError("domain", "settings.domains.validation.empty");
  if (!host.includes(".")) throw fieldError("domain", "settings.domains.validation.noDot");
  // No top-level domain is numeric: this catches 10.0.0.1 and other numeric hosts.
  if (/^\d+$/.test(host.slice(host.lastIndexOf(".") + 1))) throw fieldError("domain", "settings.domains.validation.ipAddress");
  if (host === rootDomain || host.endsWith(`.${rootDomain}`)) throw fieldError("domain", "settings.domains.validation.rrnetOwn", { rootDomain });
  return host;
}

function toDomain(row: DomainRow): TCustomDomain {
  return {
    id: row.id,
    domain: row.domain,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    record: verificationRecord(row.domain, row.verificationToken),
  };
}

/** What the audit log keeps of a domain change. */
const domainEntry = (row: DomainRow) => ({ target: { type: "domain", id: row.id }, details: { domain: row.domain } });

async function getDomainOrThrow(db: TenantDb, id: string): Promise<DomainRow> {
  const row = await findDomainRow(db, { id });
  if (!row) throw new AppError("NOT_FOUND", { domainId: id }, "settings.domains.errors.notFound");
  return row;
}

export async function listDomains(db: TenantDb): Promise<TCustomDomain[]> {
  return (await listDomainRows(db)).map(toDomain);
}

export async function addDomain(db: TenantDb, actor: UserActor, rawDomain: string): Promise<TCustomDomain> {
  const domain = parseCustomDomain(rawDomain, env().ROOT_DOMAIN);
  if (await findDomainRow(db, { domain })) {
    throw new AppError("CONFLICT", { field: "domain", domain }, "settings.domains.errors.alreadyAdded");
  }
  const create = () => createDomainRow(db, { tenantId: db.tenantId, domain, verificationToken: newVerificationToken() });
  let row: DomainRow;
  try {
    row = await create();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another tenant holds it. A claim it never verified expires, so it cannot squat the
    // domain forever; a verified one, or a fresh pending one, keeps it (one tenant per domain).
    if (!(await unsafeReleaseStaleDomainClaim(domain))) {
      throw new AppError("CONFLICT", { field: "domain", domain }, "settings.domains.errors.takenByAnother");
    }
    row = await create();
  }
  await recordAudit(db, actor, { action: "domain.added", ...domainEntry(row) });
  return toDomain(row);
}

/**
 * Looks the TXT record up; on a match the domain is verified and every process's host cache is
 * dropped so it is served at once. No match: VALIDATION_FAILED with what was expected and found.
 */
export async function verifyDomain(db: TenantDb, actor: UserActor, id: string, resolver: DnsTxtResolver = dnsTxtResolver()): Promise<TCustomDomain> {
  const row = await getDomainOrThrow(db, id);
  if (row.verifiedAt) return toDomain(row);
  const expected = verificationRecord(row.domain, row.verificationToken);
  let found: string[];
  try {
    found = await resolver.resolveTxt(expected.name);
  } catch (error) {
    throw new AppError("SERVICE_UNAVAILABLE", { reason: "dns_lookup_failed", name: expected.name }, "settings.domains.errors.lookupFailed", { cause: error });
  }
  if (!found.map((v) => v.trim()).includes(expected.value)) {
    const details: TVerificationMismatch & { name: string; value: string } = { expected, found: found.slice(0, 20), name: expected.name, value: expected.value };
    throw new AppError("VALIDATION_FAILED", details, "settings.domains.errors.recordMissing");
  }
  const verified = (await markDomainVerified(db, row.id, new Date())) ?? row;
  await publishTenantChange(db.tenantId);
  await recordAudit(db, actor, { action: "domain.verified", ...domainEntry(verified) });
  return toDomain(verified);
}

export async function removeDomain(db: TenantDb, actor: UserActor, id: string): Promise<{ removed: true }> {
  const row = await getDomainOrThrow(db, id);
  if (!(await deleteDomainRow(db, row.id))) throw new AppError("NOT_FOUND", { domainId: id }, "settings.domains.errors.notFound");
  await publishTenantChange(db.tenantId);
  await recordAudit(db, actor, { action: "domain.removed", ...domainEntry(row) });
  return { removed: true };
}
