// Every job the worker knows, by name. Add a domain's jobs here.
import "server-only";
import type { JobDefinition } from "./define-job";
import { heartbeatJob } from "@/server/modules/system/system.jobs";
import { deliverEventJob } from "@/server/events/delivery.jobs";
import { relayEventsJob } from "@/server/events/relay.jobs";
import { BILLING_JOBS } from "@/server/modules/billing/billing.jobs";
import { SAAS_BILLING_JOBS } from "@/server/modules/saas-billing/saas-billing.jobs";
import { ROUTER_JOBS } from "@/server/modules/routers/routers.jobs";
import { RADIUS_JOBS } from "@/server/modules/radius/radius.jobs";
import { NOTIFICATION_JOBS } from "@/server/modules/notifications/notifications.jobs";
import { REMINDER_JOBS } from "@/server/modules/notifications/reminders.jobs";

export const JOBS: readonly JobDefinition[] = [heartbeatJob, relayEventsJob, deliverEventJob, ...BILLING_JOBS, ...SAAS_BILLING_JOBS, ...ROUTER_JOBS, ...RADIUS_JOBS, ...NOTIFICATION_JOBS, ...REMINDER_JOBS];

const byName = new Map(JOBS.map((job) => [job.name, job]));
if (byName.size !== JOBS.length) throw new Error("Duplicate job names in the registry");

export function findJob(name: string): JobDefinition | undefined {
  return byName.get(name);
}
