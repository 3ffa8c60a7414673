// Host-based routing. Every request is classified by its Host header:
//   <slug>.<ROOT_DOMAIN> or a verified custom domain -> the tenant's app (/tenant/<slug>/...)
//   admin.<ROOT_DOMAIN>                              -> super-admin console (/console/...)
//   <ROOT_DOMAIN>                                    -> public landing site (/site/...)
// Unknown hosts get TENANT_NOT_FOUND, suspended tenants TENANT_SUSPENDED (JSON under /api,
// a page otherwise). Not run for /api/trpc (served by server/http/web-server.ts outside Next; its
// handler applies the same hostRefusal()) nor for the infrastructure endpoints, which answer
// on any host.
import { NextResponse, type NextRequest } from "next/server";
import { jsonError } from "@/server/http/json";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/server/http/request-id";
import { pageContentSecurityPolicy } from "@/server/http/security-headers";
import { hostLocale, hostRefusal } from "@/server/tenancy/host-access";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";

const PATH_HEADER = "x-rrnet-path";

export async function proxy(request: NextRequest) {
  const requestId = ensureRequestId(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // The host-relative path, for layouts that redirect (they only see the rewritten one).
  headers.set(PATH_HEADER, request.nextUrl.pathname);
  const { pathname } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  // A page's policy carries a fresh nonce; Next reads it from the request's header for its scripts.
  const csp = isApi ? null : pageContentSecurityPolicy(btoa(crypto.randomUUID()), { dev: process.env.NODE_ENV === "development" });
  if (csp) headers.set("content-security-policy", csp);

  const pass = () => withId(NextResponse.next({ request: { headers } }), requestId, csp);
  const rewrite = (target: string) => {
    // Clone nextUrl (not `new URL(..., request.url)`): same origin, so Next rewrites internally.
    const url = request.nextUrl.clone();
    url.pathname = target;
    return withId(NextResponse.rewrite(url, { request: { headers } }), requestId, csp);
  };
  const host = await resolveRequestHost(request.headers.get("host"));
  const refuse = (error: NonNullable<ReturnType<typeof hostRefusal>>) => withId(jsonError(error, { [REQUEST_ID_HEADER]: requestId }, hostLocale(host)), requestId);
  const refusal = hostRefusal(host);
  if (refusal) {
    if (isApi) return refuse(refusal);
    return rewrite(refusal.code === "TENANT_SUSPENDED" ? "/status/suspended" : "/status/tenant-not-found");
  }
  if (isApi) return pass();
  const rest = pathname === "/" ? "" : pathname;
  switch (host.kind) {
    case "admin":
      return rewrite(`/console${rest}`);
    case "root":
      return rewrite(`/site${rest}`);
    case "tenant":
      return rewrite(`/tenant/${host.tenant.slug}${rest}`);
    default:
      return rewrite("/status/tenant-not-found");
  }
}

function withId(response: NextResponse | Response, requestId: string, csp: string | null = null) {
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (csp) response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Everything except the tRPC endpoint, the infrastructure endpoints, Next's build assets, the
  // app icon and files under public/assets/. NOT "anything with a file extension": such paths
  // would skip host routing and reach /tenant/<slug>, /console or /site on the wrong host.
  matcher: ["/((?!api/trpc/|api/health$|api/version$|api/metrics$|api/tls/ask$|_next/static/|_next/image|favicon\\.ico$|icon\\.svg$|assets/).*)"],
};
