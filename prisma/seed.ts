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

const TENANTS: { slug: string; name: string; users: SeedUser[] }[] = [
  {
    slug: "demo",
    name: "Demo Net",
    users: [
      { email: "owner@demo.local", name: "Hendra Gunawan", role: "owner", password: "demo-owner" },
      { email: "admin@demo.local", name: "Rina Kartika", role: "admin", password: "demo-admin" },
      { email: "finance@demo.local", name: "Siti Rahayu", role: "finance", password: "demo-finance" },
      { email: "tech@demo.local", name: "Budi Santoso", role: "technician", password: "demo-tech" },
      { email: "collector@demo.local", name: "Agus Wijaya", role: "collector", password: "demo-collector" },
    ],
  },
  {
    slug: "acme",
    name: "Acme Net",
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
  for (const t of TENANTS) {
    const tenant = await db.tenant.upsert({ where: { slug: t.slug }, create: { slug: t.slug, name: t.name }, update: {} });
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
