// The header sets of server/http/security-headers.ts: HSTS only in production over HTTPS; the
// page policy's nonce and its development allowances. (e2e/security-headers.spec.ts checks real responses.)
import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, pageContentSecurityPolicy } from "../security-headers";

describe("security headers", () => {
  it("HSTS only in production over HTTPS", () => {
    expect(baseSecurityHeaders({ production: true, https: true })["strict-transport-security"]).toMatch(/^max-age=31536000/);
    expect(baseSecurityHeaders({ production: true, https: false })["strict-transport-security"]).toBeUndefined();
    expect(baseSecurityHeaders({ production: false, https: true })["strict-transport-security"]).toBeUndefined();
  });

  it("a page policy allows only scripts with its nonce, and eval only in development", () => {
    const policy = pageContentSecurityPolicy("abc123", { dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(pageContentSecurityPolicy("abc123", { dev: true })).toContain("'unsafe-eval'");
  });
});
