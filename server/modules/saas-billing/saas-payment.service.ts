// Payments of SaaS invoices, recorded by an RRNET operator (bank transfer or cash). Partial
// payments are fine; more than is outstanding is refused. The form's idempotency key (unique
// across RRNET) makes a double click, a retry or two concurrent submits record one payment:
// the second insert waits on the first's key and, once that commits, fails and is answered
// with the first payment. Paying settles the tenant's standing at once. System code (the
// console's): an invoice is addressed by id alone, so its tenant is looked up in the ledger.
import "server-only";
import type { OperatorActor } from "@/server/actor/actor";
import { isUniqueViolation } from "@/server/db/prisma-errors";
import { forTenant, type TenantDb } from "@/server/db";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { createPayment, findInvoice, findPayment, postPayment, type SaasPaymentRecord } from "./saas-billing.repository";
import { findInvoiceTenant, findPaymentByKey } from "./saas-ledger.repository";
import type { TRecordSaasPaymentInput, TRecordedSaasPayment, TSaasPaymentRecord } from "./saas-billing.schema";
import { toSaasInvoice, toSaasPayment } from "./saas-invoice.service";
import { settleTenantStanding } from "./saas-standing.service";
import { formatSaasInvoiceNumber } from "./saas-calendar";

const noInvoice = (invoiceId: string) => new AppError("NOT_FOUND", { invoiceId }, "console.saas.errors.invoiceNotFound");

export function toPaymentRecord(row: SaasPaymentRecord): TSaasPaymentRecord {
  return { ...toSaasPayment(row), recordedBy: row.recordedByLabel };
}

async function outcome(db: TenantDb, actor: OperatorActor, invoiceId: string, paymentId: string, replayed: boolean, now: Date): Promise<TRecordedSaasPayment> {
  const standing = await settleTenantStanding(db, actor, { reason: "payment", now });
  const [invoice, payment] = await Promise.all([findInvoice(db, invoiceId), findPayment(db, paymentId)]);
  if (!invoice || !payment) throw noInvoice(invoiceId);
  return { payment: toPaymentRecord(payment), invoice: toSaasInvoice(invoice), standing, replayed };
}

/** `now`: when the money was received (tests and seed data pass their own clock). */
export async function recordSaasPayment(system: SystemDb, actor: OperatorActor, input: TRecordSaasPaymentInput, now: Date = new Date()): Promise<TRecordedSaasPayment> {
  const replay = async () => {
    const earlier = await findPaymentByKey(system, input.idempotencyKey);
    if (!earlier) return null;
    if (earlier.saasInvoiceId !== input.invoiceId || earlier.amountIdr !== input.amountIdr || earlier.method !== input.method) {
      throw new AppError("CONFLICT", { idempotencyKey: input.idempotencyKey }, "console.saas.errors.paymentFormReused");
    }
    return outcome(forTenant(earlier.tenantId), actor, earlier.saasInvoiceId, earlier.id, true, now);
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const owner = await findInvoiceTenant(system, input.invoiceId);
  if (!owner) throw noInvoice(input.invoiceId);
  const tenantId = owner.tenantId;
  const db = forTenant(tenantId);
  let paymentId: string;
  try {
    paymentId = await db.$transaction(async (tx) => {
      // The key first: a concurrent twin blocks here until this transaction ends.
      const payment = await createPayment(tx, {
        tenantId,
        saasInvoiceId: input.invoiceId,
        method: input.method,
        amountIdr: input.amountIdr,
        reference: input.reference ?? null,
        receivedAt: now,
        idempotencyKey: input.idempotencyKey,
        recordedById: actor.userId,
        recordedByLabel: actor.label,
      });
      if (await postPayment(tx, input.invoiceId, input.amountIdr, now)) return payment.id;
      const invoice = await findInvoice(tx, input.invoiceId);
      if (!invoice) throw noInvoice(input.invoiceId);
      if (invoice.status === "void") throw new AppError("CONFLICT", { status: invoice.status }, "console.saas.errors.invoiceVoid");
      const outstandingIdr = invoice.totalIdr - invoice.paidIdr;
      throw new AppError(
        "VALIDATION_FAILED",
        { fields: { amountIdr: [outstandingIdr === 0 ? "console.validation.invoicePaidInFull" : "console.validation.atMostOutstanding"] }, outstandingIdr },
        outstandingIdr === 0 ? "console.saas.errors.invoicePaidInFull" : "console.saas.errors.moreThanOutstanding",
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const twin = await replay();
      if (twin) return twin;
    }
    throw error;
  }

  const invoice = await findInvoice(db, input.invoiceId);
  await recordAudit(db, actor, {
    action: "saas.payment_recorded",
    target: { type: "saas_invoice", id: input.invoiceId },
    details: {
      invoice: invoice ? formatSaasInvoiceNumber(invoice.year, invoice.number) : input.invoiceId,
      amountIdr: input.amountIdr,
      method: input.method,
      outstandingIdr: invoice ? invoice.totalIdr - invoice.paidIdr : null,
    },
  });
  return outcome(db, actor, input.invoiceId, paymentId, false, now);
}
