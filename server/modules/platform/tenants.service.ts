// Tenant lifecycle for the super admin: list and detail (aggregate counts, usage against the
// plan's limits), create with a first owner, suspend / reactivate, archive / restore (a soft,
// reversible delete), plan and add-ons, removing a custom domain. Every change drops the host
// cache of every process (status and domains take effect within seconds) or the entitlements
// cache (plan, add-ons), and is audited in the tenant's log and the platform log.
import "server-only";
import type { OperatorActor } from "@/server/actor/actor";
import { isUniqueViolation } from "@/server/db/prisma-errors";
import { forTenant } from "@/server/db";
import type { TenantStatus } from "@/server/db/generated/enums";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { AppError, fieldError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { countCustomersAgainstLimit } from "@/server/modules/customers/customer.service";
import { routerSummary } from "@/server/modules/routers/router.service";
import type { AuditAction } from "@/server/modules/audit/audit.actions";
import { hashPassword } from "@/server/modules/identity/password.service";
import { getEntitlements, invalidateEntitlements } from "@/server/modules/plans/entitlements.service";
import { generatePassword } from "@/server/modules/staff/staff.service";
import { publishTenantChange } from "@/server/tenancy/tenant-directory";
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
  type TChangePlanInput,
  type TRemoveDomainInput,
  type TCreateTenantInput,
  type TCreatedTenant,
  type TSetAddOnsInput,
  type TTenantDetail,
  type TTenantListInput,
  type TTenantPage,
  type TTenantRow,
} from "./platform.schema";

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

const tenantNotFound = (tenantId: string) => new AppError("NOT_FOUND", { tenantId }, "console.tenants.errors.notFound");

async function getRowOrThrow(db: SystemDb, tenantId: string): Promise<TenantRowData> {
  const row = await findTenantRow(db, tenantId);
  if (!row) throw tenantNotFound(tenantId);
  return row;
}

export async function listTenants(db: SystemDb, input: TTenantListInput): Promise<TTenantPage> {
  const { search, status, page, pageSize } = ZTenantListInput.parse(input);
  const { rows, total } = await findTenantPage(db, { search, status, skip: (page - 1) * pageSize, take: pageSize });
  const counts = await countsForTenants(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toRow(r, counts.get(r.id))), total, page, pageSize };
}

export async function getTenantOrThrow(db: SystemDb, tenantId: string): Promise<TTenantDetail> {
  const row = await getRowOrThrow(db, tenantId);
  const tenant = forTenant(tenantId);
  const [counts, entitlements, domains, addOns, customersUsed, routers] = await Promise.all([
    countsForTenants(db, [tenantId]),
    getEntitlements(tenant),
    listTenantDomains(tenant),
    listTenantAddOns(tenant),
    // Counted as the modules count them when they enforce the limit; counts only, never a row.
    countCustomersAgainstLimit(tenant),
    routerSummary(tenant),
  ]);
  const base = toRow(row, counts.get(tenantId));
  return {
    ...base,
    updatedAt: row.updatedAt.toISOString(),
    requireTwoFactor: row.requireTwoFactor,
    usage: {
      customers: { used: customersUsed, limit: entitlements.limits.customers },
      routers: { used: routers.total, limit: entitlements.limits.routers },
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

async function getActivePlanOrThrow(db: SystemDb, planId: string) {
  const [plan] = await findPlansByIds(db, [planId]);
  if (!plan) throw fieldError("planId", "console.validation.noSuchPlan");
  if (!plan.active) throw new AppError("CONFLICT", { field: "planId", plan: plan.code }, "console.tenants.errors.planInactive");
  return plan;
}

const slugTaken = (slug: string) => new AppError("CONFLICT", { field: "slug", slug }, "console.tenants.errors.slugTaken");

export async function createTenant(db: SystemDb, actor: OperatorActor, input: TCreateTenantInput): Promise<TCreatedTenant> {
  const plan = await getActivePlanOrThrow(db, input.planId);
  if (await findTenantIdBySlug(db, input.slug)) throw slugTaken(input.slug);
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  let created: { tenantId: string; ownerUserId: string };
  try {
    created = await createTenantWithOwner(db, { slug: input.slug, name: input.name, timezone: input.timezone, planId: plan.id, owner: { ...input.owner, passwordHash } });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
  // A request for this slug a moment ago may have cached "no such tenant".
  await publishTenantChange(created.tenantId);
  await recordAudit(forTenant(created.tenantId), actor, {
    action: "tenant.created",
    target: { type: "tenant", id: created.tenantId },
    details: { slug: input.slug, plan: plan.code, ownerUserId: created.ownerUserId },
  });
  return { tenant: await getTenantOrThrow(db, created.tenantId), ownerUserId: created.ownerUserId, initialPassword };
}

type Transition = { from: readonly TenantStatus[]; to: TenantStatus; action: AuditAction };

const TRANSITIONS = {
  suspend: { from: ["active"], to: "suspended", action: "tenant.suspended" },
  reactivate: { from: ["suspended"], to: "active", action: "tenant.reactivated" },
  archive: { from: ["active", "suspended"], to: "archived", action: "tenant.archived" },
  restore: { from: ["archived"], to: "active", action: "tenant.restored" },
} as const satisfies Record<string, Transition>;

export type TenantTransition = keyof typeof TRANSITIONS;

/** Suspend, reactivate, archive or restore; CONFLICT when the tenant is not in a state it applies to. */
export async function transitionTenant(db: SystemDb, actor: OperatorActor, input: { tenantId: string; kind: TenantTransition }): Promise<TTenantDetail> {
  const { tenantId } = input;
  const t: Transition = TRANSITIONS[input.kind];
  const before = await getRowOrThrow(db, tenantId);
  const moved = await transitionTenantStatus(db, tenantId, t.from, t.to, t.to === "archived" ? new Date() : null);
  if (!moved) {
    const now = await getRowOrThrow(db, tenantId);
    throw new AppError("CONFLICT", { status: now.status, wanted: t.to, transition: input.kind }, "console.tenants.errors.transitionRefused");
  }
  // Every process drops its host cache: the suspended page / TENANT_SUSPENDED / unknown host now.
  await publishTenantChange(tenantId);
  await recordAudit(forTenant(tenantId), actor, { action: t.action, target: { type: "tenant", id: tenantId }, details: { from: before.status, to: t.to } });
  return getTenantOrThrow(db, tenantId);
}

export async function changePlan(db: SystemDb, actor: OperatorActor, input: TChangePlanInput): Promise<TTenantDetail> {
  const { tenantId, planId } = input;
  const before = await getRowOrThrow(db, tenantId);
  if (before.plan.id !== planId) {
    const plan = await getActivePlanOrThrow(db, planId);
    await setTenantPlan(db, tenantId, plan.id);
    await invalidateEntitlements(tenantId);
    await recordAudit(forTenant(tenantId), actor, { action: "tenant.plan_changed", target: { type: "tenant", id: tenantId }, details: { from: before.plan.code, to: plan.code } });
  }
  return getTenantOrThrow(db, tenantId);
}

export async function setAddOns(db: SystemDb, actor: OperatorActor, input: TSetAddOnsInput): Promise<TTenantDetail> {
  await getRowOrThrow(db, input.tenantId);
  const tenant = forTenant(input.tenantId);
  const current = await listTenantAddOns(tenant);
  const held = new Set(current.map((a) => a.addOn.id));
  const found = new Map((await findAddOnsByIds(db, input.addOns.map((a) => a.addOnId))).map((a) => [a.id, a]));
  for (const item of input.addOns) {
    const addOn = found.get(item.addOnId);
    if (!addOn) throw fieldError("addOns", "console.validation.noSuchAddOn", { addOnId: item.addOnId });
    // A deactivated add-on is not sold anew; a tenant that holds it may keep the row.
    if (!addOn.active && !held.has(addOn.id)) throw new AppError("CONFLICT", { addOn: addOn.code }, "console.tenants.errors.addOnInactive");
  }
  await replaceTenantAddOns(tenant, input.addOns);
  await invalidateEntitlements(input.tenantId);
  const codes = input.addOns.map((a) => ({ addOn: found.get(a.addOnId)!.code, quantity: a.quantity }));
  await recordAudit(tenant, actor, { action: "tenant.addons_changed", target: { type: "tenant", id: input.tenantId }, details: { addOns: codes } });
  return getTenantOrThrow(db, input.tenantId);
}

export async function removeTenantDomain(db: SystemDb, actor: OperatorActor, input: TRemoveDomainInput): Promise<TTenantDetail> {
  const { tenantId, domainId } = input;
  await getRowOrThrow(db, tenantId);
  const tenant = forTenant(tenantId);
  const removed = await deleteTenantDomain(tenant, domainId);
  if (!removed) throw new AppError("NOT_FOUND", { domainId }, "console.tenants.errors.domainNotFound");
  await publishTenantChange(tenantId);
  await recordAudit(tenant, actor, { action: "domain.removed", target: { type: "domain", id: domainId }, details: { domain: removed.domain, by: "platform" } });
  return getTenantOrThrow(db, tenantId);
}
