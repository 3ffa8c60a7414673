// Host-based routing. Every request is classified by its Host header:
//   <slug>.<ROOT_DOMAIN> or a verified custom domain -> the tenant's app (/tenant/<slug>/...)
//   admin.<ROOT_DOMAIN>                              -> super-admin console (/console/...)
//   <ROOT_DOMAIN>                                    -> public landing site (/site/...)
// Unknown hosts get TENANT_NOT_FOUND, suspended tenants TENANT_SUSPENDED (JSON under /api,
// a page otherwise). Infrastructure endpoints answer on any host.
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/server/errors/app-error";
import { jsonError } from "@/server/http/json";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/server/http/request-id";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";

const HOST_INDEPENDENT = new Set(["/api/health", "/api/version", "/api/metrics"]);
const PATH_HEADER = "x-rrnet-path";

export async function proxy(request: NextRequest) {
  const requestId = ensureRequestId(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // The host-relative path, for layouts that redirect (they only see the rewritten one).
  headers.set(PATH_HEADER, request.nextUrl.pathname);
  const { pathname } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");

  const pass = () => withId(NextResponse.next({ request: { headers } }), requestId);
  const rewrite = (target: string) => {
    // Clone nextUrl (not `new URL(..., request.url)`): same origin, so Next rewrites internally.
    const url = request.nextUrl.clone();
    url.pathname = target;
    return withId(NextResponse.rewrite(url, { request: { headers } }), requestId);
  };
  const refuse = (error: AppError) => withId(jsonError(error, { [REQUEST_ID_HEADER]: requestId }), requestId);

  if (HOST_INDEPENDENT.has(pathname)) return pass();

  const host = await resolveRequestHost(request.headers.get("host"));
  switch (host.kind) {
    case "unknown":
      return isApi ? refuse(new AppError("TENANT_NOT_FOUND")) : rewrite("/status/tenant-not-found");
    case "admin":
      return isApi ? pass() : rewrite(`/console${pathname === "/" ? "" : pathname}`);
    case "root":
      return isApi ? pass() : rewrite(`/site${pathname === "/" ? "" : pathname}`);
    case "tenant": {
      const { tenant } = host;
      if (tenant.status === "suspended") {
        return isApi ? refuse(new AppError("TENANT_SUSPENDED")) : rewrite("/status/suspended");
      }
      return isApi ? pass() : rewrite(`/tenant/${tenant.slug}${pathname === "/" ? "" : pathname}`);
    }
  }
}

function withId(response: NextResponse | Response, requestId: string) {
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Everything except Next's build assets and files served from public/.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|svg|ico|webp|css|js|map|txt|woff2?)$).*)"],
};
