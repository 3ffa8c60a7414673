// The reverse proxy's question before it obtains a certificate on demand (Caddy's on-demand TLS
// `ask`: GET /api/tls/ask?domain=<name>): 200 when RRNET serves that host — a tenant's verified
// custom domain, a tenant's subdomain, the root or the console —, 404 otherwise, so nobody can make
// the proxy request certificates for names we do not serve. Suspended tenants keep theirs (their
// host shows the suspended page). Answers on any host; the proxy calls it on the internal network
// and does not route it from outside (docs/DEPLOYMENT.md).
import "server-only";
import { AppError } from "@/server/errors/app-error";
import { jsonError } from "@/server/http/json";
import { resolveRequestHost } from "./tenant-directory";

/** A DNS name: dot-separated labels of letters, digits and inner hyphens, 253 characters at most. */
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export async function tlsAskResponse(request: Request): Promise<Response> {
  const domain = new URL(request.url).searchParams.get("domain")?.trim().toLowerCase().replace(/\.$/, "") ?? "";
  if (!DNS_NAME.test(domain)) {
    return jsonError(new AppError("VALIDATION_FAILED", { fields: { domain: ["validation.format"] } }), { "cache-control": "no-store" });
  }
  const host = await resolveRequestHost(domain);
  if (host.kind === "unknown") return jsonError(new AppError("NOT_FOUND", { domain }), { "cache-control": "no-store" });
  return Response.json({ domain, allowed: true }, { headers: { "cache-control": "no-store" } });
}
