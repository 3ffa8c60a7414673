// Domain events -> WhatsApp messages. For each event that concerns a customer, one message per
// (event, recipient) is written first — the idempotency record, unique on its key — and then
// a send job is enqueued for it. A duplicate event, a retried delivery or a relay that ran
// twice finds the record and adds nothing; a send job that runs twice finds the message past
// "queued". Nothing is written when the tenant has no WhatsApp set up.
import "server-only";
import type { TenantDb } from "@/server/db";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import { formatIncidentNumber } from "@/server/modules/ftth/ftth.schema";
import { getCustomerContacts } from "@/server/modules/customers/customer.service";
import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";
import { formatRupiah } from "@/i18n/rupiah";
import { zoneAbbreviation } from "@/server/time/zone-abbreviation";
import { cloudTemplateOf, optOutFooter, renderTemplate, REQUESTED_KINDS, type MessageKind } from "./message-templates";
import { findMessagesByKeys, findOptedOut, findSettings, insertMessages, type NewMessage } from "./notifications.repository";
import { enqueueSends } from "./notifications.jobs";
import { createBatcher } from "./batcher";
import { loadWording } from "./template.service";
import { toE164Digits } from "./whatsapp-provider";

/**
 * What an event means for one recipient: the kind of message, its own variables, what it is
 * about. The recipient is a customer (their number on file) or, for kinds without customer
 * variables (a voucher's walk-in buyer), a bare WhatsApp number.
 */
export type CustomerNotice = { kind: MessageKind; customerId: string; variables: Record<string, string>; invoiceId?: string };
export type PhoneNotice = { kind: MessageKind; phone: string; variables: Record<string, string>; invoiceId?: string };
export type Notice = CustomerNotice | PhoneNotice;

const isCustomerNotice = (notice: Notice): notice is CustomerNotice => "customerId" in notice;
/** The key part naming a notice's recipient. */
const recipientOf = (notice: Notice) => (isCustomerNotice(notice) ? notice.customerId : `phone:${toE164Digits(notice.phone) ?? notice.phone}`);

const DATE_LOCALES: Record<Locale, string> = { id: "id-ID", en: "en-GB" };
export const formatDate = (isoDate: string, locale: Locale) =>
  new Intl.DateTimeFormat(DATE_LOCALES[locale], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));

/** An instant in the tenant's zone with its abbreviation, as a customer reads it in a message. */
const formatInstantIn = (iso: string, locale: Locale, timeZone: string) =>
  `${new Intl.DateTimeFormat(DATE_LOCALES[locale], { timeZone, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso))} ${zoneAbbreviation(timeZone, new Date(iso))}`;

/** "GGN-0003 di ODC-A": what an FTTH outage is called in a message. */
const outageTitle = (p: Record<string, unknown>, locale: Locale) =>
  renderTemplate(MESSAGES[locale].notifications.outageTitle, { incidentNumber: formatIncidentNumber(Number(p.incidentNumber)), causeCode: String(p.causeCode) });

type Envelope = { eventId: string; type: string; payload: unknown };

/** The notices of a billing event (payloads were validated by the event registry). */
export function noticesOf(event: Envelope, locale: Locale, timeZone = "Asia/Jakarta"): CustomerNotice[] {
  const p = event.payload as Record<string, unknown>;
  const customerId = String(p.customerId ?? "");
  switch (event.type) {
    case "billing.invoice_issued":
      return [{ kind: "invoice_issued", customerId, invoiceId: String(p.invoiceId), variables: { invoiceNumber: String(p.invoiceNumber), amount: formatRupiah(Number(p.totalIdr)), dueDate: formatDate(String(p.dueDate), locale) } }];
    case "billing.invoice_overdue":
      return [{ kind: "invoice_overdue", customerId, invoiceId: String(p.invoiceId), variables: { invoiceNumber: String(p.invoiceNumber), amount: formatRupiah(Number(p.outstandingIdr)), dueDate: formatDate(String(p.dueDate), locale) } }];
    case "billing.payment_received":
      return [{ kind: "payment_received", customerId, variables: { receiptNumber: String(p.receiptNumber), amount: formatRupiah(Number(p.amountIdr)) } }];
    case "billing.customer_isolated":
      return [{ kind: "customer_isolated", customerId, variables: {} }];
    case "billing.customer_restored":
      return [{ kind: "customer_restored", customerId, variables: {} }];
    case "ftth.outage_started":
      return [{ kind: "outage_started", customerId, variables: { outageTitle: outageTitle(p, locale), startedAt: formatInstantIn(String(p.startedAt), locale, timeZone) } }];
    case "ftth.outage_resolved":
      return [{ kind: "outage_resolved", customerId, variables: { outageTitle: outageTitle(p, locale), resolvedAt: formatInstantIn(String(p.resolvedAt), locale, timeZone) } }];
    default:
      return [];
  }
}

export type QueueOptions = { broadcastId?: string };
export type StoredMessage = { id: string; status: string; dedupeKey: string; lastError: string | null };

/**
 * Writes the messages of `notices` under keys `${key}:${customerId}` (`${key}:phone:<digits>`
 * for a bare number) and enqueues their sends;
 * returns the messages the key set has (new or already there).
 */
export function writeNotices(
  db: TenantDb,
  key: string,
  noticesOrFor: Notice[] | ((tenant: { locale: Locale; timeZone: string }) => Notice[]),
  options: QueueOptions = {},
): Promise<StoredMessage[]> {
  if (Array.isArray(noticesOrFor) && noticesOrFor.length === 0) return Promise.resolve([]);
  return writeKeyed(db, (t) => (Array.isArray(noticesOrFor) ? noticesOrFor : noticesOrFor(t)).map((notice) => ({ key, notice })), options);
}

type Keyed = { key: string; notice: Notice };

/** writeNotices for notices of several keys at once (a batch of events): one query per step for all. */
async function writeKeyed(db: TenantDb, build: (tenant: { locale: Locale; timeZone: string }) => Keyed[], options: QueueOptions): Promise<StoredMessage[]> {
  if (!(await findSettings(db))?.enabled) return [];
  const [tenant, wording] = await Promise.all([db.tenant.findFirstOrThrow({ select: { name: true, defaultLocale: true, timezone: true } }), loadWording(db)]);
  const locale = tenant.defaultLocale;
  const keyed = build({ locale, timeZone: tenant.timezone });
  const notices = keyed.map((k) => k.notice);
  if (notices.length === 0) return [];
  const customerIds = [...new Set(notices.filter(isCustomerNotice).map((n) => n.customerId))];
  const contacts = new Map((await getCustomerContacts(db, customerIds)).map((c) => [c.id, c]));
  const phoneOf = (n: Notice) => {
    if (!isCustomerNotice(n)) return toE164Digits(n.phone);
    const phone = contacts.get(n.customerId)?.phone;
    return phone ? toE164Digits(phone) : null;
  };
  const optedOut = await findOptedOut(db, notices.map(phoneOf).filter((p): p is string => p !== null));
  const rows: NewMessage[] = [];
  for (const { key, notice } of keyed) {
    const contact = isCustomerNotice(notice) ? contacts.get(notice.customerId) : undefined;
    if (isCustomerNotice(notice) && !contact) continue;
    const phone = phoneOf(notice);
    const requested = REQUESTED_KINDS.has(notice.kind);
    const variables = { ...(contact ? { customerName: contact.name, customerNumber: formatCustomerNumber(contact.number) } : {}), ispName: tenant.name, ...notice.variables };
    const text = renderTemplate(wording.body(notice.kind, locale), variables);
    const body = requested ? text : `${text}\n\n${optOutFooter(locale)}`;
    const cloudTemplate = cloudTemplateOf(notice.kind, locale, variables, wording.cloud(notice.kind));
    // Recorded as skipped, so the log can say why a customer got nothing.
    const skip = !phone ? "no_whatsapp_number" : !requested && optedOut.has(phone) ? "opted_out" : null;
    rows.push({
      dedupeKey: `${key}:${recipientOf(notice)}`,
      kind: notice.kind,
      customerId: contact?.id ?? null,
      phone: phone ?? "",
      locale,
      body,
      variables,
      cloudTemplate,
      invoiceId: notice.invoiceId ?? null,
      broadcastId: options.broadcastId ?? null,
      ...(skip ? { status: "skipped" as const, lastError: skip } : {}),
    });
  }
  // Large sets (broadcasts) go in chunks of 1 000 rows. Keys already there (a duplicate event,
  // a repeated run) are not written again; they are read back instead.
  const stored: StoredMessage[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const created = await insertMessages(db, chunk);
    stored.push(...created);
    if (created.length < chunk.length) {
      const fresh = new Set(created.map((m) => m.dedupeKey));
      stored.push(...(await findMessagesByKeys(db, chunk.filter((r) => !fresh.has(r.dedupeKey)).map((r) => r.dedupeKey))));
    }
  }
  await enqueueSends(
    db.tenantId,
    stored.filter((m) => m.status === "queued").map((m) => m.id),
  );
  return stored;
}

/** writeNotices, counted. */
export async function queueNotices(db: TenantDb, key: string, notices: Notice[], options: QueueOptions = {}): Promise<number> {
  return (await writeNotices(db, key, notices, options)).length;
}

/**
 * Events of one tenant delivered at about the same time (the worker runs many delivery jobs at
 * once) are written together: one settings read, one contacts read, one insert, one enqueue.
 */
const eventBatch = createBatcher<{ db: TenantDb; event: Envelope }, number>(
  async (_tenantId, items) => {
    const stored = await writeKeyed(items[0]!.db, (t) => items.flatMap(({ event }) => noticesOf(event, t.locale, t.timeZone).map((notice) => ({ key: `event:${event.eventId}`, notice }))), {});
    const perEvent = new Map<string, number>();
    for (const m of stored) {
      const eventKey = m.dedupeKey.slice(0, m.dedupeKey.indexOf(":", "event:".length));
      perEvent.set(eventKey, (perEvent.get(eventKey) ?? 0) + 1);
    }
    return items.map(({ event }) => perEvent.get(`event:${event.eventId}`) ?? 0);
  },
  { maxItems: 200, maxWaitMs: 5 },
);

/** The notification module's part of delivering a domain event: how many messages it means. */
export function notifyForEvent(db: TenantDb, event: Envelope): Promise<number> {
  return eventBatch(db.tenantId, { db, event });
}
