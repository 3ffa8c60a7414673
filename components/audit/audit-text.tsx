"use client";
// How an audit entry reads, shared by the ISP's log and the console's: the action's label and a
// sentence naming who did it, both from the `audit` catalogue (the stable code stays in the
// data). An unknown code (an entry older than its catalogue) reads as its code.
import { useTranslations } from "next-intl";
import { hasKey, translateKey, type RootTranslate } from "@/i18n/keys";

/** Keys in an entry's details that name its object the way people do (number, receipt, …). */
const REFERENCE_KEYS = ["number", "receipt", "domain", "code", "email", "name"] as const;

export function useAuditText() {
  const t = useTranslations() as unknown as RootTranslate;
  return {
    label(code: string): string {
      const key = `audit.actions.${code}`;
      return hasKey(t, key) ? translateKey(t, key) : code;
    },
    sentence(code: string, actor: string): string {
      const key = `audit.sentences.${code}`;
      return hasKey(t, key) ? translateKey(t, key, { actor }) : `${actor} · ${code}`;
    },
  };
}

/** The human reference of an entry's object, when its details carry one ("C-000042"). */
export function referenceOf(details: unknown): string | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  for (const key of REFERENCE_KEYS) {
    const value = (details as Record<string, unknown>)[key];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

/** Details as "key: value" pairs, for the disclosure under an entry (forensics, not reading). */
export function detailsText(details: unknown): string | null {
  if (details === null || details === undefined) return null;
  if (typeof details === "object" && !Array.isArray(details)) {
    const pairs = Object.entries(details as Record<string, unknown>).map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
    return pairs.length ? pairs.join(", ") : null;
  }
  return JSON.stringify(details);
}
