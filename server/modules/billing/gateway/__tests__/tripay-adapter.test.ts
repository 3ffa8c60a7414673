// The Tripay adapter against the simulator over a real socket: request format and signature,
// reply validation, and how failures map to GATEWAY_REJECTED / GATEWAY_UNAVAILABLE.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors/app-error";
import { startTripaySim, type TripaySim } from "@/sim/payment-gateway/tripay-sim";
import { createTripayGateway } from "../tripay.adapter";

const merchant = { merchantCode: "T7001", apiKey: "DEV-adapter-test-api-key-0000000001", privateKey: "adapter-test-private-key" };
const request = (merchantRef: string, method = "BRIVA", amountIdr = 150_000) => ({
  merchantRef,
  method,
  invoice: { number: "INV/2026/000001", amountIdr },
  customer: { name: "Ahmad Fauzi", email: "ahmad@example.test", phone: "081234500012" },
  callbackUrl: "http://tenant.localhost:1/api/payments/tripay/callback",
  expiresAt: new Date(Date.now() + 3 * 3600_000),
});

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

let sim: TripaySim;
let silent: http.Server;
let silentUrl: string;

beforeAll(async () => {
  sim = await startTripaySim({ merchants: [merchant], retryDelayMs: 0 });
  // A server that accepts the connection and never answers.
  silent = http.createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api-sandbox`;
});

afterAll(async () => {
  await sim.close();
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe("tripay adapter", () => {
  it("creates a virtual-account transaction the simulator accepts, and reads its detail", async () => {
    const gateway = createTripayGateway({ baseUrl: sim.sandboxBaseUrl });
    const info = await gateway.createCharge(merchant, request("INV-2026-000001-AAAA"));
    expect(info).toMatchObject({ merchantRef: "INV-2026-000001-AAAA", method: "BRIVA", amountIdr: 150_000, status: "pending", qrString: null });
    expect(info.providerReference).toMatch(/^T7001\d{10}[0-9A-F]{6}$/);
    expect(info.payCode).toMatch(/^\d{16}$/);
    expect(sim.find(info.providerReference)).toMatchObject({ customerPhone: "081234500012", callbackUrl: "http://tenant.localhost:1/api/payments/tripay/callback" });
    const detail = await gateway.getCharge(merchant, info.providerReference);
    expect(detail).toMatchObject({ providerReference: info.providerReference, status: "pending", amountIdr: 150_000 });
  });

  it("a QRIS transaction comes back with a QR payload", async () => {
    const info = await createTripayGateway({ baseUrl: sim.sandboxBaseUrl }).createCharge(merchant, { ...request("INV-2026-000001-BBBB", "QRIS"), expiresAt: new Date(Date.now() + 3600_000) });
    expect(info.qrString).toMatch(/^000201010212/);
    expect(info.payCode).toBeNull();
  });

  it("a wrong API key is GATEWAY_REJECTED with Tripay's message", async () => {
    const error = await caught(createTripayGateway({ baseUrl: sim.sandboxBaseUrl }).createCharge({ ...merchant, apiKey: "DEV-wrong" }, request("INV-X-1")));
    expect(error).toMatchObject({ code: "GATEWAY_REJECTED", details: { provider: "tripay", httpStatus: 401, providerMessage: "Invalid API Key" } });
  });

  it("a request signed with the wrong private key is GATEWAY_REJECTED (Invalid signature)", async () => {
    const error = await caught(createTripayGateway({ baseUrl: sim.sandboxBaseUrl }).createCharge({ ...merchant, privateKey: "not-the-key" }, request("INV-X-2")));
    expect(error).toMatchObject({ code: "GATEWAY_REJECTED", details: { providerMessage: "Invalid signature" } });
  });

  it("nobody listening is GATEWAY_UNAVAILABLE (network)", async () => {
    const error = await caught(createTripayGateway({ baseUrl: "http://127.0.0.1:9/api-sandbox" }).createCharge(merchant, request("INV-X-3")));
    expect(error).toMatchObject({ code: "GATEWAY_UNAVAILABLE", details: { reason: "network" } });
  });

  it("a reply that never comes is GATEWAY_UNAVAILABLE after the timeout", async () => {
    const started = Date.now();
    const error = await caught(createTripayGateway({ baseUrl: silentUrl, timeoutMs: 300 }).createCharge(merchant, request("INV-X-4")));
    expect(error).toMatchObject({ code: "GATEWAY_UNAVAILABLE", details: { reason: "timeout", timeoutMs: 300 } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a reply that is not Tripay's shape is GATEWAY_UNAVAILABLE (invalid_reply)", async () => {
    const odd = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ success: true, data: { reference: "T1", amount: "lots" } }));
    });
    await new Promise<void>((resolve) => odd.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
      const error = await caught(createTripayGateway({ baseUrl: base }).createCharge(merchant, request("INV-X-5")));
      expect(error).toMatchObject({ code: "GATEWAY_UNAVAILABLE", details: { reason: "invalid_reply" } });
    } finally {
      odd.closeAllConnections();
      await new Promise((resolve) => odd.close(resolve));
    }
  });

  it("verifies a callback on the raw bytes, then the event, then the body", () => {
    const gateway = createTripayGateway({ baseUrl: sim.sandboxBaseUrl });
    const body = Buffer.from('{"reference":"T1","merchant_ref":"M1","payment_method_code":"QRIS","total_amount":150000,"fee_merchant":1800,"fee_customer":0,"amount_received":148200,"is_closed_payment":1,"status":"PAID","paid_at":1764000000,"note":null}');
    const sign = (key: string, bytes: Buffer) => createHmac("sha256", key).update(bytes).digest("hex");
    const headers = (signature: string, event = "payment_status") => new Headers({ "x-callback-event": event, "x-callback-signature": signature });
    expect(gateway.verifyCallback(merchant, body, headers(sign(merchant.privateKey, body)))).toMatchObject({
      ok: true,
      event: { providerReference: "T1", merchantRef: "M1", status: "paid", amountIdr: 150_000, netReceivedIdr: 148_200, closedPayment: true, paidAt: new Date(1764000000 * 1000) },
    });
    expect(gateway.verifyCallback(merchant, body, headers(sign("other", body)))).toMatchObject({ ok: false, reason: "bad_signature", providerReference: "T1", status: "PAID" });
    expect(gateway.verifyCallback(merchant, body, headers(sign(merchant.privateKey, body), "payment_refund"))).toMatchObject({ ok: false, reason: "unknown_event", event: "payment_refund" });
    const junk = Buffer.from('{"reference":"T1"}');
    expect(gateway.verifyCallback(merchant, junk, headers(sign(merchant.privateKey, junk)))).toMatchObject({ ok: false, reason: "malformed" });
  });
});
