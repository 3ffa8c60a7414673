// The on-demand TLS `ask` endpoint (tls-ask.endpoint.ts): certificates only for hosts RRNET serves.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { publishTenantChange } from "../tenant-directory";
import { tlsAskResponse } from "../tls-ask.endpoint";

const ask = async (domain: string | null) => {
  const url = new URL("http://web:3000/api/tls/ask");
  if (domain !== null) url.searchParams.set("domain", domain);
  const response = await tlsAskResponse(new Request(url));
  return { status: response.status, body: (await response.json()) as { code?: string } };
};

const suffix = randomBytes(4).toString("hex");
const verified = `billing-${suffix}.example-isp.net.id`;
const pending = `pending-${suffix}.example-isp.net.id`;
let slug: string;

beforeAll(async () => {
  const { tenant } = await createTenantWithUser("tlsask");
  slug = tenant.slug;
  await unsafeSystemDb().tenantDomain.createMany({
    data: [
      { tenantId: tenant.id, domain: verified, verificationToken: "t1", verifiedAt: new Date() },
      { tenantId: tenant.id, domain: pending, verificationToken: "t2" },
    ],
  });
  await publishTenantChange(tenant.id);
});
afterAll(closeConnections);

describe("TLS ask", () => {
  it("allows a verified custom domain, a tenant's subdomain, the root and the console", async () => {
    for (const domain of [verified, `${verified}.`, verified.toUpperCase(), `${slug}.localhost`, "localhost", "admin.localhost"]) {
      expect([domain, (await ask(domain)).status]).toEqual([domain, 200]);
    }
  });

  it("refuses a custom domain not verified yet, and names nobody serves", async () => {
    for (const domain of [pending, `nobody-${suffix}.localhost`, "example.com"]) {
      const { status, body } = await ask(domain);
      expect([domain, status, body.code]).toEqual([domain, 404, "NOT_FOUND"]);
    }
  });

  it("answers a missing or malformed name with VALIDATION_FAILED", async () => {
    for (const domain of [null, "", "not a domain", "a..b", "-x.com", "x".repeat(300) + ".com", "10.0.0.1:443"]) {
      const { status, body } = await ask(domain);
      expect([domain, status, body.code]).toEqual([domain, 400, "VALIDATION_FAILED"]);
    }
  });
});
