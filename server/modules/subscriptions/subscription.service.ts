// Subscriptions: a customer on a service package from a start date, with a monthly discount, a
// one-off installation fee and a rule for charging the first period (see proration.ts). Rules:
// the customer and the package are the tenant's own, new subscriptions and package changes need
// an active package, the discount is at most the package price, an ended subscription is final
// and its end date is on or after its start date. A prospect who gets a subscription becomes an
// active customer, so the next billing run invoices them.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope } from "@/server/db";
import { AppError, fieldError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { getPackageOrThrow } from "@/server/modules/packages/package.service";
import { firstPeriod, type FirstPeriod } from "./proration";
import { fromDbDate, toDbDate } from "@/server/time/calendar-date";
import { activateProspect, getCustomerBillingDayOrThrow } from "@/server/modules/customers/customer.service";
import { createSubscriptionRow, findSubscriptionRow, listNetworkSubscriptionRows, listSubscriptionRows, updateSubscriptionRow, type NetworkSubscriptionRow, type SubscriptionRow } from "./subscription.repository";
import { emitEvents } from "@/server/events/outbox";
import { event } from "@/server/events/define-event";
import { subscriptionChanged } from "./subscriptions.events";

export type { NetworkSubscriptionRow };

/** For the network module: subscriptions of these customers, or with these ids, and their package's type and speeds. */
export function listNetworkSubscriptions(db: TenantScope, where: { customerIds?: string[]; ids?: string[] }): Promise<NetworkSubscriptionRow[]> {
  if ((where.customerIds && where.customerIds.length === 0) || (where.ids && where.ids.length === 0)) return Promise.resolve([]);
  return listNetworkSubscriptionRows(db, where);
}
import type { TCreateSubscriptionInput, TSubscription, TSubscriptionList, TUpdateSubscriptionInput } from "./subscriptions.schema";


function toSubscription(row: SubscriptionRow, billingDay: number): TSubscription {
  const startDate = fromDbDate(row.startDate);
  return {
    id: row.id,
    customerId: row.customerId,
    packageId: row.packageId,
    packageName: row.package.name,
    packagePriceIdr: row.package.priceIdr,
    packageActive: row.package.active,
    speedDownKbps: row.package.speedDownKbps,
    speedUpKbps: row.package.speedUpKbps,
    startDate,
    endDate: row.endDate ? fromDbDate(row.endDate) : null,
    prorateFirstPeriod: row.prorateFirstPeriod,
    discountIdr: row.discountIdr,
    installationFeeIdr: row.installationFeeIdr,
    status: row.status,
    billingDay,
    ...firstPeriodFacts(firstPeriod({ startDate, billingDay, priceIdr: row.package.priceIdr, discountIdr: row.discountIdr, prorate: row.prorateFirstPeriod })),
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the first period costs, and whether it is charged by days used (a full period is not). */
function firstPeriodFacts(period: FirstPeriod): { firstPeriodChargeIdr: number; firstPeriodDaysUsed: number; firstPeriodDays: number } {
  return { firstPeriodChargeIdr: period.chargeIdr, firstPeriodDaysUsed: period.daysUsed, firstPeriodDays: period.daysInPeriod };
}

async function getActivePackageOrThrow(db: TenantScope, packageId: string) {
  const pkg = await getPackageOrThrow(db, packageId);
  if (!pkg.active) throw fieldError("packageId", "customers.subscriptions.validation.packageInactive", { reason: "package_inactive" });
  return pkg;
}

function assertDiscountWithinPrice(discountIdr: number, priceIdr: number): void {
  if (discountIdr > priceIdr) throw fieldError("discountIdr", "customers.subscriptions.validation.discountTooLarge", { reason: "discount_above_price" });
}

export async function listCustomerSubscriptions(db: TenantDb, customerId: string): Promise<TSubscriptionList> {
  const billingDay = await getCustomerBillingDayOrThrow(db, customerId);
  const rows = await listSubscriptionRows(db, customerId);
  return { billingDay, subscriptions: rows.map((row) => toSubscription(row, billingDay)) };
}

export async function createSubscription(db: TenantScope, actor: UserActor, input: TCreateSubscriptionInput): Promise<TSubscription> {
  const billingDay = await getCustomerBillingDayOrThrow(db, input.customerId);
  const pkg = await getActivePackageOrThrow(db, input.packageId);
  assertDiscountWithinPrice(input.discountIdr, pkg.priceIdr);
  const row = await createSubscriptionRow(db, {
    tenantId: db.tenantId,
    customerId: input.customerId,
    packageId: pkg.id,
    startDate: toDbDate(input.startDate),
    prorateFirstPeriod: input.prorateFirstPeriod,
    discountIdr: input.discountIdr,
    installationFeeIdr: input.installationFeeIdr,
  });
  await activateProspect(db, actor, row.customerId);
  // The router account follows through the outbox (the network module converges on it).
  await emitEvents(db, [event(subscriptionChanged, { subscriptionId: row.id, customerId: row.customerId, change: "created" })]);
  await recordAudit(db, actor, {
    action: "subscription.created",
    target: { type: "subscription", id: row.id },
    details: {
      customerId: row.customerId,
      packageId: row.packageId,
      package: pkg.name,
      startDate: input.startDate,
      discountIdr: row.discountIdr,
      installationFeeIdr: row.installationFeeIdr,
    },
  });
  return toSubscription(row, billingDay);
}

export async function updateSubscription(db: TenantScope, actor: UserActor, input: TUpdateSubscriptionInput): Promise<TSubscription> {
  const before = await findSubscriptionRow(db, input.id);
  if (!before) throw new AppError("NOT_FOUND", { subscriptionId: input.id }, "customers.subscriptions.errors.notFound");
  if (before.status === "ended") throw new AppError("CONFLICT", { reason: "subscription_ended" }, "customers.subscriptions.errors.ended");
  const billingDay = await getCustomerBillingDayOrThrow(db, before.customerId);

  const packageChanged = input.packageId !== undefined && input.packageId !== before.packageId;
  const priceIdr = packageChanged ? (await getActivePackageOrThrow(db, input.packageId!)).priceIdr : before.package.priceIdr;
  const discountIdr = input.discountIdr ?? before.discountIdr;
  if (packageChanged || input.discountIdr !== undefined) assertDiscountWithinPrice(discountIdr, priceIdr);

  const status = input.status ?? before.status;
  const startDate = fromDbDate(before.startDate);
  const endDate = input.endDate === undefined ? (before.endDate ? fromDbDate(before.endDate) : null) : input.endDate;
  if (status === "ended" && endDate === null) throw fieldError("endDate", "customers.subscriptions.validation.endDateRequired", { reason: "end_date_required" });
  // Calendar dates as YYYY-MM-DD compare correctly as strings.
  if (endDate !== null && endDate < startDate) throw fieldError("endDate", "customers.subscriptions.validation.endBeforeStart", { reason: "end_before_start" });

  const data = {
    ...(packageChanged ? { packageId: input.packageId } : {}),
    ...(input.discountIdr !== undefined ? { discountIdr } : {}),
    ...(input.status !== undefined ? { status } : {}),
    ...(input.endDate !== undefined ? { endDate: endDate === null ? null : toDbDate(endDate) } : {}),
  };
  if (Object.keys(data).length === 0) return toSubscription(before, billingDay);
  const row = await updateSubscriptionRow(db, before.id, data);
  if (packageChanged || row.status !== before.status) {
    await emitEvents(db, [event(subscriptionChanged, { subscriptionId: row.id, customerId: row.customerId, change: packageChanged ? "package" : "status" })]);
  }

  const details: Record<string, string | number | boolean | null> = { customerId: row.customerId };
  if (packageChanged) Object.assign(details, { packageFrom: before.package.name, packageTo: row.package.name });
  if (row.discountIdr !== before.discountIdr) Object.assign(details, { discountFrom: before.discountIdr, discountTo: row.discountIdr });
  if (row.status !== before.status) Object.assign(details, { statusFrom: before.status, statusTo: row.status });
  const endAfter = row.endDate ? fromDbDate(row.endDate) : null;
  if (endAfter !== (before.endDate ? fromDbDate(before.endDate) : null)) details.endDate = endAfter;
  await recordAudit(db, actor, { action: "subscription.changed", target: { type: "subscription", id: row.id }, details });
  return toSubscription(row, billingDay);
}
