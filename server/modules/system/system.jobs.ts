// System jobs. The worker heartbeat proves end to end that the worker consumes its queues:
// health reports how old the last beat is.
import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { redis } from "@/server/redis/client";

export const HEARTBEAT_KEY = "rrnet:worker:heartbeat";

export const ZHeartbeatPayload = z.object({ source: z.enum(["schedule", "manual"]).default("manual") });

export const heartbeatJob = defineJob({
  name: "system.heartbeat",
  queue: "default",
  payload: ZHeartbeatPayload,
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  async handler(payload, ctx) {
    const beat = { at: new Date().toISOString(), pid: process.pid, source: payload.source, jobId: ctx.jobId };
    await redis().set(HEARTBEAT_KEY, JSON.stringify(beat), "EX", 300);
    return beat;
  },
});
