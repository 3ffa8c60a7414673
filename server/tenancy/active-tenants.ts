// Every active tenant with its time zone: what daily per-tenant jobs fan out over. System code.
import "server-only";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";

export function unsafeListActiveTenants(): Promise<Array<{ id: string; timezone: string }>> {
  return unsafeSystemDb().tenant.findMany({ where: { status: "active" }, select: { id: true, timezone: true }, orderBy: { createdAt: "asc" } });
}
