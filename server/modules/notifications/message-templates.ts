// The WhatsApp message kinds, the variables each may use, the built-in wording in both
// languages and the one renderer. Pure (no server imports): the settings page previews with it.
// A template names variables as {name}; an unknown name or a stray brace is an error when a
// template is checked, so a customer never gets a blank where a value should be.
import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";

export const MESSAGE_KINDS = [
  "invoice_issued",
  "payment_reminder",
  "invoice_overdue",
  "invoice_payment",
  "payment_received",
  "customer_isolated",
  "customer_restored",
  "outage_started",
  "outage_resolved",
  "technician_on_the_way",
  "voucher_sold",
  "portal_sign_in_code",
  "broadcast",
  "test",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

const COMMON = ["customerName", "customerNumber", "ispName"] as const;

/** Variables of each kind, in the order the Cloud API template's body parameters take them. */
export const KIND_VARIABLES: Record<MessageKind, readonly string[]> = {
  invoice_issued: [...COMMON, "invoiceNumber", "amount", "dueDate"],
  payment_reminder: [...COMMON, "invoiceNumber", "amount", "dueDate", "daysLeft"],
  invoice_overdue: [...COMMON, "invoiceNumber", "amount", "dueDate"],
  invoice_payment: [...COMMON, "invoiceNumber", "amount", "dueDate", "paymentInstructions"],
  payment_received: [...COMMON, "receiptNumber", "amount"],
  customer_isolated: [...COMMON],
  customer_restored: [...COMMON],
  outage_started: [...COMMON, "outageTitle", "startedAt"],
  outage_resolved: [...COMMON, "outageTitle", "resolvedAt"],
  technician_on_the_way: [...COMMON, "technicianName", "workOrderNumber"],
  // A voucher's buyer is often a walk-in with only a phone number: no customer variables.
  voucher_sold: ["ispName", "voucherCode", "packageName", "validity", "amount"],
  portal_sign_in_code: [...COMMON, "code", "validMinutes"],
  broadcast: [...COMMON, "message"],
  test: ["ispName"],
};

/** Sample values for previews (the settings page shows a template filled with them). */
export const SAMPLE_VARIABLES: Record<Locale, Record<string, string>> = {
  id: {
    customerName: "Budi Santoso",
    customerNumber: "C-000042",
    ispName: "Demo Net",
    invoiceNumber: "INV/2026/000123",
    amount: "Rp 150.000",
    dueDate: "10 Desember 2026",
    daysLeft: "3",
    paymentInstructions: "QRIS: https://pay.example/qr/abc · VA BRI 8800123456789",
    receiptNumber: "RCP/2026/000456",
    outageTitle: "Gangguan kabel di Jalan Melati",
    startedAt: "4 Desember 2026 19.30 WIB",
    resolvedAt: "4 Desember 2026 21.10 WIB",
    message: "Besok pukul 01.00–03.00 WIB ada pemeliharaan jaringan.",
    technicianName: "Andi",
    workOrderNumber: "WO-000123",
    voucherCode: "RR7K2M9Q",
    packageName: "Hotspot 1 Hari",
    validity: "1 hari",
    code: "482915",
    validMinutes: "10",
  },
  en: {
    customerName: "Budi Santoso",
    customerNumber: "C-000042",
    ispName: "Demo Net",
    invoiceNumber: "INV/2026/000123",
    amount: "Rp 150.000",
    dueDate: "10 December 2026",
    daysLeft: "3",
    paymentInstructions: "QRIS: https://pay.example/qr/abc · VA BRI 8800123456789",
    receiptNumber: "RCP/2026/000456",
    outageTitle: "Cable fault on Jalan Melati",
    startedAt: "4 December 2026 19:30 WIB",
    resolvedAt: "4 December 2026 21:10 WIB",
    message: "Network maintenance tomorrow from 01:00 to 03:00 WIB.",
    technicianName: "Andi",
    workOrderNumber: "WO-000123",
    voucherCode: "RR7K2M9Q",
    packageName: "Hotspot 1 Day",
    validity: "1 day",
    code: "482915",
    validMinutes: "10",
  },
};

/** Kinds whose messages may go out during quiet hours when the tenant allows it. */
export const URGENT_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(["outage_started", "outage_resolved"]);

/**
 * Kinds the recipient asked for a moment ago (a customer at the portal's sign-in page, a buyer
 * at the counter who gave their number for the voucher): sent at once whatever the quiet hours,
 * even to a number that opted out of notices (it is not one), and without the opt-out footer.
 */
export const REQUESTED_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(["portal_sign_in_code", "voucher_sold"]);

/** Variables that are secrets: the message log shows them masked, and such a message is never resent. */
export const SECRET_VARIABLES: Partial<Record<MessageKind, readonly string[]>> = { portal_sign_in_code: ["code"] };

export const isMessageKind = (kind: string): kind is MessageKind => (MESSAGE_KINDS as readonly string[]).includes(kind);

/** The built-in wording of a kind in a language (messages/<locale>/notifications.json). */
export function defaultTemplate(kind: MessageKind, locale: Locale): string {
  return MESSAGES[locale].notifications.templates[kind];
}

/** Appended to every message to a customer: how to stop them (the inbound webhook honours it). */
export function optOutFooter(locale: Locale): string {
  return MESSAGES[locale].notifications.optOutFooter;
}

/** Words that, as a whole inbound message, opt the sender out. */
export const OPT_OUT_WORDS: ReadonlySet<string> = new Set(["berhenti", "stop", "unsubscribe"]);

export type TemplateProblem = { code: "UNKNOWN_VARIABLE"; name: string } | { code: "STRAY_BRACE"; at: number } | { code: "EMPTY" };

const TOKEN = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Problems of a template for a kind; empty when it can be saved. */
export function checkTemplate(kind: MessageKind, text: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (text.trim() === "") return [{ code: "EMPTY" }];
  const allowed = new Set(KIND_VARIABLES[kind]);
  for (const match of text.matchAll(TOKEN)) {
    if (!allowed.has(match[1]!)) problems.push({ code: "UNKNOWN_VARIABLE", name: match[1]! });
  }
  const rest = text.replace(TOKEN, "");
  const stray = rest.search(/[{}]/);
  if (stray >= 0) problems.push({ code: "STRAY_BRACE", at: stray });
  return problems;
}

/** Renders a checked template; a variable without a value is an error, never a blank. */
export function renderTemplate(text: string, variables: Record<string, string>): string {
  return text.replace(TOKEN, (_, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new Error(`template variable "${name}" has no value`);
    return value;
  });
}

/** How a kind goes out through the Cloud API: approved template name, variables in parameter order. */
export type CloudMapping = { name: string; parameters: readonly string[] };
/**
 * A sign-in code goes out as a Cloud API authentication template, whose body takes only the
 * code (Meta fixes the rest of its wording) and whose copy-code button takes it again.
 */
const CLOUD_PARAMETERS: Partial<Record<MessageKind, readonly string[]>> = { portal_sign_in_code: ["code"] };
export const CLOUD_COPY_CODE: Partial<Record<MessageKind, string>> = { portal_sign_in_code: "code" };
export const defaultCloudMapping = (kind: MessageKind): CloudMapping => ({ name: `rrnet_${kind}`, parameters: CLOUD_PARAMETERS[kind] ?? KIND_VARIABLES[kind] });

/** Problems of a Cloud mapping for a kind: parameters must be the kind's variables. */
export function checkCloudParameters(kind: MessageKind, parameters: readonly string[]): TemplateProblem[] {
  const allowed = new Set(KIND_VARIABLES[kind]);
  return parameters.filter((name) => !allowed.has(name)).map((name) => ({ code: "UNKNOWN_VARIABLE" as const, name }));
}

/** `copyCode`: the value of an authentication template's copy-code button (a sign-in code). */
export type CloudTemplate = { name: string; language: string; parameters: string[]; copyCode?: string };

/**
 * The Cloud API template for a kind: approved name, language code and body parameters. The
 * Cloud API refuses newlines, tabs and long runs of spaces in a text parameter: they become spaces.
 */
export function cloudTemplateOf(kind: MessageKind, locale: Locale, variables: Record<string, string>, mapping: CloudMapping = defaultCloudMapping(kind)): CloudTemplate {
  const copyCodeOf = CLOUD_COPY_CODE[kind];
  const copyCode = copyCodeOf ? variables[copyCodeOf] : undefined;
  return {
    name: mapping.name,
    language: locale,
    parameters: mapping.parameters.map((name) => {
      const value = variables[name];
      if (value === undefined) throw new Error(`template variable "${name}" has no value`);
      return value.replace(/\s+/g, " ").trim();
    }),
    ...(copyCode !== undefined ? { copyCode } : {}),
  };
}
