// Messages staff and other modules ask for, beyond billing events: a test message (sent at once
// so the owner sees whether the gateway works), an invoice with its payment instructions (or a
// wa.me link when no gateway is set up), broadcasts to a filtered set of customers, payment
// reminders N days before the due date (outage notices come from the FTTH module's events:
// dispatch.service.ts noticesOf). All but the test go through writeNotices: one message per key and
// recipient, queued and throttled like everything else.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { getBillingSettings } from "@/server/modules/billing/billing-settings.service";
import { listInvoiceCharges } from "@/server/modules/billing/gateway/gateway.service";
import { getInvoiceOrThrow, listOpenInvoicesDueOn } from "@/server/modules/billing/invoice.service";
import { getCustomerContacts, listAudience } from "@/server/modules/customers/customer.service";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import { addDays } from "@/server/time/calendar-date";
import { serverTranslator } from "@/i18n/translator";
import type { Locale } from "@/i18n/locales";
import { formatDate, writeNotices, type CustomerNotice } from "./dispatch.service";
import { formatRupiah } from "@/i18n/rupiah";
import { renderTemplate } from "./message-templates";
import { broadcastProgress, findBroadcast, findMessageByKey, findOptedOut, findSettings, insertBroadcast, insertMessages, listBroadcasts, updateMessage } from "./notifications.repository";
import type { TAudienceFilter, TAudiencePreview, TBroadcastInput, TBroadcastRow, TInvoiceShare, TMessageStatus, TSendTestInput, TSendTestResult } from "./notifications.schema";
import { MESSAGE_STATUSES } from "./notifications.schema";
import { defaultSendDeps, type SendDeps } from "./send.service";
import { loadWording } from "./template.service";
import { loadSendConfig } from "./whatsapp-settings.service";
import { toE164Digits } from "./whatsapp-provider";

const notConfigured = () => new AppError("GATEWAY_NOT_CONFIGURED", { provider: "whatsapp" }, "notifications.errors.notConfigured");

async function tenantFacts(db: TenantDb) {
  return db.tenant.findFirstOrThrow({ select: { name: true, defaultLocale: true, timezone: true } });
}

// ---------------------------------------------------------------------------------------------
// Test message

/** Sends the "test" message to `phone` now, through one provider, and records it in the log. */
export async function sendTestMessage(db: TenantDb, actor: UserActor, input: TSendTestInput, deps: SendDeps = defaultSendDeps): Promise<TSendTestResult> {
  const config = await loadSendConfig(db);
  if (!config) throw notConfigured();
  const provider = input.provider ?? config.settings.primaryProvider;
  const credentials = config.credentials[provider];
  if (!credentials) throw new AppError("VALIDATION_FAILED", { provider, fields: { provider: ["notifications.errors.credentialsMissing"] } }, "notifications.errors.credentialsMissing");
  const phone = toE164Digits(input.phone);
  if (!phone) throw new AppError("VALIDATION_FAILED", { fields: { phone: ["notifications.validation.phone"] } });
  const [tenant, wording] = await Promise.all([tenantFacts(db), loadWording(db)]);
  const locale = tenant.defaultLocale;
  const variables: Record<string, string> = { ispName: tenant.name };
  const body = renderTemplate(wording.body("test", locale), variables);
  const dedupeKey = `test:${randomUUID()}`;
  // The log row is written (as sending) before the call, like every other message.
  const [row] = await insertMessages(db, [{ dedupeKey, kind: "test", customerId: null, phone, locale, body, variables, status: "sending" }]);
  if (!row) throw new Error("a fresh test message key was already taken");
  const template = { name: wording.cloud("test").name, language: locale, parameters: wording.cloud("test").parameters.map((n) => variables[n] ?? "") };
  const outcome = await deps.gateway(provider).send(credentials, { reference: row.id, to: phone, text: body, template });
  const now = deps.now();
  if (outcome.kind === "sent") await updateMessage(db, row.id, { status: "sent", provider, attempts: 1, providerMessageId: outcome.providerMessageId, sentAt: now });
  else await updateMessage(db, row.id, { status: outcome.kind === "ambiguous" ? "unknown" : "failed", provider, attempts: 1, failedAt: now, lastError: outcome.reason });
  await recordAudit(db, actor, { action: "whatsapp.test_sent", details: { provider, outcome: outcome.kind } });
  return { status: outcome.kind === "sent" ? "sent" : "failed", provider, reason: outcome.kind === "sent" ? null : outcome.reason };
}

// ---------------------------------------------------------------------------------------------
// An invoice by WhatsApp

/** How to pay an invoice, one line: open gateway codes (QRIS link, VA numbers) and the ISP's footer. */
async function paymentInstructions(db: TenantDb, invoiceId: string, locale: Locale): Promise<string> {
  const t = serverTranslator(locale);
  const [{ charges }, billing] = await Promise.all([listInvoiceCharges(db, invoiceId), getBillingSettings(db)]);
  const now = Date.now();
  const open = charges.filter((c) => c.status === "pending" && !c.superseded && (!c.expiresAt || Date.parse(c.expiresAt) > now));
  const parts = open.map((c) =>
    c.qrString || !c.payCode
      ? t("notifications.instructions.qris", { method: c.methodLabel, url: c.checkoutUrl ?? "" })
      : t("notifications.instructions.va", { method: c.methodLabel, code: c.payCode }),
  );
  const footer = billing.invoiceFooter?.replace(/\s+/g, " ").trim();
  if (footer) parts.push(footer);
  return parts.length ? parts.join(" · ") : t("notifications.instructions.none");
}

async function invoiceNotice(db: TenantDb, invoiceId: string, locale: Locale): Promise<CustomerNotice> {
  const invoice = await getInvoiceOrThrow(db, invoiceId);
  if (invoice.status === "draft" || invoice.status === "void" || !invoice.number) throw new AppError("CONFLICT", { invoiceId, status: invoice.status }, "notifications.errors.invoiceNotOpen");
  const owed = invoice.outstandingIdr > 0 ? invoice.outstandingIdr : invoice.totalIdr;
  return {
    kind: "invoice_payment",
    customerId: invoice.customerId,
    invoiceId,
    variables: {
      invoiceNumber: invoice.number,
      amount: formatRupiah(owed),
      dueDate: invoice.dueDate ? formatDate(invoice.dueDate, locale) : "-",
      paymentInstructions: await paymentInstructions(db, invoiceId, locale),
    },
  };
}

/** What the invoice page offers: send through the gateway, or a wa.me link with the same text. */
export async function invoiceShare(db: TenantDb, invoiceId: string): Promise<TInvoiceShare> {
  const [settings, tenant, wording] = await Promise.all([findSettings(db), tenantFacts(db), loadWording(db)]);
  const notice = await invoiceNotice(db, invoiceId, tenant.defaultLocale);
  const [contact] = await getCustomerContacts(db, [notice.customerId]);
  const phone = contact?.phone ? toE164Digits(contact.phone) : null;
  const variables = { customerName: contact?.name ?? "", customerNumber: contact ? formatCustomerNumber(contact.number) : "", ispName: tenant.name, ...notice.variables };
  const text = renderTemplate(wording.body("invoice_payment", tenant.defaultLocale), variables);
  const optedOut = phone ? (await findOptedOut(db, [phone])).has(phone) : false;
  return { gateway: Boolean(settings?.enabled), phone, text, waMeUrl: phone ? `https://wa.me/${phone}?text=${encodeURIComponent(text)}` : null, optedOut };
}

/** Queues the invoice with its payment instructions to its customer; one message per key. */
export async function sendInvoice(db: TenantDb, actor: UserActor, input: { invoiceId: string; idempotencyKey: string }) {
  if (!(await findSettings(db))?.enabled) throw notConfigured();
  const tenant = await tenantFacts(db);
  const notice = await invoiceNotice(db, input.invoiceId, tenant.defaultLocale);
  const key = `invoice:${input.invoiceId}:${input.idempotencyKey}`;
  const replayed = (await findMessageByKey(db, `${key}:${notice.customerId}`)) !== null;
  const [stored] = await writeNotices(db, key, [notice]);
  if (!replayed) await recordAudit(db, actor, { action: "whatsapp.invoice_sent", details: { invoiceId: input.invoiceId, invoiceNumber: notice.variables.invoiceNumber, messageId: stored?.id ?? null } });
  return { messageId: stored?.id ?? null, status: (stored?.status as TMessageStatus | undefined) ?? null, replayed };
}

// ---------------------------------------------------------------------------------------------
// Broadcasts

async function audienceOf(db: TenantDb, filter: TAudienceFilter) {
  const customers = await listAudience(db, { statuses: filter.statuses, packageId: filter.packageId ?? null, area: filter.area?.trim() || null, odpId: filter.odpId ?? null });
  const phones = customers.map((c) => (c.phone ? toE164Digits(c.phone) : null));
  const optedOut = await findOptedOut(db, phones.filter((p): p is string => p !== null));
  return { customers, phones, optedOut };
}

/** How many customers the filter picks and how many of them can be reached. */
export async function previewAudience(db: TenantDb, filter: TAudienceFilter): Promise<TAudiencePreview> {
  const { customers, phones, optedOut } = await audienceOf(db, filter);
  const noNumber = phones.filter((p) => p === null).length;
  const opted = phones.filter((p) => p !== null && optedOut.has(p)).length;
  return { customers: customers.length, reachable: customers.length - noNumber - opted, noNumber, optedOut: opted };
}

/** Writes the broadcast and one message per customer (skipped ones say why); the key makes a double submit one broadcast. */
export async function sendBroadcast(db: TenantDb, actor: UserActor, input: TBroadcastInput): Promise<TBroadcastRow> {
  if (!(await findSettings(db))?.enabled) throw notConfigured();
  const { customers } = await audienceOf(db, input.filter);
  if (customers.length === 0) throw new AppError("VALIDATION_FAILED", { fields: { filter: ["notifications.validation.noRecipients"] } });
  // The broadcast id is derived from the key: a repeated submit finds the same broadcast.
  const id = uuidFromKey(`${db.tenantId}:${input.idempotencyKey}`);
  const existing = await findBroadcast(db, id);
  if (!existing) {
    await insertBroadcast(db, { id, createdByUserId: actor.userId, body: input.message, filter: input.filter as Prisma.InputJsonValue, recipients: customers.length });
    await recordAudit(db, actor, { action: "whatsapp.broadcast_sent", details: { broadcastId: id, recipients: customers.length, filter: input.filter } });
  }
  await writeNotices(
    db,
    `broadcast:${id}`,
    customers.map((c) => ({ kind: "broadcast" as const, customerId: c.id, variables: { message: input.message } })),
    { broadcastId: id },
  );
  return (await broadcastRows(db, [(await findBroadcast(db, id))!]))[0]!;
}

/** A stable UUID (v4 layout) from a string: the same key always names the same row. */
function uuidFromKey(key: string): string {
  const hex = createHash("sha256").update(key).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function listBroadcastRows(db: TenantDb, limit = 20): Promise<TBroadcastRow[]> {
  return broadcastRows(db, await listBroadcasts(db, limit));
}

async function broadcastRows(db: TenantDb, rows: Awaited<ReturnType<typeof listBroadcasts>>): Promise<TBroadcastRow[]> {
  const progress = await broadcastProgress(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const { byStatus: counts, skippedBy } = progress.get(r.id) ?? { byStatus: {}, skippedBy: {} };
    return {
      id: r.id,
      message: r.body,
      createdAt: r.createdAt.toISOString(),
      recipients: r.recipients,
      progress: Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, counts[s] ?? 0])) as TBroadcastRow["progress"],
      optedOut: skippedBy.opted_out ?? 0,
      noNumber: skippedBy.no_whatsapp_number ?? 0,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Payment reminders

/**
 * Reminders for the open invoices due `reminderDaysBefore` days after `today` (the tenant's local
 * date): key `reminder:<invoice>:<today>`, so a day's run that repeats sends nothing twice.
 */
export async function queueDueReminders(db: TenantDb, today: string): Promise<{ invoices: number; messages: number }> {
  const settings = await findSettings(db);
  if (!settings?.enabled || settings.reminderDaysBefore <= 0) return { invoices: 0, messages: 0 };
  const tenant = await tenantFacts(db);
  const dueDate = addDays(today, settings.reminderDaysBefore);
  const invoices = await listOpenInvoicesDueOn(db, dueDate);
  let messages = 0;
  for (const invoice of invoices) {
    const notice: CustomerNotice = {
      kind: "payment_reminder",
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      variables: { invoiceNumber: invoice.number ?? "", amount: formatRupiah(invoice.outstandingIdr), dueDate: formatDate(dueDate, tenant.defaultLocale), daysLeft: String(settings.reminderDaysBefore) },
    };
    messages += (await writeNotices(db, `reminder:${invoice.id}:${today}`, [notice])).length;
  }
  return { invoices: invoices.length, messages };
}
