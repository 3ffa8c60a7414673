// Events the routers module emits (through the outbox, see server/events): a router's polled
// status changed. Other modules follow it without the routers module knowing them (the FTTH
// plant marks the nodes that stand for the router down and up again: server/events/delivery.jobs.ts).
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/server/events/define-event";

const ZRouterStatus = z.enum(["unknown", "up", "down"]);

export const routerStatusChanged = defineEvent(
  "routers.status_changed",
  z.object({ routerId: z.uuid(), from: ZRouterStatus, to: ZRouterStatus, at: z.iso.datetime() }),
);

export const ROUTER_EVENTS = [routerStatusChanged];
