// Host routing covers every path that could reach an internal route tree (/tenant/<slug>,
// /console, /site): a path ending in a file extension is routed by host like any other
// (issue 10 §4). Only Next's build assets, the app icon and the infrastructure endpoints skip it.
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

const routedByHost = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe("proxy matcher", () => {
  it.each(["/console/tenants/x.png", "/tenant/demo/customers/a.js", "/site/style.css", "/customers/export.txt", "/console.map", "/tenant/acme/logo.svg", "/x.woff2"])(
    "routes %s by host",
    (path) => expect(routedByHost(path)).toBe(true),
  );

  it.each(["/_next/static/chunks/main.js", "/_next/image", "/favicon.ico", "/icon.svg", "/api/trpc/tenant.current", "/api/health", "/api/tls/ask"])("leaves %s alone", (path) =>
    expect(routedByHost(path)).toBe(false),
  );
});
