// BullMQ queues of this process (producers), sharing one Redis connection.
import "server-only";
import { Queue } from "bullmq";
import { createRedis, type Redis } from "@/server/redis/client";
import { QUEUE_NAMES, type QueueName } from "./define-job";

export const QUEUE_PREFIX = "rrnet";

type State = { connection: Redis; queues: Map<QueueName, Queue> };
const holder = globalThis as unknown as { __rrnetQueues?: State };

export function getQueue(name: QueueName): Queue {
  const s = (holder.__rrnetQueues ??= { connection: createRedis("queues"), queues: new Map() });
  let queue = s.queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: s.connection, prefix: QUEUE_PREFIX });
    s.queues.set(name, queue);
  }
  return queue;
}

export function allQueues(): Queue[] {
  return QUEUE_NAMES.map(getQueue);
}

export async function closeQueues(): Promise<void> {
  const s = holder.__rrnetQueues;
  holder.__rrnetQueues = undefined;
  if (!s) return;
  await Promise.all([...s.queues.values()].map((q) => q.close()));
  await s.connection.quit().catch(() => s.connection.disconnect());
}
