// Recurring jobs: the worker upserts one BullMQ job scheduler per entry at start. Add a
// domain's recurring jobs here.
import "server-only";
import type { JobDefinition } from "./define-job";
import { heartbeatJob } from "@/server/modules/system/system.jobs";
import { relayEventsJob } from "@/server/events/relay.jobs";
import { dailyBillingJob } from "@/server/modules/billing/billing.jobs";
import { SAAS_BILLING_SCHEDULE, saasBillingDailyJob } from "@/server/modules/saas-billing/saas-billing.jobs";
import { dailyRemindersJob } from "@/server/modules/notifications/reminders.jobs";
import { FOLD_USAGE_EVERY_MS, foldUsageJob } from "@/server/modules/radius/radius.jobs";
import { POLL_EVERY_MS, RECONCILE_EVERY_MS, SWEEP_EVERY_MS, networkSweepJob, pollAllRoutersJob, reconcileAllJob } from "@/server/modules/routers/routers.jobs";

export type Schedule = { job: JobDefinition; repeat: { every: number } | { pattern: string; tz?: string }; payload: unknown };

export const SCHEDULES: readonly Schedule[] = [
  { job: heartbeatJob, repeat: { every: 30_000 }, payload: { source: "schedule" } },
  // Committed outbox events reach the notification queue within seconds.
  { job: relayEventsJob, repeat: { every: 5_000 }, payload: { source: "schedule" } },
  // Hourly, so each tenant's day starts soon after its local midnight whatever its time zone.
  { job: dailyBillingJob, repeat: { pattern: "5 * * * *" }, payload: { source: "schedule" } },
  // RRNET's own billing of the ISPs: daily, just after midnight in Asia/Jakarta.
  { job: saasBillingDailyJob, repeat: SAAS_BILLING_SCHEDULE, payload: { source: "schedule" } },
  // Every router's health each minute: two failed polls in a row mark it down.
  { job: pollAllRoutersJob, repeat: { every: POLL_EVERY_MS }, payload: { source: "schedule" } },
  // WhatsApp payment reminders, once per tenant and local day (they wait out quiet hours).
  { job: dailyRemindersJob, repeat: { pattern: "20 * * * *" }, payload: { source: "schedule" } },
  // Router accounts not applied yet (a router that was down, a job out of retries) converge again.
  { job: networkSweepJob, repeat: { every: SWEEP_EVERY_MS }, payload: { source: "schedule" } },
  // Each router's drift report (read only; repairs are the drift page's).
  { job: reconcileAllJob, repeat: { every: RECONCILE_EVERY_MS }, payload: { source: "schedule" } },
  // RADIUS accounting (start, interim, stop) into each subscriber's usage per day.
  { job: foldUsageJob, repeat: { every: FOLD_USAGE_EVERY_MS }, payload: { source: "schedule" } },
];
