import { describe, expect, it } from "vitest";
import { ensureRequestId } from "@/server/http/request-id";
import { routeLabel } from "@/server/http/route-label";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("request ids", () => {
  it("keeps a well-formed incoming id", () => {
    expect(ensureRequestId("req-2026-11-25.abc:1")).toBe("req-2026-11-25.abc:1");
  });
  it.each([["bad id with spaces"], ["<script>alert(1)</script>"], ["short"], ["x".repeat(200)], [""], [null]])("replaces %j with a fresh UUID", (value) => {
    expect(ensureRequestId(value)).toMatch(UUID);
  });
});

describe("route labels (bounded metric cardinality)", () => {
  it.each([
    ["/api/trpc/tenant.overview?input=%7B%7D", "trpc:tenant.overview"],
    ["/api/trpc/a.b,c.d?batch=1", "trpc:batch"],
    ["/api/trpc/%3Cscript%3E", "trpc:invalid"],
    ["/api/health", "/api/health"],
    ["/api/anything/else", "api:other"],
    ["/_next/static/chunks/x.js", "static"],
    ["/customers/123", "page"],
  ])("%s -> %s", (url, label) => {
    expect(routeLabel(url)).toBe(label);
  });
});
