// The format module bound to this request's language and the tenant's zone (next-intl's
// configuration, i18n/request.ts). In client components and non-async server components.
import { useLocale, useTimeZone } from "next-intl";
import { DEFAULT_TIME_ZONE } from "@/i18n/locales";
import { createFormat, type Format } from "./format";

export function useFormat(): Format {
  return createFormat(useLocale(), useTimeZone() ?? DEFAULT_TIME_ZONE);
}
