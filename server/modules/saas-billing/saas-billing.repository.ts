// Prisma queries of one tenant's SaaS billing, on the tenant's scoped handle: what it is billed
// for, its SaaS invoices and payments and its standing, RRNET-wide invoice numbers, payment
// postings. Raw SQL names the handle's tenant first.
import "server-only";
import type { TenantScope, TenantTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { PaymentMethod, SaasStanding } from "@/server/db/generated/enums";

type Db = TenantScope;

export const INVOICE_SELECT = {
  id: true,
  tenantId: true,
  year: true,
  number: true,
  status: true,
  periodStart: true,
  periodEnd: true,
  issueDate: true,
  dueDate: true,
  lines: true,
  totalIdr: true,
  paidIdr: true,
  paidAt: true,
} as const;
export type SaasInvoiceRecord = Prisma.SaasInvoiceGetPayload<{ select: typeof INVOICE_SELECT }>;

export const PAYMENT_SELECT = {
  id: true,
  saasInvoiceId: true,
  method: true,
  amountIdr: true,
  reference: true,
  receivedAt: true,
  recordedByLabel: true,
  invoice: { select: { year: true, number: true } },
} as const;
export type SaasPaymentRecord = Prisma.SaasPaymentGetPayload<{ select: typeof PAYMENT_SELECT }>;

/**
 * The next RRNET-wide number for `key`: one atomic upsert. Call it inside the transaction that
 * writes the invoice, so a rollback gives the number back and issued numbers have no gaps
 * (a second writer waits on the counter row until the first commits or rolls back).
 */
export async function nextPlatformNumber(tx: Pick<TenantTx, "$queryRaw">, key: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "PlatformCounter" ("key", "value") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "PlatformCounter"."value" + 1
    RETURNING "value"`;
  return rows[0]!.value;
}

/** The tenant's plan and add-ons, read through its own row (the scope allows tenant -> plan). */
export function findBillingBasis(db: Db) {
  return db.tenant.findFirst({
    select: {
      defaultLocale: true,
      plan: { select: { code: true, name: true, priceIdr: true } },
      addOns: { select: { quantity: true, addOn: { select: { code: true, name: true, priceIdr: true, active: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

export function findStanding(db: Db) {
  return db.tenant.findFirst({ select: { id: true, slug: true, name: true, saasStanding: true, saasStandingAt: true } });
}

export function findInvoiceForPeriod(db: Db, periodStart: Date): Promise<SaasInvoiceRecord | null> {
  return db.saasInvoice.findFirst({ where: { periodStart }, select: INVOICE_SELECT });
}

export function findInvoice(db: Db, invoiceId: string): Promise<SaasInvoiceRecord | null> {
  return db.saasInvoice.findFirst({ where: { id: invoiceId }, select: INVOICE_SELECT });
}

export function createInvoice(tx: TenantTx, data: Prisma.SaasInvoiceUncheckedCreateInput): Promise<SaasInvoiceRecord> {
  return tx.saasInvoice.create({ data, select: INVOICE_SELECT });
}

/** Newest period first. */
export function listInvoices(db: Db): Promise<SaasInvoiceRecord[]> {
  return db.saasInvoice.findMany({ select: INVOICE_SELECT, orderBy: [{ periodStart: "desc" }] });
}

/** Newest first. */
export function listPayments(db: Db): Promise<SaasPaymentRecord[]> {
  return db.saasPayment.findMany({ select: PAYMENT_SELECT, orderBy: [{ receivedAt: "desc" }, { id: "asc" }] });
}

export function findPayment(db: Db, paymentId: string): Promise<SaasPaymentRecord | null> {
  return db.saasPayment.findFirst({ where: { id: paymentId }, select: PAYMENT_SELECT });
}

export function createPayment(
  tx: TenantTx,
  data: { tenantId: string; saasInvoiceId: string; method: PaymentMethod; amountIdr: number; reference: string | null; receivedAt: Date; idempotencyKey: string; recordedById: string | null; recordedByLabel: string | null },
): Promise<SaasPaymentRecord> {
  return tx.saasPayment.create({ data, select: PAYMENT_SELECT });
}

/**
 * Adds `amountIdr` to the invoice's paid amount in one statement, only while it is issued or
 * overdue and the payment does not exceed what is outstanding; the row lock makes concurrent
 * payments wait and re-check. Fully paid -> status paid, paidAt = `paidAt`. Null when refused.
 */
export async function postPayment(tx: TenantTx, invoiceId: string, amountIdr: number, paidAt: Date): Promise<{ id: string } | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "SaasInvoice"
    SET "paidIdr" = "paidIdr" + ${amountIdr},
        "status" = CASE WHEN "paidIdr" + ${amountIdr} >= "totalIdr" THEN 'paid'::"SaasInvoiceStatus" ELSE "status" END,
        "paidAt" = CASE WHEN "paidIdr" + ${amountIdr} >= "totalIdr" THEN ${paidAt} ELSE "paidAt" END,
        "updatedAt" = now()
    WHERE "tenantId" = ${tx.tenantId}::uuid AND "id" = ${invoiceId}::uuid
      AND "status" IN ('issued', 'overdue') AND "paidIdr" + ${amountIdr} <= "totalIdr"
    RETURNING "id"`;
  return rows[0] ?? null;
}

/** Unpaid invoices (issued or overdue) whose due date is before `today`. */
export function findPastDueInvoices(db: Db, today: Date) {
  return db.saasInvoice.findMany({
    where: { status: { in: ["issued", "overdue"] }, dueDate: { lt: today } },
    select: { dueDate: true, totalIdr: true, paidIdr: true },
    orderBy: { dueDate: "asc" },
  });
}

/** Marks this tenant's unpaid invoices past their due date overdue. */
export async function markOverdue(db: Db, today: Date): Promise<number> {
  const { count } = await db.saasInvoice.updateMany({ where: { status: "issued", dueDate: { lt: today } }, data: { status: "overdue" } });
  return count;
}

/** Moves the tenant's standing only from `from` (two sweeps at once change and audit it once). */
export async function moveStanding(db: Db, from: SaasStanding, to: SaasStanding, at: Date): Promise<boolean> {
  const { count } = await db.tenant.updateMany({ where: { saasStanding: from }, data: { saasStanding: to, saasStandingAt: at } });
  return count === 1;
}
