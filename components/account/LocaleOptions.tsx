// The languages as <option>s, each named in itself (never translated), for language pickers.
import { LOCALES, LOCALE_NAMES } from "@/i18n/locales";

export function LocaleOptions() {
  return LOCALES.map((l) => (
    <option key={l} value={l} lang={l}>
      {LOCALE_NAMES[l]}
    </option>
  ));
}
