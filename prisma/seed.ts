// Demo data (idempotent: safe to run twice). The demo contract other checks rely on:
//   tenant "demo" (Demo Net) with owner owner@demo.local / demo-owner
//   tenant "acme" (Acme Net) with owner owner@acme.local / acme-owner
//   super admin admin@rrnet.local / rrnet-admin (no 2FA, so the demo login stays simple)
process.env.RRNET_SERVICE ??= "seed";
import { closeDb, unsafeSystemDb } from "@/server/db/unsafe-system-db";
import type { Role } from "@/server/db/generated/enums";
import { hashPassword } from "@/server/modules/identity/password.service";
import { logger } from "@/server/log/logger";

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
  logger().info({ tenants: TENANTS.map((t) => t.slug) }, "demo data seeded");
}

main()
  .then(() => closeDb())
  .catch(async (error: unknown) => {
    logger().fatal({ error }, "seed failed");
    await closeDb();
    process.exit(1);
  });
