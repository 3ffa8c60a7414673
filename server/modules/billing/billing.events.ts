// Events the billing domain emits (through the outbox, see server/events). The notification
// module turns them into WhatsApp messages; payloads carry what a message needs.
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/server/events/define-event";

const ZDate = z.iso.date();

export const invoiceIssued = defineEvent(
  "billing.invoice_issued",
  z.object({ invoiceId: z.uuid(), customerId: z.uuid(), invoiceNumber: z.string(), totalIdr: z.int().nonnegative(), dueDate: ZDate }),
);

export const invoiceOverdue = defineEvent(
  "billing.invoice_overdue",
  z.object({ invoiceId: z.uuid(), customerId: z.uuid(), invoiceNumber: z.string(), outstandingIdr: z.int().nonnegative(), dueDate: ZDate }),
);

export const paymentReceived = defineEvent(
  "billing.payment_received",
  z.object({
    paymentId: z.uuid(),
    customerId: z.uuid(),
    receiptNumber: z.string(),
    amountIdr: z.int().positive(),
    method: z.enum(["cash", "bank_transfer", "collector", "gateway"]),
    creditIdr: z.int().nonnegative(),
  }),
);

export const customerIsolated = defineEvent("billing.customer_isolated", z.object({ customerId: z.uuid(), reason: z.string() }));
export const customerRestored = defineEvent("billing.customer_restored", z.object({ customerId: z.uuid(), reason: z.string() }));

export const BILLING_EVENTS = [invoiceIssued, invoiceOverdue, paymentReceived, customerIsolated, customerRestored];
