// Sends one WhatsApp message, exactly once. The message row is the idempotency record: a send
// moves it queued -> sending (a conditional update, so of two runs only one proceeds) before
// the provider is called, and records the outcome after. A run that finds it "sending" long
// after (a worker killed mid-call) marks it "unknown" instead of sending again; a Cloud API
// status webhook carrying our id reconciles it. Before the call: opt-out and quiet hours (not
// for what the recipient just asked for: a sign-in code, a voucher), a code's expiry, the
// account's throttle and daily cap; after it: retries with exponential backoff on temporary
// failures, the fallback provider when the primary cannot send, the provider's reason kept.
import "server-only";
import type { TenantScope } from "@/server/db";
import type { Locale } from "@/i18n/locales";
import { localDate } from "@/server/time/calendar-date";
import { cloudTemplateOf, REQUESTED_KINDS, URGENT_KINDS, type CloudTemplate, type MessageKind } from "./message-templates";
import { findMessage, isOptedOut, transitionMessage, type MessageRecord } from "./notifications.repository";
import { nextLocalMidnight, quietUntil } from "./quiet-hours";
import { drawGap, reserveSlot } from "./throttle";
import { loadSendConfig, type SendConfig } from "./whatsapp-settings.service";
import type { SendOutcome, WhatsAppGateway, WhatsAppProviderKind } from "./whatsapp-provider";
import { createFonnteGateway } from "./fonnte.adapter";
import { createCloudGateway } from "./wa-cloud.adapter";

export const MAX_ATTEMPTS = 6;
/**
 * A message still "sending" this long after its claim was abandoned by a dead worker: longer
 * than a provider call can last (the adapters give up after 15 s).
 */
export const SENDING_TIMEOUT_MS = 20_000;

export type SendDeps = {
  gateway: (provider: WhatsAppProviderKind) => WhatsAppGateway;
  now: () => Date;
  /** First retry delay; doubles per attempt (jittered), capped at an hour. */
  backoffBaseMs: number;
  random: () => number;
};

const gateways = new Map<WhatsAppProviderKind, WhatsAppGateway>();
export const defaultSendDeps: SendDeps = {
  gateway: (provider) => {
    let g = gateways.get(provider);
    if (!g) gateways.set(provider, (g = provider === "fonnte" ? createFonnteGateway() : createCloudGateway()));
    return g;
  },
  now: () => new Date(),
  backoffBaseMs: 30_000,
  random: Math.random,
};

/** What the job does next: nothing, or run again at `at`. */
export type SendStep = { done: true; status: string } | { done: false; at: Date };

export function backoffMs(attempt: number, deps: Pick<SendDeps, "backoffBaseMs" | "random">): number {
  const base = Math.min(3600_000, deps.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * deps.random()));
}

function otherProvider(config: SendConfig, current: WhatsAppProviderKind): WhatsAppProviderKind | null {
  const { primaryProvider, fallbackProvider } = config.settings;
  const candidate = current === primaryProvider ? fallbackProvider : current === fallbackProvider ? null : primaryProvider;
  return candidate && config.credentials[candidate] ? candidate : null;
}

export async function sendMessage(db: TenantScope, messageId: string, deps: SendDeps = defaultSendDeps): Promise<SendStep> {
  const message = await findMessage(db, messageId);
  if (!message) return { done: true, status: "missing" };
  const now = deps.now();
  if (message.status === "sending") return abandoned(db, message, now);
  if (message.status !== "queued") return { done: true, status: message.status };

  const config = await loadSendConfig(db);
  if (!config?.settings.enabled) {
    await transitionMessage(db, message.id, "queued", { status: "skipped", lastError: "whatsapp_disabled" });
    return { done: true, status: "skipped" };
  }
  const requested = REQUESTED_KINDS.has(message.kind as MessageKind);
  if (!requested && (await isOptedOut(db, message.phone))) {
    await transitionMessage(db, message.id, "queued", { status: "skipped", lastError: "opted_out" });
    return { done: true, status: "skipped" };
  }
  if (message.notBefore.getTime() > now.getTime() + 50) return { done: false, at: message.notBefore };
  const expiresAt = expiryOf(message);
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    await transitionMessage(db, message.id, "queued", { status: "failed", failedAt: now, lastError: "code_expired" });
    return { done: true, status: "failed" };
  }

  const tenant = await db.tenant.findFirstOrThrow({ select: { timezone: true } });
  const { settings } = config;
  const urgent = requested || (URGENT_KINDS.has(message.kind as MessageKind) && settings.outageIgnoresQuietHours);
  const quietEnd = urgent ? null : quietUntil(now, tenant.timezone, settings.quietStartMinute, settings.quietEndMinute);
  if (quietEnd) return postpone(db, message, quietEnd);

  let provider: WhatsAppProviderKind = message.provider ?? settings.primaryProvider;
  if (!config.credentials[provider]) {
    const other = otherProvider(config, provider);
    if (!other) return fail(db, message, `no credentials for ${provider}`);
    provider = other;
  }

  // The account's pacing: a slot reserved by an earlier run is used when it is due.
  if (!message.slotAt || message.slotAt.getTime() > now.getTime() + 50) {
    const pacing =
      provider === "fonnte"
        ? { gapMs: drawGap(settings.fonnteMinGapMs, settings.fonnteMaxGapMs, deps.random), dailyCap: settings.fonnteDailyCap }
        : { gapMs: settings.cloudPerSecond > 0 ? 1000 / settings.cloudPerSecond : 0, dailyCap: 0 };
    const slot = message.slotAt ? message.slotAt.getTime() : await reserveSlot(`${db.tenantId}:${provider}`, localDate(now, tenant.timezone), pacing, now.getTime());
    if (slot === "cap_reached") return postpone(db, message, nextLocalMidnight(now, tenant.timezone));
    if (slot > now.getTime() + 50) {
      await transitionMessage(db, message.id, "queued", { slotAt: new Date(slot), notBefore: new Date(slot), provider });
      return { done: false, at: new Date(slot) };
    }
  }

  // The idempotency point: from here on this message is never handed to a provider again
  // unless the provider said it did not take it.
  const attempt = message.attempts + 1;
  const claimed = await transitionMessage(db, message.id, "queued", { status: "sending", provider, attempts: attempt, slotAt: null });
  if (!claimed) return { done: true, status: "claimed_elsewhere" };

  // Fixed when the message was written (the ISP's mapping then); older rows: the default mapping.
  const template = (message.cloudTemplate as CloudTemplate | null) ?? cloudTemplateOf(message.kind as MessageKind, message.locale as Locale, message.variables as Record<string, string>);
  const outcome = await deps.gateway(provider).send(config.credentials[provider]!, { reference: message.id, to: message.phone, text: message.body, template });
  return record(db, { ...message, provider, attempts: attempt }, outcome, config, deps);
}

async function record(db: TenantScope, message: MessageRecord & { provider: WhatsAppProviderKind }, outcome: SendOutcome, config: SendConfig, deps: SendDeps): Promise<SendStep> {
  const now = deps.now();
  switch (outcome.kind) {
    case "sent":
      await transitionMessage(db, message.id, "sending", { status: "sent", providerMessageId: outcome.providerMessageId, sentAt: now, lastError: null });
      return { done: true, status: "sent" };
    case "ambiguous":
      await transitionMessage(db, message.id, "sending", { status: "unknown", lastError: outcome.reason });
      return { done: true, status: "unknown" };
    case "disconnected":
    case "rejected": {
      const other = otherProvider(config, message.provider);
      if (other) {
        await transitionMessage(db, message.id, "sending", { status: "queued", provider: other, notBefore: now, lastError: outcome.reason });
        return { done: false, at: now };
      }
      if (outcome.kind === "rejected") {
        await transitionMessage(db, message.id, "sending", { status: "failed", failedAt: now, lastError: outcome.reason });
        return { done: true, status: "failed" };
      }
      // A disconnected device may come back: retried like a temporary failure.
      return retryLater(db, message, outcome.reason, backoffMs(message.attempts, deps), now);
    }
    case "rate_limited":
      return retryLater(db, message, outcome.reason, Math.max(outcome.retryAfterMs ?? 0, backoffMs(message.attempts, deps)), now);
    case "temporary":
      return retryLater(db, message, outcome.reason, backoffMs(message.attempts, deps), now);
  }
}

async function retryLater(db: TenantScope, message: MessageRecord, reason: string, delayMs: number, now: Date): Promise<SendStep> {
  if (message.attempts >= MAX_ATTEMPTS) {
    await transitionMessage(db, message.id, "sending", { status: "failed", failedAt: now, lastError: `${reason} (after ${message.attempts} attempts)` });
    return { done: true, status: "failed" };
  }
  const at = new Date(now.getTime() + delayMs);
  await transitionMessage(db, message.id, "sending", { status: "queued", notBefore: at, lastError: reason });
  return { done: false, at };
}

async function postpone(db: TenantScope, message: MessageRecord, at: Date): Promise<SendStep> {
  await transitionMessage(db, message.id, "queued", { notBefore: at, slotAt: null });
  return { done: false, at };
}

async function fail(db: TenantScope, message: MessageRecord, reason: string): Promise<SendStep> {
  await transitionMessage(db, message.id, "queued", { status: "failed", failedAt: new Date(), lastError: reason });
  return { done: true, status: "failed" };
}

/** A sign-in code is worth nothing after its validity: when it stops being worth sending. */
function expiryOf(message: MessageRecord): Date | null {
  if (message.kind !== "portal_sign_in_code") return null;
  const minutes = Number((message.variables as Record<string, string>).validMinutes);
  return Number.isFinite(minutes) ? new Date(message.createdAt.getTime() + minutes * 60_000) : null;
}

/** Found "sending": a concurrent run (leave it) or a dead one (its outcome is lost: unknown). */
async function abandoned(db: TenantScope, message: MessageRecord, now: Date): Promise<SendStep> {
  const since = now.getTime() - message.updatedAt.getTime();
  if (since < SENDING_TIMEOUT_MS) return { done: false, at: new Date(message.updatedAt.getTime() + SENDING_TIMEOUT_MS) };
  await transitionMessage(db, message.id, "sending", { status: "unknown", lastError: "worker stopped during the provider call" });
  return { done: true, status: "unknown" };
}
