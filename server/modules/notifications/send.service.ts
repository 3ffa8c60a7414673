// Sends one WhatsApp message, exactly once. The message row is the idempotency record: a send
// moves it queued -> sending under a lease (owner and end, send-lease.ts; a conditional update,
// so of two runs only one proceeds) before the provider is called, and records the outcome
// after. A run that finds it "sending" with its owner dead or its lease over (a worker killed
// mid-call) asks the provider: a Cloud API message waits for the status webhook carrying our
// id and is sent again when none came (the provider never took it); Fonnte keeps no id of ours,
// so its message becomes "unknown" rather than risk a second copy. Before the call: opt-out and quiet hours (not
// for what the recipient just asked for: a sign-in code, a voucher), a code's expiry, the
// account's throttle and daily cap; after it: retries with exponential backoff on temporary
// failures, the fallback provider when the primary cannot send, the provider's reason kept.
import "server-only";
import type { TenantScope } from "@/server/db";
import type { Locale } from "@/i18n/locales";
import { localDate } from "@/server/time/calendar-date";
import { cloudTemplateOf, REQUESTED_KINDS, URGENT_KINDS, type CloudTemplate, type MessageKind } from "./message-templates";
import { env } from "@/server/config/env";
import { claimMessages, findMessage, findMessagesByIds, findOptedOut, moveAbandoned, recordSent, RELEASED, transitionMessage, type MessageRecord } from "./notifications.repository";
import { LEASE_MS, liveOwners, mayCall, OWNER_ID, withHeartbeat } from "./send-lease";
import { nextLocalMidnight, quietUntil } from "./quiet-hours";
import { drawGap, reserveSlot } from "./throttle";
import { loadSendConfig, type SendConfig } from "./whatsapp-settings.service";
import type { SendOutcome, WhatsAppGateway, WhatsAppProviderKind } from "./whatsapp-provider";
import { createFonnteGateway } from "./fonnte.adapter";
import { createCloudGateway } from "./wa-cloud.adapter";

export const MAX_ATTEMPTS = 6;

export type SendDeps = {
  gateway: (provider: WhatsAppProviderKind) => WhatsAppGateway;
  now: () => Date;
  /** First retry delay; doubles per attempt (jittered), capped at an hour. */
  backoffBaseMs: number;
  random: () => number;
  /** How long an abandoned Cloud API message waits for the provider's record (default: env). */
  reconcileGraceMs?: number;
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

/** What is known of the tenant when deciding about its messages: read once per batch. */
type SendContext = { config: SendConfig; timeZone: string; optedOut: (phone: string) => boolean; now: Date; deps: SendDeps };

/**
 * What to do with a queued message now, without writing anything: a settled end (skipped,
 * expired, failed), a wait, a pacing slot to reserve first, or the provider call itself.
 */
type Decision =
  | { act: "settle"; status: "skipped" | "failed"; data: { lastError: string; failedAt?: Date } }
  | { act: "wait"; at: Date }
  | { act: "postpone"; at: Date }
  | { act: "pace"; provider: WhatsAppProviderKind }
  | { act: "send"; provider: WhatsAppProviderKind };

function decide(message: MessageRecord, ctx: SendContext): Decision {
  const { config, now } = ctx;
  const { settings } = config;
  if (!settings.enabled) return { act: "settle", status: "skipped", data: { lastError: "whatsapp_disabled" } };
  const requested = REQUESTED_KINDS.has(message.kind as MessageKind);
  if (!requested && ctx.optedOut(message.phone)) return { act: "settle", status: "skipped", data: { lastError: "opted_out" } };
  if (message.notBefore.getTime() > now.getTime() + 50) return { act: "wait", at: message.notBefore };
  const expiresAt = expiryOf(message);
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return { act: "settle", status: "failed", data: { failedAt: now, lastError: "code_expired" } };
  const urgent = requested || (URGENT_KINDS.has(message.kind as MessageKind) && settings.outageIgnoresQuietHours);
  const quietEnd = urgent ? null : quietUntil(now, ctx.timeZone, settings.quietStartMinute, settings.quietEndMinute);
  if (quietEnd) return { act: "postpone", at: quietEnd };
  let provider: WhatsAppProviderKind = message.provider ?? settings.primaryProvider;
  if (!config.credentials[provider]) {
    const other = otherProvider(config, provider);
    if (!other) return { act: "settle", status: "failed", data: { failedAt: now, lastError: `no credentials for ${provider}` } };
    provider = other;
  }
  // A slot reserved by an earlier run is used when it is due; an unpaced account needs none.
  const slotDue = message.slotAt && message.slotAt.getTime() <= now.getTime() + 50;
  return slotDue || isUnpaced(settings, provider) ? { act: "send", provider } : { act: "pace", provider };
}

const isUnpaced = (settings: SendConfig["settings"], provider: WhatsAppProviderKind) =>
  provider === "fonnte" ? settings.fonnteMaxGapMs <= 0 && settings.fonnteMinGapMs <= 0 && settings.fonnteDailyCap <= 0 : settings.cloudPerSecond <= 0;

async function loadContext(db: TenantScope, phones: string[], deps: SendDeps): Promise<SendContext | null> {
  const [config, tenant, optedOut] = await Promise.all([loadSendConfig(db), db.tenant.findFirstOrThrow({ select: { timezone: true } }), findOptedOut(db, [...new Set(phones)])]);
  return config ? { config, timeZone: tenant.timezone, optedOut: (phone) => optedOut.has(phone), now: deps.now(), deps } : null;
}

export async function sendMessage(db: TenantScope, messageId: string, deps: SendDeps = defaultSendDeps): Promise<SendStep> {
  const message = await findMessage(db, messageId);
  if (!message) return { done: true, status: "missing" };
  if (message.status === "sending") return (await settleAbandoned(db, [message], deps)).get(message.id)!;
  if (message.status !== "queued") return { done: true, status: message.status };
  const ctx = await loadContext(db, [message.phone], deps);
  if (!ctx) {
    await transitionMessage(db, message.id, "queued", { status: "skipped", lastError: "whatsapp_disabled" });
    return { done: true, status: "skipped" };
  }
  return proceed(db, message, decide(message, ctx), ctx);
}

/**
 * Sends many messages of one tenant in one run: one read of the messages, the settings and the
 * opt-outs, one claim per provider, the provider calls side by side, one record of those taken.
 * What cannot go at once (a wait, a pacing slot, a failure to retry) goes the single way.
 */
export async function sendMessages(db: TenantScope, messageIds: string[], deps: SendDeps = defaultSendDeps): Promise<Map<string, SendStep>> {
  const steps = new Map<string, SendStep>();
  const messages = await findMessagesByIds(db, messageIds);
  for (const id of messageIds) if (!messages.some((m) => m.id === id)) steps.set(id, { done: true, status: "missing" });
  const queued = messages.filter((m) => m.status === "queued");
  for (const m of messages) if (m.status !== "queued" && m.status !== "sending") steps.set(m.id, { done: true, status: m.status });
  for (const [id, step] of await settleAbandoned(db, messages.filter((m) => m.status === "sending"), deps)) steps.set(id, step);
  if (queued.length === 0) return steps;
  const ctx = await loadContext(db, queued.map((m) => m.phone), deps);
  const byProvider = new Map<WhatsAppProviderKind, MessageRecord[]>();
  const others: Array<[MessageRecord, Decision]> = [];
  for (const m of queued) {
    const decision: Decision = ctx ? decide(m, ctx) : { act: "settle", status: "skipped", data: { lastError: "whatsapp_disabled" } };
    if (decision.act === "send") byProvider.set(decision.provider, [...(byProvider.get(decision.provider) ?? []), m]);
    else others.push([m, decision]);
  }
  await forEachLimited(others, 8, async ([m, decision]) => {
    steps.set(m.id, ctx ? await proceed(db, m, decision, ctx) : await settle(db, m, decision as Extract<Decision, { act: "settle" }>));
  });
  if (byProvider.size === 0) return steps;
  await withHeartbeat(async () => {
    for (const [provider, group] of byProvider) {
      // The idempotency point (see sendMessage), one slice at a time and only just before that
      // slice's calls all start: a worker killed here leaves at most the slice in flight (its
      // lease then runs out and the provider is asked), never a whole batch claimed but not sent.
      for (let i = 0; i < group.length; i += SEND_PARALLEL) {
        const slice = group.slice(i, i + SEND_PARALLEL);
        const lease = newLease();
        const claimed = await claimMessages(db, slice.map((m) => m.id), provider, lease);
        for (const m of slice) if (!claimed.some((c) => c.id === m.id)) steps.set(m.id, { done: true, status: "claimed_elsewhere" });
        const taken: Array<{ id: string; providerMessageId: string }> = [];
        await Promise.all(
          claimed.map(async (m) => {
            // A stalled process past its lease calls nothing: whoever finds the message asks the provider.
            if (!mayCall(lease.leaseUntil)) return void steps.set(m.id, { done: false, at: lease.leaseUntil });
            const outcome = await callProvider(m, provider, ctx!.config, deps);
            if (outcome.kind === "sent") {
              taken.push({ id: m.id, providerMessageId: outcome.providerMessageId });
              steps.set(m.id, { done: true, status: "sent" });
            } else steps.set(m.id, await record(db, { ...m, provider }, outcome, ctx!.config, deps));
          }),
        );
        await recordSent(db, taken, deps.now());
      }
    }
  });
  return steps;
}

/** Provider calls of one batch in flight at once (the HTTP agent keeps their connections). */
const SEND_PARALLEL = 32;

/** A claim made now by this process; real time, as the calls it bounds take real time. */
const newLease = () => ({ claimedBy: OWNER_ID, leaseUntil: new Date(Date.now() + LEASE_MS) });

async function forEachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function settle(db: TenantScope, message: MessageRecord, decision: Extract<Decision, { act: "settle" }>): Promise<SendStep> {
  return transitionMessage(db, message.id, "queued", { status: decision.status, ...decision.data }).then(() => ({ done: true, status: decision.status }));
}

/** Carries out a decision for one message, up to and including its provider call. */
async function proceed(db: TenantScope, message: MessageRecord, decision: Decision, ctx: SendContext): Promise<SendStep> {
  const { config, now, deps } = ctx;
  switch (decision.act) {
    case "settle":
      return settle(db, message, decision);
    case "wait":
      return { done: false, at: decision.at };
    case "postpone":
      return postpone(db, message, decision.at);
    case "pace": {
      const { settings } = config;
      const { provider } = decision;
      const pacing =
        provider === "fonnte"
          ? { gapMs: drawGap(settings.fonnteMinGapMs, settings.fonnteMaxGapMs, deps.random), dailyCap: settings.fonnteDailyCap }
          : { gapMs: settings.cloudPerSecond > 0 ? 1000 / settings.cloudPerSecond : 0, dailyCap: 0 };
      const slot = message.slotAt ? message.slotAt.getTime() : await reserveSlot(`${db.tenantId}:${provider}`, localDate(now, ctx.timeZone), pacing, now.getTime());
      if (slot === "cap_reached") return postpone(db, message, nextLocalMidnight(now, ctx.timeZone));
      if (slot > now.getTime() + 50) {
        await transitionMessage(db, message.id, "queued", { slotAt: new Date(slot), notBefore: new Date(slot), provider });
        return { done: false, at: new Date(slot) };
      }
      return proceed(db, message, { act: "send", provider }, ctx);
    }
    case "send": {
      // The idempotency point: from here on this message is never handed to a provider again
      // unless the provider said it did not take it.
      const { provider } = decision;
      const attempt = message.attempts + 1;
      return withHeartbeat(async () => {
        const lease = newLease();
        const claimed = await transitionMessage(db, message.id, "queued", { status: "sending", provider, attempts: attempt, slotAt: null, ...lease });
        if (!claimed) return { done: true, status: "claimed_elsewhere" };
        if (!mayCall(lease.leaseUntil)) return { done: false, at: lease.leaseUntil };
        const outcome = await callProvider({ ...message, attempts: attempt }, provider, config, deps);
        return record(db, { ...message, provider, attempts: attempt }, outcome, config, deps);
      });
    }
  }
}

function callProvider(message: MessageRecord, provider: WhatsAppProviderKind, config: SendConfig, deps: SendDeps): Promise<SendOutcome> {
  // Fixed when the message was written (the ISP's mapping then); older rows: the default mapping.
  const template = (message.cloudTemplate as CloudTemplate | null) ?? cloudTemplateOf(message.kind as MessageKind, message.locale as Locale, message.variables as Record<string, string>);
  return deps.gateway(provider).send(config.credentials[provider]!, { reference: message.id, to: message.phone, text: message.body, template });
}

async function record(db: TenantScope, message: MessageRecord & { provider: WhatsAppProviderKind }, outcome: SendOutcome, config: SendConfig, deps: SendDeps): Promise<SendStep> {
  const now = deps.now();
  switch (outcome.kind) {
    case "sent":
      await transitionMessage(db, message.id, "sending", { status: "sent", providerMessageId: outcome.providerMessageId, sentAt: now, lastError: null, ...RELEASED });
      return { done: true, status: "sent" };
    case "ambiguous":
      return awaitRecord(db, message, outcome.reason, deps, (data) => transitionMessage(db, message.id, "sending", data));
    case "disconnected":
    case "rejected": {
      const other = otherProvider(config, message.provider);
      if (other) {
        await transitionMessage(db, message.id, "sending", { status: "queued", provider: other, notBefore: now, lastError: outcome.reason, ...RELEASED });
        return { done: false, at: now };
      }
      if (outcome.kind === "rejected") {
        await transitionMessage(db, message.id, "sending", { status: "failed", failedAt: now, lastError: outcome.reason, ...RELEASED });
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
    await transitionMessage(db, message.id, "sending", { status: "failed", failedAt: now, lastError: `${reason} (after ${message.attempts} attempts)`, ...RELEASED });
    return { done: true, status: "failed" };
  }
  const at = new Date(now.getTime() + delayMs);
  await transitionMessage(db, message.id, "sending", { status: "queued", notBefore: at, lastError: reason, ...RELEASED });
  return { done: false, at };
}

async function postpone(db: TenantScope, message: MessageRecord, at: Date): Promise<SendStep> {
  await transitionMessage(db, message.id, "queued", { notBefore: at, slotAt: null });
  return { done: false, at };
}

/** A sign-in code is worth nothing after its validity: when it stops being worth sending. */
function expiryOf(message: MessageRecord): Date | null {
  if (message.kind !== "portal_sign_in_code") return null;
  const minutes = Number((message.variables as Record<string, string>).validMinutes);
  return Number.isFinite(minutes) ? new Date(message.createdAt.getTime() + minutes * 60_000) : null;
}

/**
 * Messages found "sending". Claimed by a live owner within its lease: a concurrent run, looked at
 * again when the lease ends. Owner dead or lease over: the call is over, whether or not it
 * reached the provider, so the provider is asked (awaitRecord). Awaiting a record past its
 * grace with none come (a status webhook carrying our id settles the row): the provider never
 * took it, so it is queued again.
 */
async function settleAbandoned(db: TenantScope, messages: MessageRecord[], deps: SendDeps): Promise<Map<string, SendStep>> {
  const steps = new Map<string, SendStep>();
  if (messages.length === 0) return steps;
  const now = Date.now();
  const live = await liveOwners(messages.flatMap((m) => (m.claimedBy ? [m.claimedBy] : [])));
  for (const m of messages) {
    // Rows claimed before leases existed: a claim from their last update, owner unknown.
    const claim = m.claimedBy !== null || m.leaseUntil === null;
    const until = m.leaseUntil?.getTime() ?? m.updatedAt.getTime() + LEASE_MS;
    if (claim) {
      const ownerMayLive = m.claimedBy === null || live.has(m.claimedBy);
      if (ownerMayLive && until > now) steps.set(m.id, { done: false, at: new Date(until) });
      else steps.set(m.id, await awaitRecord(db, m, "worker stopped during the provider call", deps, (data) => moveAbandoned(db, m, data)));
    } else if (until > now) steps.set(m.id, { done: false, at: new Date(until) });
    else {
      await moveAbandoned(db, m, { status: "queued", notBefore: new Date(now), lastError: "sent again: the provider had no record of it", ...RELEASED });
      steps.set(m.id, { done: false, at: new Date(now) });
    }
  }
  return steps;
}

/**
 * A message whose call may or may not have reached the provider. The Cloud API echoes our id
 * (biz_opaque_callback_data) in its status webhooks: the message waits for one, unowned, and
 * is queued again when none came (settleAbandoned). Fonnte's webhooks carry only its own id,
 * which a lost reply never told us: "unknown", never sent twice (staff may resend it).
 */
async function awaitRecord(db: TenantScope, message: MessageRecord, reason: string, deps: SendDeps, move: (data: Parameters<typeof transitionMessage>[3]) => Promise<boolean>): Promise<SendStep> {
  if (message.provider !== "wa_cloud") {
    await move({ status: "unknown", lastError: reason, ...RELEASED });
    return { done: true, status: "unknown" };
  }
  const at = new Date(Date.now() + (deps.reconcileGraceMs ?? env().WA_RECONCILE_GRACE_MS));
  await move({ claimedBy: null, leaseUntil: at, lastError: `${reason}; waiting for the provider's record` });
  return { done: false, at };
}
