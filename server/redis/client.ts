// The one Redis client factory. `redis()` is the shared command client of this process;
// `createRedis()` makes dedicated connections (pub/sub subscribers, BullMQ workers).
import "server-only";
import { Redis, type RedisOptions } from "ioredis";
import { env } from "@/server/config/env";
import { logger } from "@/server/log/logger";

export type { Redis };

export function createRedis(purpose: string, options: RedisOptions = {}): Redis {
  const client = new Redis(env().REDIS_URL, {
    connectionName: `rrnet-${process.env.RRNET_SERVICE ?? "web"}-${purpose}`,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 2,
    // Back off to at most 5 s between reconnects; ioredis keeps trying while the process lives.
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    lazyConnect: false,
    ...options,
  });
  let warned = false;
  client.on("error", (error) => {
    // Log the first failure of an outage, not every reconnect attempt.
    if (!warned) logger().warn({ error: error.message, purpose }, "redis connection error");
    warned = true;
  });
  client.on("ready", () => {
    if (warned) logger().info({ purpose }, "redis connection restored");
    warned = false;
  });
  return client;
}

const holder = globalThis as unknown as { __rrnetRedis?: Redis };

/** The shared command client. Commands give up after 1 s, so an outage slows no request much. */
export function redis(): Redis {
  return (holder.__rrnetRedis ??= createRedis("commands", { commandTimeout: 1_000 }));
}

export async function closeRedis(): Promise<void> {
  const client = holder.__rrnetRedis;
  holder.__rrnetRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
