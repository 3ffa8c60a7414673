// The rules of a work order as data (pure, shared with the pages): which status may follow
// which, the checklist of each kind with its required items, and the default SLA hours.
export const WORK_ORDER_KINDS = ["installation", "repair", "relocation", "dismantle", "survey"] as const;
export type WorkOrderKind = (typeof WORK_ORDER_KINDS)[number];
export const WORK_ORDER_STATUSES = ["open", "assigned", "on_the_way", "in_progress", "done", "cancelled"] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** The one transition table: from -> the statuses it may move to. */
export const TRANSITIONS: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  open: ["assigned", "cancelled"],
  assigned: ["on_the_way", "in_progress", "open", "cancelled"],
  on_the_way: ["in_progress", "assigned", "cancelled"],
  in_progress: ["done", "on_the_way", "cancelled"],
  done: [],
  cancelled: [],
};

export const canMove = (from: WorkOrderStatus, to: WorkOrderStatus) => TRANSITIONS[from].includes(to);
export const isClosed = (status: WorkOrderStatus) => status === "done" || status === "cancelled";

export const DEFAULT_SLA_HOURS: Record<WorkOrderKind, number> = { installation: 72, repair: 24, relocation: 72, dismantle: 168, survey: 48 };

export type ChecklistItemType = "text" | "number" | "boolean" | "odp_port" | "router" | "photo";
export type ChecklistItem = { key: string; type: ChecklistItemType; required: boolean; min?: number; max?: number };

/** Checklist items per kind; labels are in messages/<locale>/workorders.json under checklist.<key>. */
export const CHECKLISTS: Record<WorkOrderKind, readonly ChecklistItem[]> = {
  installation: [
    { key: "odpPort", type: "odp_port", required: true },
    { key: "cableLengthM", type: "number", required: true, min: 1, max: 5000 },
    { key: "onuSerial", type: "text", required: true },
    { key: "rxPowerDbm", type: "number", required: true, min: -40, max: 0 },
    { key: "router", type: "router", required: true },
    { key: "pppoeChecked", type: "boolean", required: true },
    { key: "photo", type: "photo", required: true },
  ],
  repair: [
    { key: "cause", type: "text", required: true },
    { key: "action", type: "text", required: true },
    { key: "rxPowerDbm", type: "number", required: false, min: -40, max: 0 },
    { key: "photo", type: "photo", required: false },
  ],
  relocation: [
    { key: "odpPort", type: "odp_port", required: true },
    { key: "cableLengthM", type: "number", required: true, min: 1, max: 5000 },
    { key: "rxPowerDbm", type: "number", required: true, min: -40, max: 0 },
    { key: "photo", type: "photo", required: true },
  ],
  dismantle: [
    { key: "onuReturned", type: "boolean", required: true },
    { key: "photo", type: "photo", required: false },
  ],
  survey: [
    { key: "distanceM", type: "number", required: true, min: 0, max: 10000 },
    { key: "feasible", type: "boolean", required: true },
    { key: "cause", type: "text", required: false },
  ],
};

export type ChecklistValue = string | number | boolean | { odpId: string; port: number };
export type ChecklistValues = Record<string, ChecklistValue>;

/** Whether a value counts as filled for its item (a photo item counts the order's photos). */
function filled(item: ChecklistItem, value: ChecklistValue | undefined, photos: number): boolean {
  if (item.type === "photo") return photos > 0;
  if (value === undefined || value === "") return false;
  if (item.type === "boolean") return value === true;
  return true;
}

/** Required items of the kind not filled yet, in checklist order. */
export function missingItems(kind: WorkOrderKind, values: ChecklistValues, photos: number): string[] {
  return CHECKLISTS[kind].filter((item) => item.required && !filled(item, values[item.key], photos)).map((i) => i.key);
}

export const formatWorkOrderNumber = (n: number) => `WO-${String(n).padStart(6, "0")}`;
export const formatTicketNumber = (n: number) => `TKT-${String(n).padStart(6, "0")}`;
