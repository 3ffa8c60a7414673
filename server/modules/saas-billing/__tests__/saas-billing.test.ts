// RRNET's billing of its ISPs against the real database, Redis and router: invoice amounts from
// plan and add-ons, idempotent issuing with gapless numbers under concurrency, standing moving
// good -> warned -> restricted, read-only enforcement on the tenant's mutations, payments that
// restore good at once, idempotent and bounded operator payments, and who sees which invoices.
// Every run here names its own tenants (tenantIds) and a month of its own in the past, so the
// other test files' tenants are never billed or restricted by it.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";
import { platformCaller, tenantCaller, userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { issueTenantInvoice } from "../saas-invoice.service";
import { issueSaasInvoices, refreshSaasStandings } from "../saas-sweep.service";
import { localizeError } from "@/server/errors/localize";

afterAll(closeConnections);

const tag = randomBytes(3).toString("hex");
let seq = 0;
/** An instant in Jakarta. */
const jakarta = (date: string, time = "09:00") => new Date(`${date}T${time}:00+07:00`);

async function plan(priceIdr: number) {
  seq += 1;
  return unsafeSystemDb().plan.create({
    data: { code: `saas-${tag}-p${seq}`, name: `Plan ${seq}`, priceIdr, maxCustomers: 1000, maxRouters: 10, maxStaff: 100, features: [], apiRateLimitPerMinute: 100_000 },
  });
}

async function addOn(name: string, priceIdr: number, active = true) {
  seq += 1;
  return unsafeSystemDb().addOn.create({ data: { code: `saas-${tag}-a${seq}`, name, priceIdr, active, features: [] } });
}

/** A tenant on a plan of `priceIdr` a month, with add-ons. */
async function billedTenant(prefix: string, priceIdr = 200_000, addOns: { addOnId: string; quantity: number }[] = []) {
  const { tenant } = await createTenantWithUser(prefix, "owner", (await plan(priceIdr)).id);
  for (const a of addOns) await forTenant(tenant.id).tenantAddOn.create({ data: { tenantId: tenant.id, addOnId: a.addOnId, quantity: a.quantity } });
  return tenant;
}

const invoicesOf = (tenantId: string) => forTenant(tenantId).saasInvoice.findMany({ orderBy: { periodStart: "asc" } });
const standingOf = async (tenantId: string) => (await unsafeSystemDb().tenant.findUniqueOrThrow({ where: { id: tenantId } })).saasStanding;

/** A signed-in caller whose tenant record comes from host resolution, as a request's would. */
async function callerOnHost(slug: string, userId: string) {
  const host = await resolveRequestHost(`${slug}.localhost`);
  if (host.kind !== "tenant") throw new Error(`${slug} did not resolve`);
  return { tenant: host.tenant, caller: (await tenantCaller(host.tenant, userId)).caller };
}

describe("monthly SaaS invoices", () => {
  it("bill the plan and each active add-on × quantity, issued on the 1st and due 7 days later", async () => {
    const routers = await addOn("+1 router", 25_000);
    const maps = await addOn("FTTH maps", 50_000);
    const retired = await addOn("Retired", 99_000, false);
    const tenant = await billedTenant("saas-amt", 350_000, [
      { addOnId: routers.id, quantity: 3 },
      { addOnId: maps.id, quantity: 1 },
      { addOnId: retired.id, quantity: 2 },
    ]);
    const result = await issueSaasInvoices(unsafeSystemDb(), { period: "2021-03", now: jakarta("2021-03-01", "00:10"), tenantIds: [tenant.id] });
    expect(result).toEqual({ period: "2021-03", issued: 1, existing: 0, free: 0, failed: [] });
    const [invoice] = await invoicesOf(tenant.id);
    const planName = (await unsafeSystemDb().plan.findUniqueOrThrow({ where: { id: tenant.planId } })).name;
    expect(invoice).toMatchObject({ status: "issued", totalIdr: 350_000 + 75_000 + 50_000, paidIdr: 0, year: 2021 });
    expect(invoice!.lines).toEqual([
      // An Indonesian tenant (the default language) reads Indonesian lines.
      { description: `Paket ${planName}, Maret 2021`, quantity: 1, unitPriceIdr: 350_000, amountIdr: 350_000 },
      { description: "Tambahan +1 router, Maret 2021", quantity: 3, unitPriceIdr: 25_000, amountIdr: 75_000 },
      { description: "Tambahan FTTH maps, Maret 2021", quantity: 1, unitPriceIdr: 50_000, amountIdr: 50_000 },
    ]);
    expect([invoice!.periodStart, invoice!.periodEnd, invoice!.issueDate, invoice!.dueDate].map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2021-03-01",
      "2021-03-31",
      "2021-03-01",
      "2021-03-08",
    ]);
  });

  it("a tenant billed after the 1st gets its invoice dated that day, with the full 7 days to pay", async () => {
    const tenant = await billedTenant("saas-late");
    await issueSaasInvoices(unsafeSystemDb(), { period: "2021-03", now: jakarta("2021-03-20"), tenantIds: [tenant.id] });
    const [invoice] = await invoicesOf(tenant.id);
    expect([invoice!.issueDate, invoice!.dueDate].map((d) => d.toISOString().slice(0, 10))).toEqual(["2021-03-20", "2021-03-27"]);
  });

  it("a zero-price plan without add-ons gets no invoice, nor does an archived tenant", async () => {
    const free = await billedTenant("saas-free", 0);
    const archived = await billedTenant("saas-arch");
    await unsafeSystemDb().tenant.update({ where: { id: archived.id }, data: { status: "archived", archivedAt: new Date() } });
    const result = await issueSaasInvoices(unsafeSystemDb(), { period: "2021-03", now: jakarta("2021-03-01"), tenantIds: [free.id, archived.id] });
    expect(result).toMatchObject({ issued: 0, free: 1 });
    expect([...(await invoicesOf(free.id)), ...(await invoicesOf(archived.id))]).toEqual([]);
  });

  it("a second run for the same month creates no invoice", async () => {
    const tenant = await billedTenant("saas-twice");
    const opts = { period: "2021-04", now: jakarta("2021-04-01"), tenantIds: [tenant.id] };
    await issueSaasInvoices(unsafeSystemDb(), opts);
    expect(await issueSaasInvoices(unsafeSystemDb(), opts)).toMatchObject({ issued: 0, existing: 1 });
    expect(await invoicesOf(tenant.id)).toHaveLength(1);
  });

  it("two concurrent runs write one invoice per tenant, numbered without gaps", async () => {
    const tenants = await Promise.all(Array.from({ length: 6 }, (_, i) => billedTenant(`saas-conc${i}`, 100_000 + i * 1_000)));
    const tenantIds = tenants.map((t) => t.id);
    const opts = { period: "2022-04", now: jakarta("2022-04-01", "00:10"), tenantIds };
    const [a, b] = await Promise.all([issueSaasInvoices(unsafeSystemDb(), opts), issueSaasInvoices(unsafeSystemDb(), opts)]);
    // And several writers racing for one tenant's invoice.
    const racers = await Promise.all(Array.from({ length: 4 }, () => issueTenantInvoice(forTenant(tenantIds[0]!), { period: "2022-05", today: "2022-05-01" })));

    expect(a.issued + b.issued).toBe(6);
    expect(a.existing + b.existing).toBe(6);
    expect(racers.filter((r) => r.outcome === "issued")).toHaveLength(1);
    for (const id of tenantIds) expect((await invoicesOf(id)).filter((i) => i.periodStart.toISOString().startsWith("2022-04"))).toHaveLength(1);
    // Every 2022 number RRNET has issued (this file's runs, however many) is 1..n, and the counter says n.
    const numbers = (await unsafeSystemDb().saasInvoice.findMany({ where: { year: 2022 }, select: { number: true } })).map((r) => r.number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(await unsafeSystemDb().platformCounter.findUnique({ where: { key: "saas-invoice:2022" } })).toEqual({ key: "saas-invoice:2022", value: numbers.length });
  });
});

describe("standing", () => {
  it("an unpaid invoice makes the tenant warned the day after its due date and restricted after 14 more days", async () => {
    const tenant = await billedTenant("saas-stand");
    const ids = [tenant.id];
    await issueSaasInvoices(unsafeSystemDb(), { period: "2023-06", now: jakarta("2023-06-01"), tenantIds: ids });
    expect((await refreshSaasStandings(unsafeSystemDb(), { now: jakarta("2023-06-08", "23:59"), tenantIds: ids })).changes).toEqual([]);
    expect(await standingOf(tenant.id)).toBe("good");

    expect(await refreshSaasStandings(unsafeSystemDb(), { now: jakarta("2023-06-09", "00:10"), tenantIds: ids })).toEqual({
      overdueMarked: 1,
      changes: [{ tenantId: tenant.id, from: "good", to: "warned" }],
    });
    expect((await invoicesOf(tenant.id))[0]!.status).toBe("overdue");
    expect((await refreshSaasStandings(unsafeSystemDb(), { now: jakarta("2023-06-22"), tenantIds: ids })).changes).toEqual([]);
    expect((await refreshSaasStandings(unsafeSystemDb(), { now: jakarta("2023-06-23", "00:10"), tenantIds: ids })).changes).toEqual([{ tenantId: tenant.id, from: "warned", to: "restricted" }]);
    expect((await refreshSaasStandings(unsafeSystemDb(), { now: jakarta("2023-06-23", "12:00"), tenantIds: ids })).changes).toEqual([]);

    // Read-only, never suspended nor deleted; both moves are in the platform log.
    const row = await unsafeSystemDb().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(row).toMatchObject({ status: "active", saasStanding: "restricted" });
    expect(await invoicesOf(tenant.id)).toHaveLength(1);
    const events = await unsafeSystemDb().platformAuditEvent.findMany({ where: { targetTenantId: tenant.id, action: "saas.standing_changed" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.details)).toEqual([
      { from: "good", to: "warned", reason: "daily_run" },
      { from: "warned", to: "restricted", reason: "daily_run" },
    ]);
  });

  it("the banner: the owner sees the amount and dates, other staff the standing only", async () => {
    const tenant = await billedTenant("saas-notice", 180_000);
    const owner = await userWithRole(tenant, "owner");
    const admin = await userWithRole(tenant, "admin");
    expect(await (await callerOnHost(tenant.slug, owner.user.id)).caller.saasBilling.notice()).toEqual({ standing: "good", details: null });
    await issueSaasInvoices(unsafeSystemDb(), { period: "2023-07", now: jakarta("2023-07-01"), tenantIds: [tenant.id] });
    await refreshSaasStandings(unsafeSystemDb(), { now: jakarta("2023-07-10"), tenantIds: [tenant.id] });
    const ownerNotice = await (await callerOnHost(tenant.slug, owner.user.id)).caller.saasBilling.notice();
    expect(ownerNotice).toEqual({ standing: "warned", details: { overdueIdr: 180_000, oldestDueDate: "2023-07-08", restrictsOn: "2023-07-23" } });
    expect(await (await callerOnHost(tenant.slug, admin.user.id)).caller.saasBilling.notice()).toEqual({ standing: "warned", details: null });
  });
});

describe("read-only while restricted", () => {
  it("refuses the staff's mutations with TENANT_READ_ONLY, keeps queries and account security, and paying restores good at once", async () => {
    const tenant = await billedTenant("saas-ro", 250_000);
    const owner = await userWithRole(tenant, "owner");
    // A request before the change caches the tenant as good in this process's host directory.
    expect((await callerOnHost(tenant.slug, owner.user.id)).tenant.saasStanding).toBe("good");
    await issueSaasInvoices(unsafeSystemDb(), { period: "2023-08", now: jakarta("2023-08-01"), tenantIds: [tenant.id] });
    await refreshSaasStandings(unsafeSystemDb(), { now: jakarta("2023-08-30"), tenantIds: [tenant.id] });

    const restricted = await callerOnHost(tenant.slug, owner.user.id);
    expect(restricted.tenant.saasStanding).toBe("restricted");
    const refused = await failure(restricted.caller.customers.create({ name: "Budi" }));
    expect(refused).toMatchObject({ code: "TENANT_READ_ONLY", status: 403 });
    expect(localizeError(refused, "en").error).toBe("This ISP's RRNET subscription is overdue: the account is read-only until the RRNET invoice is paid.");
    expect((await failure(restricted.caller.staff.create({ name: "Sari", email: `sari-${tag}@example.id`, role: "finance" }))).code).toBe("TENANT_READ_ONLY");
    await expect(restricted.caller.customers.list({})).resolves.toMatchObject({ items: [] });
    await expect(restricted.caller.tenant.overview()).resolves.toHaveProperty("users");
    expect(await restricted.caller.saasBilling.subscription()).toMatchObject({ standing: "restricted", outstandingIdr: 250_000, overdueIdr: 250_000, restrictsOn: "2023-08-23" });
    await expect(restricted.caller.account.twoFactor.begin()).resolves.toHaveProperty("secret");

    // The operator records the payment in two parts: still read-only after the first.
    const { caller: operator } = await platformCaller();
    const [invoice] = await invoicesOf(tenant.id);
    const part = await operator.platform.saasBilling.recordPayment({ invoiceId: invoice!.id, amountIdr: 100_000, method: "bank_transfer", idempotencyKey: randomUUID() });
    expect(part).toMatchObject({ standing: "restricted", invoice: { paidIdr: 100_000, outstandingIdr: 150_000, status: "overdue" } });
    const rest = await operator.platform.saasBilling.recordPayment({ invoiceId: invoice!.id, amountIdr: 150_000, method: "cash", reference: "kuitansi 12", idempotencyKey: randomUUID() });
    expect(rest).toMatchObject({ standing: "good", invoice: { status: "paid", outstandingIdr: 0 }, replayed: false });

    const good = await callerOnHost(tenant.slug, owner.user.id);
    expect(good.tenant.saasStanding).toBe("good");
    await expect(good.caller.customers.create({ name: "Budi" })).resolves.toMatchObject({ name: "Budi" });
    const actions = (await unsafeSystemDb().platformAuditEvent.findMany({ where: { targetTenantId: tenant.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["saas.standing_changed", "saas.payment_recorded", "saas.payment_recorded", "saas.standing_changed"]);
  });
});

describe("operator payments", () => {
  // A month still ahead: the payments here (at the real time) leave the standing alone.
  async function openInvoice(prefix: string, totalIdr: number) {
    const tenant = await billedTenant(prefix, totalIdr);
    await issueSaasInvoices(unsafeSystemDb(), { period: "2031-09", now: jakarta("2031-09-01"), tenantIds: [tenant.id] });
    const [invoice] = await invoicesOf(tenant.id);
    return { tenant, invoiceId: invoice!.id };
  }
  const paymentsOf = (tenantId: string) => forTenant(tenantId).saasPayment.findMany();

  it("the same idempotency key records one payment, sent twice or twice at once", async () => {
    const { caller } = await platformCaller();
    const { tenant, invoiceId } = await openInvoice("saas-idem", 300_000);
    const input = { invoiceId, amountIdr: 100_000, method: "bank_transfer" as const, reference: "BCA 0012", idempotencyKey: randomUUID() };
    const first = await caller.platform.saasBilling.recordPayment(input);
    const again = await caller.platform.saasBilling.recordPayment(input);
    expect(first.replayed).toBe(false);
    expect(again).toMatchObject({ replayed: true, payment: { id: first.payment.id }, invoice: { paidIdr: 100_000 } });

    const twin = { ...input, amountIdr: 50_000, idempotencyKey: randomUUID() };
    const [x, y] = await Promise.all([caller.platform.saasBilling.recordPayment(twin), caller.platform.saasBilling.recordPayment(twin)]);
    expect(x.payment.id).toBe(y.payment.id);
    expect([x.replayed, y.replayed].sort()).toEqual([false, true]);
    expect(await paymentsOf(tenant.id)).toHaveLength(2);
    expect((await invoicesOf(tenant.id))[0]).toMatchObject({ paidIdr: 150_000, status: "issued" });

    const reused = await failure(caller.platform.saasBilling.recordPayment({ ...input, amountIdr: 99_000 }));
    expect(reused.code).toBe("CONFLICT");
  });

  it("refuses more than is outstanding, also when two payments race for the rest", async () => {
    const { caller } = await platformCaller();
    const { tenant, invoiceId } = await openInvoice("saas-over", 200_000);
    const over = await failure(caller.platform.saasBilling.recordPayment({ invoiceId, amountIdr: 200_001, method: "cash", idempotencyKey: randomUUID() }));
    expect(over).toMatchObject({ code: "VALIDATION_FAILED", details: { outstandingIdr: 200_000 } });
    // The operator reads it in their language, the amount as rupiah.
    expect(localizeError(over, "id")).toMatchObject({
      error: "Pembayaran ini lebih besar dari sisa tagihan, Rp 200.000.",
      details: { fields: { amountIdr: ["Paling banyak sebesar sisa tagihan, Rp 200.000."] } },
    });
    expect(localizeError(over, "en").details?.fields).toEqual({ amountIdr: ["At most the outstanding Rp 200.000."] });

    const race = await Promise.allSettled([150_000, 150_000].map((amountIdr) => caller.platform.saasBilling.recordPayment({ invoiceId, amountIdr, method: "cash", idempotencyKey: randomUUID() })));
    expect(race.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await paymentsOf(tenant.id)).toHaveLength(1);
    expect((await invoicesOf(tenant.id))[0]).toMatchObject({ paidIdr: 150_000 });

    await caller.platform.saasBilling.recordPayment({ invoiceId, amountIdr: 50_000, method: "cash", idempotencyKey: randomUUID() });
    const paidUp = await failure(caller.platform.saasBilling.recordPayment({ invoiceId, amountIdr: 1, method: "cash", idempotencyKey: randomUUID() }));
    expect(paidUp).toMatchObject({ code: "VALIDATION_FAILED", details: { outstandingIdr: 0 } });
    expect(localizeError(paidUp, "id").details?.fields).toEqual({ amountIdr: ["Tagihan ini sudah lunas."] });
    expect((await invoicesOf(tenant.id))[0]).toMatchObject({ paidIdr: 200_000, status: "paid" });
  });

  it("the console lists the tenant's invoices, payments and standing", async () => {
    const { caller } = await platformCaller();
    const { tenant, invoiceId } = await openInvoice("saas-cons", 120_000);
    await caller.platform.saasBilling.recordPayment({ invoiceId, amountIdr: 20_000, method: "cash", idempotencyKey: randomUUID() });
    const view = await caller.platform.saasBilling.tenant({ tenantId: tenant.id });
    expect(view).toMatchObject({ tenant: { id: tenant.id }, standing: "good", outstandingIdr: 100_000 });
    expect(view.invoices.map((i) => i.id)).toContain(invoiceId);
    expect(view.payments).toEqual([expect.objectContaining({ invoiceId, amountIdr: 20_000, method: "cash", recordedBy: expect.stringMatching(/@rrnet\.test$/) })]);
    const page = await caller.platform.saasBilling.list({ tenantId: tenant.id });
    expect(page.items.map((i) => ({ id: i.id, tenant: i.tenant.id, paidIdr: i.paidIdr }))).toContainEqual({ id: invoiceId, tenant: tenant.id, paidIdr: 20_000 });
    expect(page.totals.period).toMatch(/^\d{4}-\d{2}$/);
  });
});

describe("who sees SaaS invoices", () => {
  it("the owner sees the tenant's own, other roles are refused, another tenant's stay invisible", async () => {
    const extra = await addOn("+5 staff users", 30_000);
    const a = await billedTenant("saas-vis-a", 150_000, [{ addOnId: extra.id, quantity: 2 }]);
    const b = await billedTenant("saas-vis-b", 90_000);
    await issueSaasInvoices(unsafeSystemDb(), { period: "2023-10", now: jakarta("2023-10-01"), tenantIds: [a.id, b.id] });
    const [invoiceA] = await invoicesOf(a.id);
    const [invoiceB] = await invoicesOf(b.id);

    const ownerA = await userWithRole(a, "owner");
    const mine = await ownerA.caller.saasBilling.subscription();
    expect(mine).toMatchObject({ plan: { priceIdr: 150_000 }, addOns: [{ name: "+5 staff users", quantity: 2, amountIdr: 60_000 }], monthlyIdr: 210_000, standing: "good" });
    expect(mine.invoices.map((i) => i.id)).toContain(invoiceA!.id);
    expect(JSON.stringify(mine)).not.toContain(invoiceB!.id);

    for (const role of ["admin", "finance", "hr", "technician", "collector", "client"] as const) {
      const { caller } = await userWithRole(a, role);
      expect([role, (await failure(caller.saasBilling.subscription())).code]).toEqual([role, "FORBIDDEN"]);
    }
    const ownerB = await userWithRole(b, "owner");
    const theirs = await ownerB.caller.saasBilling.subscription();
    expect(theirs.invoices.map((i) => i.id)).toContain(invoiceB!.id);
    expect(JSON.stringify(theirs)).not.toContain(invoiceA!.id);
  });
});
