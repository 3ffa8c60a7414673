// Tripay closed payments over HTTP (https://tripay.co.id/developer): create a transaction,
// read its detail, verify callbacks. Every reply is validated with zod before anything is
// believed; failures become GATEWAY_UNAVAILABLE (network, timeout, 5xx, a reply we cannot read)
// or GATEWAY_REJECTED (Tripay answered `success: false`, e.g. a bad key or signature).
import "server-only";
import { z } from "zod";
import { env } from "@/server/config/env";
import { AppError } from "@/server/errors/app-error";
import { readCapped } from "@/server/http/read-capped";
import { traceCall } from "@/server/telemetry/span";
import { matchesOrderAmount, type CallbackVerification, type ChargeInfo, type ChargeRequest, type MerchantCredentials, type PaymentGateway } from "./payment-gateway";
import { isValidCallbackSignature, transactionSignature } from "./tripay.signature";

export const TRIPAY_CALLBACK_EVENT = "payment_status";
const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_REPLY_BYTES = 1024 * 1024;
const PROVIDER = "tripay";

// Tripay prints some numbers as strings in places (paid_at in the detail example, pay_code as a
// number in the merchant transaction list): accept both, keep strings for codes.
const ZIntLike = z.union([z.int(), z.string().regex(/^\d+$/).transform(Number)]);
const ZCode = z.union([z.string(), z.int().transform(String)]);

const ZTripayStatus = z.enum(["UNPAID", "PAID", "EXPIRED", "FAILED", "REFUND"]);

const ZTripayTransaction = z.object({
  reference: z.string().min(1).max(100),
  merchant_ref: z.string(),
  payment_method: z.string(),
  amount: z.int().nonnegative(),
  fee_customer: z.int().nonnegative().nullish(),
  pay_code: ZCode.nullish(),
  qr_string: z.string().nullish(),
  checkout_url: z.string().nullish(),
  status: ZTripayStatus,
  expired_time: ZIntLike.nullish(),
  paid_at: ZIntLike.nullish(),
});
type TTripayTransaction = z.infer<typeof ZTripayTransaction>;

const ZEnvelope = z.object({ success: z.boolean(), message: z.string().nullish(), data: z.unknown().optional() });

/** The callback body (docs: "Callback" > Body). */
const ZTripayCallback = z.object({
  reference: z.string().min(1).max(100),
  merchant_ref: z.string().nullable(),
  payment_method_code: z.string().nullish(),
  total_amount: z.int().nonnegative(),
  fee_merchant: z.int().nonnegative().nullish(),
  fee_customer: z.int().nonnegative().nullish(),
  amount_received: z.int(),
  is_closed_payment: z.union([z.literal(0), z.literal(1)]),
  status: z.enum(["PAID", "EXPIRED", "FAILED", "REFUND"]),
  paid_at: ZIntLike.nullish(),
});

const STATUS: Record<z.infer<typeof ZTripayStatus>, ChargeInfo["status"]> = {
  UNPAID: "pending",
  PAID: "paid",
  EXPIRED: "expired",
  FAILED: "failed",
  REFUND: "refunded",
};

const unixToDate = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

function unavailable(reason: string, extra: Record<string, unknown> = {}, cause?: unknown): AppError {
  return new AppError("GATEWAY_UNAVAILABLE", { provider: PROVIDER, reason, ...extra }, undefined, { cause });
}

export type TripayOptions = { baseUrl?: string; timeoutMs?: number };

export function createTripayGateway(options: TripayOptions = {}): PaymentGateway {
  const baseUrl = (options.baseUrl ?? env().TRIPAY_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** One API call, as a span "tripay <path>" (the HTTP request itself is its child). */
  function call(credentials: MerchantCredentials, path: string, init: { method: "GET" | "POST"; body?: unknown }): Promise<unknown> {
    const url = new URL(baseUrl);
    return traceCall({ system: PROVIDER, operation: path.replace(/\?.*$/, ""), host: url.hostname, port: Number(url.port) || undefined }, () =>
      send(credentials, path, init),
    );
  }

  async function send(credentials: MerchantCredentials, path: string, init: { method: "GET" | "POST"; body?: unknown }): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method: init.method,
        headers: {
          authorization: `Bearer ${credentials.apiKey}`,
          accept: "application/json",
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "error",
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      throw unavailable(timedOut ? "timeout" : "network", timedOut ? { timeoutMs } : {}, error);
    }
    let text: string;
    try {
      text = (await readCapped(response.body, MAX_REPLY_BYTES, () => unavailable("reply_too_large"))).toString("utf8");
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw unavailable("network", {}, error);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw unavailable("invalid_reply", { httpStatus: response.status });
    }
    const envelope = ZEnvelope.safeParse(json);
    if (!envelope.success) throw unavailable("invalid_reply", { httpStatus: response.status });
    if (!envelope.data.success) {
      const providerMessage = (envelope.data.message ?? "").slice(0, 200);
      // Tripay's own trouble (or a rate limit) may pass; a refusal of this request will not.
      if (response.status >= 500 || response.status === 429) throw unavailable("provider_error", { httpStatus: response.status, providerMessage });
      throw new AppError("GATEWAY_REJECTED", { provider: PROVIDER, httpStatus: response.status, providerMessage });
    }
    return envelope.data.data;
  }

  function toChargeInfo(data: TTripayTransaction): ChargeInfo {
    return {
      providerReference: data.reference,
      merchantRef: data.merchant_ref,
      method: data.payment_method,
      amountIdr: data.amount,
      feeCustomerIdr: data.fee_customer ?? 0,
      status: STATUS[data.status],
      providerStatus: data.status,
      payCode: data.pay_code || null,
      qrString: data.qr_string || null,
      checkoutUrl: data.checkout_url || null,
      expiresAt: unixToDate(data.expired_time),
      paidAt: unixToDate(data.paid_at),
    };
  }

  function parseTransaction(data: unknown): TTripayTransaction {
    const parsed = ZTripayTransaction.safeParse(data);
    if (!parsed.success) throw unavailable("invalid_reply", { issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`) });
    return parsed.data;
  }

  return {
    provider: PROVIDER,

    async createCharge(credentials, request: ChargeRequest) {
      const amount = request.invoice.amountIdr;
      const data = await call(credentials, "/transaction/create", {
        method: "POST",
        body: {
          method: request.method,
          merchant_ref: request.merchantRef,
          amount,
          customer_name: request.customer.name,
          customer_email: request.customer.email,
          ...(request.customer.phone ? { customer_phone: request.customer.phone } : {}),
          order_items: [{ sku: request.invoice.number, name: `Tagihan ${request.invoice.number}`, price: amount, quantity: 1 }],
          callback_url: request.callbackUrl,
          expired_time: Math.floor(request.expiresAt.getTime() / 1000),
          signature: transactionSignature(credentials.privateKey, credentials.merchantCode, request.merchantRef, amount),
        },
      });
      const transaction = parseTransaction(data);
      const info = toChargeInfo(transaction);
      // A reply about another transaction, or for another amount, is not one we can act on.
      if (info.merchantRef !== request.merchantRef || !matchesOrderAmount(info, amount)) {
        throw unavailable("reply_mismatch", { merchantRef: info.merchantRef, amountIdr: info.amountIdr });
      }
      return info;
    },

    async getCharge(credentials, providerReference) {
      const data = await call(credentials, `/transaction/detail?reference=${encodeURIComponent(providerReference)}`, { method: "GET" });
      const info = toChargeInfo(parseTransaction(data));
      if (info.providerReference !== providerReference) throw unavailable("reply_mismatch", { providerReference: info.providerReference });
      return info;
    },

    verifyCallback(credentials, rawBody, headers): CallbackVerification {
      const eventName = headers.get("x-callback-event");
      // What the body claims, for the record of a rejected callback only (never acted upon).
      let json: unknown = null;
      try {
        json = JSON.parse(Buffer.from(rawBody).toString("utf8"));
      } catch {
        json = null;
      }
      const claimed = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
      const note = {
        eventName,
        providerReference: typeof claimed.reference === "string" ? claimed.reference.slice(0, 100) : null,
        status: typeof claimed.status === "string" ? claimed.status.slice(0, 20) : null,
      };
      if (!isValidCallbackSignature(credentials.privateKey, rawBody, headers.get("x-callback-signature"))) {
        return { ok: false, reason: "bad_signature", ...note };
      }
      if (eventName !== TRIPAY_CALLBACK_EVENT) return { ok: false, reason: "unknown_event", event: eventName, ...note };
      const parsed = ZTripayCallback.safeParse(json);
      if (!parsed.success) {
        return { ok: false, reason: "malformed", issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`), ...note };
      }
      const body = parsed.data;
      const feeCustomer = body.fee_customer ?? 0;
      return {
        ok: true,
        eventName,
        event: {
          providerReference: body.reference,
          merchantRef: body.merchant_ref,
          status: body.status === "REFUND" ? "refunded" : (STATUS[body.status] as "paid" | "expired" | "failed"),
          providerStatus: body.status,
          amountIdr: body.total_amount - feeCustomer,
          totalPaidIdr: body.total_amount,
          netReceivedIdr: body.amount_received,
          paidAt: unixToDate(body.paid_at),
          closedPayment: body.is_closed_payment === 1,
        },
      };
    },
  };
}
