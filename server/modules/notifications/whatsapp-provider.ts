// The contract between notifications and a WhatsApp gateway (Fonnte, the WhatsApp Business
// Cloud API). An adapter knows its provider's wire format and webhook authentication; it knows
// nothing of tenants, messages in the database or throttles (send.service.ts does that).
import "server-only";
import type { WhatsAppProviderKind } from "@/server/db/generated/enums";

export type { WhatsAppProviderKind };

/** A tenant's account at a provider, opened from the sealed settings row. */
export type FonnteCredentials = { provider: "fonnte"; token: string };
export type CloudCredentials = { provider: "wa_cloud"; phoneNumberId: string; accessToken: string; appSecret: string };
export type ProviderCredentials = FonnteCredentials | CloudCredentials;

export type OutgoingMessage = {
  /** Our message id: Cloud API echoes it in status webhooks (biz_opaque_callback_data). */
  reference: string;
  /** E.164 digits without "+". */
  to: string;
  /** The rendered text (Fonnte sends it as is). */
  text: string;
  /** The approved template (Cloud API: business-initiated messages must be templates). */
  template: { name: string; language: string; parameters: string[]; copyCode?: string };
};

/**
 * What became of one send call:
 * - sent: the provider took it (its id kept for status webhooks);
 * - temporary / rate_limited: nothing was sent, try again later;
 * - disconnected: the account cannot send now (device offline, token refused): the fallback
 *   provider may;
 * - rejected: this message will never go through this provider (bad number, bad template);
 * - ambiguous: the request may have reached the provider (timeout, connection lost after
 *   sending): not retried automatically, so it is never sent twice.
 */
export type SendOutcome =
  | { kind: "sent"; providerMessageId: string }
  | { kind: "temporary" | "disconnected" | "rejected" | "ambiguous"; reason: string }
  | { kind: "rate_limited"; reason: string; retryAfterMs: number | null };

export type DeliveryStatus = "sent" | "delivered" | "read" | "failed";

/** A webhook whose authentication checked out, in provider-neutral terms. */
export type WebhookEvent =
  | { type: "status"; providerMessageId: string; reference: string | null; status: DeliveryStatus; reason: string | null; at: Date }
  | { type: "inbound"; from: string; text: string };

export type WebhookVerification = { ok: true; events: WebhookEvent[] } | { ok: false; reason: "bad_signature" | "malformed" };

export interface WhatsAppGateway {
  readonly provider: WhatsAppProviderKind;
  send(credentials: ProviderCredentials, message: OutgoingMessage): Promise<SendOutcome>;
}

/** Digits only, leading 0 → 62 (Indonesian numbers as customers type them). */
export function toE164Digits(phone: string): string | null {
  const digits = phone.replace(/[^\d]/g, "");
  const normalised = digits.startsWith("0") ? `62${digits.slice(1)}` : digits;
  return /^[1-9]\d{7,14}$/.test(normalised) ? normalised : null;
}
