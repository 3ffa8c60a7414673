// The WhatsApp Business Cloud API (developers.facebook.com/docs/whatsapp/cloud-api), the
// official one: POST {base}/{phone-number-id}/messages with a bearer token, always a template
// message (business-initiated messages outside the 24-hour window must be approved templates).
// Errors are `{error: {code, message, error_data}}`; webhooks are signed with
// `X-Hub-Signature-256: sha256=HMAC-SHA256(app secret, raw body)`. Fields relied on:
// docs/WHATSAPP.md.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/server/config/env";
import { exchange, retryAfterMs } from "./provider-http";
import type { CloudCredentials, OutgoingMessage, SendOutcome, WebhookEvent, WebhookVerification, WhatsAppGateway } from "./whatsapp-provider";

const ZSendReply = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
const ZErrorReply = z.object({
  error: z.object({ code: z.int(), message: z.string().default(""), error_subcode: z.int().nullish(), error_data: z.object({ details: z.string().nullish() }).nullish() }),
});

const RATE_LIMITED = new Set([4, 80007, 130429, 131048, 131056]);
const TEMPORARY = new Set([1, 2, 131000, 131016]);
/** The account or its number cannot send (token, permissions, number not registered). */
const DISCONNECTED = new Set([10, 190, 200, 133010]);

export type CloudOptions = { baseUrl?: string; timeoutMs?: number };

export function createCloudGateway(options: CloudOptions = {}): WhatsAppGateway {
  const baseUrl = (options.baseUrl ?? env().WA_CLOUD_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    provider: "wa_cloud",
    async send(credentials, message: OutgoingMessage): Promise<SendOutcome> {
      const account = credentials as CloudCredentials;
      const body = {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: message.to,
        type: "template",
        template: {
          name: message.template.name,
          language: { code: message.template.language },
          components: [
            { type: "body", parameters: message.template.parameters.map((text) => ({ type: "text", text })) },
            // An authentication template's copy-code button carries the code again.
            ...(message.template.copyCode !== undefined ? [{ type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: message.template.copyCode }] }] : []),
          ],
        },
        biz_opaque_callback_data: message.reference,
      };
      const reply = await exchange(
        `${baseUrl}/${encodeURIComponent(account.phoneNumberId)}/messages`,
        { method: "POST", headers: { authorization: `Bearer ${account.accessToken}`, "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) },
        timeoutMs,
      );
      if (!reply.ok) return { kind: reply.notSent ? "temporary" : "ambiguous", reason: reply.reason };
      if (reply.status >= 200 && reply.status < 300) {
        const sent = ZSendReply.safeParse(reply.json);
        if (sent.success) return { kind: "sent", providerMessageId: sent.data.messages[0]!.id };
        return { kind: "ambiguous", reason: "wa_cloud: unreadable success reply" };
      }
      const error = ZErrorReply.safeParse(reply.json);
      if (!error.success) {
        if (reply.status >= 500) return { kind: "temporary", reason: `wa_cloud: HTTP ${reply.status}` };
        if (reply.status === 429) return { kind: "rate_limited", reason: "wa_cloud: HTTP 429", retryAfterMs: retryAfterMs(reply.retryAfter) };
        return { kind: "rejected", reason: `wa_cloud: HTTP ${reply.status}` };
      }
      const { code, message: text, error_data } = error.data.error;
      const reason = `wa_cloud ${code}: ${[text, error_data?.details].filter(Boolean).join(" — ").slice(0, 200)}`;
      if (RATE_LIMITED.has(code) || reply.status === 429) return { kind: "rate_limited", reason, retryAfterMs: retryAfterMs(reply.retryAfter) };
      if (TEMPORARY.has(code) || reply.status >= 500) return { kind: "temporary", reason };
      if (DISCONNECTED.has(code) || reply.status === 401) return { kind: "disconnected", reason };
      return { kind: "rejected", reason };
    },
  };
}

/** `sha256=<hex>` over the exact bytes received, compared in constant time. */
export function isValidCloudSignature(appSecret: string, rawBody: Uint8Array, header: string | null): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = Buffer.from(createHmac("sha256", appSecret).update(rawBody).digest("hex"), "utf8");
  const given = Buffer.from(header.slice("sha256=".length), "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const ZStatus = z.object({
  id: z.string().min(1),
  status: z.enum(["sent", "delivered", "read", "failed"]).or(z.string()),
  timestamp: z.string().regex(/^\d+$/),
  recipient_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(z.object({ code: z.int(), title: z.string().optional(), message: z.string().optional() })).optional(),
});
const ZInbound = z.object({ from: z.string().min(1), id: z.string(), type: z.string(), text: z.object({ body: z.string() }).optional() });
const ZNotification = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({ statuses: z.array(ZStatus).optional(), messages: z.array(ZInbound).optional() }).passthrough(),
        }),
      ),
    }),
  ),
});

/** Verifies and parses a Cloud API webhook notification. */
export function verifyCloudWebhook(appSecret: string, rawBody: Uint8Array, headers: Headers): WebhookVerification {
  if (!isValidCloudSignature(appSecret, rawBody, headers.get("x-hub-signature-256"))) return { ok: false, reason: "bad_signature" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(rawBody).toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = ZNotification.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const events: WebhookEvent[] = [];
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      for (const s of change.value.statuses ?? []) {
        if (s.status !== "sent" && s.status !== "delivered" && s.status !== "read" && s.status !== "failed") continue;
        const error = s.errors?.[0];
        events.push({
          type: "status",
          providerMessageId: s.id,
          reference: s.biz_opaque_callback_data ?? null,
          status: s.status,
          reason: error ? `wa_cloud ${error.code}: ${error.message ?? error.title ?? ""}`.slice(0, 200) : null,
          at: new Date(Number(s.timestamp) * 1000),
        });
      }
      for (const m of change.value.messages ?? []) {
        if (m.type === "text" && m.text) events.push({ type: "inbound", from: m.from, text: m.text.body });
      }
    }
  }
  return { ok: true, events };
}
