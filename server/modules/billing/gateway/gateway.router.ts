// gateway.*: the ISP's Tripay account, and payment codes (QRIS / virtual account) for invoices.
// Tripay's callbacks do not come through here: see tripay-callback.endpoint.ts.
import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import {
  ZCharge,
  ZChargeTarget,
  ZCreateChargeInput,
  ZCreateChargeResult,
  ZGatewaySettings,
  ZGatewaySettingsInput,
  ZInvoiceCharges,
  ZInvoiceChargesInput,
  ZLateGatewayPayment,
} from "./gateway.schema";
import { createInvoiceCharge, getGatewaySettings, listInvoiceCharges, listLateGatewayPayments, refreshCharge, saveGatewaySettings } from "./gateway.service";

const settings = requireCapability("tenant.settings");
const read = requireCapability("billing.read");
const manage = requireCapability("billing.manage");

export const gatewayRouter = router({
  settings: router({
    /** The merchant account: code, last 4 characters of each key, the callback URL to give Tripay. */
    get: settings.output(ZGatewaySettings).query(({ ctx }) => getGatewaySettings(ctx.db)),
    /** Create or update the account; omit a key to keep the stored one. */
    set: settings.input(ZGatewaySettingsInput).output(ZGatewaySettings).mutation(({ ctx, input }) => saveGatewaySettings(ctx.db, ctx.actor, input)),
  }),
  /** A payment code for an invoice's outstanding amount; an open one for the same method is reused. */
  createCharge: manage.input(ZCreateChargeInput).output(ZCreateChargeResult).mutation(({ ctx, input }) => createInvoiceCharge(ctx.db, ctx.actor, input)),
  /** The invoice's payment codes, newest first. */
  listForInvoice: read.input(ZInvoiceChargesInput).output(ZInvoiceCharges).query(({ ctx, input }) => listInvoiceCharges(ctx.db, input.invoiceId)),
  /** Money that arrived on superseded payment codes: kept (credit or other invoices), to follow up. */
  latePayments: read.output(z.array(ZLateGatewayPayment)).query(({ ctx }) => listLateGatewayPayments(ctx.db, { limit: 50 })),
  /** Asks Tripay for a payment code's status and applies it (when a callback never arrived). */
  refreshCharge: manage.input(ZChargeTarget).output(ZCharge).mutation(({ ctx, input }) => refreshCharge(ctx.db, ctx.actor, input.chargeId)),
});
