// A Tripay simulator: a real HTTP server speaking the closed-payment part of Tripay's public
// API (https://tripay.co.id/developer) for the merchants it was started with, plus admin
// endpoints that play the customer and Tripay's callback sender.
//
//   POST {/api-sandbox|/api}/transaction/create    Bearer API key; HMAC-SHA256 signature of
//                                                   merchantCode + merchant_ref + amount
//   GET  {/api-sandbox|/api}/transaction/detail?reference=…
//   GET  /checkout/{reference}                      a small page with a "pay" button
//   GET  /__sim/transactions                        every transaction (JSON)
//   POST /__sim/pay/{reference}                     mark PAID, POST the signed callback
//   POST /__sim/expire/{reference}                  mark EXPIRED, POST the callback
//   POST /__sim/callback/{reference}                send the current status's callback again
// The admin endpoints take an optional JSON body: {"badSignature": true} signs with a wrong
// key, {"copies": 2} sends the same callback twice in a row, {"concurrent": 2} twice at once,
// {"totalAmount": 1234} reports another paid amount.
//
// Written from Tripay's documentation, independently of the application's adapter, so the
// two check each other. It keeps everything in memory.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";

export type SimMerchant = { merchantCode: string; apiKey: string; privateKey: string; name?: string };

export type SimStatus = "UNPAID" | "PAID" | "EXPIRED" | "FAILED" | "REFUND";

export type SimTransaction = {
  reference: string;
  merchantCode: string;
  merchantRef: string;
  method: string;
  amount: number;
  feeMerchant: number;
  feeCustomer: number;
  customerName: string;
  customerEmail: string;
  customerPhone: string | null;
  callbackUrl: string | null;
  returnUrl: string | null;
  payCode: string | null;
  qrString: string | null;
  status: SimStatus;
  expiredTime: number;
  paidAt: number | null;
  createdAt: number;
  orderItems: Array<{ sku: string | null; name: string; price: number; quantity: number; subtotal: number }>;
};

export type CallbackOptions = { badSignature?: boolean; copies?: number; concurrent?: number; totalAmount?: number };
export type Delivery = { url: string; httpStatus: number | null; body: string; error?: string };

export type TripaySimOptions = {
  merchants: SimMerchant[];
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** Tripay re-sends a callback not answered `{"success": true}` every 2 minutes, at most 3 times. */
  retryDelayMs?: number;
  maxRetries?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
};

export type TripaySim = {
  /** e.g. http://127.0.0.1:3900 — Tripay's sandbox base is `${origin}/api-sandbox`. */
  origin: string;
  sandboxBaseUrl: string;
  port: number;
  transactions(): SimTransaction[];
  find(reference: string): SimTransaction | undefined;
  pay(reference: string, options?: CallbackOptions): Promise<Delivery[]>;
  expire(reference: string, options?: CallbackOptions): Promise<Delivery[]>;
  sendCallback(reference: string, options?: CallbackOptions): Promise<Delivery[]>;
  close(): Promise<void>;
};

/** Channels the simulator accepts, with Tripay's published limits and standard fees. */
const CHANNELS: Record<string, { name: string; kind: "va" | "qris"; min: number; max: number; minExpiryMin: number; maxExpiryMin: number; fee: (amount: number) => number }> = {
  QRIS: { name: "QRIS by ShopeePay", kind: "qris", min: 1_000, max: 5_000_000, minExpiryMin: 10, maxExpiryMin: 60, fee: (a) => 750 + Math.ceil(a * 0.007) },
  QRIS2: { name: "QRIS", kind: "qris", min: 1_000, max: 5_000_000, minExpiryMin: 10, maxExpiryMin: 1_440, fee: (a) => 750 + Math.ceil(a * 0.007) },
  BRIVA: { name: "BRI Virtual Account", kind: "va", min: 10_000, max: 10_000_000, minExpiryMin: 60, maxExpiryMin: 43_200, fee: () => 4_250 },
  BNIVA: { name: "BNI Virtual Account", kind: "va", min: 10_000, max: 10_000_000, minExpiryMin: 15, maxExpiryMin: 1_440, fee: () => 4_250 },
  MANDIRIVA: { name: "Mandiri Virtual Account", kind: "va", min: 10_000, max: 10_000_000, minExpiryMin: 60, maxExpiryMin: 43_200, fee: () => 4_250 },
  BCAVA: { name: "BCA Virtual Account", kind: "va", min: 10_000, max: 10_000_000, minExpiryMin: 15, maxExpiryMin: 43_200, fee: () => 5_500 },
  PERMATAVA: { name: "Permata Virtual Account", kind: "va", min: 10_000, max: 10_000_000, minExpiryMin: 60, maxExpiryMin: 43_200, fee: () => 4_250 },
  CIMBVA: { name: "CIMB Niaga Virtual Account", kind: "va", min: 10_000, max: 10_000_000, minExpiryMin: 15, maxExpiryMin: 43_200, fee: () => 4_250 },
  BSIVA: { name: "BSI Virtual Account", kind: "va", min: 10_000, max: 10_000_000, minExpiryMin: 60, maxExpiryMin: 180, fee: () => 4_250 },
  MUAMALATVA: { name: "Muamalat Virtual Account", kind: "va", min: 10_000, max: 10_000_000, minExpiryMin: 60, maxExpiryMin: 180, fee: () => 4_250 },
  OCBCVA: { name: "OCBC NISP Virtual Account", kind: "va", min: 10_000, max: 10_000_000, minExpiryMin: 15, maxExpiryMin: 43_200, fee: () => 4_250 },
  DANAMONVA: { name: "Danamon Virtual Account", kind: "va", min: 10_000, max: 10_000_000, minExpiryMin: 15, maxExpiryMin: 43_200, fee: () => 4_250 },
};

const hmac = (key: string, data: string | Buffer) => createHmac("sha256", key).update(data).digest("hex");

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** JSON as PHP's json_encode writes it (Tripay runs PHP): slashes escaped. */
function phpJson(value: unknown): string {
  return JSON.stringify(value).replaceAll("/", "\\/");
}

// ---- QRIS payload (EMVCo merchant-presented QR), so a page can render a scannable-looking code.

function tlv(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

function qrisPayload(merchant: SimMerchant, amount: number, reference: string): string {
  const name = (merchant.name ?? "RRNET SIM MERCHANT").slice(0, 25).toUpperCase();
  const body =
    tlv("00", "01") +
    tlv("01", "12") +
    tlv("26", tlv("00", "ID.CO.QRIS.WWW") + tlv("01", `93600914${merchant.merchantCode.replace(/\D/g, "").padStart(7, "0")}`) + tlv("03", "UMI")) +
    tlv("52", "4899") +
    tlv("53", "360") +
    tlv("54", String(amount)) +
    tlv("58", "ID") +
    tlv("59", name) +
    tlv("60", "JAKARTA") +
    tlv("62", tlv("01", reference.slice(0, 25)));
  const unsigned = `${body}6304`;
  return unsigned + crc16(unsigned);
}

// ---- request parsing

/** Form bodies as PHP builds them (order_items[0][name]=…) or JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> | null {
  if (contentType.includes("application/json")) {
    try {
      const value: unknown = JSON.parse(raw);
      return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.replace(/\]/g, "").split("[");
    let node = out as Record<string, unknown>;
    for (const [i, part] of path.entries()) {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    }
  }
  if (out.order_items && typeof out.order_items === "object" && !Array.isArray(out.order_items)) out.order_items = Object.values(out.order_items);
  return out;
}

const asInt = (v: unknown): number | null => (typeof v === "number" && Number.isSafeInteger(v) ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null);
const asText = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : typeof v === "number" ? String(v) : null);

async function readBody(req: http.IncomingMessage, limit = 256 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: http.ServerResponse, status: number, body: unknown, contentType = "application/json") {
  const text = typeof body === "string" ? body : phpJson(body);
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const fail = (res: http.ServerResponse, status: number, message: string) => send(res, status, { success: false, message });

// ---- callback delivery

/** POSTs a body; `*.localhost` is loopback (RFC 6761) with the Host header kept, as browsers do. */
function post(url: string, body: string, headers: Record<string, string>, timeoutMs = 10_000): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const loopback = target.hostname === "localhost" || target.hostname.endsWith(".localhost");
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        method: "POST",
        protocol: target.protocol,
        hostname: loopback ? "127.0.0.1" : target.hostname,
        port: target.port || (target.protocol === "https:" ? 443 : 80),
        path: `${target.pathname}${target.search}`,
        headers: { ...headers, host: target.host, "content-length": String(Buffer.byteLength(body)), "user-agent": "TriPay-Callback-Simulator" },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("callback timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

function acknowledged(body: string): boolean {
  try {
    return (JSON.parse(body) as { success?: unknown }).success === true;
  } catch {
    return false;
  }
}

export async function startTripaySim(options: TripaySimOptions): Promise<TripaySim> {
  const merchants = new Map(options.merchants.map((m) => [m.apiKey, m]));
  const byCode = new Map(options.merchants.map((m) => [m.merchantCode, m]));
  const transactions = new Map<string, SimTransaction>();
  const log = options.log ?? (() => undefined);
  const retryDelayMs = options.retryDelayMs ?? 120_000;
  const maxRetries = options.maxRetries ?? 3;
  const timers = new Set<NodeJS.Timeout>();
  let sequence = 0;
  let origin = "";

  function merchantOf(req: http.IncomingMessage): SimMerchant | null {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
    return (match && merchants.get(match[1]!.trim())) || null;
  }

  function view(t: SimTransaction, detail: boolean) {
    const channel = CHANNELS[t.method]!;
    return {
      reference: t.reference,
      merchant_ref: t.merchantRef,
      payment_selection_type: "static",
      payment_method: t.method,
      payment_name: channel.name,
      customer_name: t.customerName,
      customer_email: t.customerEmail,
      customer_phone: t.customerPhone,
      callback_url: t.callbackUrl,
      return_url: t.returnUrl,
      amount: t.amount,
      fee_merchant: t.feeMerchant,
      fee_customer: t.feeCustomer,
      total_fee: t.feeMerchant + t.feeCustomer,
      amount_received: t.amount - t.feeMerchant,
      pay_code: t.payCode,
      pay_url: null,
      checkout_url: `${origin}/checkout/${t.reference}`,
      status: t.status,
      ...(detail ? { paid_at: t.paidAt } : {}),
      expired_time: t.expiredTime,
      order_items: t.orderItems,
      instructions: [],
      qr_string: t.qrString,
      qr_url: null,
    };
  }

  function callbackBody(t: SimTransaction, totalAmount?: number) {
    const total = totalAmount ?? t.amount + t.feeCustomer;
    return phpJson({
      reference: t.reference,
      merchant_ref: t.merchantRef,
      payment_method: CHANNELS[t.method]!.name,
      payment_method_code: t.method,
      total_amount: total,
      fee_merchant: t.feeMerchant,
      fee_customer: t.feeCustomer,
      total_fee: t.feeMerchant + t.feeCustomer,
      amount_received: total - t.feeCustomer - t.feeMerchant,
      is_closed_payment: 1,
      status: t.status,
      paid_at: t.paidAt,
      note: null,
    });
  }

  async function deliver(t: SimTransaction, opts: CallbackOptions = {}): Promise<Delivery[]> {
    if (!t.callbackUrl) return [];
    const merchant = byCode.get(t.merchantCode)!;
    const body = callbackBody(t, opts.totalAmount);
    const key = opts.badSignature ? `${merchant.privateKey}-not-really` : merchant.privateKey;
    const headers = { "content-type": "application/json", "x-callback-event": "payment_status", "x-callback-signature": hmac(key, body) };
    const once = async (): Promise<Delivery> => {
      try {
        const reply = await post(t.callbackUrl!, body, headers);
        log("callback sent", { reference: t.reference, status: t.status, url: t.callbackUrl, http_status: reply.status, reply: reply.body.slice(0, 200) });
        return { url: t.callbackUrl!, httpStatus: reply.status, body: reply.body };
      } catch (error) {
        log("callback failed", { reference: t.reference, url: t.callbackUrl, error: (error as Error).message });
        return { url: t.callbackUrl!, httpStatus: null, body: "", error: (error as Error).message };
      }
    };
    const deliveries: Delivery[] = [];
    if (opts.concurrent && opts.concurrent > 1) {
      deliveries.push(...(await Promise.all(Array.from({ length: opts.concurrent }, once))));
    } else {
      for (let i = 0; i < Math.max(1, opts.copies ?? 1); i++) deliveries.push(await once());
    }
    if (!opts.badSignature && !deliveries.some((d) => acknowledged(d.body))) scheduleRetry(t, body, headers, 1);
    return deliveries;
  }

  function scheduleRetry(t: SimTransaction, body: string, headers: Record<string, string>, attempt: number) {
    if (attempt > maxRetries || retryDelayMs <= 0) return;
    const timer = setTimeout(async () => {
      timers.delete(timer);
      const reply = await post(t.callbackUrl!, body, headers).catch((error: Error) => ({ status: 0, body: error.message }));
      log("callback retried", { reference: t.reference, attempt, http_status: reply.status });
      if (!acknowledged(reply.body)) scheduleRetry(t, body, headers, attempt + 1);
    }, retryDelayMs);
    timer.unref();
    timers.add(timer);
  }

  function create(merchant: SimMerchant, body: Record<string, unknown>, res: http.ServerResponse) {
    const method = asText(body.method);
    const merchantRef = asText(body.merchant_ref);
    const amount = asInt(body.amount);
    const customerName = asText(body.customer_name);
    const customerEmail = asText(body.customer_email);
    const signature = asText(body.signature);
    if (!method || !CHANNELS[method]) return fail(res, 400, "Invalid payment method or payment channel is not active");
    if (!merchantRef) return fail(res, 400, "The merchant ref field is required.");
    if (amount === null || amount <= 0) return fail(res, 400, "The amount field is required.");
    if (!customerName) return fail(res, 400, "The customer name field is required.");
    if (!customerEmail) return fail(res, 400, "The customer email field is required.");
    if (!signature || !sameHex(signature.toLowerCase(), hmac(merchant.privateKey, `${merchant.merchantCode}${merchantRef}${amount}`))) {
      return fail(res, 400, "Invalid signature");
    }
    const channel = CHANNELS[method]!;
    if (amount < channel.min || amount > channel.max) return fail(res, 400, `Amount must be between ${channel.min} and ${channel.max} for ${method}`);
    const rawItems = Array.isArray(body.order_items) ? (body.order_items as Record<string, unknown>[]) : null;
    if (!rawItems || rawItems.length === 0) return fail(res, 400, "The order items field is required.");
    const items = [];
    for (const item of rawItems) {
      const name = asText(item?.name);
      const price = asInt(item?.price);
      const quantity = asInt(item?.quantity);
      if (!name || price === null || quantity === null || quantity < 1) return fail(res, 400, "Each order item needs name, price and quantity");
      items.push({ sku: asText(item.sku), name, price, quantity, subtotal: price * quantity });
    }
    if (items.reduce((s, i) => s + i.subtotal, 0) !== amount) return fail(res, 400, "Total amount of order items does not match the amount");
    const now = Math.floor(Date.now() / 1000);
    const expiredTime = asInt(body.expired_time) ?? now + 24 * 3600;
    const minutes = (expiredTime - now) / 60;
    if (minutes < channel.minExpiryMin - 1 || minutes > channel.maxExpiryMin + 1) {
      return fail(res, 400, `Expired time must be between ${channel.minExpiryMin} and ${channel.maxExpiryMin} minutes from now for ${method}`);
    }
    sequence += 1;
    const reference = `${merchant.merchantCode}${String(sequence).padStart(10, "0")}${randomBytes(3).toString("hex").toUpperCase()}`;
    const transaction: SimTransaction = {
      reference,
      merchantCode: merchant.merchantCode,
      merchantRef,
      method,
      amount,
      feeMerchant: channel.fee(amount),
      feeCustomer: 0,
      customerName,
      customerEmail,
      customerPhone: asText(body.customer_phone),
      callbackUrl: asText(body.callback_url),
      returnUrl: asText(body.return_url),
      payCode: channel.kind === "va" ? `8808${Array.from({ length: 12 }, () => randomInt(10)).join("")}` : null,
      qrString: channel.kind === "qris" ? qrisPayload(merchant, amount, reference) : null,
      status: "UNPAID",
      expiredTime,
      paidAt: null,
      createdAt: now,
      orderItems: items,
    };
    transactions.set(reference, transaction);
    log("transaction created", { reference, merchant_ref: merchantRef, method, amount });
    send(res, 200, { success: true, message: "", data: view(transaction, false) });
  }

  /** Plays the customer (pay), the clock (expire) or Tripay's sender (callback) for one transaction. */
  async function act(action: string, reference: string, opts: CallbackOptions): Promise<{ status: number; body: unknown }> {
    const t = transactions.get(reference);
    if (!t) return { status: 404, body: { success: false, message: "Transaction not found" } };
    if (action === "pay" || action === "expire") {
      if (t.status !== "UNPAID") return { status: 409, body: { success: false, message: `Transaction is ${t.status}` } };
      t.status = action === "pay" ? "PAID" : "EXPIRED";
      if (action === "pay") t.paidAt = Math.floor(Date.now() / 1000);
    }
    const deliveries = await deliver(t, opts);
    return { status: 200, body: { success: true, data: { reference, status: t.status, deliveries } } };
  }

  function checkoutPage(t: SimTransaction): string {
    const esc = (v: string | null) => (v ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const rupiah = `Rp ${t.amount.toLocaleString("id-ID")}`;
    const code = t.payCode ? `<p>Virtual account: <b>${esc(t.payCode)}</b></p>` : `<p>QRIS payload:</p><pre style="white-space:pre-wrap;word-break:break-all">${esc(t.qrString)}</pre>`;
    const button = t.status === "UNPAID" ? `<form method="post" action="/__sim/pay/${t.reference}"><button type="submit">Pay ${rupiah} (simulated)</button></form>` : "";
    return `<!doctype html><meta charset="utf-8"><title>Tripay simulator ${t.reference}</title>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto">
<h1>Tripay simulator</h1><p>${esc(CHANNELS[t.method]!.name)} &middot; ${esc(t.merchantRef)}</p><p>Amount: <b>${rupiah}</b> &middot; Status: <b>${t.status}</b></p>
${code}${button}</body>`;
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://sim");
      const path = url.pathname;
      const api = /^\/(api-sandbox|api)(\/.*)$/.exec(path);
      try {
        if (api) {
          const merchant = merchantOf(req);
          if (!merchant) return fail(res, 401, "Invalid API Key");
          const route = api[2];
          if (route === "/transaction/create" && req.method === "POST") {
            const body = parseBody(await readBody(req), String(req.headers["content-type"] ?? ""));
            if (!body) return fail(res, 400, "Invalid request body");
            return create(merchant, body, res);
          }
          if (route === "/transaction/detail" && req.method === "GET") {
            const t = transactions.get(url.searchParams.get("reference") ?? "");
            if (!t || t.merchantCode !== merchant.merchantCode) return fail(res, 404, "Transaction not found");
            return send(res, 200, { success: true, message: "", data: view(t, true) });
          }
          return fail(res, 404, "Not found");
        }
        const checkout = /^\/checkout\/([A-Za-z0-9-]+)$/.exec(path);
        if (checkout && req.method === "GET") {
          const t = transactions.get(checkout[1]!);
          return t ? send(res, 200, checkoutPage(t), "text/html; charset=utf-8") : fail(res, 404, "Transaction not found");
        }
        const action = /^\/__sim\/(pay|expire|callback)\/([A-Za-z0-9-]+)$/.exec(path);
        if (action && req.method === "POST") {
          const raw = await readBody(req);
          const fromPage = String(req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
          const body = raw && !fromPage ? (parseBody(raw, "application/json") ?? {}) : {};
          const result = await act(action[1]!, action[2]!, {
            badSignature: body.badSignature === true,
            copies: asInt(body.copies) ?? undefined,
            concurrent: asInt(body.concurrent) ?? undefined,
            totalAmount: asInt(body.totalAmount) ?? undefined,
          });
          // The checkout page's button: show the page again, now paid.
          if (fromPage && result.status === 200) {
            res.writeHead(303, { location: `/checkout/${action[2]}` });
            return res.end();
          }
          return send(res, result.status, result.body);
        }
        if (path === "/__sim/transactions" && req.method === "GET") {
          return send(res, 200, { success: true, data: [...transactions.values()].map((t) => view(t, true)) });
        }
        return fail(res, 404, "Not found");
      } catch (error) {
        log("simulator error", { error: (error as Error).message });
        if (!res.headersSent) fail(res, 500, "Internal error");
      }
    })();
  });

  async function actOrThrow(action: string, reference: string, opts: CallbackOptions): Promise<Delivery[]> {
    const result = await act(action, reference, opts);
    const body = result.body as { message?: string; data?: { deliveries: Delivery[] } };
    if (result.status !== 200) throw new Error(`simulator ${action} ${reference}: ${body.message}`);
    return body.data!.deliveries;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.address}:${address.port}`;

  return {
    origin,
    sandboxBaseUrl: `${origin}/api-sandbox`,
    port: address.port,
    transactions: () => [...transactions.values()],
    find: (reference) => transactions.get(reference),
    pay: (reference, opts = {}) => actOrThrow("pay", reference, opts),
    expire: (reference, opts = {}) => actOrThrow("expire", reference, opts),
    sendCallback: (reference, opts = {}) => actOrThrow("callback", reference, opts),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
