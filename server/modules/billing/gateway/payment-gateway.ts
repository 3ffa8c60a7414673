// The contract between billing and a payment gateway provider (Tripay today). An adapter knows
// the provider's wire format and signatures; it knows nothing of tenants, invoices in the
// database or payments: gateway.service.ts does that with what the adapter returns.
import "server-only";
import type { TChargeStatus } from "./gateway.schema";

/** One merchant account at the provider (a tenant's own keys, opened from the sealed row). */
export type MerchantCredentials = { merchantCode: string; apiKey: string; privateKey: string };

export type ChargeRequest = {
  /** Our unique reference for this attempt (Tripay: merchant_ref). */
  merchantRef: string;
  /** Provider channel code, e.g. QRIS, BRIVA. */
  method: string;
  invoice: { number: string; amountIdr: number };
  customer: { name: string; email: string; phone: string | null };
  /** Where the provider posts status changes. */
  callbackUrl: string;
  expiresAt: Date;
};

/** A transaction as the provider reports it (on creation or when asked for its detail). */
export type ChargeInfo = {
  providerReference: string;
  merchantRef: string;
  method: string;
  /** The amount the provider reports for the transaction, and the fee it adds for the customer. */
  amountIdr: number;
  feeCustomerIdr: number;
  status: TChargeStatus | "refunded";
  providerStatus: string;
  payCode: string | null;
  qrString: string | null;
  checkoutUrl: string | null;
  expiresAt: Date | null;
  paidAt: Date | null;
};

/** A callback whose signature checked out, in provider-neutral terms. */
export type GatewayEvent = {
  providerReference: string;
  merchantRef: string | null;
  status: "paid" | "expired" | "failed" | "refunded";
  /** The status word as the provider sent it (kept in the callback log). */
  providerStatus: string;
  /** The order amount: what the customer paid minus any fee charged to them. */
  amountIdr: number;
  /** What the customer paid in total, and what the merchant receives after fees. */
  totalPaidIdr: number;
  netReceivedIdr: number;
  paidAt: Date | null;
  /** False for open-payment transactions (not ours: we only create closed ones). */
  closedPayment: boolean;
};

export type CallbackRejection =
  | { reason: "bad_signature" }
  | { reason: "unknown_event"; event: string | null }
  | { reason: "malformed"; issues: string[] };

export type CallbackVerification =
  | { ok: true; event: GatewayEvent; eventName: string }
  | ({ ok: false; eventName: string | null; providerReference: string | null; status: string | null } & CallbackRejection);

export interface PaymentGateway {
  readonly provider: string;
  /** Opens a payment request; throws GATEWAY_UNAVAILABLE (network, timeout, 5xx, garbage) or GATEWAY_REJECTED (the provider said no). */
  createCharge(credentials: MerchantCredentials, request: ChargeRequest): Promise<ChargeInfo>;
  /** The provider's current view of a transaction (to reconcile a missed callback). */
  getCharge(credentials: MerchantCredentials, providerReference: string): Promise<ChargeInfo>;
  /** Checks the signature over the exact bytes received, then the event name and body shape. */
  verifyCallback(credentials: MerchantCredentials, rawBody: Uint8Array, headers: Headers): CallbackVerification;
}

/**
 * Whether a transaction is for `orderIdr`. Tripay's docs do not say whether a transaction's
 * `amount` includes a fee charged to the customer, so both readings are accepted.
 */
export function matchesOrderAmount(info: Pick<ChargeInfo, "amountIdr" | "feeCustomerIdr">, orderIdr: number): boolean {
  return info.amountIdr === orderIdr || info.amountIdr - info.feeCustomerIdr === orderIdr;
}
