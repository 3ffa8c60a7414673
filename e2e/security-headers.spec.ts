// Security headers on every kind of response (server/http/security-headers.ts): pages carry a
// nonce CSP whose nonce is on Next's scripts (and the page still works: every other journey runs
// under it), API answers and PDFs a locked-down one; all carry nosniff, Referrer-Policy,
// Permissions-Policy and frame protection. HSTS is for production over HTTPS only.
import { expect, test } from "@playwright/test";
import { DEMO_OWNER, hostUrl, onHost, signIn, withDb } from "./helpers";

function expectBaseHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("a page carries a nonce policy, and Next's scripts carry its nonce", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto(hostUrl("demo.localhost", "/login"));
  const headers = response!.headers();
  expectBaseHeaders(headers);
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("'strict-dynamic'");
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  // A second load gets another nonce.
  const again = await page.goto(hostUrl("demo.localhost", "/login"));
  expect(again!.headers()["content-security-policy"]).not.toContain(nonce!);
  // The page works under it: signing in runs the form's script.
  await signIn(page, "demo.localhost", DEMO_OWNER);
  expect(violations).toEqual([]);
});

test("API answers and PDFs carry the locked-down policy and the same base headers", async ({ page, request }) => {
  for (const path of ["/api/health", "/api/version", "/api/trpc/tenant.home"]) {
    const response = await request.get(...onHost("demo.localhost", path));
    expectBaseHeaders(response.headers());
    expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  }
  await signIn(page, "demo.localhost", DEMO_OWNER);
  const invoiceId = await withDb(async (db) => {
    const { rows } = await db.query(`SELECT i.id FROM "Invoice" i JOIN "Tenant" t ON t.id = i."tenantId" WHERE t.slug = 'demo' LIMIT 1`);
    return rows[0].id as string;
  });
  // Fetched by the signed-in page (Node cannot resolve *.localhost; the browser can).
  const pdf = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, headers: Object.fromEntries(response.headers.entries()) };
  }, `/api/invoices/${invoiceId}/pdf`);
  expect(pdf.status).toBe(200);
  expect(pdf.headers["content-type"]).toBe("application/pdf");
  expectBaseHeaders(pdf.headers);
  expect(pdf.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});
