// next-intl's per-request configuration (wired by the plugin in next.config.mjs). No locale in
// the URL: tenants are addressed by host, so the language is the request context's
// (server/trpc/context.ts): the signed-in user's choice, else the tenant's default, else
// Bahasa Indonesia. Dates and times are shown in the tenant's zone (Asia/Jakarta without one).
import { getRequestConfig } from "next-intl/server";
import { serverContext } from "@/server/trpc/rsc";
import { DEFAULT_TIME_ZONE, isLocale } from "./locales";
import { MESSAGES } from "./messages";

export default getRequestConfig(async ({ locale: asked }) => {
  const ctx = await serverContext();
  const locale = isLocale(asked) ? asked : ctx.locale;
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: ctx.tenant?.timezone ?? DEFAULT_TIME_ZONE,
  };
});
