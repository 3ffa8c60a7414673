// Every domain event type, by name. Add a domain's events here.
import "server-only";
import type { EventDefinition } from "./define-event";
import { BILLING_EVENTS } from "@/server/modules/billing/billing.events";
import { CUSTOMER_EVENTS } from "@/server/modules/customers/customers.events";
import { SUBSCRIPTION_EVENTS } from "@/server/modules/subscriptions/subscriptions.events";
import { FTTH_EVENTS } from "@/server/modules/ftth/ftth.events";
import { ROUTER_EVENTS } from "@/server/modules/routers/routers.events";
import { WORKORDER_EVENTS } from "@/server/modules/workorders/workorders.events";

export const EVENTS: readonly EventDefinition[] = [...BILLING_EVENTS, ...SUBSCRIPTION_EVENTS, ...CUSTOMER_EVENTS, ...FTTH_EVENTS, ...ROUTER_EVENTS, ...WORKORDER_EVENTS];

const byType = new Map(EVENTS.map((e) => [e.type, e]));
if (byType.size !== EVENTS.length) throw new Error("Duplicate event types in the registry");

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}
