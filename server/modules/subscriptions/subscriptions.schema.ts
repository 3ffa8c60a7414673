// Shapes of subscriptions (a customer on a package). No server imports: shared with the UI.
// Dates are calendar dates "YYYY-MM-DD" in the tenant's time zone; money is integer rupiah.
import { z } from "zod";
import { v } from "@/i18n/keys";
import { isCalendarDate } from "@/server/time/calendar-date";

export const SUBSCRIPTION_STATUSES = ["active", "paused", "ended"] as const;
export const ZSubscriptionStatus = z.enum(SUBSCRIPTION_STATUSES);
export type TSubscriptionStatus = z.infer<typeof ZSubscriptionStatus>;

export const ZCalendarDate = z.string().refine(isCalendarDate, v("customers.subscriptions.validation.date"));

/** Same cap as a package price: a discount is at most the price. */
const ZMoneyIdr = z.int(v("customers.subscriptions.validation.rupiah")).min(0, v("customers.subscriptions.validation.rupiah")).max(100_000_000, v("customers.subscriptions.validation.rupiahMax"));

export const ZCustomerTarget = z.object({ customerId: z.uuid() });

export const ZCreateSubscriptionInput = z.object({
  customerId: z.uuid(),
  packageId: z.uuid(v("customers.subscriptions.validation.package")),
  startDate: ZCalendarDate,
  prorateFirstPeriod: z.boolean(),
  discountIdr: ZMoneyIdr,
  installationFeeIdr: ZMoneyIdr,
});
export type TCreateSubscriptionInput = z.infer<typeof ZCreateSubscriptionInput>;

/**
 * Change a subscription: another package, a new discount, pause/resume (status active|paused)
 * or end it (status ended with an endDate on or after the start date). Omitted fields stay.
 */
export const ZUpdateSubscriptionInput = z.object({
  id: z.uuid(),
  packageId: z.uuid().optional(),
  discountIdr: ZMoneyIdr.optional(),
  status: ZSubscriptionStatus.optional(),
  endDate: ZCalendarDate.nullable().optional(),
});
export type TUpdateSubscriptionInput = z.infer<typeof ZUpdateSubscriptionInput>;

/** The add form: a new subscription's fields, for the customer whose page it is on. */
export const ZAddSubscriptionForm = ZCreateSubscriptionInput.omit({ customerId: true });
/** The change form: another package and/or discount (both shown, both sent). */
export const ZChangeSubscriptionForm = z.object({ packageId: z.uuid(v("customers.subscriptions.validation.package")), discountIdr: ZMoneyIdr });
/** The end form: the last day of service. */
export const ZEndSubscriptionForm = z.object({ endDate: ZCalendarDate });

export const ZSubscription = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  packageId: z.uuid(),
  packageName: z.string(),
  packagePriceIdr: z.number().int(),
  packageActive: z.boolean(),
  speedDownKbps: z.number().int(),
  speedUpKbps: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  prorateFirstPeriod: z.boolean(),
  discountIdr: z.number().int(),
  installationFeeIdr: z.number().int(),
  status: ZSubscriptionStatus,
  /** The customer's billing day (1–28) the first period is computed with. */
  billingDay: z.number().int(),
  /** What the first period costs (before installation fee and tax), integer rupiah. */
  firstPeriodChargeIdr: z.number().int(),
  /** Days of the first period the subscription uses, of the period's length: equal for a full period. */
  firstPeriodDaysUsed: z.number().int(),
  firstPeriodDays: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type TSubscription = z.infer<typeof ZSubscription>;

export const ZSubscriptionList = z.object({
  billingDay: z.number().int(),
  subscriptions: z.array(ZSubscription),
});
export type TSubscriptionList = z.infer<typeof ZSubscriptionList>;
