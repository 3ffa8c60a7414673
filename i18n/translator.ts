// Translation outside React: the tRPC error formatter, REST error answers, PDFs, jobs. Pages and
// components use next-intl's getTranslations() / useTranslations() instead. One translator per
// language, built once.
import { createTranslator } from "use-intl/core";
import { LOCALES, type Locale } from "./locales";
import { MESSAGES } from "./messages";
import { formatRupiah } from "./rupiah";

function build(locale: Locale) {
  return createTranslator({
    locale,
    messages: MESSAGES[locale],
    // A key missing or an argument left out must not break an error answer or a PDF: the key
    // is shown instead (the catalogue tests keep this from happening).
    onError: () => undefined,
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join("."),
  });
}

export type ServerTranslator = ReturnType<typeof build>;

const translators = Object.fromEntries(LOCALES.map((l) => [l, build(l)])) as Record<Locale, ServerTranslator>;

export function serverTranslator(locale: Locale): ServerTranslator {
  return translators[locale];
}

/**
 * Values a message may interpolate: strings and numbers only (details can hold anything). An
 * amount named `…Idr` (integer rupiah, the details' convention) arrives written as "Rp 1.450.000".
 */
export function messageArgs(values: Record<string, unknown> | undefined): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (typeof value === "number" && key.endsWith("Idr")) args[key] = formatRupiah(value);
    else if (typeof value === "string" || typeof value === "number") args[key] = value;
  }
  return args;
}
