// Tenant lifecycle for the super admin: list and detail (aggregate counts, usage against the
// plan's limits), create with a first owner, suspend / reactivate, archive / restore (a soft,
// reversible delete), plan and add-ons, removing a custom domain. Every change drops the host
// cache of every process (status and domains take effect within seconds) or the entitlements
// cache (plan, add-ons), and is audited in the tenant's log and the platform log.
import { isUniqueViolation } from "@/server/db/prisma-errors";
import { forTenant } from "@/server/db";
import type { TenantStatus } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import type { AuditAction } from "@/server/modules/audit/audit.actions";
import { hashPassword } from "@/server/modules/identity/password.service";
import { getEntitlements, invalidateEntitlements } from "@/server/modules/plans/entitlements.service";
import { generatePassword } from "@/server/modules/staff/staff.service";
import { publishTenantChange } from "@/server/tenancy/tenant-directory";
import type { Prisma } from "@/server/db/generated/client";
import {
  countsForTenants,
  createTenantWithOwner,
  deleteTenantDomain,
  findAddOnsByIds,
  findPlansByIds,
  findTenantIdBySlug,
  findTenantPage,
  findTenantRow,
  listTenantAddOns,
  listTenantDomains,
  replaceTenantAddOns,
  setTenantPlan,
  transitionTenantStatus,
  type TenantCounts,
  type TenantRowData,
} from "./tenants.repository";
import {
  ZTenantListInput,
  type TCreateTenantInput,
  type TCreatedTenant,
  type TSetAddOnsInput,
  type TTenantDetail,
  type TTenantListInput,
  type TTenantPage,
  type TTenantRow,
} from "./platform.schema";

/** The operator acting, and the request facts the audit log keeps. */
export type PlatformActor = { adminId: string; email: string; requestId: string | null; ip: string | null };

function toRow(row: TenantRowData, counts: TenantCounts | undefined): TTenantRow {
  const c = counts ?? { staffActive: 0, staffTotal: 0, clients: 0, domainsVerified: 0, domainsPending: 0 };
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    timezone: row.timezone,
    plan: row.plan,
    staff: { active: c.staffActive, total: c.staffTotal },
    clients: c.clients,
    domains: { verified: c.domainsVerified, pending: c.domainsPending },
    createdAt: row.createdAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

function audit(actor: PlatformActor, tenantId: string, action: AuditAction, details?: Prisma.InputJsonValue, target?: { type: string; id: string }) {
  return recordAudit(forTenant(tenantId), tenantId, {
    action,
    actor: { type: "platform_admin", id: actor.adminId, label: actor.email },
    requestId: actor.requestId,
    ip: actor.ip,
    target: target ?? { type: "tenant", id: tenantId },
    details,
  });
}

const tenantNotFound = (tenantId: string) => new AppError("NOT_FOUND", { tenantId }, "No such tenant.");

async function getRowOrThrow(tenantId: string): Promise<TenantRowData> {
  const row = await findTenantRow(tenantId);
  if (!row) throw tenantNotFound(tenantId);
  return row;
}

export async function listTenants(input: TTenantListInput): Promise<TTenantPage> {
  const { search, status, page, pageSize } = ZTenantListInput.parse(input);
  const { rows, total } = await findTenantPage({ search, status, skip: (page - 1) * pageSize, take: pageSize });
  const counts = await countsForTenants(rows.map((r) => r.id));
  return { items: rows.map((r) => toRow(r, counts.get(r.id))), total, page, pageSize };
}

export async function getTenantOrThrow(tenantId: string): Promise<TTenantDetail> {
  const row = await getRowOrThrow(tenantId);
  const [counts, entitlements, domains, addOns] = await Promise.all([
    countsForTenants([tenantId]),
    getEntitlements(tenantId),
    listTenantDomains(tenantId),
    listTenantAddOns(tenantId),
  ]);
  const base = toRow(row, counts.get(tenantId));
  return {
    ...base,
    updatedAt: row.updatedAt.toISOString(),
    requireTwoFactor: row.requireTwoFactor,
    // Customers and routers have no tables yet: honestly 0 used.
    usage: {
      customers: { used: 0, limit: entitlements.limits.customers },
      routers: { used: 0, limit: entitlements.limits.routers },
      staff: { used: base.staff.active, limit: entitlements.limits.staff },
    },
    features: entitlements.features,
    apiRateLimitPerMinute: entitlements.apiRateLimitPerMinute,
    addOns: addOns.map((a) => ({ addOnId: a.addOn.id, code: a.addOn.code, name: a.addOn.name, active: a.addOn.active, quantity: a.quantity })),
    domainList: domains.map((d) => ({
      id: d.id,
      domain: d.domain,
      verified: d.verifiedAt !== null,
      verifiedAt: d.verifiedAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    })),
  };
}

async function getActivePlanOrThrow(planId: string) {
  const [plan] = await findPlansByIds([planId]);
  if (!plan) throw new AppError("VALIDATION_FAILED", { fields: { planId: ["No such plan"] } }, "No such plan.");
  if (!plan.active) throw new AppError("CONFLICT", { field: "planId", plan: plan.code }, "This plan is deactivated and cannot be given to a tenant.");
  return plan;
}

const slugTaken = (slug: string) => new AppError("CONFLICT", { field: "slug", slug }, `The address "${slug}" is already taken (archived tenants keep theirs).`);

export async function createTenant(actor: PlatformActor, input: TCreateTenantInput): Promise<TCreatedTenant> {
  const plan = await getActivePlanOrThrow(input.planId);
  if (await findTenantIdBySlug(input.slug)) throw slugTaken(input.slug);
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  let created: { tenantId: string; ownerUserId: string };
  try {
    created = await createTenantWithOwner({ slug: input.slug, name: input.name, timezone: input.timezone, planId: plan.id, owner: { ...input.owner, passwordHash } });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
  // A request for this slug a moment ago may have cached "no such tenant".
  await publishTenantChange(created.tenantId);
  await audit(actor, created.tenantId, "tenant.created", { slug: input.slug, plan: plan.code, ownerUserId: created.ownerUserId });
  return { tenant: await getTenantOrThrow(created.tenantId), ownerUserId: created.ownerUserId, initialPassword };
}

type Transition = { from: readonly TenantStatus[]; to: TenantStatus; action: AuditAction; verb: string };

const TRANSITIONS = {
  suspend: { from: ["active"], to: "suspended", action: "tenant.suspended", verb: "suspended" },
  reactivate: { from: ["suspended"], to: "active", action: "tenant.reactivated", verb: "reactivated" },
  archive: { from: ["active", "suspended"], to: "archived", action: "tenant.archived", verb: "archived" },
  restore: { from: ["archived"], to: "active", action: "tenant.restored", verb: "restored" },
} as const satisfies Record<string, Transition>;

export type TenantTransition = keyof typeof TRANSITIONS;

/** Suspend, reactivate, archive or restore; CONFLICT when the tenant is not in a state it applies to. */
export async function transitionTenant(actor: PlatformActor, tenantId: string, kind: TenantTransition): Promise<TTenantDetail> {
  const t: Transition = TRANSITIONS[kind];
  const before = await getRowOrThrow(tenantId);
  const moved = await transitionTenantStatus(tenantId, t.from, t.to, t.to === "archived" ? new Date() : null);
  if (!moved) {
    const now = await getRowOrThrow(tenantId);
    throw new AppError("CONFLICT", { status: now.status, wanted: t.to }, `A tenant that is ${now.status} cannot be ${t.verb}.`);
  }
  // Every process drops its host cache: the suspended page / TENANT_SUSPENDED / unknown host now.
  await publishTenantChange(tenantId);
  await audit(actor, tenantId, t.action, { from: before.status, to: t.to });
  return getTenantOrThrow(tenantId);
}

export async function changePlan(actor: PlatformActor, tenantId: string, planId: string): Promise<TTenantDetail> {
  const before = await getRowOrThrow(tenantId);
  if (before.plan.id !== planId) {
    const plan = await getActivePlanOrThrow(planId);
    await setTenantPlan(tenantId, plan.id);
    await invalidateEntitlements(tenantId);
    await audit(actor, tenantId, "tenant.plan_changed", { from: before.plan.code, to: plan.code });
  }
  return getTenantOrThrow(tenantId);
}

export async function setAddOns(actor: PlatformActor, input: TSetAddOnsInput): Promise<TTenantDetail> {
  await getRowOrThrow(input.tenantId);
  const current = await listTenantAddOns(input.tenantId);
  const held = new Set(current.map((a) => a.addOn.id));
  const found = new Map((await findAddOnsByIds(input.addOns.map((a) => a.addOnId))).map((a) => [a.id, a]));
  for (const item of input.addOns) {
    const addOn = found.get(item.addOnId);
    if (!addOn) throw new AppError("VALIDATION_FAILED", { fields: { addOns: ["No such add-on"] }, addOnId: item.addOnId }, "No such add-on.");
    // A deactivated add-on is not sold anew; a tenant that holds it may keep the row.
    if (!addOn.active && !held.has(addOn.id)) throw new AppError("CONFLICT", { addOn: addOn.code }, `The add-on ${addOn.code} is deactivated.`);
  }
  await replaceTenantAddOns(input.tenantId, input.addOns);
  await invalidateEntitlements(input.tenantId);
  const codes = input.addOns.map((a) => ({ addOn: found.get(a.addOnId)!.code, quantity: a.quantity }));
  await audit(actor, input.tenantId, "tenant.addons_changed", { addOns: codes });
  return getTenantOrThrow(input.tenantId);
}

export async function removeTenantDomain(actor: PlatformActor, tenantId: string, domainId: string): Promise<TTenantDetail> {
  await getRowOrThrow(tenantId);
  const removed = await deleteTenantDomain(tenantId, domainId);
  if (!removed) throw new AppError("NOT_FOUND", { domainId }, "No such domain for this tenant.");
  await publishTenantChange(tenantId);
  await audit(actor, tenantId, "domain.removed", { domain: removed.domain, by: "platform" }, { type: "domain", id: domainId });
  return getTenantOrThrow(tenantId);
}
