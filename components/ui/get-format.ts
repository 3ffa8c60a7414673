// The format module in async server components: this request's language and zone.
import { getLocale, getTimeZone } from "next-intl/server";
import { createFormat, type Format } from "./format";

export async function getFormat(): Promise<Format> {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return createFormat(locale, timeZone);
}
