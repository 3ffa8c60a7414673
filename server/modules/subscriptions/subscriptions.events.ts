// Events the subscriptions domain emits (through the outbox): the network module converges the
// customer's router accounts on them (new subscription, package change, pause, end).
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/server/events/define-event";

export const subscriptionChanged = defineEvent(
  "subscriptions.subscription_changed",
  z.object({ subscriptionId: z.uuid(), customerId: z.uuid(), change: z.enum(["created", "package", "status", "other"]) }),
);

export const SUBSCRIPTION_EVENTS = [subscriptionChanged];
