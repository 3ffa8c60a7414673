// The ISP's side of its RRNET subscription: the owner's page (plan, add-ons, standing, RRNET
// invoices and their payments) and the banner every staff member sees while the ISP is behind.
// Reads go through the tenant's own scoped handle.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import type { SaasStanding } from "@/server/db/generated/enums";
import { env } from "@/server/config/env";
import { AppError } from "@/server/errors/app-error";
import { can } from "@/server/modules/identity/capabilities";
import { findBillingBasis, findPastDueInvoices, findStanding, listInvoices, listPayments } from "./saas-billing.repository";
import type { TSaasNotice, TSaasSubscription } from "./saas-billing.schema";
import { toSaasInvoice, toSaasPayment } from "./saas-invoice.service";
import { fromDbDate, toDbDate } from "@/server/time/calendar-date";
import { restrictsOn, rrnetDate } from "./saas-calendar";

export async function getSubscription(db: TenantDb, now: Date = new Date()): Promise<TSaasSubscription> {
  const [basis, standing, invoices, payments, pastDue] = await Promise.all([
    findBillingBasis(db),
    findStanding(db),
    listInvoices(db),
    listPayments(db),
    findPastDueInvoices(db, toDbDate(rrnetDate(now))),
  ]);
  if (!basis || !standing) throw new AppError("TENANT_NOT_FOUND");
  const addOns = basis.addOns
    .filter((a) => a.addOn.active)
    .map((a) => ({ code: a.addOn.code, name: a.addOn.name, quantity: a.quantity, unitPriceIdr: a.addOn.priceIdr, amountIdr: a.addOn.priceIdr * a.quantity }));
  const shown = invoices.map((row) => ({ ...toSaasInvoice(row), payments: payments.filter((p) => p.saasInvoiceId === row.id).map(toSaasPayment) }));
  return {
    plan: basis.plan,
    addOns,
    monthlyIdr: basis.plan.priceIdr + addOns.reduce((sum, a) => sum + a.amountIdr, 0),
    standing: standing.saasStanding,
    standingAt: standing.saasStandingAt?.toISOString() ?? null,
    outstandingIdr: shown.reduce((sum, i) => sum + (i.status === "issued" || i.status === "overdue" ? i.outstandingIdr : 0), 0),
    overdueIdr: pastDue.reduce((sum, i) => sum + i.totalIdr - i.paidIdr, 0),
    restrictsOn: pastDue[0] ? restrictsOn(fromDbDate(pastDue[0].dueDate), env().SAAS_RESTRICT_AFTER_DAYS) : null,
    restrictAfterDays: env().SAAS_RESTRICT_AFTER_DAYS,
    paymentInstructions: env().SAAS_PAYMENT_INSTRUCTIONS ?? null,
    invoices: shown,
  };
}

/**
 * The standing banner. `standing` comes with the tenant record of this request (host cache,
 * refreshed on every change), so a tenant in good standing costs no query. Amounts and dates
 * only for holders of tenant.saas_billing: RRNET's bill is the owner's business.
 */
export async function getNotice(db: TenantDb, actor: UserActor, input: { standing: SaasStanding }, now: Date = new Date()): Promise<TSaasNotice> {
  const { standing } = input;
  if (standing === "good" || !can(actor.role, "tenant.saas_billing")) return { standing, details: null };
  const pastDue = await findPastDueInvoices(db, toDbDate(rrnetDate(now)));
  const oldest = pastDue[0];
  if (!oldest) return { standing, details: null };
  const oldestDueDate = fromDbDate(oldest.dueDate);
  return {
    standing,
    details: {
      overdueIdr: pastDue.reduce((sum, i) => sum + i.totalIdr - i.paidIdr, 0),
      oldestDueDate,
      restrictsOn: restrictsOn(oldestDueDate, env().SAAS_RESTRICT_AFTER_DAYS),
    },
  };
}
