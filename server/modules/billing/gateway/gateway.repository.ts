// Prisma queries of the gateway: merchant accounts, charges, the callback log. Tenant scope
// comes from the TenantDb handle (forTenant); nothing here names a tenant in a filter.
import "server-only";
import type { TenantDb, TenantTx } from "@/server/db";
import type { TChargeStatus } from "./gateway.schema";

export const CHARGE_SELECT = {
  id: true,
  invoiceId: true,
  provider: true,
  method: true,
  merchantRef: true,
  providerReference: true,
  amountIdr: true,
  status: true,
  payCode: true,
  qrString: true,
  checkoutUrl: true,
  expiresAt: true,
  paidAt: true,
  paymentId: true,
  supersededAt: true,
  createdAt: true,
} as const;

export type ChargeRecord = NonNullable<Awaited<ReturnType<typeof findCharge>>>;

export function findAccount(db: TenantDb, provider: string) {
  return db.paymentGatewayAccount.findFirst({ where: { provider } });
}

export type AccountRecord = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export function upsertAccount(db: TenantDb, provider: string, data: { merchantCode: string; apiKeySealed: string; privateKeySealed: string; enabled: boolean }) {
  return db.paymentGatewayAccount.upsert({
    where: { tenantId_provider: { tenantId: db.tenantId, provider } },
    create: { tenantId: db.tenantId, provider, ...data },
    update: data,
  });
}

/** What a charge needs of an invoice and its customer. */
export function findInvoiceForCharge(db: TenantDb, invoiceId: string) {
  return db.invoice.findFirst({
    where: { id: invoiceId },
    select: {
      id: true,
      year: true,
      number: true,
      status: true,
      totalIdr: true,
      paidIdr: true,
      customerId: true,
      customer: { select: { name: true, number: true, email: true, phone: true } },
    },
  });
}

export function findInvoiceStatus(db: TenantDb, invoiceId: string) {
  return db.invoice.findFirst({ where: { id: invoiceId }, select: { id: true, status: true, customerId: true, totalIdr: true, paidIdr: true } });
}

/** The idempotency key of the payment a gateway charge records: one payment per provider reference. */
const GATEWAY_PAYMENT_KEY_PREFIX = "tripay:";
export const gatewayPaymentKey = (providerReference: string) => `${GATEWAY_PAYMENT_KEY_PREFIX}${providerReference}`;

/**
 * Marks the open, unpaid codes of these invoices that no longer match what the invoice owes
 * (paid, part paid or voided another way) as superseded. A code whose own payment is being
 * recorded in this transaction is not: its payment (by idempotency key) already exists.
 */
export async function supersedeStaleCharges(tx: TenantDb | TenantTx, invoiceIds: string[]): Promise<number> {
  if (invoiceIds.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "GatewayCharge" c SET "supersededAt" = now(), "updatedAt" = now()
    FROM "Invoice" i
    WHERE c."tenantId" = ${tx.tenantId}::uuid AND i."tenantId" = ${tx.tenantId}::uuid AND i.id = c."invoiceId"
      AND c."invoiceId" = ANY(${invoiceIds}::uuid[])
      AND c.status = 'pending' AND c."paymentId" IS NULL AND c."supersededAt" IS NULL
      AND (i.status NOT IN ('issued', 'partially_paid', 'overdue') OR c."amountIdr" <> i."totalIdr" - i."paidIdr")
      AND NOT EXISTS (SELECT 1 FROM "Payment" p WHERE p."tenantId" = c."tenantId" AND p."idempotencyKey" = ${GATEWAY_PAYMENT_KEY_PREFIX} || c."providerReference")`;
}

/** A code found stale when money arrived on it. */
export async function markChargeSuperseded(db: TenantDb, id: string, at: Date): Promise<void> {
  await db.gatewayCharge.updateMany({ where: { id, supersededAt: null }, data: { supersededAt: at } });
}

/** Codes paid after they were superseded, newest first: the follow-up list. */
export function listPaidSupersededCharges(db: TenantDb, take: number) {
  return db.gatewayCharge.findMany({
    where: { supersededAt: { not: null }, paymentId: { not: null } },
    orderBy: [{ paidAt: "desc" }, { id: "desc" }],
    take,
    select: {
      ...CHARGE_SELECT,
      invoice: { select: { year: true, number: true } },
      payment: { select: { id: true, year: true, number: true, amountIdr: true, customerId: true, customer: { select: { name: true } }, allocations: { select: { amountIdr: true } } } },
    },
  });
}

/** An open charge for the same invoice, method and amount that stays payable after `openUntil`. */
export function findReusableCharge(db: TenantDb, where: { invoiceId: string; method: string; amountIdr: number; openUntil: Date }) {
  return db.gatewayCharge.findFirst({
    where: { invoiceId: where.invoiceId, method: where.method, amountIdr: where.amountIdr, status: "pending", supersededAt: null, expiresAt: { gt: where.openUntil } },
    orderBy: { createdAt: "desc" },
    select: CHARGE_SELECT,
  });
}

export function insertCharge(
  db: TenantDb,
  data: {
    tenantId: string;
    invoiceId: string;
    provider: string;
    merchantRef: string;
    providerReference: string;
    method: string;
    amountIdr: number;
    status: TChargeStatus;
    payCode: string | null;
    qrString: string | null;
    checkoutUrl: string | null;
    expiresAt: Date | null;
  },
) {
  return db.gatewayCharge.create({ data, select: CHARGE_SELECT });
}

export function findCharge(db: TenantDb, id: string) {
  return db.gatewayCharge.findFirst({ where: { id }, select: CHARGE_SELECT });
}

export function findChargeByReference(db: TenantDb, provider: string, providerReference: string) {
  return db.gatewayCharge.findFirst({ where: { provider, providerReference }, select: CHARGE_SELECT });
}

export function listChargesOfInvoice(db: TenantDb, invoiceId: string) {
  return db.gatewayCharge.findMany({ where: { invoiceId }, orderBy: { createdAt: "desc" }, take: 50, select: CHARGE_SELECT });
}

/** Moves a charge to `to` only from one of `from`; returns whether this call moved it. */
export async function transitionCharge(db: TenantDb, id: string, from: TChargeStatus[], to: TChargeStatus): Promise<boolean> {
  const { count } = await db.gatewayCharge.updateMany({ where: { id, status: { in: from } }, data: { status: to } });
  return count === 1;
}

/** Links the payment that settled a charge (once: a linked charge keeps its payment). */
export async function linkChargePayment(db: TenantDb, id: string, paymentId: string, paidAt: Date): Promise<void> {
  await db.gatewayCharge.updateMany({ where: { id, paymentId: null }, data: { status: "paid", paidAt, paymentId } });
}

export function findPaymentIdByKey(db: TenantDb, idempotencyKey: string) {
  // Only a gateway payment can be this charge's payment.
  return db.payment.findFirst({ where: { idempotencyKey, method: "gateway" }, select: { id: true, receivedAt: true } });
}

export function insertCallback(
  db: TenantDb,
  data: {
    tenantId: string;
    provider: string;
    providerReference: string | null;
    event: string | null;
    status: string | null;
    signatureValid: boolean;
    outcome: "applied" | "duplicate" | "rejected" | "ignored";
    bodySha256: string;
  },
) {
  return db.gatewayCallback.create({ data, select: { id: true } });
}

/** The superseded code a payment arrived on, if it did: what its receipt is labelled with. */
export function findSupersededChargeOfPayment(db: TenantDb, paymentId: string) {
  return db.gatewayCharge.findFirst({ where: { paymentId, supersededAt: { not: null } }, select: { providerReference: true, invoice: { select: { year: true, number: true } } } });
}
