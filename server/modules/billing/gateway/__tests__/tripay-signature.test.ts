// Tripay's signatures against the worked example in its documentation, and the callback check
// on raw bytes (https://tripay.co.id/developer, "Buat Signature" / "Callback").
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callbackSignature, isValidCallbackSignature, transactionSignature } from "../tripay.signature";

describe("tripay signatures", () => {
  it("a transaction request signature is the docs' worked example", () => {
    // privateKey, merchant code, merchant_ref and amount exactly as in Tripay's example.
    expect(transactionSignature("ytf6ooi2gmlNPfpchd94jDOk8hRWOu", "T0001", "INV55567", 1_500_000)).toBe(
      "9f167eba844d1fcb369404e2bda53702e2f78f7aa12e91da6715414e65b8c86a",
    );
  });

  it("a non-integer amount cannot be signed", () => {
    expect(() => transactionSignature("k", "T0001", "INV1", 10.5)).toThrow();
  });

  const key = "private-key-of-the-merchant";
  // As Tripay's PHP sends it: slashes escaped. Re-serialising the parsed object would differ.
  const raw = Buffer.from('{"reference":"T0001000000000000006","merchant_ref":"INV\\/1","status":"PAID","total_amount":150000}');

  it("a callback signature is HMAC-SHA256 of the raw body with the private key", () => {
    expect(callbackSignature(key, raw)).toBe(createHmac("sha256", key).update(raw).digest("hex"));
    expect(isValidCallbackSignature(key, raw, callbackSignature(key, raw))).toBe(true);
    expect(isValidCallbackSignature(key, raw, callbackSignature(key, raw).toUpperCase())).toBe(true);
  });

  it("the signature of the re-serialised body does not pass: only the bytes received count", () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString("utf8"))));
    expect(reserialised.equals(raw)).toBe(false);
    expect(isValidCallbackSignature(key, raw, callbackSignature(key, reserialised))).toBe(false);
  });

  it("another key, a changed byte, a missing or malformed header all fail", () => {
    const good = callbackSignature(key, raw);
    expect(isValidCallbackSignature("another-key", raw, good)).toBe(false);
    const changed = Buffer.from(raw);
    changed[changed.length - 2] = "1".charCodeAt(0);
    expect(isValidCallbackSignature(key, changed, good)).toBe(false);
    expect(isValidCallbackSignature(key, raw, null)).toBe(false);
    expect(isValidCallbackSignature(key, raw, good.slice(0, 63))).toBe(false);
    expect(isValidCallbackSignature(key, raw, `${good.slice(0, 63)}z`)).toBe(false);
  });
});
