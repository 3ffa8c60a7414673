// The WhatsApp message kinds, the variables each may use, the built-in wording in both
// languages and the one renderer. Pure (no server imports): the settings page previews with it.
// A template names variables as {name}; an unknown name or a stray brace is an error when a
// template is checked, so a customer never gets a blank where a value should be.
import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";

export const MESSAGE_KINDS = ["invoice_issued", "invoice_overdue", "payment_received", "customer_isolated", "customer_restored", "test"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

const COMMON = ["customerName", "customerNumber", "ispName"] as const;

/** Variables of each kind, in the order the Cloud API template's body parameters take them. */
export const KIND_VARIABLES: Record<MessageKind, readonly string[]> = {
  invoice_issued: [...COMMON, "invoiceNumber", "amount", "dueDate"],
  invoice_overdue: [...COMMON, "invoiceNumber", "amount", "dueDate"],
  payment_received: [...COMMON, "receiptNumber", "amount"],
  customer_isolated: [...COMMON],
  customer_restored: [...COMMON],
  test: ["ispName"],
};

/** Kinds whose messages may go out during quiet hours when the tenant allows it (outages, later). */
export const URGENT_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>([]);

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

/** The Cloud API template for a kind: approved name, language code and body parameters. */
export function cloudTemplateOf(kind: MessageKind, locale: Locale, variables: Record<string, string>) {
  return {
    name: `rrnet_${kind}`,
    language: locale,
    parameters: KIND_VARIABLES[kind].map((name) => {
      const value = variables[name];
      if (value === undefined) throw new Error(`template variable "${name}" has no value`);
      return value;
    }),
  };
}
