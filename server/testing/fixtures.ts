// Test fixtures (system code): each test file makes its own tenants with unique slugs, so
// files can run in parallel against one database.
import { randomBytes } from "node:crypto";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import type { Role } from "@/server/db/generated/enums";

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`.slice(0, 32);
}

export async function createTenantWithUser(prefix: string, role: Role = "owner") {
  const db = unsafeSystemDb();
  const slug = uniqueSlug(prefix);
  const tenant = await db.tenant.create({ data: { slug, name: `Tenant ${slug}` } });
  const user = await db.user.create({
    data: { tenantId: tenant.id, email: `${role}@${slug}.test`, name: `${role} of ${slug}`, role, passwordHash: "x" },
  });
  const session = await db.userSession.create({
    data: { tenantId: tenant.id, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) },
  });
  return { tenant, user, session };
}
