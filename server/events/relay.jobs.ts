// The outbox relay: every few seconds (server/jobs/schedules.ts) it moves committed events to the
// notification queue (outbox.ts).
import "server-only";
import { z } from "zod";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { defineJob } from "@/server/jobs/define-job";
import { relayOutbox } from "./outbox";

export const relayEventsJob = defineJob({
  name: "events.relay",
  queue: "default",
  payload: z.object({ source: z.enum(["schedule", "manual"]).default("manual") }),
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  async handler() {
    return { relayed: await relayOutbox(unsafeSystemDb()) };
  },
});
