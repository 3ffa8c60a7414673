// Online payment of invoices through a gateway (Tripay): the tenant's merchant account (keys
// sealed at rest, never returned), charges for an invoice's outstanding amount (an open one is
// reused), and callbacks. A callback is kept whatever it says (GatewayCallback); a verified
// PAID records the payment through recordPayment with a key derived from Tripay's reference,
// so replays and concurrent duplicates record one payment.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { systemActor, type Actor, type SystemActor, type UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { env } from "@/server/config/env";
import { AppError, fieldError } from "@/server/errors/app-error";
import { requestLogger } from "@/server/log/logger";
import { redis } from "@/server/redis/client";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { open, seal } from "@/server/crypto/secret-box";
import { formatInvoiceNumber, formatReceiptNumber } from "../invoice-math";
import { recordPayment } from "../payment.service";
import {
  findAccount,
  findCharge,
  findChargeByReference,
  findInvoiceForCharge,
  findInvoiceStatus,
  findPaymentIdByKey,
  findReusableCharge,
  gatewayPaymentKey,
  insertCallback,
  insertCharge,
  linkChargePayment,
  listChargesOfInvoice,
  listPaidSupersededCharges,
  markChargeSuperseded,
  transitionCharge,
  upsertAccount,
  type AccountRecord,
  type ChargeRecord,
} from "./gateway.repository";
import {
  GATEWAY_METHODS,
  type TCharge,
  type TCreateChargeInput,
  type TCreateChargeResult,
  type TGatewayMethod,
  type TGatewaySettings,
  type TGatewaySettingsInput,
  type TInvoiceCharges,
  type TLateGatewayPayment,
} from "./gateway.schema";
import { matchesOrderAmount, type GatewayEvent, type MerchantCredentials, type PaymentGateway } from "./payment-gateway";
import { createTripayGateway } from "./tripay.adapter";
import { isPayable } from "../billing.schema";

export const PROVIDER = "tripay";
export const CALLBACK_PATH = "/api/payments/tripay/callback";
/** A reused charge must stay open at least this long, so the customer has time to pay it. */
const REUSE_MARGIN_MS = 5 * 60_000;
const LOCK_TTL_MS = 30_000;

/** Tripay itself, as the actor of the payments its callbacks (or a refresh) record. */
export const TRIPAY_ACTOR = "Tripay";

/** What the service needs from the outside world; tests swap the callback origin. */
export type GatewayDeps = { gateway: () => PaymentGateway; tenantOrigin: (slug: string) => string };

/**
 * The public origin of a tenant's host: https://<slug>.<ROOT_DOMAIN> in production (behind the
 * TLS proxy), http://<slug>.<ROOT_DOMAIN>:<APP_PORT> elsewhere (demo, development).
 */
export function tenantOrigin(slug: string): string {
  const config = env();
  return config.APP_ENV === "production" ? `https://${slug}.${config.ROOT_DOMAIN}` : `http://${slug}.${config.ROOT_DOMAIN}:${config.APP_PORT}`;
}

let tripay: PaymentGateway | undefined;
export const defaultDeps: GatewayDeps = { gateway: () => (tripay ??= createTripayGateway()), tenantOrigin };

const last4 = (secret: string) => secret.slice(-4);

function credentialsOf(account: AccountRecord): MerchantCredentials {
  return { merchantCode: account.merchantCode, apiKey: open(account.apiKeySealed), privateKey: open(account.privateKeySealed) };
}

type InvoiceOwed = { status: string; totalIdr: number; paidIdr: number };

/** Superseded: marked so, or still open and unpaid while its invoice owes something else (or nothing). */
function isSuperseded(row: ChargeRecord, invoice: InvoiceOwed | null): boolean {
  if (row.supersededAt) return true;
  if (!invoice || row.status !== "pending" || row.paymentId) return false;
  return !isPayable(invoice.status as Parameters<typeof isPayable>[0]) || row.amountIdr !== invoice.totalIdr - invoice.paidIdr;
}

export function toCharge(row: ChargeRecord, invoice: InvoiceOwed | null = null): TCharge {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    provider: PROVIDER,
    method: row.method,
    methodLabel: GATEWAY_METHODS[row.method as TGatewayMethod]?.label ?? row.method,
    merchantRef: row.merchantRef,
    providerReference: row.providerReference,
    amountIdr: row.amountIdr,
    status: row.status,
    payCode: row.payCode,
    qrString: row.qrString,
    checkoutUrl: row.checkoutUrl,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    paidAt: row.paidAt?.toISOString() ?? null,
    paymentId: row.paymentId,
    superseded: isSuperseded(row, invoice),
    createdAt: row.createdAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Settings

export async function getGatewaySettings(db: TenantDb, deps: GatewayDeps = defaultDeps): Promise<TGatewaySettings> {
  const [account, tenant] = await Promise.all([findAccount(db, PROVIDER), db.tenant.findFirstOrThrow({ select: { slug: true } })]);
  return {
    provider: PROVIDER,
    configured: account !== null,
    enabled: account?.enabled ?? false,
    merchantCode: account?.merchantCode ?? null,
    apiKeyLast4: account ? last4(open(account.apiKeySealed)) : null,
    privateKeyLast4: account ? last4(open(account.privateKeySealed)) : null,
    callbackUrl: `${deps.tenantOrigin(tenant.slug)}${CALLBACK_PATH}`,
    apiBaseUrl: env().TRIPAY_BASE_URL,
    methods: Object.entries(GATEWAY_METHODS).map(([code, m]) => ({ code: code as TGatewayMethod, label: m.label, kind: m.kind, minIdr: m.minIdr, maxIdr: m.maxIdr })),
    updatedAt: account?.updatedAt.toISOString() ?? null,
  };
}

export async function saveGatewaySettings(db: TenantDb, actor: UserActor, input: TGatewaySettingsInput, deps: GatewayDeps = defaultDeps): Promise<TGatewaySettings> {
  const existing = await findAccount(db, input.provider);
  if (!existing && (!input.apiKey || !input.privateKey)) {
    const fields: Record<string, string[]> = {};
    if (!input.apiKey) fields.apiKey = ["billing.validation.gatewayApiKey"];
    if (!input.privateKey) fields.privateKey = ["billing.validation.gatewayPrivateKey"];
    throw new AppError("VALIDATION_FAILED", { fields });
  }
  await upsertAccount(db, input.provider, {
    merchantCode: input.merchantCode,
    apiKeySealed: input.apiKey ? seal(input.apiKey) : existing!.apiKeySealed,
    privateKeySealed: input.privateKey ? seal(input.privateKey) : existing!.privateKeySealed,
    enabled: input.enabled,
  });
  await recordAudit(db, actor, {
    action: "gateway.configured",
    // Which keys changed, never the keys.
    details: { provider: input.provider, merchantCode: input.merchantCode, enabled: input.enabled, apiKeyChanged: Boolean(input.apiKey), privateKeyChanged: Boolean(input.privateKey) },
  });
  return getGatewaySettings(db, deps);
}

// ---------------------------------------------------------------------------------------------
// Charges

async function usableAccount(db: TenantDb): Promise<AccountRecord> {
  const account = await findAccount(db, PROVIDER);
  if (!account || !account.enabled) throw new AppError("GATEWAY_NOT_CONFIGURED", { provider: PROVIDER });
  return account;
}

/** Tripay wants a local number (08…); customers are stored in E.164 (+62…). */
function localPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.startsWith("+62") ? `0${phone.slice(3)}` : phone.replace(/^\+/, "");
}

/**
 * Serialises charge creation for one invoice and method across processes, so a double click
 * makes one transaction at Tripay: the second caller waits, then finds the first one's charge.
 */
async function withChargeLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const token = randomBytes(12).toString("hex");
  const deadline = Date.now() + LOCK_TTL_MS;
  while ((await redis().set(key, token, "PX", LOCK_TTL_MS, "NX")) !== "OK") {
    if (Date.now() > deadline) throw new AppError("CONFLICT", { reason: "charge_in_progress" }, "billing.errors.chargeInProgress");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    return await work();
  } finally {
    // Delete only our own lock (it may have expired and been taken by another caller).
    await redis()
      .eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, token)
      .catch(() => undefined);
  }
}

/**
 * A payment code (QRIS or virtual account) for the outstanding amount of an invoice. Returns
 * the open charge for the same invoice, method and amount if there is one. With `customerId`
 * (the client portal), the invoice must be that customer's.
 */
export async function createInvoiceCharge(
  db: TenantDb,
  actor: Actor,
  input: TCreateChargeInput & { customerId?: string },
  deps: GatewayDeps = defaultDeps,
): Promise<TCreateChargeResult> {
  const account = await usableAccount(db);
  const invoice = await findInvoiceForCharge(db, input.invoiceId);
  if (!invoice || (input.customerId && invoice.customerId !== input.customerId)) throw new AppError("NOT_FOUND", { invoiceId: input.invoiceId }, "billing.errors.invoiceNotFound");
  const outstanding = invoice.totalIdr - invoice.paidIdr;
  if (!isPayable(invoice.status) || outstanding <= 0 || invoice.year === null || invoice.number === null) {
    throw new AppError("CONFLICT", { reason: "invoice_not_payable", status: invoice.status }, "billing.errors.nothingToPay");
  }
  const method = GATEWAY_METHODS[input.method];
  if (outstanding < method.minIdr || outstanding > method.maxIdr) {
    throw fieldError("method", "billing.validation.methodRange", { method: method.label, minIdr: method.minIdr, maxIdr: method.maxIdr });
  }
  const invoiceNumber = formatInvoiceNumber(invoice.year, invoice.number);

  return withChargeLock(`rrnet:gateway:charge:${db.tenantId}:${invoice.id}:${input.method}`, async () => {
    const now = new Date();
    const reusable = await findReusableCharge(db, { invoiceId: invoice.id, method: input.method, amountIdr: outstanding, openUntil: new Date(now.getTime() + REUSE_MARGIN_MS) });
    if (reusable) return { charge: toCharge(reusable), reused: true };

    const tenant = await db.tenant.findFirstOrThrow({ select: { slug: true } });
    const merchantRef = `${invoiceNumber.replaceAll("/", "-")}-${randomBytes(4).toString("hex").toUpperCase()}`;
    const info = await deps.gateway().createCharge(credentialsOf(account), {
      merchantRef,
      method: input.method,
      invoice: { number: invoiceNumber, amountIdr: outstanding },
      // Tripay requires an email. Without the customer's own, an address of the ISP's host that
      // names the customer: never a staff member's address (their PII, and Tripay's mail to it).
      customer: { name: invoice.customer.name, email: invoice.customer.email ?? `customer-${invoice.customer.number}@${tenant.slug}.${env().ROOT_DOMAIN}`, phone: localPhone(invoice.customer.phone) },
      callbackUrl: `${deps.tenantOrigin(tenant.slug)}${CALLBACK_PATH}`,
      expiresAt: new Date(now.getTime() + method.expiryMinutes * 60_000),
    });
    const row = await insertCharge(db, {
      tenantId: db.tenantId,
      invoiceId: invoice.id,
      provider: PROVIDER,
      merchantRef,
      providerReference: info.providerReference,
      method: input.method,
      amountIdr: outstanding,
      status: "pending",
      payCode: info.payCode,
      qrString: info.qrString,
      checkoutUrl: info.checkoutUrl,
      expiresAt: info.expiresAt ?? new Date(now.getTime() + method.expiryMinutes * 60_000),
    });
    requestLogger({ requestId: actor.requestId ?? "system", tenantId: db.tenantId }).info(
      { charge_id: row.id, reference: row.providerReference, method: input.method, amount_idr: outstanding, invoice: invoiceNumber },
      "gateway charge created",
    );
    return { charge: toCharge(row), reused: false };
  });
}

export async function listInvoiceCharges(db: TenantDb, invoiceId: string): Promise<TInvoiceCharges> {
  const invoice = await findInvoiceStatus(db, invoiceId);
  if (!invoice) throw new AppError("NOT_FOUND", { invoiceId }, "billing.errors.invoiceNotFound");
  return { charges: (await listChargesOfInvoice(db, invoiceId)).map((row) => toCharge(row, invoice)) };
}

/** Money that arrived on superseded codes, newest first: what staff follow up (refund or keep as credit). */
export async function listLateGatewayPayments(db: TenantDb, input: { limit: number }): Promise<TLateGatewayPayment[]> {
  const rows = await listPaidSupersededCharges(db, input.limit);
  return rows.map((row) => ({
    chargeId: row.id,
    providerReference: row.providerReference,
    methodLabel: GATEWAY_METHODS[row.method as TGatewayMethod]?.label ?? row.method,
    amountIdr: row.amountIdr,
    invoiceId: row.invoiceId,
    invoiceNumber: row.invoice.year !== null && row.invoice.number !== null ? formatInvoiceNumber(row.invoice.year, row.invoice.number) : null,
    paymentId: row.payment!.id,
    receiptNumber: formatReceiptNumber(row.payment!.year, row.payment!.number),
    customerId: row.payment!.customerId,
    customerName: row.payment!.customer.name,
    creditIdr: row.payment!.amountIdr - row.payment!.allocations.reduce((sum, a) => sum + a.amountIdr, 0),
    paidAt: (row.paidAt ?? row.createdAt).toISOString(),
  }));
}

/**
 * Asks Tripay for a charge's current status and applies it as a callback would: the way to
 * settle a payment whose callbacks never arrived (Tripay retries a failed callback only three
 * times, two minutes apart).
 */
export async function refreshCharge(db: TenantDb, actor: Actor, chargeId: string, deps: GatewayDeps = defaultDeps): Promise<TCharge> {
  const charge = await findCharge(db, chargeId);
  if (!charge) throw new AppError("NOT_FOUND", { chargeId }, "billing.errors.chargeNotFound");
  if (charge.paymentId) return toCharge(charge);
  const account = await findAccount(db, PROVIDER);
  if (!account) throw new AppError("GATEWAY_NOT_CONFIGURED", { provider: PROVIDER });
  const info = await deps.gateway().getCharge(credentialsOf(account), charge.providerReference);
  if (info.status !== "pending") {
    const event: GatewayEvent = {
      providerReference: info.providerReference,
      merchantRef: info.merchantRef,
      status: info.status,
      providerStatus: info.providerStatus,
      amountIdr: matchesOrderAmount(info, charge.amountIdr) ? charge.amountIdr : info.amountIdr,
      totalPaidIdr: info.amountIdr,
      netReceivedIdr: info.amountIdr,
      paidAt: info.paidAt,
      closedPayment: true,
    };
    // The money came through Tripay; the refresh was asked for by `actor`'s request.
    const result = await applyEvent(db, systemActor(TRIPAY_ACTOR, { tenantId: db.tenantId, requestId: actor.requestId, ip: actor.ip }), event);
    if (result.outcome === "rejected") throw result.error;
  }
  return toCharge((await findCharge(db, chargeId))!);
}

// ---------------------------------------------------------------------------------------------
// Callbacks

type Applied = { outcome: "applied" | "duplicate" | "ignored" } | { outcome: "rejected"; error: AppError };

export type CallbackResult = { outcome: "applied" | "duplicate" | "ignored"; callbackId: string };

/**
 * One callback from Tripay for the handle's tenant (resolved from the Host it was sent to);
 * `actor`: the system actor of the callback's request. Always keeps a GatewayCallback row. Returns when Tripay should be told `{success: true}` (applied, a
 * duplicate, or nothing to do); throws the AppError to answer otherwise: a bad signature
 * (GATEWAY_SIGNATURE_INVALID), an unknown event or body (VALIDATION_FAILED), a reference this
 * tenant does not know (NOT_FOUND), an amount that is not the charge's (CONFLICT).
 */
export async function handleCallback(
  db: TenantDb,
  actor: SystemActor,
  input: { rawBody: Uint8Array; headers: Headers },
  deps: GatewayDeps = defaultDeps,
): Promise<CallbackResult> {
  const { rawBody, headers } = input;
  const log = requestLogger({ requestId: actor.requestId ?? "system", tenantId: db.tenantId });
  const bodySha256 = createHash("sha256").update(rawBody).digest("hex");
  const keep = (row: { providerReference: string | null; event: string | null; status: string | null; signatureValid: boolean; outcome: "applied" | "duplicate" | "rejected" | "ignored" }) =>
    insertCallback(db, { tenantId: db.tenantId, provider: PROVIDER, bodySha256, ...row });

  // A disabled account still verifies and settles callbacks: its earlier charges can be paid.
  const account = await findAccount(db, PROVIDER);
  if (!account) {
    await keep({ providerReference: null, event: headers.get("x-callback-event"), status: null, signatureValid: false, outcome: "rejected" });
    log.warn({ body_sha256: bodySha256 }, "gateway callback for a tenant without a gateway account");
    throw new AppError("GATEWAY_NOT_CONFIGURED", { provider: PROVIDER });
  }

  const verified = deps.gateway().verifyCallback(credentialsOf(account), rawBody, headers);
  if (!verified.ok) {
    await keep({
      providerReference: verified.providerReference,
      event: verified.eventName,
      status: verified.status,
      signatureValid: verified.reason !== "bad_signature",
      outcome: "rejected",
    });
    log.warn({ reason: verified.reason, reference: verified.providerReference, body_sha256: bodySha256 }, "gateway callback rejected");
    if (verified.reason === "bad_signature") throw new AppError("GATEWAY_SIGNATURE_INVALID", { provider: PROVIDER });
    if (verified.reason === "unknown_event") throw new AppError("VALIDATION_FAILED", { reason: "unknown_event", event: verified.event }, "billing.errors.callbackUnknownEvent");
    throw new AppError("VALIDATION_FAILED", { reason: "malformed_body", issues: verified.issues }, "billing.errors.callbackMalformed");
  }

  const event = verified.event;
  const status = event.providerStatus;
  let result: Applied;
  try {
    result = await applyEvent(db, actor, event);
  } catch (error) {
    // Unexpected (database down…): keep the row, and let Tripay retry by not answering success.
    await keep({ providerReference: event.providerReference, event: verified.eventName, status, signatureValid: true, outcome: "rejected" }).catch(() => undefined);
    throw error;
  }
  const row = await keep({ providerReference: event.providerReference, event: verified.eventName, status, signatureValid: true, outcome: result.outcome });
  if (result.outcome === "rejected") {
    const level = result.error.code === "CONFLICT" ? "error" : "warn";
    log[level]({ reference: event.providerReference, code: result.error.code, details: result.error.details, callback_id: row.id }, "gateway callback rejected");
    throw result.error;
  }
  log.info({ reference: event.providerReference, status, outcome: result.outcome, callback_id: row.id }, "gateway callback");
  return { outcome: result.outcome, callbackId: row.id };
}

/** Applies a verified status change to this tenant's charge (callbacks and refreshes); `actor` records the payment. */
async function applyEvent(db: TenantDb, actor: SystemActor, event: GatewayEvent): Promise<Applied> {
  // We only make closed payments; an open-payment notice is not about any charge of ours.
  if (!event.closedPayment) return { outcome: "ignored" };
  const charge = await findChargeByReference(db, PROVIDER, event.providerReference);
  if (!charge) return { outcome: "rejected", error: new AppError("NOT_FOUND", { reason: "unknown_reference", reference: event.providerReference }, "billing.errors.callbackUnknownReference") };
  if (event.merchantRef !== null && event.merchantRef !== charge.merchantRef) {
    return { outcome: "rejected", error: new AppError("VALIDATION_FAILED", { reason: "merchant_ref_mismatch", reference: event.providerReference }, "billing.errors.callbackMerchantRef") };
  }
  switch (event.status) {
    case "paid":
      if (event.amountIdr !== charge.amountIdr) {
        return { outcome: "rejected", error: new AppError("CONFLICT", { reason: "amount_mismatch", reference: event.providerReference, expectedIdr: charge.amountIdr, receivedIdr: event.amountIdr }, "billing.errors.callbackAmountMismatch") };
      }
      return settlePaid(db, actor, charge, event);
    case "expired":
    case "failed":
      if (await transitionCharge(db, charge.id, ["pending"], event.status)) return { outcome: "applied" };
      return { outcome: charge.status === event.status ? "duplicate" : "ignored" };
    case "refunded":
      // Reversing a settled payment is a decision for the ISP's staff, not for a callback.
      return { outcome: "ignored" };
  }
}

async function settlePaid(db: TenantDb, actor: SystemActor, charge: ChargeRecord, event: GatewayEvent): Promise<Applied> {
  if (charge.paymentId) return { outcome: "duplicate" };
  const idempotencyKey = gatewayPaymentKey(charge.providerReference);
  const now = new Date();
  const earlier = await findPaymentIdByKey(db, idempotencyKey);
  if (earlier) {
    await linkChargePayment(db, charge.id, earlier.id, earlier.receivedAt);
    return { outcome: "duplicate" };
  }
  const invoice = (await findInvoiceStatus(db, charge.invoiceId))!;
  // Paid on a code that no longer matched its invoice: kept all the same, listed for follow-up.
  const superseded = isSuperseded(charge, invoice);
  const paidAt = event.paidAt && event.paidAt.getTime() <= now.getTime() ? event.paidAt : null;
  const command = (invoiceId: string | undefined) => ({
    customerId: invoice.customerId,
    invoiceId,
    amountIdr: charge.amountIdr,
    method: "gateway" as const,
    reference: charge.providerReference,
    receivedAt: paidAt?.toISOString(),
    idempotencyKey,
  });
  const reasonOf = (error: unknown) => (error instanceof AppError && error.code === "CONFLICT" ? error.details?.reason : undefined);
  let paymentId: string;
  let replayed: boolean;
  try {
    let result;
    try {
      // Money received is money received: if the invoice was settled or voided meanwhile, the
      // payment becomes the customer's credit instead of being refused.
      result = await recordPayment(db, actor, command(isPayable(invoice.status) ? invoice.id : undefined));
    } catch (error) {
      const reason = reasonOf(error);
      if (reason !== "invoice_already_paid" && reason !== "invoice_void") throw error;
      result = await recordPayment(db, actor, command(undefined));
    }
    paymentId = result.payment.id;
    replayed = result.replayed;
  } catch (error) {
    // A concurrent duplicate recorded it first while this one saw the invoice already paid (so
    // asked for credit): same key, different request. The payment exists; this is a duplicate.
    if (reasonOf(error) !== "idempotency_key_reused") throw error;
    const winner = (await findPaymentIdByKey(db, idempotencyKey))!;
    paymentId = winner.id;
    replayed = true;
  }
  if (superseded) await markChargeSuperseded(db, charge.id, now);
  await linkChargePayment(db, charge.id, paymentId, paidAt ?? now);
  if (superseded && !replayed) {
    requestLogger({ requestId: actor.requestId ?? "system", tenantId: db.tenantId }).warn(
      { charge_id: charge.id, reference: charge.providerReference, payment_id: paymentId, amount_idr: charge.amountIdr },
      "money arrived on a superseded payment code: kept, listed for follow-up",
    );
  }
  return { outcome: replayed ? "duplicate" : "applied" };
}
