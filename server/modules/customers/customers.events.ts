// Events the customers domain emits (through the outbox): a status change (terminated and back)
// changes what the customer's router accounts must be.
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/server/events/define-event";

export const customerStatusChanged = defineEvent(
  "customers.status_changed",
  z.object({ customerId: z.uuid(), from: z.string(), to: z.string() }),
);

export const CUSTOMER_EVENTS = [customerStatusChanged];
