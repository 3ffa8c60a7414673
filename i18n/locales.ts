// The interface languages. Bahasa Indonesia is the default; English the second. Pure: shared by
// server code, pages and the zod schemas of settings.
import { z } from "zod";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
export const ZLocale = z.enum(LOCALES);

/** Each language named in itself, as language pickers show them (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = { id: "Bahasa Indonesia", en: "English" };

/** The Intl locale behind each language: Indonesian conventions, British English (day month year, 24 h). */
export const INTL_LOCALES: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

/** The zone shown where there is no tenant (console, landing page). */
export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * Who decides the language of a request: the signed-in user's own choice, else the tenant's
 * default (sign-in, status pages, portal), else Bahasa Indonesia (console sign-in, landing page).
 */
export function resolveLocale(userChoice: Locale | null | undefined, tenantDefault: Locale | null | undefined): Locale {
  return userChoice ?? tenantDefault ?? DEFAULT_LOCALE;
}
