// Recurring jobs: the worker upserts one BullMQ job scheduler per entry at start. Add a
// domain's recurring jobs here.
import type { JobDefinition } from "./define-job";
import { heartbeatJob } from "@/server/modules/system/system.jobs";
import { relayEventsJob } from "@/server/events/event.jobs";
import { dailyBillingJob } from "@/server/modules/billing/billing.jobs";

export type Schedule = { job: JobDefinition; repeat: { every: number } | { pattern: string }; payload: unknown };

export const SCHEDULES: readonly Schedule[] = [
  { job: heartbeatJob, repeat: { every: 30_000 }, payload: { source: "schedule" } },
  // Committed outbox events reach the notification queue within seconds.
  { job: relayEventsJob, repeat: { every: 5_000 }, payload: { source: "schedule" } },
  // Hourly, so each tenant's day starts soon after its local midnight whatever its time zone.
  { job: dailyBillingJob, repeat: { pattern: "5 * * * *" }, payload: { source: "schedule" } },
];
