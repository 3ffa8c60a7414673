// What an end customer sees of their own account in the client portal. No server imports.
import { z } from "zod";
import { ZCustomerBalance, ZInvoiceRow } from "@/server/modules/billing/billing.schema";

export const ZPortalMe = z.object({
  customerId: z.uuid(),
  code: z.string(),
  name: z.string(),
  status: z.enum(["prospect", "active", "isolated", "terminated"]),
  balance: ZCustomerBalance,
});
export type TPortalMe = z.infer<typeof ZPortalMe>;

export const ZPortalInvoices = z.object({ rows: z.array(ZInvoiceRow) });

export const ZPortalService = z.object({
  subscriptions: z.array(
    z.object({ id: z.uuid(), packageName: z.string(), speedDownKbps: z.int(), speedUpKbps: z.int(), status: z.string(), startDate: z.iso.date() }),
  ),
});
export type TPortalService = z.infer<typeof ZPortalService>;
