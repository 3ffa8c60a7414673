// Prisma queries of the notifications module: WhatsApp settings, messages (the idempotency
// records) and opt-outs. Tenant scope comes from the handle; nothing here names a tenant in a filter.
import "server-only";
import type { TenantDb, TenantScope } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { WhatsAppMessageStatus, WhatsAppProviderKind } from "@/server/db/generated/enums";

export function findSettings(db: TenantScope) {
  return db.whatsAppSettings.findFirst();
}
export type SettingsRecord = NonNullable<Awaited<ReturnType<typeof findSettings>>>;

export type SettingsData = Omit<Prisma.WhatsAppSettingsUncheckedCreateInput, "id" | "tenantId" | "createdAt" | "updatedAt">;

export function upsertSettings(db: TenantScope, data: SettingsData) {
  return db.whatsAppSettings.upsert({ where: { tenantId: db.tenantId }, create: { tenantId: db.tenantId, ...data }, update: data });
}

export type NewMessage = {
  dedupeKey: string;
  kind: string;
  customerId: string | null;
  phone: string;
  locale: "id" | "en";
  body: string;
  variables: Record<string, string>;
  status?: WhatsAppMessageStatus;
  lastError?: string | null;
  cloudTemplate?: { name: string; language: string; parameters: string[] } | null;
  broadcastId?: string | null;
  invoiceId?: string | null;
};

/**
 * Writes messages whose key is new; a key already there is left alone (a duplicate event).
 * Returns the rows it wrote, not those whose key was already there.
 */
export function insertMessages(db: TenantScope, messages: NewMessage[]) {
  if (messages.length === 0) return Promise.resolve([]);
  return db.whatsAppMessage.createManyAndReturn({
    data: messages.map((m) => ({ tenantId: db.tenantId, ...m, variables: m.variables as Prisma.InputJsonValue, cloudTemplate: (m.cloudTemplate ?? undefined) as Prisma.InputJsonValue | undefined })),
    skipDuplicates: true,
    select: { id: true, status: true, dedupeKey: true, lastError: true },
  });
}

export function findMessagesByKeys(db: TenantScope, keys: string[]) {
  return db.whatsAppMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { id: true, status: true, dedupeKey: true, lastError: true, notBefore: true } });
}

export function findMessage(db: TenantScope, id: string) {
  return db.whatsAppMessage.findFirst({ where: { id } });
}
export type MessageRecord = NonNullable<Awaited<ReturnType<typeof findMessage>>>;

export function findMessagesByIds(db: TenantScope, ids: string[]) {
  return db.whatsAppMessage.findMany({ where: { id: { in: ids } } });
}

/** A claim's lease: who sends it and until when the call may last (send-lease.ts). */
export type Lease = { claimedBy: string; leaseUntil: Date };
/** What every move out of "sending" clears. */
export const RELEASED = { claimedBy: null, leaseUntil: null } as const;

/** The batch form of the claim queued -> sending: returns the messages this call claimed. */
export function claimMessages(db: TenantScope, ids: string[], provider: WhatsAppProviderKind, lease: Lease) {
  return db.whatsAppMessage.updateManyAndReturn({ where: { id: { in: ids }, status: "queued" }, data: { status: "sending", provider, attempts: { increment: 1 }, slotAt: null, ...lease } });
}

/**
 * Moves an abandoned "sending" message on, only if its lease is still the one that was read (of
 * two runs that found it abandoned, one acts).
 */
export async function moveAbandoned(db: TenantScope, message: { id: string; claimedBy: string | null; leaseUntil: Date | null }, data: Prisma.WhatsAppMessageUpdateManyMutationInput): Promise<boolean> {
  const { count } = await db.whatsAppMessage.updateMany({ where: { id: message.id, status: "sending", claimedBy: message.claimedBy, leaseUntil: message.leaseUntil }, data });
  return count === 1;
}

/** Records many sends the provider took, each with its id, in one statement (only from "sending"). */
export async function recordSent(db: TenantScope, sent: Array<{ id: string; providerMessageId: string }>, at: Date): Promise<void> {
  if (sent.length === 0) return;
  await db.$executeRaw`
    UPDATE "WhatsAppMessage" AS m
       SET "status" = 'sent', "providerMessageId" = v.pid, "sentAt" = ${at}, "lastError" = NULL, "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = now()
      FROM unnest(${sent.map((s) => s.id)}::uuid[], ${sent.map((s) => s.providerMessageId)}::text[]) AS v(id, pid)
     WHERE m."tenantId" = ${db.tenantId}::uuid AND m."id" = v.id AND m."status" = 'sending'`;
}

/** Moves a message on only from the status it is expected in; false when someone else moved it. */
export async function transitionMessage(db: TenantScope, id: string, from: WhatsAppMessageStatus, data: Prisma.WhatsAppMessageUpdateManyMutationInput): Promise<boolean> {
  const { count } = await db.whatsAppMessage.updateMany({ where: { id, status: from }, data });
  return count === 1;
}

export function findMessageForWebhook(db: TenantScope, provider: WhatsAppProviderKind, providerMessageId: string, reference: string | null) {
  return db.whatsAppMessage.findFirst({
    where: reference && /^[0-9a-f-]{36}$/.test(reference) ? { OR: [{ provider, providerMessageId }, { id: reference }] } : { provider, providerMessageId },
    // A provider id seen twice (a provider reusing ids): the newest message is the one meant.
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, providerMessageId: true },
  });
}

export function updateMessage(db: TenantScope, id: string, data: Prisma.WhatsAppMessageUpdateManyMutationInput) {
  return db.whatsAppMessage.updateMany({ where: { id }, data });
}

export async function findOptedOut(db: TenantScope, phones: string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await db.whatsAppOptOut.findMany({ where: { phone: { in: phones } }, select: { phone: true } });
  return new Set(rows.map((r) => r.phone));
}

export async function insertOptOut(db: TenantDb, phone: string, source: "inbound" | "staff"): Promise<boolean> {
  const { count } = await db.whatsAppOptOut.createMany({ data: [{ tenantId: db.tenantId, phone, source }], skipDuplicates: true });
  return count === 1;
}

export function findTemplates(db: TenantScope) {
  return db.whatsAppTemplate.findMany({ select: { kind: true, locale: true, body: true } });
}

export function upsertTemplate(db: TenantScope, kind: string, locale: "id" | "en", body: string) {
  return db.whatsAppTemplate.upsert({
    where: { tenantId_kind_locale: { tenantId: db.tenantId, kind, locale } },
    create: { tenantId: db.tenantId, kind, locale, body },
    update: { body },
  });
}

export function deleteTemplate(db: TenantScope, kind: string, locale: "id" | "en") {
  return db.whatsAppTemplate.deleteMany({ where: { kind, locale } });
}

export function findCloudMappings(db: TenantScope) {
  return db.whatsAppCloudTemplate.findMany({ select: { kind: true, name: true, parameters: true } });
}

export function upsertCloudMapping(db: TenantScope, kind: string, name: string, parameters: string[]) {
  return db.whatsAppCloudTemplate.upsert({
    where: { tenantId_kind: { tenantId: db.tenantId, kind } },
    create: { tenantId: db.tenantId, kind, name, parameters },
    update: { name, parameters },
  });
}

export function deleteCloudMapping(db: TenantScope, kind: string) {
  return db.whatsAppCloudTemplate.deleteMany({ where: { kind } });
}

export type MessageFilter = {
  customerId?: string;
  kind?: string;
  status?: WhatsAppMessageStatus;
  createdFrom?: Date;
  createdBefore?: Date;
  broadcastId?: string;
  invoiceId?: string;
};

const LIST_SELECT = {
  id: true,
  kind: true,
  customerId: true,
  phone: true,
  body: true,
  variables: true,
  status: true,
  provider: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  failedAt: true,
  notBefore: true,
} as const;

/** Newest first; keyset on (createdAt, id) after the row `cursor`. */
export async function listMessages(db: TenantScope, filter: MessageFilter, page: { cursor?: string | null; limit: number }) {
  const where: Prisma.WhatsAppMessageWhereInput = {
    ...(filter.customerId ? { customerId: filter.customerId } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.broadcastId ? { broadcastId: filter.broadcastId } : {}),
    ...(filter.invoiceId ? { invoiceId: filter.invoiceId } : {}),
    ...(filter.createdFrom || filter.createdBefore ? { createdAt: { ...(filter.createdFrom ? { gte: filter.createdFrom } : {}), ...(filter.createdBefore ? { lt: filter.createdBefore } : {}) } } : {}),
  };
  const after = page.cursor ? await db.whatsAppMessage.findFirst({ where: { id: page.cursor }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.whatsAppMessage.findMany({
    where: after ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: LIST_SELECT,
  });
  return { rows: rows.slice(0, page.limit), more: rows.length > page.limit };
}

export async function countMessagesByStatus(db: TenantScope, where: Prisma.WhatsAppMessageWhereInput): Promise<Partial<Record<WhatsAppMessageStatus, number>>> {
  const rows = await db.whatsAppMessage.groupBy({ by: ["status"], where, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

export function findMessageByKey(db: TenantScope, dedupeKey: string) {
  return db.whatsAppMessage.findFirst({ where: { dedupeKey }, select: { id: true, status: true } });
}

export function insertBroadcast(db: TenantScope, data: { id: string; createdByUserId: string | null; body: string; filter: Prisma.InputJsonValue; recipients: number }) {
  return db.whatsAppBroadcast.create({ data: { tenantId: db.tenantId, ...data } });
}

export function findBroadcast(db: TenantScope, id: string) {
  return db.whatsAppBroadcast.findFirst({ where: { id } });
}

export function listBroadcasts(db: TenantScope, limit: number) {
  return db.whatsAppBroadcast.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}

export type BroadcastCounts = { byStatus: Partial<Record<WhatsAppMessageStatus, number>>; skippedBy: Record<string, number> };

/** Per broadcast, how many of its messages are in each status, and why the skipped ones were. */
export async function broadcastProgress(db: TenantScope, ids: string[]): Promise<Map<string, BroadcastCounts>> {
  const out = new Map<string, BroadcastCounts>();
  if (ids.length === 0) return out;
  const [rows, skipped] = await Promise.all([
    db.whatsAppMessage.groupBy({ by: ["broadcastId", "status"], where: { broadcastId: { in: ids } }, _count: { _all: true } }),
    db.whatsAppMessage.groupBy({ by: ["broadcastId", "lastError"], where: { broadcastId: { in: ids }, status: "skipped" }, _count: { _all: true } }),
  ]);
  const entry = (id: string) => out.get(id) ?? out.set(id, { byStatus: {}, skippedBy: {} }).get(id)!;
  for (const r of rows) entry(r.broadcastId!).byStatus[r.status] = r._count._all;
  for (const r of skipped) entry(r.broadcastId!).skippedBy[r.lastError ?? ""] = r._count._all;
  return out;
}

export function deleteOptOut(db: TenantScope, phone: string) {
  return db.whatsAppOptOut.deleteMany({ where: { phone } });
}

export function findOptOut(db: TenantScope, phone: string) {
  return db.whatsAppOptOut.findFirst({ where: { phone }, select: { source: true, createdAt: true } });
}
