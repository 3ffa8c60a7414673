// Demo data (idempotent: safe to run twice). The demo contract other checks rely on:
//   tenant "demo" (Demo Net) with owner owner@demo.local / demo-owner
//   tenant "acme" (Acme Net) with owner owner@acme.local / acme-owner
//   super admin admin@rrnet.local / rrnet-admin (no 2FA, so the demo login stays simple)
process.env.RRNET_SERVICE ??= "seed";
import { closeDb, unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { forTenant } from "@/server/db";
import { nextTenantNumber } from "@/server/db/counters";
import type { Role } from "@/server/db/generated/enums";
import { hashPassword } from "@/server/modules/identity/password.service";
import { logger } from "@/server/log/logger";
import { addDays, fromDbDate, localDate, startOfLocalDay, toDbDate } from "@/server/time/calendar-date";
import { generateInvoices } from "@/server/modules/billing/invoice-generation.service";
import { markOverdueAndIsolate } from "@/server/modules/billing/overdue.service";
import { recordPayment } from "@/server/modules/billing/payment.service";
import { operatorActor, systemActor, userActor } from "@/server/actor/actor";
import { assignCustomers, listCustomerAssignments } from "@/server/modules/collections/assignment.service";
import { collectCash } from "@/server/modules/collections/collection.service";
import { seal } from "@/server/crypto/secret-box";
import { DEMO_TRIPAY_MERCHANT } from "@/sim/payment-gateway/demo-merchant";
import { DEMO_ACCOUNTS, DEMO_ROUTERS, DEMO_ROUTEROS_USER, demoRouterPort } from "@/sim/routeros/demo-routers";
import { seal as sealSecret } from "@/server/crypto/secret-box";
import { DEMO_CLOUD_ACCOUNT, DEMO_FONNTE_DEVICE } from "@/sim/whatsapp/demo-accounts";
import { seedDemoPlant } from "./seed-plant";
import { env } from "@/server/config/env";
import { periodBounds, periodOf, previousPeriod, rrnetDate, rrnetStartOfDay, standingFor } from "@/server/modules/saas-billing/saas-calendar";
import { issueTenantInvoice } from "@/server/modules/saas-billing/saas-invoice.service";
import { recordSaasPayment } from "@/server/modules/saas-billing/saas-payment.service";
import { refreshSaasStandings } from "@/server/modules/saas-billing/saas-sweep.service";
import { closeRedis } from "@/server/redis/client";
import { closeTenantDirectory } from "@/server/tenancy/tenant-directory";
import payrollRulesData from "@/prisma/data/payroll-rules.json";
import { importPayrollRules } from "@/server/modules/payroll/payroll-rules.service";

type SeedUser = { email: string; name: string; role: Role; password: string };

// RRNET's catalog. Prices are monthly, integer rupiah; the super admin edits them in the console.
const PLANS = [
  { code: "starter", name: "Starter", priceIdr: 150_000, maxCustomers: 200, maxRouters: 2, maxStaff: 5, features: ["vouchers", "whatsapp"], apiRateLimitPerMinute: 600 },
  { code: "pro", name: "Pro", priceIdr: 350_000, maxCustomers: 1_000, maxRouters: 5, maxStaff: 15, features: ["vouchers", "whatsapp", "maps", "hr"], apiRateLimitPerMinute: 1_200 },
  { code: "enterprise", name: "Enterprise", priceIdr: 900_000, maxCustomers: 10_000, maxRouters: 25, maxStaff: 60, features: ["vouchers", "whatsapp", "maps", "hr"], apiRateLimitPerMinute: 3_000 },
];
const ADD_ONS = [
  { code: "customers-500", name: "+500 customers", priceIdr: 75_000, extraCustomers: 500, features: [] },
  { code: "router-1", name: "+1 router", priceIdr: 25_000, extraRouters: 1, features: [] },
  { code: "staff-5", name: "+5 staff users", priceIdr: 30_000, extraStaff: 5, features: [] },
  { code: "maps", name: "FTTH maps", priceIdr: 50_000, features: ["maps"] },
  { code: "hr", name: "HR & payroll", priceIdr: 50_000, features: ["hr"] },
];

const TENANTS: { slug: string; name: string; plan: string; users: SeedUser[] }[] = [
  {
    slug: "demo",
    name: "Demo Net",
    plan: "pro",
    users: [
      { email: "owner@demo.local", name: "Hendra Gunawan", role: "owner", password: "demo-owner" },
      { email: "admin@demo.local", name: "Rina Kartika", role: "admin", password: "demo-admin" },
      { email: "finance@demo.local", name: "Siti Rahayu", role: "finance", password: "demo-finance" },
      { email: "hr@demo.local", name: "Maya Putri", role: "hr", password: "demo-hr-staff" },
      { email: "tech@demo.local", name: "Budi Santoso", role: "technician", password: "demo-technician" },
      { email: "collector@demo.local", name: "Agus Wijaya", role: "collector", password: "demo-collector" },
    ],
  },
  {
    slug: "acme",
    name: "Acme Net",
    plan: "starter",
    users: [{ email: "owner@acme.local", name: "Dewi Lestari", role: "owner", password: "acme-owner" }],
  },
];

async function main() {
  const db = unsafeSystemDb();
  const adminHash = await hashPassword("rrnet-admin");
  await db.platformAdmin.upsert({
    where: { email: "admin@rrnet.local" },
    create: { email: "admin@rrnet.local", name: "RRNET Operator", passwordHash: adminHash },
    update: {},
  });
  const planIds = new Map<string, string>();
  for (const plan of PLANS) {
    const row = await db.plan.upsert({ where: { code: plan.code }, create: plan, update: {} });
    planIds.set(plan.code, row.id);
  }
  for (const addOn of ADD_ONS) await db.addOn.upsert({ where: { code: addOn.code }, create: addOn, update: {} });
  // The national payroll rules (BPJS, PTKP, TER, Article 17, overtime, THR) with their validity periods.
  await importPayrollRules(payrollRulesData.rules);
  for (const t of TENANTS) {
    const tenant = await db.tenant.upsert({
      where: { slug: t.slug },
      create: { slug: t.slug, name: t.name, planId: planIds.get(t.plan)! },
      update: {},
    });
    for (const u of t.users) {
      const passwordHash = await hashPassword(u.password);
      await db.user.upsert({
        where: { tenantId_email: { tenantId: tenant.id, email: u.email } },
        create: { tenantId: tenant.id, email: u.email, name: u.name, role: u.role, passwordHash },
        update: {},
      });
    }
  }
  const demo = await db.tenant.findUniqueOrThrow({ where: { slug: "demo" } });
  await seedDemoSubscribers(demo.id);
  await seedDemoBilling(demo.id);
  await seedDemoPaymentGateway(demo.id);
  await seedDemoRouters(demo.id);
  await seedDemoNetworkAccounts(demo.id);
  await seedDemoWhatsApp(demo.id);
  await seedDemoHr(demo.id);
  await seedDemoCollections(demo.id);
  await seedDemoPlant(demo.id);
  await seedSaasBilling();
  logger().info({ tenants: TENANTS.map((t) => t.slug) }, "demo data seeded");
}

// Demo Net's packages and a few subscribers around one RT/RW (only when it has none yet).
const PACKAGES = [
  { name: "Rumah 10 Mbps", priceIdr: 150_000, speedDownKbps: 10_000, speedUpKbps: 5_000, type: "pppoe" as const },
  { name: "Rumah 20 Mbps", priceIdr: 200_000, speedDownKbps: 20_000, speedUpKbps: 10_000, type: "pppoe" as const },
  { name: "Bisnis 50 Mbps", priceIdr: 450_000, speedDownKbps: 50_000, speedUpKbps: 25_000, type: "pppoe" as const },
  { name: "Hotspot Harian", priceIdr: 5_000, speedDownKbps: 5_000, speedUpKbps: 2_000, type: "hotspot" as const },
];
const SUBSCRIBERS: { name: string; phone: string; address: string; lat: number; lng: number; pkg: number; day: number; start: string }[] = [
  { name: "Warung Bu Sri", phone: "+6281234500011", address: "Jl. Melati No. 3, RT 02/RW 05, Sukamaju", lat: -6.9175, lng: 107.6191, pkg: 2, day: 5, start: "2026-03-05" },
  { name: "Ahmad Fauzi", phone: "+6281234500012", address: "Jl. Melati No. 7, RT 02/RW 05, Sukamaju", lat: -6.9178, lng: 107.6195, pkg: 1, day: 10, start: "2026-04-10" },
  { name: "Yuliani", phone: "+6285712300013", address: "Gg. Kenanga No. 2, RT 03/RW 05, Sukamaju", lat: -6.9182, lng: 107.6187, pkg: 0, day: 1, start: "2026-05-01" },
  { name: "Dedi Kurniawan", phone: "+6285712300014", address: "Gg. Kenanga No. 9, RT 03/RW 05, Sukamaju", lat: -6.9186, lng: 107.6183, pkg: 0, day: 15, start: "2026-06-15" },
  { name: "Toko Berkah Jaya", phone: "+6287812300015", address: "Jl. Raya Sukamaju No. 21", lat: -6.9169, lng: 107.6201, pkg: 2, day: 1, start: "2026-02-01" },
  { name: "Sri Wahyuni", phone: "+6287812300016", address: "Jl. Mawar No. 4, RT 01/RW 05, Sukamaju", lat: -6.9171, lng: 107.6178, pkg: 1, day: 20, start: "2026-07-20" },
];

async function seedDemoSubscribers(tenantId: string) {
  const db = forTenant(tenantId);
  if ((await db.customer.count()) > 0) return;
  const packages: { id: string }[] = [];
  for (const p of PACKAGES) {
    packages.push(await db.servicePackage.upsert({ where: { tenantId_name: { tenantId, name: p.name } }, create: { tenantId, ...p }, update: {} }));
  }
  await db.$transaction(async (tx) => {
    for (const s of SUBSCRIBERS) {
      const number = await nextTenantNumber(tx, "customer");
      const customer = await tx.customer.create({
        data: { tenantId, number, name: s.name, phone: s.phone, address: s.address, latitude: s.lat, longitude: s.lng, status: "active", billingDay: s.day },
      });
      const account = DEMO_ACCOUNTS.find((a) => a.customer === s.name);
      await tx.subscription.create({
        data: { ...(account ? { id: account.subscriptionId } : {}), tenantId, customerId: customer.id, packageId: packages[s.pkg]!.id, startDate: new Date(`${s.start}T00:00:00Z`), prorateFirstPeriod: true },
      });
    }
  });
}

// Demo Net's billing history, made by the same code the daily job runs: every day from August
// to today is a billing day run (invoices due that day), most invoices paid a few days later by
// cash, transfer or the collector; Dedi has not paid since October (overdue, isolated), Sri paid
// part of this month's bill, and Toko Berkah Jaya paid ahead (credit). Only when no invoice exists.
const LATE_PAYER = "Dedi Kurniawan";
const PART_PAYER = "Sri Wahyuni";
const PREPAYER = "Toko Berkah Jaya";

async function seedDemoBilling(tenantId: string) {
  const db = forTenant(tenantId);
  if ((await db.invoice.count()) > 0) return;
  const tenant = await db.tenant.update({
    where: { id: tenantId },
    data: { invoiceFooter: "Bayar lewat transfer ke BCA 123-456-7890 a.n. Demo Net, atau tunai ke kolektor kami. WhatsApp 0812-3450-0000." },
  });
  const today = localDate(new Date(), tenant.timezone);
  const customers = new Map((await db.customer.findMany({ select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  const actor = systemActor("Demo seed", { tenantId });
  const methods = ["cash", "bank_transfer", "collector"] as const;
  for (let date = "2026-08-01"; date <= today; date = addDays(date, 1)) {
    await generateInvoices(db, { runDate: date, now: startOfLocalDay(date, tenant.timezone) });
    const issued = await db.invoice.findMany({ where: { issueDate: toDbDate(date) }, orderBy: { number: "asc" } });
    for (const [i, invoice] of issued.entries()) {
      const name = customers.get(invoice.customerId);
      const payDay = addDays(date, 2 + (i % 4));
      const lateMonths = name === LATE_PAYER && date >= "2026-10-01";
      if (lateMonths || payDay > today) continue;
      const thisMonth = date.slice(0, 7) === today.slice(0, 7);
      const partial = name === PART_PAYER && thisMonth;
      await recordPayment(db, actor, {
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        amountIdr: partial ? Math.round(invoice.totalIdr / 2) : name === PREPAYER && thisMonth ? invoice.totalIdr + 100_000 : invoice.totalIdr,
        method: methods[(invoice.number ?? 0) % 3]!,
        // 10:00 local on the pay day, or now when that is still ahead (a seed run before 10:00).
        receivedAt: new Date(Math.min(startOfLocalDay(payDay, tenant.timezone).getTime() + 10 * 3600_000, Date.now())).toISOString(),
        reference: null,
        idempotencyKey: `seed-${invoice.id}`,
      });
    }
    await markOverdueAndIsolate(db, { today: date, now: startOfLocalDay(date, tenant.timezone) });
  }
}

// ================================================================ RRNET's SaaS billing
// RRNET's own invoices to the demo ISPs, written by the SaaS billing services themselves. Safe
// to run again: one invoice per tenant and month, payments under fixed idempotency keys.
//   Demo Net: last month's RRNET invoice paid (on its 4th), this month's issued and not yet due;
//     an older one past its due date (a database seeded in an earlier month) is paid too.
//   Acme Net: last month's invoice, issued late and a few days overdue, so the console shows a
//     warned tenant; read-only comes only after SAAS_RESTRICT_AFTER_DAYS, so Acme stays usable.
//     An older Acme invoice already past that grace (an old database) is paid rather than left
//     to make Acme read-only. This month's invoice is issued as for any tenant.
async function seedSaasBilling() {
  const db = unsafeSystemDb();
  const now = new Date();
  const today = rrnetDate(now);
  const thisMonth = periodOf(today);
  const lastMonth = previousPeriod(thisMonth);
  const { SAAS_INVOICE_DUE_DAYS: dueDays, SAAS_RESTRICT_AFTER_DAYS: grace } = env();
  const operator = await db.platformAdmin.findUniqueOrThrow({ where: { email: "admin@rrnet.local" } });
  const actor = operatorActor({ adminId: operator.id, email: operator.email });
  const demo = await db.tenant.findUniqueOrThrow({ where: { slug: "demo" } });
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: "acme" } });
  const payInFull = async (invoice: { id: string; totalIdr: number; paidIdr: number }, receivedAt: Date, reference: string) =>
    invoice.paidIdr < invoice.totalIdr &&
    recordSaasPayment(db, actor, { invoiceId: invoice.id, amountIdr: invoice.totalIdr - invoice.paidIdr, method: "bank_transfer", reference, idempotencyKey: `seed-saas-${invoice.id}` }, receivedAt);

  // Demo Net.
  const demoDb = forTenant(demo.id);
  const acmeDb = forTenant(acme.id);
  const demoLast = await issueTenantInvoice(demoDb, { period: lastMonth, today, issueDate: periodBounds(lastMonth).start });
  if (demoLast.invoice) {
    const paidOn = addDays(fromDbDate(demoLast.invoice.issueDate), 3);
    await payInFull(demoLast.invoice, new Date(Math.min(rrnetStartOfDay(paidOn <= today ? paidOn : today).getTime() + 10 * 3600_000, now.getTime())), "Transfer BCA");
  }
  await issueTenantInvoice(demoDb, { period: thisMonth, today });
  for (const invoice of await demoDb.saasInvoice.findMany({ where: { status: { in: ["issued", "overdue"] }, dueDate: { lt: new Date(`${today}T00:00:00Z`) } } })) {
    await payInFull(invoice, now, "Transfer BCA");
  }

  // Acme Net: due `late` days ago (never as late as the grace), issued `dueDays` before that.
  const late = Math.min(3, grace);
  await issueTenantInvoice(acmeDb, { period: lastMonth, today, issueDate: addDays(today, -(late + dueDays)) });
  await issueTenantInvoice(acmeDb, { period: thisMonth, today });
  for (const invoice of await acmeDb.saasInvoice.findMany({ where: { status: { in: ["issued", "overdue"] } } })) {
    if (standingFor(fromDbDate(invoice.dueDate), today, grace) === "restricted") await payInFull(invoice, now, "Transfer Mandiri");
  }

  const { changes } = await refreshSaasStandings(db, { now, tenantIds: [demo.id, acme.id] });
  logger().info({ changes }, "saas billing seeded");
}

// Demo Net takes online payments through the Tripay simulator that `npm run demo` starts
// (sim/payment-gateway): the simulator's merchant, keys sealed as for any ISP. Only when Demo Net
// has no Tripay account yet, so keys an owner entered are never overwritten.
async function seedDemoPaymentGateway(tenantId: string) {
  const db = forTenant(tenantId);
  if (await db.paymentGatewayAccount.findFirst({ where: { provider: "tripay" } })) return;
  const merchant = DEMO_TRIPAY_MERCHANT;
  await db.paymentGatewayAccount.create({
    data: { tenantId, provider: "tripay", merchantCode: merchant.merchantCode, apiKeySealed: seal(merchant.apiKey), privateKeySealed: seal(merchant.privateKey), enabled: true },
  });
}

// Demo Net's two MikroTik routers are the simulators `npm run demo` starts (sim/routeros/main.ts,
// ports ROUTEROS_SIM_PORT and the next one). Only routers missing by name are added, so a router
// an owner edited keeps its settings.
async function seedDemoRouters(tenantId: string) {
  const db = forTenant(tenantId);
  for (const [index, router] of DEMO_ROUTERS.entries()) {
    if (await db.router.findFirst({ where: { name: router.name } })) continue;
    await db.router.create({
      data: {
        tenantId,
        name: router.name,
        host: "127.0.0.1",
        transport: "api",
        port: demoRouterPort(index),
        username: DEMO_ROUTEROS_USER.name,
        passwordSealed: sealSecret(DEMO_ROUTEROS_USER.password),
        mode: "api",
        location: router.location,
      },
    });
  }
}

// Demo Net's PPPoE accounts (sim/routeros/demo-routers.ts DEMO_ACCOUNTS). The simulators start
// empty each time, so Demo Core's accounts are marked pending on every seed and the worker's
// sweep provisions them; Demo Timur's are applied, and the simulator's drifted copy of them is
// what its drift page shows.
async function seedDemoNetworkAccounts(tenantId: string) {
  const db = forTenant(tenantId);
  const routers = await db.router.findMany({ select: { id: true, name: true } });
  for (const a of DEMO_ACCOUNTS) {
    const subscription = await db.subscription.findFirst({ where: { id: a.subscriptionId }, select: { id: true, customerId: true } });
    const router = routers.find((r) => r.name === DEMO_ROUTERS[a.router]!.name);
    if (!subscription || !router) continue;
    const status = a.router === 0 ? ("pending" as const) : ("applied" as const);
    await db.networkAccount.upsert({
      where: { tenantId_subscriptionId: { tenantId, subscriptionId: subscription.id } },
      create: { tenantId, subscriptionId: subscription.id, customerId: subscription.customerId, routerId: router.id, kind: "pppoe", username: a.username, passwordSealed: sealSecret(a.password), status, appliedAccess: status === "applied" ? "allowed" : null },
      update: a.router === 0 ? { status: "pending" } : {},
    });
  }
}

// Demo Net sends WhatsApp messages through the simulators `npm run demo` starts (sim/whatsapp):
// Fonnte first, the Cloud API when the Fonnte device cannot send. Only when Demo Net has no
// WhatsApp settings yet, so settings an owner saved are never overwritten.
async function seedDemoWhatsApp(tenantId: string) {
  const db = forTenant(tenantId);
  if (await db.whatsAppSettings.findFirst()) return;
  await db.whatsAppSettings.create({
    data: {
      tenantId,
      enabled: true,
      primaryProvider: "fonnte",
      fallbackProvider: "wa_cloud",
      fonnteTokenSealed: seal(DEMO_FONNTE_DEVICE.token),
      fonnteWebhookSecretSealed: seal(DEMO_FONNTE_DEVICE.webhookSecret),
      cloudPhoneNumberId: DEMO_CLOUD_ACCOUNT.phoneNumberId,
      cloudAccessTokenSealed: seal(DEMO_CLOUD_ACCOUNT.accessToken),
      cloudAppSecretSealed: seal(DEMO_CLOUD_ACCOUNT.appSecret),
      cloudVerifyTokenSealed: seal(DEMO_CLOUD_ACCOUNT.verifyToken),
    },
  });
}

// Demo Net's HR: the office geofence (the RT/RW the subscribers live in), two shifts, and an
// employee record for each staff user but the owner. Only when Demo Net has no employees yet.
const DEMO_EMPLOYEES: { email: string; no: string; nik: string; ptkp: string; position: string; department: string; join: string; base: number; shift: "office" | "field"; bank: string }[] = [
  { email: "admin@demo.local", no: "DN-001", nik: "3273014501900001", ptkp: "K/1", position: "Kepala Kantor", department: "Kantor", join: "2023-02-01", base: 6_500_000, shift: "office", bank: "1234500001" },
  { email: "finance@demo.local", no: "DN-002", nik: "3273015203920002", ptkp: "TK/0", position: "Staf Keuangan", department: "Kantor", join: "2024-01-15", base: 5_000_000, shift: "office", bank: "1234500002" },
  { email: "hr@demo.local", no: "DN-003", nik: "3273016104930003", ptkp: "K/0", position: "Staf HR", department: "Kantor", join: "2024-06-03", base: 5_000_000, shift: "office", bank: "1234500003" },
  { email: "tech@demo.local", no: "DN-004", nik: "3273011207910004", ptkp: "K/2", position: "Teknisi", department: "Lapangan", join: "2023-08-01", base: 4_500_000, shift: "field", bank: "1234500004" },
  { email: "collector@demo.local", no: "DN-005", nik: "3273010909950005", ptkp: "TK/0", position: "Penagih", department: "Lapangan", join: "2026-05-04", base: 3_800_000, shift: "field", bank: "1234500005" },
];

async function seedDemoHr(tenantId: string) {
  const db = forTenant(tenantId);
  if (await db.employee.findFirst()) return;
  await db.hrSettings.upsert({
    where: { tenantId },
    create: { tenantId, officeName: "Kantor Demo Net, Jl. Raya Sukamaju No. 1", officeLat: -6.9177, officeLng: 107.6190, geofenceRadiusM: 150, graceMinutes: 10, minimumWageIdr: 4_209_309, thrMonth: 3, thrHolidayDate: toDbDate("2026-03-20") },
    update: {},
  });
  const office = await db.workShift.create({ data: { tenantId, name: "Kantor 08.00–17.00", startMinute: 8 * 60, endMinute: 17 * 60, weekdays: [1, 2, 3, 4, 5] } });
  const field = await db.workShift.create({ data: { tenantId, name: "Lapangan 07.30–16.30", startMinute: 7 * 60 + 30, endMinute: 16 * 60 + 30, weekdays: [1, 2, 3, 4, 5, 6] } });
  for (const e of DEMO_EMPLOYEES) {
    const user = await db.user.findFirst({ where: { email: e.email } });
    await db.employee.create({
      data: {
        tenantId,
        userId: user?.id ?? null,
        shiftId: e.shift === "office" ? office.id : field.id,
        employeeNo: e.no,
        name: user?.name ?? e.email,
        nikSealed: seal(e.nik),
        npwpSealed: seal(e.nik),
        ptkpStatus: e.ptkp,
        position: e.position,
        department: e.department,
        joinDate: toDbDate(e.join),
        employmentType: e.join > "2026-01-01" ? "contract" : "permanent",
        bankName: "BCA",
        bankAccountSealed: seal(e.bank),
        bankAccountHolder: user?.name ?? e.email,
        jkkRiskClass: e.shift === "field" ? "low" : "very_low",
        baseSalaryIdr: e.base,
        allowances: e.shift === "field" ? [{ label: "Tunjangan transport", amountIdr: 500_000, fixed: false }] : [{ label: "Tunjangan jabatan", amountIdr: 750_000, fixed: true }],
        deductions: [],
      },
    });
  }
}

// Agus (the demo collector) walks the Kenanga/Mawar lane: four customers, among them the late payer
// and the part payer, so his round has real bills on it. He has collected Dedi's oldest overdue bill
// and not yet deposited it, so his cash page and the owner's dashboard show money held.
// Through collections' own services, as the phone does; only when he has no customers yet.
const COLLECTOR_ROUND = ["Yuliani", LATE_PAYER, PART_PAYER, "Warung Bu Sri"];

async function seedDemoCollections(tenantId: string) {
  const db = forTenant(tenantId);
  const [collector, owner] = await Promise.all([
    db.user.findFirstOrThrow({ where: { email: "collector@demo.local" } }),
    db.user.findFirstOrThrow({ where: { email: "owner@demo.local" } }),
  ]);
  if ((await listCustomerAssignments(db, { collectorId: collector.id })).length > 0) return;
  const customers = await db.customer.findMany({ where: { name: { in: COLLECTOR_ROUND } }, select: { id: true, name: true } });
  await assignCustomers(db, userActor({ tenantId, userId: owner.id, role: "owner", email: owner.email, name: owner.name }), { collectorId: collector.id, customerIds: customers.map((c) => c.id) });
  // Dedi pays his oldest overdue bill in cash; the later one keeps him isolated.
  const dedi = customers.find((c) => c.name === LATE_PAYER);
  const overdue = dedi ? await db.invoice.findMany({ where: { customerId: dedi.id, status: "overdue" }, orderBy: { dueDate: "asc" } }) : [];
  if (overdue.length < 2) return;
  const oldest = overdue[0]!;
  await collectCash(db, userActor({ tenantId, userId: collector.id, role: "collector", email: collector.email, name: collector.name }), {
    customerId: dedi!.id,
    invoiceId: oldest.id,
    amountIdr: oldest.totalIdr - oldest.paidIdr,
    latitude: -6.9186,
    longitude: 107.6183,
    accuracyM: 12,
    note: "Tagihan terlama, dibayar tunai di rumah",
    idempotencyKey: `seed-collect-${oldest.id}`,
  });
}

// The SaaS standings publish tenant changes through Redis: close it too, or the process stays up.
// The tenant-directory subscriber first: it must not try to (re)subscribe on a closed Redis.
const closeAll = () => closeTenantDirectory().then(() => Promise.all([closeDb(), closeRedis()]));

main()
  .then(closeAll)
  .catch(async (error: unknown) => {
    logger().fatal({ error }, "seed failed");
    await closeAll();
    process.exit(1);
  });
