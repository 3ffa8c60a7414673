// The raw database client: one pg pool and one Prisma client per process, with query metrics.
// It is NOT tenant-scoped. Only system code (host resolution, super admin, seed, migrations,
// worker bootstrap, health) imports this file; ESLint forbids it elsewhere. Use forTenant().
import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/db/generated/client";
import { env } from "@/server/config/env";
import { logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";

function createDb() {
  const config = env();
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max: config.DB_POOL_MAX,
    min: config.DB_POOL_MIN,
    idleTimeoutMillis: config.DB_POOL_IDLE_TIMEOUT_MS,
    maxLifetimeSeconds: config.DB_POOL_MAX_LIFETIME_S,
    connectionTimeoutMillis: 5_000,
    application_name: `rrnet-${process.env.RRNET_SERVICE ?? "web"}`,
  });
  const gauge = metrics().dbPoolConnections;
  const sample = () => {
    gauge.set({ state: "in_use" }, pool.totalCount - pool.idleCount);
    gauge.set({ state: "idle" }, pool.idleCount);
    gauge.set({ state: "waiting" }, pool.waitingCount);
  };
  for (const event of ["connect", "acquire", "release", "remove"] as const) pool.on(event, sample);
  // An idle client that errors (server restart, network) must not crash the process.
  pool.on("error", (error) => logger().warn({ error }, "idle database connection failed"));

  // Periodic health check: proves a connection still works and keeps the gauges fresh.
  const healthTimer = setInterval(() => {
    pool.query("SELECT 1").then(sample, (error) => logger().error({ error }, "database health check failed"));
  }, config.DB_HEALTH_CHECK_INTERVAL_MS);
  healthTimer.unref();

  const histogram = metrics().dbQueryDuration;
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) }).$extends({
    name: "query-metrics",
    query: {
      $allOperations({ model, operation, args, query }) {
        const end = histogram.startTimer({ model: model ?? "raw", operation });
        return query(args).finally(() => end());
      },
    },
  });
  return { pool, prisma, healthTimer };
}

type Db = ReturnType<typeof createDb>;
export type SystemDb = Db["prisma"];
const holder = globalThis as unknown as { __rrnetDb?: Db };

function db(): Db {
  return (holder.__rrnetDb ??= createDb());
}

/** The unscoped client: system code only. */
export function unsafeSystemDb(): SystemDb {
  return db().prisma;
}

export function dbPool(): pg.Pool {
  return db().pool;
}

/** One `SELECT 1` on the pool: is the database answering (readiness checks)? */
export async function pingDatabase(): Promise<void> {
  await db().pool.query("SELECT 1");
}

export async function closeDb(): Promise<void> {
  const current = holder.__rrnetDb;
  if (!current) return;
  holder.__rrnetDb = undefined;
  clearInterval(current.healthTimer);
  await current.prisma.$disconnect();
  await current.pool.end();
}
