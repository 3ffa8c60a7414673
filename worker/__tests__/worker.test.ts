// A job goes through a real Redis and the worker completes it.
import { afterAll, describe, expect, it } from "vitest";
import { QueueEvents } from "bullmq";
import { enqueue } from "@/server/jobs/enqueue";
import { getQueue, closeQueues, QUEUE_PREFIX } from "@/server/jobs/queues";
import { createRedis, redis, closeRedis } from "@/server/redis/client";
import { closeDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { heartbeatJob, HEARTBEAT_KEY } from "@/server/modules/system/system.jobs";
import { startWorkers } from "@/worker/workers";

const running = startWorkers(["default"]);

afterAll(async () => {
  await running.close();
  await Promise.all([closeQueues(), closeRedis(), closeDb()]);
});

describe("jobs", () => {
  it("the worker completes an enqueued heartbeat job", async () => {
    const events = new QueueEvents("default", { connection: createRedis("test-events", { maxRetriesPerRequest: null }), prefix: QUEUE_PREFIX });
    await events.waitUntilReady();
    const jobId = await enqueue(heartbeatJob, { source: "manual" }, { jobId: `test-heartbeat-${Date.now()}` });
    const job = await getQueue("default").getJob(jobId);
    const result = (await job!.waitUntilFinished(events, 15_000)) as { jobId: string };
    expect(result.jobId).toBe(jobId);
    // The heartbeat it wrote — unless the scheduled heartbeat (every 30 s, shared Redis) wrote after it.
    const beat = JSON.parse((await redis().get(HEARTBEAT_KEY))!) as { jobId: string; source: string };
    if (beat.source === "schedule") expect(beat.jobId).toMatch(/^repeat:/);
    else expect(beat).toMatchObject({ jobId, source: "manual" });
    await events.close();
  });

  it("the same jobId is enqueued once", async () => {
    const jobId = `test-dedupe-${Date.now()}`;
    await getQueue("default").pause();
    await enqueue(heartbeatJob, {}, { jobId });
    await enqueue(heartbeatJob, {}, { jobId });
    const waiting = await getQueue("default").getJobs(["waiting", "paused", "prioritized"]);
    expect(waiting.filter((j) => j.id === jobId)).toHaveLength(1);
    await getQueue("default").resume();
  });

  it("an invalid payload is refused before it reaches Redis", async () => {
    const error = await enqueue(heartbeatJob, { source: "bogus" } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION_FAILED");
  });
});
