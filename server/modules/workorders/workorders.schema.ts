// Inputs and answers of work orders and tickets (no server imports: the pages use them too).
import { z } from "zod";
import { v } from "@/i18n/keys";
import { CHECKLISTS, WORK_ORDER_KINDS, WORK_ORDER_STATUSES, type ChecklistItem, type WorkOrderKind } from "./work-order-rules";

export const ZWorkOrderKind = z.enum(WORK_ORDER_KINDS);
export const ZWorkOrderStatus = z.enum(WORK_ORDER_STATUSES);
export const ZWorkOrderSource = z.enum(["manual", "ticket", "incident", "subscription"]);
export const TICKET_STATUSES = ["open", "in_progress", "waiting_customer", "resolved", "closed"] as const;
export const ZTicketStatus = z.enum(TICKET_STATUSES);
export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const ZTicketPriority = z.enum(TICKET_PRIORITIES);
export const TICKET_CATEGORIES = ["no_connection", "slow", "intermittent", "billing", "relocation", "other"] as const;
export const ZTicketCategory = z.enum(TICKET_CATEGORIES);
export const ZTicketChannel = z.enum(["staff", "portal", "whatsapp"]);

const ZLat = z.number().min(-90).max(90);
const ZLng = z.number().min(-180).max(180);
const text = (max: number) => z.string().trim().min(1).max(max);

export const ZChecklistValue = z.union([z.string().trim().max(200), z.number().finite(), z.boolean(), z.object({ odpId: z.uuid(), port: z.number().int().min(1).max(256) })]);
export const ZChecklistValues = z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), ZChecklistValue);

export const ZCreateWorkOrderInput = z.object({
  kind: ZWorkOrderKind,
  title: text(200),
  description: z.string().trim().max(4000).nullable().default(null),
  customerId: z.uuid().nullable().default(null),
  subscriptionId: z.uuid().nullable().default(null),
  ticketId: z.uuid().nullable().default(null),
  incidentId: z.uuid().nullable().default(null),
  address: z.string().trim().max(500).nullable().default(null),
  latitude: ZLat.nullable().default(null),
  longitude: ZLng.nullable().default(null),
  scheduledAt: z.iso.datetime().nullable().default(null),
  assigneeIds: z.array(z.uuid()).max(10).default([]),
});
export type TCreateWorkOrderInput = z.output<typeof ZCreateWorkOrderInput>;
export type TCreateWorkOrderForm = z.input<typeof ZCreateWorkOrderInput>;

/**
 * The create form's fields: the order as created, with the visit as a calendar date and a time of
 * day in the tenant's zone (the page turns them into `scheduledAt`); a time needs its date.
 */
export const ZWorkOrderFormFields = ZCreateWorkOrderInput.omit({ scheduledAt: true, ticketId: true, incidentId: true, subscriptionId: true })
  .extend({
    scheduledDate: z.iso.date().nullable().default(null),
    scheduledTime: z.iso.time({ precision: -1 }).nullable().default(null),
  })
  .refine((f) => f.scheduledTime === null || f.scheduledDate !== null, { message: v("workorders.validation.timeNeedsDate"), path: ["scheduledDate"] })
  .refine((f) => (f.latitude === null) === (f.longitude === null), { message: v("workorders.validation.bothCoordinates"), path: ["longitude"] });
export type TWorkOrderFormFields = z.input<typeof ZWorkOrderFormFields>;

export const ZWorkOrderTarget = z.object({ id: z.uuid() });
export const ZAssignInput = z.object({ id: z.uuid(), assigneeIds: z.array(z.uuid()).min(1).max(10), scheduledAt: z.iso.datetime().nullable().optional() });
export const ZMoveInput = z.object({ id: z.uuid(), to: z.enum(["on_the_way", "in_progress", "assigned", "open"]) });
export const ZCancelInput = z.object({ id: z.uuid(), reason: text(500) });
export const ZCheckInInput = z.object({ id: z.uuid(), latitude: ZLat, longitude: ZLng, accuracyM: z.number().min(0).max(100_000).nullable().default(null) });
export const ZNoteInput = z.object({ id: z.uuid(), note: text(2000) });
/** The checklist form of a kind: every item optional while the work goes on (finishing needs the required ones), numbers within their item's range. */
export function checklistFormSchema(kind: WorkOrderKind) {
  const field = (item: ChecklistItem): z.ZodType => {
    switch (item.type) {
      case "number":
        return z.number().min(item.min ?? -1e9).max(item.max ?? 1e9).optional();
      case "boolean":
        return z.boolean().optional();
      case "odp_port":
        return z.object({ odpId: z.uuid(), port: z.number().int().min(1).max(256) }).optional();
      case "photo":
        return z.undefined().optional();
      default:
        return z.string().trim().max(200).optional();
    }
  };
  return z.object(Object.fromEntries(CHECKLISTS[kind].filter((i) => i.type !== "photo").map((i) => [i.key, field(i)])));
}

export const ZChecklistInput = z.object({ id: z.uuid(), values: ZChecklistValues });
/** A photo already uploaded through files.upload (purpose work_order_photo); the position defaults to its EXIF one. */
export const ZPhotoInput = z.object({ id: z.uuid(), fileId: z.uuid(), caption: z.string().trim().max(200).nullable().default(null), latitude: ZLat.nullable().default(null), longitude: ZLng.nullable().default(null) });
export const ZFinishInput = z.object({ id: z.uuid(), note: z.string().trim().max(2000).nullable().default(null) });
export const ZWorkOrderListInput = z
  .object({
    status: z.enum(["active", "done", "cancelled", "all"]).default("active"),
    kind: ZWorkOrderKind.optional(),
    mine: z.boolean().default(false),
    overdue: z.boolean().default(false),
  })
  .default({ status: "active", mine: false, overdue: false });
export const ZActivityInput = z.object({ userId: z.uuid().optional(), days: z.number().int().min(1).max(90).default(7) });

export const ZPerson = z.object({ id: z.uuid(), name: z.string() });
export const ZWorkOrderRow = z.object({
  id: z.uuid(),
  number: z.number().int(),
  kind: ZWorkOrderKind,
  status: ZWorkOrderStatus,
  source: ZWorkOrderSource,
  title: z.string(),
  customer: z.object({ id: z.uuid(), name: z.string(), number: z.number().int(), phone: z.string().nullable() }).nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  scheduledAt: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  assignees: z.array(ZPerson),
  ticketId: z.uuid().nullable(),
  incidentId: z.uuid().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TWorkOrderRow = z.infer<typeof ZWorkOrderRow>;

export const ZWorkOrderEvent = z.object({ id: z.uuid(), at: z.string(), kind: z.string(), actorLabel: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), note: z.string().nullable(), latitude: z.number().nullable(), longitude: z.number().nullable() });
export const ZWorkOrderPhoto = z.object({ id: z.uuid(), fileId: z.uuid(), url: z.string(), caption: z.string().nullable(), latitude: z.number().nullable(), longitude: z.number().nullable(), createdAt: z.string() });
export const ZWorkOrderDetail = ZWorkOrderRow.extend({
  description: z.string().nullable(),
  subscriptionId: z.uuid().nullable(),
  checklist: ZChecklistValues,
  missing: z.array(z.string()),
  checkIn: z.object({ at: z.string(), latitude: z.number(), longitude: z.number(), distanceM: z.number().int().nullable() }).nullable(),
  cancelReason: z.string().nullable(),
  events: z.array(ZWorkOrderEvent),
  photos: z.array(ZWorkOrderPhoto),
  allowed: z.array(ZWorkOrderStatus),
});
export type TWorkOrderDetail = z.infer<typeof ZWorkOrderDetail>;

/** A move's answer: the order, and the customer's "on the way" WhatsApp message when it sent one (null: none, or WhatsApp off). */
export const ZMoveResult = ZWorkOrderDetail.extend({ customerNotice: z.object({ status: z.string(), reason: z.string().nullable() }).nullable() });
export type TMoveResult = z.infer<typeof ZMoveResult>;

/** What a technician needs to know about the customer's line at the site. */
export const ZSiteFacts = z.object({
  customerId: z.uuid(),
  customerStatus: z.string(),
  accounts: z.array(z.object({ username: z.string(), kind: z.enum(["pppoe", "hotspot"]), profile: z.string().nullable(), routerName: z.string().nullable(), status: z.string(), lastSeenAt: z.string().nullable() })),
  /** Null when a router could not be asked (routerError says why). */
  online: z.boolean().nullable(),
  sessions: z.array(z.object({ username: z.string(), address: z.string().nullable(), uptimeSeconds: z.number().int().nullable() })),
  routerError: z.string().nullable(),
  drop: z.object({ odpId: z.uuid(), odpCode: z.string(), port: z.number().int(), lossDb: z.number().nullable() }).nullable(),
  openIncidents: z.array(z.object({ id: z.uuid(), number: z.number().int(), status: z.string(), cause: z.string() })),
});
export type TSiteFacts = z.infer<typeof ZSiteFacts>;

export const ZActivityEntry = z.object({
  at: z.string(),
  technician: z.string(),
  userId: z.uuid().nullable(),
  kind: z.string(),
  workOrderId: z.uuid(),
  workOrderNumber: z.number().int(),
  workOrderKind: ZWorkOrderKind,
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type TActivityEntry = z.infer<typeof ZActivityEntry>;

export const ZSlaSettings = z.object({ installation: z.number().int().min(1).max(2160), repair: z.number().int().min(1).max(2160), relocation: z.number().int().min(1).max(2160), dismantle: z.number().int().min(1).max(2160), survey: z.number().int().min(1).max(2160) });
export type TSlaSettings = z.infer<typeof ZSlaSettings>;

/** Today's site of a technician's work order, for the attendance geofence. */
export type TAssignedSite = { workOrderId: string; latitude: number; longitude: number };

// ---- tickets

export const ZCreateTicketInput = z.object({
  customerId: z.uuid(),
  category: ZTicketCategory,
  subject: text(200),
  description: text(4000),
  priority: ZTicketPriority.default("normal"),
});
export type TCreateTicketInput = z.output<typeof ZCreateTicketInput>;
export type TCreateTicketForm = z.input<typeof ZCreateTicketInput>;
export const ZPortalTicketInput = ZCreateTicketInput.omit({ customerId: true, priority: true });
export const ZTicketTarget = z.object({ id: z.uuid() });
export const ZTicketListInput = z.object({ status: z.enum(["active", "closed", "all"]).default("active"), customerId: z.uuid().optional() }).default({ status: "active" });
export const ZTicketUpdateInput = z.object({ id: z.uuid(), status: ZTicketStatus.optional(), priority: ZTicketPriority.optional(), message: z.string().trim().max(2000).optional(), notifyCustomer: z.boolean().default(true) });
export const ZTicketNoteInput = z.object({ id: z.uuid(), body: text(2000) });

export const ZTicketRow = z.object({
  id: z.uuid(),
  number: z.number().int(),
  customer: z.object({ id: z.uuid(), name: z.string(), number: z.number().int() }),
  category: ZTicketCategory,
  subject: z.string(),
  priority: ZTicketPriority,
  status: ZTicketStatus,
  channel: ZTicketChannel,
  incidentId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTicketRow = z.infer<typeof ZTicketRow>;
export const ZTicketMessage = z.object({ id: z.uuid(), at: z.string(), direction: z.enum(["inbound", "outbound", "internal"]), authorLabel: z.string(), body: z.string() });
export const ZTicketDetail = ZTicketRow.extend({
  description: z.string(),
  resolvedAt: z.string().nullable(),
  messages: z.array(ZTicketMessage),
  workOrders: z.array(z.object({ id: z.uuid(), number: z.number().int(), kind: ZWorkOrderKind, status: ZWorkOrderStatus })),
});
export type TTicketDetail = z.infer<typeof ZTicketDetail>;
export const ZPortalTicket = ZTicketRow.pick({ id: true, number: true, category: true, subject: true, status: true, createdAt: true, updatedAt: true });
