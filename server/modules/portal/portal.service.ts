// The client portal's view of one customer: the customer linked to the signed-in client user.
// An isolated customer may still see their bills and pay them; service features answer
// BILLING_OVERDUE until the arrears are settled (assertNotIsolated).
import "server-only";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { findCustomerOfUser, type CustomerRef } from "@/server/modules/customers/customer.service";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import { customerBalance } from "@/server/modules/billing/payment-query.service";
import { listCustomerInvoices } from "@/server/modules/billing/invoice.service";
import { CUSTOMER_VISIBLE_STATUSES } from "@/server/modules/billing/billing.schema";
import { listCustomerSubscriptions } from "@/server/modules/subscriptions/subscription.service";
import type { TPortalMe, TPortalService } from "./portal.schema";

export type PortalCustomer = CustomerRef;

export async function getPortalCustomerOrThrow(db: TenantDb, userId: string): Promise<PortalCustomer> {
  const customer = await findCustomerOfUser(db, userId);
  if (!customer) throw new AppError("NOT_FOUND", { reason: "no_customer_account" }, "customers.errors.portalNotLinked");
  return customer;
}

export async function assertNotIsolated(db: TenantDb, customer: PortalCustomer): Promise<void> {
  if (customer.status !== "isolated") return;
  const balance = await customerBalance(db, customer.id);
  throw new AppError("BILLING_OVERDUE", { outstandingIdr: balance.outstandingIdr, overdueIdr: balance.overdueIdr });
}

export async function portalMe(db: TenantDb, customer: PortalCustomer): Promise<TPortalMe> {
  return {
    customerId: customer.id,
    code: formatCustomerNumber(customer.number),
    name: customer.name,
    status: customer.status,
    balance: await customerBalance(db, customer.id),
  };
}

export async function portalInvoices(db: TenantDb, customer: PortalCustomer) {
  return { rows: await listCustomerInvoices(db, { customerId: customer.id, statuses: CUSTOMER_VISIBLE_STATUSES }) };
}

export async function portalService(db: TenantDb, customer: PortalCustomer): Promise<TPortalService> {
  await assertNotIsolated(db, customer);
  const { subscriptions } = await listCustomerSubscriptions(db, customer.id);
  return {
    subscriptions: subscriptions.map((s) => ({ id: s.id, packageName: s.packageName, speedDownKbps: s.speedDownKbps, speedUpKbps: s.speedUpKbps, status: s.status, startDate: s.startDate })),
  };
}
