// Events the work-orders domain emits (through the outbox): a finished installation converges the
// customer's router accounts once the order, the drop and the activation have committed.
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/server/events/define-event";

export const installationFinished = defineEvent(
  "workorders.installation_finished",
  z.object({ workOrderId: z.uuid(), customerId: z.uuid() }),
);

export const WORKORDER_EVENTS = [installationFinished];
