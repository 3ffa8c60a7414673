// A bounded label for the HTTP duration histogram: never raw paths (unbounded cardinality).
import "server-only";

const API_ROUTES = new Set(["/api/health", "/api/version", "/api/metrics", "/api/payments/tripay/callback"]);

export function routeLabel(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  if (path.startsWith("/api/trpc/")) {
    const procedures = decodeURIComponent(path.slice("/api/trpc/".length));
    // A batch "a.b,c.d" is labelled as such; single calls by procedure (known, bounded set).
    return procedures.includes(",") ? "trpc:batch" : /^[\w.]{1,100}$/.test(procedures) ? `trpc:${procedures}` : "trpc:invalid";
  }
  if (API_ROUTES.has(path)) return path;
  if (path.startsWith("/api/")) return "api:other";
  if (path.startsWith("/_next/")) return "static";
  return "page";
}
