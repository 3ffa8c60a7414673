// What providers' webhooks tell us, applied: delivery statuses move a message forward only
// (sent < delivered < read; failed unless it was already delivered), a status carrying our id
// reconciles a message whose send outcome was lost, and an inbound BERHENTI/STOP opts the
// sender out of every further message.
import "server-only";
import type { TenantDb } from "@/server/db";
import type { WhatsAppMessageStatus } from "@/server/db/generated/enums";
import { OPT_OUT_WORDS } from "./message-templates";
import { findMessageForWebhook, insertOptOut, updateMessage } from "./notifications.repository";
import type { DeliveryStatus, WebhookEvent, WhatsAppProviderKind } from "./whatsapp-provider";
import { toE164Digits } from "./whatsapp-provider";

const RANK: Record<WhatsAppMessageStatus, number> = { queued: 0, sending: 0, unknown: 0, skipped: -1, failed: 0, sent: 1, delivered: 2, read: 3 };
const TARGET_RANK: Record<DeliveryStatus, number> = { sent: 1, delivered: 2, read: 3, failed: 1 };

export type WebhookResult = { statuses: number; ignored: number; optOuts: number };

export async function applyWebhookEvents(db: TenantDb, provider: WhatsAppProviderKind, events: WebhookEvent[]): Promise<WebhookResult> {
  const result: WebhookResult = { statuses: 0, ignored: 0, optOuts: 0 };
  for (const event of events) {
    if (event.type === "inbound") {
      const phone = toE164Digits(event.from);
      if (phone && OPT_OUT_WORDS.has(event.text.trim().toLowerCase()) && (await insertOptOut(db, phone, "inbound"))) result.optOuts++;
      continue;
    }
    const message = await findMessageForWebhook(db, provider, event.providerMessageId, event.reference);
    if (!message || message.status === "skipped") {
      result.ignored++;
      continue;
    }
    const current = RANK[message.status];
    if (event.status === "failed" ? current >= 2 || message.status === "failed" : TARGET_RANK[event.status] <= current) {
      result.ignored++;
      continue;
    }
    const at = event.at;
    await updateMessage(db, message.id, {
      status: event.status,
      provider,
      providerMessageId: message.providerMessageId ?? event.providerMessageId,
      // The provider's record of a message whose sender died: it is settled, no longer leased.
      claimedBy: null,
      leaseUntil: null,
      ...(event.status === "failed" ? { failedAt: at, lastError: event.reason ?? "failed" } : {}),
      ...(event.status === "sent" || current === 0 ? { sentAt: at } : {}),
      ...(event.status === "delivered" ? { deliveredAt: at } : {}),
      ...(event.status === "read" ? { readAt: at } : {}),
    });
    result.statuses++;
  }
  return result;
}
