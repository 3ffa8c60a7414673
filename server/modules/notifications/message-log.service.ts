// The message log: what happened to every WhatsApp message (filters by customer, kind, status
// and local date), and sending one again. A resend is a new message keyed on the one it repeats
// (`resend:<id>`), so a double click sends one; it goes to the customer's current number and
// honours an opt-out made since. Staff may also record (or lift) a customer's opt-out.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { getCustomerContacts } from "@/server/modules/customers/customer.service";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import { addDays, startOfLocalDay } from "@/server/time/calendar-date";
import { enqueue } from "@/server/jobs/enqueue";
import { deleteOptOut, findMessage, findMessageByKey, findOptedOut, findOptOut, insertMessages, insertOptOut, listMessages, type MessageFilter } from "./notifications.repository";
import { sendMessageJob } from "./notifications.jobs";
import type { TMessageListInput, TMessagePage, TMessageRow, TOptOutState } from "./notifications.schema";
import { SECRET_VARIABLES, type MessageKind } from "./message-templates";
import { toE164Digits } from "./whatsapp-provider";

/** Skipped for these reasons, a message stays skipped: sending it again would do the same. */
const FINAL_SKIPS = new Set(["opted_out"]);

function resendable(status: string, lastError: string | null, customerId: string | null, kind: string): boolean {
  if (kind === "test" || SECRET_VARIABLES[kind as MessageKind]) return false;
  if (status === "failed" || status === "unknown") return true;
  return status === "skipped" && !FINAL_SKIPS.has(lastError ?? "") && customerId !== null;
}

/** A message's text as staff see it: the values of secret variables (a sign-in code) hidden. */
function masked(kind: string, body: string, variables: unknown): string {
  const secrets = SECRET_VARIABLES[kind as MessageKind];
  if (!secrets) return body;
  const values = variables as Record<string, string>;
  return secrets.reduce((text, name) => (values[name] ? text.split(values[name]).join("•".repeat(values[name].length)) : text), body);
}

export async function listMessageLog(db: TenantDb, input: TMessageListInput): Promise<TMessagePage> {
  const tenant = await db.tenant.findFirstOrThrow({ select: { timezone: true } });
  const filter: MessageFilter = {
    customerId: input.customerId,
    kind: input.kind,
    status: input.status,
    broadcastId: input.broadcastId,
    invoiceId: input.invoiceId,
    createdFrom: input.from ? startOfLocalDay(input.from, tenant.timezone) : undefined,
    createdBefore: input.to ? startOfLocalDay(addDays(input.to, 1), tenant.timezone) : undefined,
  };
  const { rows, more } = await listMessages(db, filter, { cursor: input.cursor, limit: input.limit });
  const contacts = new Map((await getCustomerContacts(db, [...new Set(rows.map((r) => r.customerId).filter((id): id is string => id !== null))])).map((c) => [c.id, c]));
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const now = new Date();
  const items: TMessageRow[] = rows.map((r) => {
    const contact = r.customerId ? contacts.get(r.customerId) : undefined;
    return {
      id: r.id,
      kind: r.kind,
      customerId: r.customerId,
      customerName: contact?.name ?? null,
      customerCode: contact ? formatCustomerNumber(contact.number) : null,
      phone: r.phone,
      body: masked(r.kind, r.body, r.variables),
      status: r.status,
      provider: r.provider,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      sentAt: iso(r.sentAt),
      deliveredAt: iso(r.deliveredAt),
      readAt: iso(r.readAt),
      failedAt: iso(r.failedAt),
      notBefore: r.status === "queued" && r.notBefore > now ? r.notBefore.toISOString() : null,
      resendable: resendable(r.status, r.lastError, r.customerId, r.kind),
    };
  });
  return { items, nextCursor: more ? rows[rows.length - 1]!.id : null };
}

/** Sends a failed, unknown or skipped message again as a new message; returns the new one's id. */
export async function resendMessage(db: TenantDb, actor: UserActor, id: string): Promise<{ messageId: string; status: string; replayed: boolean }> {
  const original = await findMessage(db, id);
  if (!original) throw new AppError("NOT_FOUND", { messageId: id }, "notifications.errors.messageNotFound");
  if (!resendable(original.status, original.lastError, original.customerId, original.kind)) {
    throw new AppError("CONFLICT", { messageId: id, status: original.status }, "notifications.errors.notResendable");
  }
  const dedupeKey = `resend:${original.id}`;
  const already = await findMessageByKey(db, dedupeKey);
  if (already) return { messageId: already.id, status: already.status, replayed: true };
  let phone = original.phone;
  if (original.customerId) {
    const [contact] = await getCustomerContacts(db, [original.customerId]);
    phone = (contact?.phone ? toE164Digits(contact.phone) : null) ?? "";
  }
  const skip = !phone ? "no_whatsapp_number" : (await findOptedOut(db, [phone])).has(phone) ? "opted_out" : null;
  if (skip) throw new AppError("CONFLICT", { messageId: id, reason: skip }, skip === "opted_out" ? "notifications.errors.optedOut" : "notifications.errors.noNumber");
  const [created] = await insertMessages(db, [
    {
      dedupeKey,
      kind: original.kind,
      customerId: original.customerId,
      phone,
      locale: original.locale,
      body: original.body,
      variables: original.variables as Record<string, string>,
      cloudTemplate: original.cloudTemplate as { name: string; language: string; parameters: string[] } | null,
      broadcastId: original.broadcastId,
      invoiceId: original.invoiceId,
    },
  ]);
  if (!created) {
    // A resend of the same message at the same moment wrote it: that one is sending it.
    const other = (await findMessageByKey(db, dedupeKey))!;
    return { messageId: other.id, status: other.status, replayed: true };
  }
  await enqueue(sendMessageJob, { tenantId: db.tenantId, messageId: created.id }, { jobId: `wa-send-${created.id}` });
  await recordAudit(db, actor, { action: "whatsapp.message_resent", details: { messageId: id, newMessageId: created.id } });
  return { messageId: created.id, status: created.status, replayed: false };
}

async function customerPhone(db: TenantDb, customerId: string): Promise<string | null> {
  const [contact] = await getCustomerContacts(db, [customerId]);
  if (!contact) throw new AppError("NOT_FOUND", { customerId }, "notifications.errors.customerNotFound");
  return contact.phone ? toE164Digits(contact.phone) : null;
}

/** Whether a customer's WhatsApp number has opted out, how and since when. */
export async function getCustomerOptOut(db: TenantDb, customerId: string): Promise<TOptOutState> {
  const phone = await customerPhone(db, customerId);
  const row = phone ? await findOptOut(db, phone) : null;
  return { phone, optedOut: Boolean(row), source: (row?.source as "inbound" | "staff" | undefined) ?? null, since: row?.createdAt.toISOString() ?? null };
}

/** Staff record a customer's wish (asked by phone, at the counter) to get no more messages, or lift it. */
export async function setCustomerOptOut(db: TenantDb, actor: UserActor, input: { customerId: string; optedOut: boolean }): Promise<TOptOutState> {
  const phone = await customerPhone(db, input.customerId);
  if (!phone) throw new AppError("CONFLICT", { customerId: input.customerId }, "notifications.errors.noNumber");
  if (input.optedOut) await insertOptOut(db, phone, "staff");
  else await deleteOptOut(db, phone);
  await recordAudit(db, actor, { action: "whatsapp.opt_out_changed", details: { customerId: input.customerId, optedOut: input.optedOut } });
  return getCustomerOptOut(db, input.customerId);
}
