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
import { findDesiredNetworkState } from "@/server/modules/billing/isolation.service";
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

async function subscriptionsOf(db: TenantDb, customerId: string): Promise<TPortalService["subscriptions"]> {
  const { subscriptions } = await listCustomerSubscriptions(db, customerId);
  return subscriptions.map((s) => ({ id: s.id, packageName: s.packageName, speedDownKbps: s.speedDownKbps, speedUpKbps: s.speedUpKbps, status: s.status, startDate: s.startDate }));
}

/** The account page: who, status (and why when isolated), balance, package — isolated or not. */
export async function portalMe(db: TenantDb, customer: PortalCustomer): Promise<TPortalMe> {
  const [balance, subscriptions, isolation] = await Promise.all([
    customerBalance(db, customer.id),
    subscriptionsOf(db, customer.id),
    customer.status === "isolated" ? isolationOf(db, customer.id) : Promise.resolve(null),
  ]);
  return { customerId: customer.id, code: formatCustomerNumber(customer.number), name: customer.name, status: customer.status, balance, isolation, subscriptions };
}

async function isolationOf(db: TenantDb, customerId: string): Promise<TPortalMe["isolation"]> {
  const [state, invoices] = await Promise.all([findDesiredNetworkState(db, customerId), listCustomerInvoices(db, { customerId, statuses: ["overdue"] })]);
  const dueDates = invoices.map((i) => i.dueDate).filter((d): d is string => d !== null).sort();
  return { reason: state?.reason ?? "overdue_invoice", since: state?.changedAt ?? null, oldestDueDate: dueDates[0] ?? null };
}

export async function portalInvoices(db: TenantDb, customer: PortalCustomer) {
  return { rows: await listCustomerInvoices(db, { customerId: customer.id, statuses: CUSTOMER_VISIBLE_STATUSES }) };
}

export async function portalService(db: TenantDb, customer: PortalCustomer): Promise<TPortalService> {
  await assertNotIsolated(db, customer);
  return { subscriptions: await subscriptionsOf(db, customer.id) };
}
