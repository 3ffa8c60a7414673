// Closes this test file's connections (tenant-directory subscriber, queues, Redis, PostgreSQL pool).
import { closeDb } from "@/server/db/unsafe-system-db";
import { closeRedis } from "@/server/redis/client";
import { closeQueues } from "@/server/jobs/queues";
import { closeTenantDirectory } from "@/server/tenancy/tenant-directory";

export async function closeConnections(): Promise<void> {
  await Promise.all([closeTenantDirectory(), closeQueues(), closeRedis(), closeDb()]);
}
