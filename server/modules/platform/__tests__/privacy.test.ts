// Privacy by construction: nothing the super admin can call returns a tenant's people data.
// A tenant is seeded with users (staff and clients) whose emails and names are canary strings,
// with audit events that mention them, and with a collector's log (an assigned customer, cash
// collected with GPS, a deposit counted short with finance's note); then EVERY procedure of the platform router is
// called (the list is read from the router itself, so a new procedure fails this test until it
// is added here) and no output may contain a canary.
import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { hashPassword } from "@/server/modules/identity/password.service";
import { platformCaller } from "@/server/testing/callers";
import { testPlanId, uniqueSlug } from "@/server/testing/fixtures";
import { appRouter } from "@/server/trpc/root";
import { closeConnections } from "@/server/testing/lifecycle";
import { currentPeriod } from "@/server/modules/saas-billing/saas-invoice.service";
import { issueSaasInvoices } from "@/server/modules/saas-billing/saas-sweep.service";
import { userActor, visitorActor } from "@/server/actor/actor";
import { assignCustomers, notePromise } from "@/server/modules/collections/assignment.service";
import { collectCash } from "@/server/modules/collections/collection.service";
import { confirmDeposit, declareDeposit } from "@/server/modules/collections/deposit.service";

afterAll(closeConnections);

const tag = randomBytes(4).toString("hex");
// A collector's GPS fix is a canary too: where a customer lives and when they paid.
const canaryLatitude = Number(`-6.${100_001 + randomInt(899_998)}`);
const CANARIES = [`pii-canary-${tag}`, `Canary Person ${tag}`, `08123${tag}`, String(canaryLatitude)];
const canaryEmail = (n: string) => `pii-canary-${tag}-${n}@isp-customer.example`;
const canaryName = (n: string) => `Canary Person ${tag} ${n}`;

type Caller = Awaited<ReturnType<typeof platformCaller>>["caller"];
let caller: Caller;
let tenantId: string;
let domainId: string;
let planB: string;
let addOnId: string;
let saasInvoiceId: string;

function leaks(output: unknown): string[] {
  const json = JSON.stringify(output ?? null).toLowerCase();
  return CANARIES.filter((c) => json.includes(c.toLowerCase()));
}

/** Calls `path` ("platform.tenants.get") on the caller. */
function call(path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  return fn(input);
}

function platformProcedures(type: "query" | "mutation"): string[] {
  // At run time a flat map of dotted paths ("platform.tenants.get") to procedures.
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
  return Object.entries(procedures)
    .filter(([path, procedure]) => path.startsWith("platform.") && procedure._def.type === type)
    .map(([path]) => path)
    .sort();
}

beforeAll(async () => {
  ({ caller } = await platformCaller());
  const planA = await testPlanId();
  planB = (await caller.platform.catalog.savePlan({ code: `priv-b-${tag}`, name: "Privacy B", priceIdr: 1, maxCustomers: 1, maxRouters: 1, maxStaff: 9, features: [] })).id;
  addOnId = (await caller.platform.catalog.saveAddOn({ code: `priv-a-${tag}`, name: "Privacy add-on", priceIdr: 1, extraStaff: 1 })).id;
  const created = await caller.platform.tenants.create({
    slug: uniqueSlug("priv"),
    name: "Privacy Test ISP",
    planId: planA,
    owner: { name: canaryName("owner"), email: canaryEmail("owner") },
  });
  expect(leaks(created)).toEqual([]);
  tenantId = created.tenant.id;
  const db = forTenant(tenantId);
  const passwordHash = await hashPassword("canary-password-123");
  for (const [n, role] of [["admin", "admin"], ["hr", "hr"], ["collector", "collector"], ["client1", "client"], ["client2", "client"]] as const) {
    await db.user.create({ data: { tenantId, email: canaryEmail(n), name: canaryName(n), role, passwordHash } });
  }
  const staffUser = await db.user.findFirstOrThrow({ where: { role: "admin" } });
  // Events inside the tenant that name people, including a tenant-level one the platform log copies.
  const actor = userActor({ tenantId, userId: staffUser.id, role: "admin", email: canaryEmail("admin"), name: canaryName("admin") });
  await recordAudit(db, actor, { action: "staff.created", details: { email: canaryEmail("new"), phone: `08123${tag}` } });
  await recordAudit(db, visitorActor(canaryEmail("guess"), { tenantId }), { action: "auth.sign_in_failed" });
  const domain = await db.tenantDomain.create({ data: { tenantId, domain: `billing-${tag}.example`, verificationToken: "tok" } });
  domainId = domain.id;
  await recordAudit(db, actor, { action: "domain.added", target: { type: "domain", id: domain.id }, details: { domain: domain.domain } });
  // A collector's log: their customer, the cash they took there (GPS, note), the hand-over
  // finance counted short, each audited: the collections tables and their audit sentences.
  const collector = await db.user.findFirstOrThrow({ where: { role: "collector" } });
  const collectorAsActor = userActor({ tenantId, userId: collector.id, role: "collector", email: canaryEmail("collector"), name: canaryName("collector") });
  const customer = await db.customer.create({
    data: { tenantId, number: 1, name: canaryName("payer"), phone: `08123${tag}`, address: `Gang pii-canary-${tag}`, latitude: canaryLatitude, longitude: 106.8, status: "active" },
  });
  await assignCustomers(db, actor, { collectorId: collector.id, customerIds: [customer.id] });
  await notePromise(db, collectorAsActor, { customerId: customer.id, promisedOn: "2026-12-20", note: `pii-canary-${tag} pays after harvest` });
  await collectCash(db, collectorAsActor, {
    customerId: customer.id,
    amountIdr: 150_000,
    latitude: canaryLatitude,
    longitude: 106.8,
    accuracyM: 12,
    note: `pii-canary-${tag} paid at the door`,
    idempotencyKey: `privacy-collect-${tag}`,
  });
  const deposit = await declareDeposit(db, collectorAsActor, { amountIdr: 150_000, note: `pii-canary-${tag} hand-over`, idempotencyKey: `privacy-deposit-${tag}` });
  await confirmDeposit(db, actor, { depositId: deposit.id, receivedIdr: 145_000, note: `pii-canary-${tag} short 5k` });
  expect(await db.custodyEntry.count()).toBe(2);
  // RRNET's own invoice to this ISP (the console's SaaS billing shows RRNET's books).
  await issueSaasInvoices(unsafeSystemDb(), { period: currentPeriod(), tenantIds: [tenantId] });
  saasInvoiceId = (await db.saasInvoice.findFirstOrThrow()).id;
});

describe("no platform procedure returns a tenant's people data", () => {
  const queryInputs: Record<string, () => unknown[]> = {
    "platform.tenants.list": () => [{}, { search: "Privacy Test" }, { status: "active", pageSize: 100 }],
    "platform.tenants.get": () => [{ tenantId }],
    "platform.catalog.listPlans": () => [undefined],
    "platform.catalog.listAddOns": () => [undefined],
    "platform.audit.list": () => [{ limit: 100 }, { tenantId }],
    "platform.saasBilling.list": () => [{}, { tenantId }, { status: "issued", pageSize: 100 }],
    "platform.saasBilling.tenant": () => [{ tenantId }],
    "platform.system.status": () => [undefined],
  };

  it("every query of the platform router has inputs in this test", () => {
    expect(platformProcedures("query")).toEqual(Object.keys(queryInputs).sort());
  });

  it("no query output contains a canary", async () => {
    for (const path of platformProcedures("query")) {
      for (const input of queryInputs[path]!()) {
        const output = await call(path, input);
        expect(leaks(output), `${path}(${JSON.stringify(input)})`).toEqual([]);
      }
    }
  });

  it("no mutation output contains a canary either", async () => {
    const otherPlanId = await testPlanId();
    const steps: [string, () => unknown][] = [
      ["platform.tenants.create", () => ({ slug: uniqueSlug("priv2"), name: "Second ISP", planId: otherPlanId, owner: { name: canaryName("o2"), email: canaryEmail("o2") } })],
      ["platform.tenants.suspend", () => ({ tenantId })],
      ["platform.tenants.reactivate", () => ({ tenantId })],
      ["platform.tenants.archive", () => ({ tenantId })],
      ["platform.tenants.restore", () => ({ tenantId })],
      ["platform.tenants.changePlan", () => ({ tenantId, planId: planB })],
      ["platform.tenants.setAddOns", () => ({ tenantId, addOns: [{ addOnId, quantity: 2 }] })],
      ["platform.tenants.removeDomain", () => ({ tenantId, domainId })],
      ["platform.catalog.savePlan", () => ({ code: `priv-c-${tag}`, name: "C", priceIdr: 0, maxCustomers: 0, maxRouters: 0, maxStaff: 0, features: [] })],
      ["platform.catalog.saveAddOn", () => ({ code: `priv-d-${tag}`, name: "D", priceIdr: 0 })],
      ["platform.catalog.deletePlan", () => ({ id: planB })],
      ["platform.catalog.deleteAddOn", () => ({ id: addOnId })],
      ["platform.saasBilling.runIssuing", () => ({ period: currentPeriod() })],
      ["platform.saasBilling.recordPayment", () => ({ invoiceId: saasInvoiceId, amountIdr: 1, method: "bank_transfer", reference: "privacy test", idempotencyKey: `privacy-${tag}` })],
    ];
    expect(platformProcedures("mutation")).toEqual(steps.map(([path]) => path).sort());
    for (const [path, input] of steps) {
      const output = await call(path, input());
      expect(leaks(output), path).toEqual([]);
    }
  });

  it("a tenants.list row has exactly the allowed keys", async () => {
    const page = await caller.platform.tenants.list({ search: "Privacy Test" });
    expect(page.items.length).toBeGreaterThan(0);
    for (const row of page.items) {
      expect(Object.keys(row).sort()).toEqual(["archivedAt", "clients", "createdAt", "domains", "id", "name", "plan", "slug", "staff", "status", "timezone"]);
      expect(Object.keys(row.plan).sort()).toEqual(["code", "id", "name"]);
      expect(Object.keys(row.staff).sort()).toEqual(["active", "total"]);
      expect(Object.keys(row.domains).sort()).toEqual(["pending", "verified"]);
    }
    const row = page.items.find((r) => r.id === tenantId)!;
    expect(row).toMatchObject({ staff: { active: 4, total: 4 }, clients: 2 });
  });
});
