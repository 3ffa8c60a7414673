// Prisma and SQL of payments and their allocation to invoices. Raw SQL names tenantId first.
import "server-only";
import type { TenantDb, TenantTx } from "@/server/db";

type Db = TenantDb | TenantTx;

export const PAYMENT_SELECT = {
  id: true,
  year: true,
  number: true,
  customerId: true,
  method: true,
  amountIdr: true,
  receivedAt: true,
  reference: true,
  note: true,
  requestHash: true,
  recordedByLabel: true,
  customer: { select: { name: true, number: true } },
  allocations: { select: { amountIdr: true } },
} as const;

export function findPaymentByKey(db: Db, idempotencyKey: string) {
  return db.payment.findFirst({ where: { idempotencyKey }, select: PAYMENT_SELECT });
}

export function findPayment(db: Db, id: string) {
  return db.payment.findFirst({ where: { id }, select: PAYMENT_SELECT });
}

export type PaymentRecord = NonNullable<Awaited<ReturnType<typeof findPayment>>>;

/** Serialises payments and settlements of one customer for the rest of the transaction. */
export async function lockCustomer(tx: TenantTx, customerId: string): Promise<{ status: string } | null> {
  const tenantId = tx.tenantId;
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text FROM "Customer" WHERE "tenantId" = ${tenantId}::uuid AND id = ${customerId}::uuid FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

export type OpenInvoice = { id: string; totalIdr: number; paidIdr: number; status: string };

/** The customer's unpaid issued invoices, the preferred one first, then oldest due first. */
export function openInvoices(tx: TenantTx, customerId: string, preferId: string | null): Promise<OpenInvoice[]> {
  const tenantId = tx.tenantId;
  return tx.$queryRaw<OpenInvoice[]>`
    SELECT id, "totalIdr", "paidIdr", status::text FROM "Invoice"
    WHERE "tenantId" = ${tenantId}::uuid AND "customerId" = ${customerId}::uuid AND status IN ('issued', 'partially_paid', 'overdue')
    ORDER BY (id = ${preferId}::uuid) IS TRUE DESC, "dueDate", "number"`;
}

export type UnallocatedPayment = { id: string; remaining: number };

/** The customer's payments with money not yet applied to invoices, oldest first. */
export function unallocatedPayments(tx: Db, customerId: string): Promise<UnallocatedPayment[]> {
  const tenantId = tx.tenantId;
  return tx.$queryRaw<UnallocatedPayment[]>`
    SELECT p.id, (p."amountIdr" - COALESCE(a.used, 0))::int AS remaining
    FROM "Payment" p
    LEFT JOIN (SELECT "paymentId", sum("amountIdr") AS used FROM "PaymentAllocation"
               WHERE "tenantId" = ${tenantId}::uuid GROUP BY "paymentId") a ON a."paymentId" = p.id
    WHERE p."tenantId" = ${tenantId}::uuid AND p."customerId" = ${customerId}::uuid AND p."amountIdr" > COALESCE(a.used, 0)
    ORDER BY p."receivedAt", p.number`;
}

/** Customers of the tenant with credit (unallocated payments), among the given ones. */
export async function customersWithCredit(tx: Db): Promise<string[]> {
  const tenantId = tx.tenantId;
  const rows = await tx.$queryRaw<{ customerId: string }[]>`
    SELECT p."customerId" FROM "Payment" p
    LEFT JOIN (SELECT "paymentId", sum("amountIdr") AS used FROM "PaymentAllocation"
               WHERE "tenantId" = ${tenantId}::uuid GROUP BY "paymentId") a ON a."paymentId" = p.id
    WHERE p."tenantId" = ${tenantId}::uuid AND p."amountIdr" > COALESCE(a.used, 0)
    GROUP BY p."customerId"`;
  return rows.map((r) => r.customerId);
}

export async function addAllocation(tx: TenantTx, paymentId: string, invoiceId: string, amountIdr: number): Promise<void> {
  const tenantId = tx.tenantId;
  await tx.$executeRaw`
    INSERT INTO "PaymentAllocation" ("id", "tenantId", "paymentId", "invoiceId", "amountIdr")
    VALUES (gen_random_uuid(), ${tenantId}::uuid, ${paymentId}::uuid, ${invoiceId}::uuid, ${amountIdr})
    ON CONFLICT ("tenantId", "paymentId", "invoiceId") DO UPDATE SET "amountIdr" = "PaymentAllocation"."amountIdr" + EXCLUDED."amountIdr"`;
}

/**
 * Adds `amountIdr` to an invoice's paid amount; its status follows in the same statement
 * (paid when covered; an overdue invoice stays overdue until then; otherwise partially paid), so
 * a status another transaction set meanwhile (the overdue pass) is never overwritten by a stale
 * read.
 */
export async function addToInvoicePaid(tx: TenantTx, invoiceId: string, amountIdr: number, now: Date): Promise<void> {
  const tenantId = tx.tenantId;
  await tx.$executeRaw`
    UPDATE "Invoice" SET
      "paidIdr" = "paidIdr" + ${amountIdr},
      status = CASE WHEN "paidIdr" + ${amountIdr} >= "totalIdr" THEN 'paid'::"InvoiceStatus"
                    WHEN status = 'overdue' THEN 'overdue'::"InvoiceStatus"
                    ELSE 'partially_paid'::"InvoiceStatus" END,
      "paidAt" = CASE WHEN "paidIdr" + ${amountIdr} >= "totalIdr" THEN ${now} ELSE "paidAt" END,
      "updatedAt" = ${now}
    WHERE "tenantId" = ${tenantId}::uuid AND id = ${invoiceId}::uuid`;
}
