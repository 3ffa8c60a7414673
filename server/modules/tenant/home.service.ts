// Each staff member's home page: what their role works on, from the modules that own it.
// Finance figures for billing.read, the collector's day (their custody ledger) for collections.own, cash held by collectors for collections.manage, the customers a
// technician can act on for network work without billing, user accounts for staff.read.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { billingHome } from "@/server/modules/billing/dashboard.service";
import { collectorDay } from "@/server/modules/collections/collection.service";
import { cashHeldByCollectors } from "@/server/modules/collections/commission.service";
import { countCustomersByStatus } from "@/server/modules/customers/customer.service";
import { can } from "@/server/modules/identity/capabilities";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";
import type { TTenantHome } from "./tenant.schema";

export async function roleHome(db: TenantDb, actor: UserActor, tenant: TenantSummary, now = new Date()): Promise<TTenantHome> {
  const timeZone = tenant.timezone;
  const finance = can(actor.role, "billing.read");
  const field = !finance && can(actor.role, "network.manage") && can(actor.role, "customers.read");
  const [billing, collections, collectorsCash, fieldCounts] = await Promise.all([
    finance ? billingHome(db, { timeZone, now }) : null,
    can(actor.role, "collections.own") ? collectorDay(db, { collectorId: actor.userId, timeZone, now }) : null,
    can(actor.role, "collections.manage") ? cashHeldByCollectors(db) : null,
    field ? countCustomersByStatus(db) : null,
  ]);
  return {
    billing,
    collections,
    collectorsCash,
    field: fieldCounts ? { prospects: fieldCounts.prospect, active: fieldCounts.active, isolated: fieldCounts.isolated } : null,
    staff: can(actor.role, "staff.read"),
    generatedAt: now.toISOString(),
  };
}
