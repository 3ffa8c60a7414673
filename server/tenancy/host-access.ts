// Which hosts the API answers at all: an unknown host is TENANT_NOT_FOUND, a suspended tenant's
// host TENANT_SUSPENDED. Used by the proxy (pages, /api/auth) and by the tRPC endpoint.
import "server-only";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { AppError } from "@/server/errors/app-error";
import type { HostResolution } from "./tenant-directory";

/** The language of an answer made before anyone is known: the tenant's default on its host. */
export function hostLocale(host: HostResolution): Locale {
  return host.kind === "tenant" ? host.tenant.defaultLocale : DEFAULT_LOCALE;
}

export function hostRefusal(host: HostResolution): AppError | null {
  if (host.kind === "unknown") return new AppError("TENANT_NOT_FOUND");
  if (host.kind === "tenant" && host.tenant.status === "suspended") return new AppError("TENANT_SUSPENDED");
  return null;
}
