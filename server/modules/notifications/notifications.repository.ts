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
};

/** Writes messages whose key is new; a key already there is left alone (a duplicate event). */
export async function insertMessages(db: TenantScope, messages: NewMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await db.whatsAppMessage.createMany({
    data: messages.map((m) => ({ tenantId: db.tenantId, ...m, variables: m.variables as Prisma.InputJsonValue })),
    skipDuplicates: true,
  });
}

export function findMessagesByKeys(db: TenantScope, keys: string[]) {
  return db.whatsAppMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { id: true, status: true, notBefore: true } });
}

export function findMessage(db: TenantScope, id: string) {
  return db.whatsAppMessage.findFirst({ where: { id } });
}
export type MessageRecord = NonNullable<Awaited<ReturnType<typeof findMessage>>>;

/** Moves a message on only from the status it is expected in; false when someone else moved it. */
export async function transitionMessage(db: TenantScope, id: string, from: WhatsAppMessageStatus, data: Prisma.WhatsAppMessageUpdateManyMutationInput): Promise<boolean> {
  const { count } = await db.whatsAppMessage.updateMany({ where: { id, status: from }, data });
  return count === 1;
}

export function findMessageForWebhook(db: TenantScope, provider: WhatsAppProviderKind, providerMessageId: string, reference: string | null) {
  return db.whatsAppMessage.findFirst({
    where: reference && /^[0-9a-f-]{36}$/.test(reference) ? { OR: [{ provider, providerMessageId }, { id: reference }] } : { provider, providerMessageId },
    select: { id: true, status: true, providerMessageId: true },
  });
}

export function updateMessage(db: TenantScope, id: string, data: Prisma.WhatsAppMessageUpdateManyMutationInput) {
  return db.whatsAppMessage.updateMany({ where: { id }, data });
}

export async function isOptedOut(db: TenantScope, phone: string): Promise<boolean> {
  return (await db.whatsAppOptOut.count({ where: { phone } })) > 0;
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
