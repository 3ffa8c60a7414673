// Tripay's two HMAC-SHA256 signatures (https://tripay.co.id/developer), hex-encoded, keyed with
// the merchant's private key:
//   - a closed-payment transaction request signs merchantCode + merchant_ref + amount;
//   - a callback signs the raw JSON body exactly as sent (X-Callback-Signature).
// Comparisons are constant-time.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

export function transactionSignature(privateKey: string, merchantCode: string, merchantRef: string, amountIdr: number): string {
  if (!Number.isSafeInteger(amountIdr)) throw new Error("amount must be an integer number of rupiah");
  return createHmac("sha256", privateKey).update(`${merchantCode}${merchantRef}${amountIdr}`, "utf8").digest("hex");
}

export function callbackSignature(privateKey: string, rawBody: Uint8Array): string {
  return createHmac("sha256", privateKey).update(rawBody).digest("hex");
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** True when `received` (a header value, any case) is the callback signature of these bytes. */
export function isValidCallbackSignature(privateKey: string, rawBody: Uint8Array, received: string | null): boolean {
  const candidate = received?.trim().toLowerCase() ?? "";
  // Anything that is not 64 hex digits cannot match; checking the form first keeps the
  // comparison below on equal-length buffers, which timingSafeEqual requires.
  if (!HEX_SHA256.test(candidate)) return false;
  const expected = Buffer.from(callbackSignature(privateKey, rawBody), "hex");
  return timingSafeEqual(expected, Buffer.from(candidate, "hex"));
}
