// Billing test fixtures: a tenant with customers on packages, written straight to the database.
import { randomUUID } from "node:crypto";
import { forTenant } from "@/server/db";
import { createTenantWithUser } from "@/server/testing/fixtures";

export async function billingTenant(prefix: string, settings: { taxMode?: "none" | "exclusive" | "inclusive"; taxRateBp?: number; invoiceDueDays?: number; isolationGraceDays?: number } = {}) {
  const { tenant, user } = await createTenantWithUser(prefix);
  const db = forTenant(tenant.id);
  const updated = await db.tenant.update({ where: { id: tenant.id }, data: settings });
  let customers = 0;
  const pkg = await db.servicePackage.create({
    data: { tenantId: tenant.id, name: "Home 20", priceIdr: 150_000, speedDownKbps: 20_000, speedUpKbps: 5_000, type: "pppoe" },
  });
  /** A customer (active) subscribed to `pkg` from `startDate`. */
  async function subscriber(opts: { billingDay?: number; startDate: string; discountIdr?: number; installationFeeIdr?: number; prorate?: boolean; packageId?: string; status?: "active" | "prospect" | "isolated" | "terminated" }) {
    customers += 1;
    const customer = await db.customer.create({
      data: { tenantId: tenant.id, number: customers, name: `Customer ${customers}`, status: opts.status ?? "active", billingDay: opts.billingDay ?? 1, phone: `+6281200000${String(customers).padStart(3, "0")}` },
    });
    const subscription = await db.subscription.create({
      data: {
        tenantId: tenant.id,
        customerId: customer.id,
        packageId: opts.packageId ?? pkg.id,
        startDate: new Date(`${opts.startDate}T00:00:00Z`),
        discountIdr: opts.discountIdr ?? 0,
        installationFeeIdr: opts.installationFeeIdr ?? 0,
        prorateFirstPeriod: opts.prorate ?? true,
      },
    });
    return { customer, subscription };
  }
  return { tenant: updated, user, db, pkg, subscriber };
}

export const key = () => `test-${randomUUID()}`;
