// Test fixtures (system code): each test file makes its own tenants with unique slugs, so
// files can run in parallel against one database.
import { randomBytes } from "node:crypto";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import type { Role } from "@/server/db/generated/enums";

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`.slice(0, 32);
}

/** A plan with room to spare, for tests that are not about limits. */
export async function testPlanId(overrides: { code?: string; maxStaff?: number; maxCustomers?: number; maxRouters?: number; features?: string[] } = {}) {
  const code = overrides.code ?? "test-generous";
  const data = { name: code, priceIdr: 100_000, maxCustomers: overrides.maxCustomers ?? 100_000, maxRouters: overrides.maxRouters ?? 100, maxStaff: overrides.maxStaff ?? 1_000, features: overrides.features ?? ["maps", "hr", "whatsapp", "vouchers"] };
  const plan = await unsafeSystemDb().plan.upsert({ where: { code }, create: { code, ...data }, update: data });
  return plan.id;
}

export async function createTenantWithUser(prefix: string, role: Role = "owner", planId?: string) {
  const db = unsafeSystemDb();
  const slug = uniqueSlug(prefix);
  const tenant = await db.tenant.create({ data: { slug, name: `Tenant ${slug}`, planId: planId ?? (await testPlanId()) } });
  const user = await db.user.create({
    data: { tenantId: tenant.id, email: `${role}@${slug}.test`, name: `${role} of ${slug}`, role, passwordHash: "x" },
  });
  const session = await db.userSession.create({
    data: { tenantId: tenant.id, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) },
  });
  return { tenant, user, session };
}
