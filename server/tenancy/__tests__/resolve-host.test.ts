import { describe, expect, it } from "vitest";
import { normaliseHost, resolveHost } from "@/server/tenancy/resolve-host";

describe("resolveHost", () => {
  const root = "rrnet.id";
  it.each([
    ["rrnet.id", { kind: "root" }],
    ["www.rrnet.id", { kind: "root" }],
    ["admin.rrnet.id", { kind: "admin" }],
    ["Demo.RRNET.id:443", { kind: "tenant", slug: "demo" }],
    ["billing.myisp.net.id", { kind: "custom", domain: "billing.myisp.net.id" }],
    ["a.b.rrnet.id", { kind: "invalid" }],
    ["", { kind: "invalid" }],
    ["evil.com:abc", { kind: "invalid" }],
    ["[::1]:3000", { kind: "invalid" }],
    ["under_score.rrnet.id", { kind: "invalid" }],
  ])("%s", (host, expected) => {
    expect(resolveHost(host, root)).toEqual(expected);
  });

  it("works on *.localhost with a port for development", () => {
    expect(resolveHost("demo.localhost:3000", "localhost")).toEqual({ kind: "tenant", slug: "demo" });
    expect(resolveHost("admin.localhost:3000", "localhost")).toEqual({ kind: "admin" });
    expect(resolveHost("localhost:3000", "localhost")).toEqual({ kind: "root" });
  });

  it("normalises case, port and trailing dot", () => {
    expect(normaliseHost("Billing.MyISP.net.id.:8080")).toBe("billing.myisp.net.id");
  });
});
