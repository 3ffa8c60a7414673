// Fonnte (https://docs.fonnte.com), the unofficial gateway most Indonesian ISPs use: POST /send
// with `Authorization: <device token>` (no "Bearer"), form fields target, message, countryCode.
// Its reply is `{status: true, id: [..], target: [..], process, detail}` or `{status: false,
// reason}`. Webhooks (message status, inbound chat) are unsigned: the tenant's webhook URL
// carries a secret instead (webhook.endpoint.ts). Fields relied on: docs/WHATSAPP.md.
import "server-only";
import { z } from "zod";
import { env } from "@/server/config/env";
import { exchange, retryAfterMs } from "./provider-http";
import type { DeliveryStatus, FonnteCredentials, OutgoingMessage, SendOutcome, WebhookEvent, WebhookVerification, WhatsAppGateway } from "./whatsapp-provider";

const ZSendReply = z.union([
  z.object({ status: z.literal(true), id: z.array(z.union([z.string(), z.int().transform(String)])).min(1), target: z.array(z.string()).optional(), process: z.string().optional() }),
  z.object({ status: z.literal(false), reason: z.string().default("") }),
]);

/** Reasons that mean the device or account cannot send now (another provider may). */
const DISCONNECTED = /disconnect|token invalid|invalid token|unauthori[sz]ed|quota|expired|not connected/i;
const BAD_TARGET = /target|number|not registered|invalid/i;

export type FonnteOptions = { baseUrl?: string; timeoutMs?: number };

export function createFonnteGateway(options: FonnteOptions = {}): WhatsAppGateway {
  const baseUrl = (options.baseUrl ?? env().FONNTE_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    provider: "fonnte",
    async send(credentials, message: OutgoingMessage): Promise<SendOutcome> {
      const { token } = credentials as FonnteCredentials;
      const form = new FormData();
      form.set("target", message.to);
      form.set("message", message.text);
      form.set("countryCode", "62");
      const reply = await exchange(`${baseUrl}/send`, { method: "POST", headers: { authorization: token, accept: "application/json" }, body: form }, timeoutMs);
      if (!reply.ok) return { kind: reply.notSent ? "temporary" : "ambiguous", reason: reply.reason };
      if (reply.status === 429) return { kind: "rate_limited", reason: "fonnte: HTTP 429", retryAfterMs: retryAfterMs(reply.retryAfter) };
      const parsed = ZSendReply.safeParse(reply.json);
      if (!parsed.success) {
        // A 5xx page or a proxy error: Fonnte did not take the message.
        if (reply.status >= 500) return { kind: "temporary", reason: `fonnte: HTTP ${reply.status}` };
        return { kind: "ambiguous", reason: `fonnte: unreadable reply (HTTP ${reply.status})` };
      }
      const body = parsed.data;
      if (body.status) return { kind: "sent", providerMessageId: body.id[0]! };
      const reason = `fonnte: ${body.reason.slice(0, 200)}`;
      if (reply.status >= 500) return { kind: "temporary", reason };
      if (DISCONNECTED.test(body.reason)) return { kind: "disconnected", reason };
      if (BAD_TARGET.test(body.reason)) return { kind: "rejected", reason };
      return { kind: "rejected", reason };
    },
  };
}

// Status webhook (docs: "Webhook update message status"): {device, id, stateid, status, state}.
// `status` is the processing status (sent, pending, failed, invalid, expired…); `state` the
// delivery state WhatsApp reports (sent, delivered, read).
const ZStatusHook = z.object({
  device: z.string().optional(),
  id: z.union([z.string(), z.int().transform(String)]),
  stateid: z.string().nullish(),
  status: z.string().nullish(),
  state: z.string().nullish(),
});
// Inbound chat webhook: {device, sender, message, name, ...}.
const ZInboundHook = z.object({ sender: z.string().min(1), message: z.string(), name: z.string().nullish() });

const FAILED = /fail|invalid|expired|unreachable/i;

function deliveryOf(status: string | null | undefined, state: string | null | undefined): DeliveryStatus | null {
  const s = (state ?? "").toLowerCase();
  if (s === "read") return "read";
  if (s === "delivered") return "delivered";
  if (status && FAILED.test(status)) return "failed";
  if (s === "sent" || (status ?? "").toLowerCase() === "sent") return "sent";
  return null;
}

/** Parses a Fonnte webhook body (the caller has checked the URL secret). */
export function parseFonnteWebhook(rawBody: Uint8Array, now = new Date()): WebhookVerification {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(rawBody).toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const inbound = ZInboundHook.safeParse(json);
  if (inbound.success) return { ok: true, events: [{ type: "inbound", from: inbound.data.sender, text: inbound.data.message }] };
  const status = ZStatusHook.safeParse(json);
  if (!status.success) return { ok: false, reason: "malformed" };
  const delivery = deliveryOf(status.data.status, status.data.state);
  const events: WebhookEvent[] = delivery
    ? [{ type: "status", providerMessageId: status.data.id, reference: null, status: delivery, reason: delivery === "failed" ? `fonnte: ${status.data.status}` : null, at: now }]
    : [];
  return { ok: true, events };
}
