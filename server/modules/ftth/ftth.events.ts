// Events the FTTH module emits (through the outbox, see server/events): one per customer an
// outage reaches and one when it is over for them. The notification module words them.
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/server/events/define-event";

export const outageStarted = defineEvent(
  "ftth.outage_started",
  z.object({ incidentId: z.uuid(), customerId: z.uuid(), incidentNumber: z.int().positive(), causeCode: z.string(), startedAt: z.iso.datetime() }),
);

export const outageResolved = defineEvent(
  "ftth.outage_resolved",
  z.object({ incidentId: z.uuid(), customerId: z.uuid(), incidentNumber: z.int().positive(), causeCode: z.string(), resolvedAt: z.iso.datetime() }),
);

export const FTTH_EVENTS = [outageStarted, outageResolved];
