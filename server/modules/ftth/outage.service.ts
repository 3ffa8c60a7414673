// Outages. A node marked down opens an incident on it: everything downstream is recorded in one
// statement and each affected customer gets one outage_started event, unless an overlapping
// open incident already told them. Marking it up (or resolving) closes the incident, restores
// the node and emits outage_resolved for those no other open incident still covers. A burst of
// carrier-loss session stops opens a *suspected* incident on the burst's nearest common
// upstream node; it notifies nobody until staff confirm it.
import "server-only";
import type { Actor, UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantTx } from "@/server/db";
import { nextTenantNumber } from "@/server/db/counters";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import type {
  TFtthSettings,
  TIncidentDetail,
  TIncidentListInput,
  TIncidentRow,
  TIncidentUpdateInput,
  TSessionStop,
  TSetNodeStatusInput,
  TStatusChange,
} from "./ftth.schema";
import {
  activeIncidentsCausedBy,
  assignableStaff,
  dropsOfCustomers,
  findIncidentRow,
  findIncidentView,
  findSettingsRow,
  incidentCustomers,
  incidentNodes,
  incidentsOfCustomer,
  incidentTimeline,
  insertIncidentRow,
  insertTimeline,
  listIncidentRows,
  notifyConfirmed,
  notifyRestored,
  openIncidentsOfNodes,
  recordAffected,
  updateIncidentRow,
  upsertSettingsRow,
  upstreamOfMany,
  type IncidentRecord,
} from "./outage.repository";
import { getNodeRowOrThrow, toNode } from "./plant.service";
import { findParentLink, lockPlant, updateNodeRow, usedPortsOf, type NodeRow } from "./plant.repository";

const COUNTER_KEY = "ftth_incident";
export const DEFAULT_SETTINGS: TFtthSettings = { suspectMinDrops: 4, suspectWindowSeconds: 120 };
/** Acct-Terminate-Cause values that mean the line went dark (not a user logging off). */
export const CARRIER_LOSS = new Set(["lost-carrier", "lost-service", "nas-error", "port-failure"]);

const incidentNotFound = (id: string) => new AppError("NOT_FOUND", { incidentId: id }, "ftth.errors.incidentNotFound");

type IncidentView = NonNullable<Awaited<ReturnType<typeof findIncidentView>>>;

function toIncidentRow(row: IncidentView): TIncidentRow {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    source: row.source,
    causeNode: row.causeNode,
    startedAt: row.startedAt.toISOString(),
    resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
    affectedNodes: row.affectedNodes,
    affectedCustomers: row.affectedCustomers,
    notes: row.notes,
    assignee: row.assignee,
  };
}

export type OpenedIncident = { incident: IncidentRecord; affectedNodes: number; affectedCustomers: number; notified: number };

/** Opens an incident on `cause` inside `tx` (which holds the plant lock). */
async function openIncident(
  tx: TenantTx,
  actor: Actor,
  input: { cause: NodeRow; status: "open" | "suspected"; source: IncidentRecord["source"]; notes: string | null; now: Date },
): Promise<OpenedIncident> {
  const number = await nextTenantNumber(tx, COUNTER_KEY);
  const incident = await insertIncidentRow(tx, { number, status: input.status, source: input.source, causeNodeId: input.cause.id, startedAt: input.now, notes: input.notes });
  const counts = await recordAffected(tx, { incidentId: incident.id, causeNodeId: input.cause.id, notify: input.status === "open", number, causeCode: input.cause.code, startedAt: input.now });
  await insertTimeline(tx, incident.id, input.status === "open" ? "opened" : "suspected", actor.label, input.notes, input.now);
  await recordAudit(tx, actor, { action: "ftth.incident_changed", target: { type: "ftth_incident", id: incident.id }, details: { number, status: input.status, cause: input.cause.code, customers: counts.customers } });
  return { incident: { ...incident, affectedNodes: counts.nodes, affectedCustomers: counts.customers }, affectedNodes: counts.nodes, affectedCustomers: counts.customers, notified: counts.notified };
}

/** Closes an incident inside `tx`: resolved (restored events) or dismissed (suspected only: nobody was told). */
async function closeIncident(tx: TenantTx, actor: Actor, incident: IncidentRecord, outcome: "resolved" | "dismissed", note: string | null, now: Date): Promise<number> {
  await updateIncidentRow(tx, incident.id, { status: outcome, resolvedAt: now });
  const causeCode = (await getNodeRowOrThrow(tx, incident.causeNodeId)).code;
  const restored = outcome === "resolved" ? await notifyRestored(tx, { incidentId: incident.id, number: incident.number, causeCode, resolvedAt: now }) : 0;
  await insertTimeline(tx, incident.id, outcome, actor.label, note, now);
  // The cause is back unless another active incident still blames it.
  if (outcome === "resolved" && (await activeIncidentsCausedBy(tx, incident.causeNodeId)).length === 0) {
    await updateNodeRow(tx, incident.causeNodeId, { status: "up" });
  }
  await recordAudit(tx, actor, { action: "ftth.incident_changed", target: { type: "ftth_incident", id: incident.id }, details: { number: incident.number, status: outcome, restored } });
  return restored;
}

/**
 * Down opens an incident on the node (or returns the one already open on it); up resolves the
 * incidents it caused; maintenance is planned work and opens none.
 */
export async function setNodeStatus(db: TenantDb, actor: Actor, input: TSetNodeStatusInput & { source?: IncidentRecord["source"] }, now = new Date()): Promise<TStatusChange> {
  return db.$transaction(
    async (tx) => {
      await lockPlant(tx);
      const node = await getNodeRowOrThrow(tx, input.id);
      let incident: TStatusChange["incident"] = null;
      let restored = 0;
      const active = await activeIncidentsCausedBy(tx, node.id);
      if (input.status === "down") {
        const open = active.find((i) => i.status === "open");
        if (open) {
          incident = { id: open.id, number: open.number, affectedNodes: open.affectedNodes, affectedCustomers: open.affectedCustomers, notified: 0 };
        } else {
          const suspected = active.find((i) => i.status === "suspected");
          if (suspected) {
            const notified = await confirmIn(tx, actor, suspected, input.notes ?? null, now);
            incident = { id: suspected.id, number: suspected.number, affectedNodes: suspected.affectedNodes, affectedCustomers: suspected.affectedCustomers, notified };
          } else {
            const opened = await openIncident(tx, actor, { cause: node, status: "open", source: input.source ?? "manual", notes: input.notes ?? null, now });
            incident = { id: opened.incident.id, number: opened.incident.number, affectedNodes: opened.affectedNodes, affectedCustomers: opened.affectedCustomers, notified: opened.notified };
          }
        }
      } else {
        for (const open of active) restored += await closeIncident(tx, actor, open, open.status === "open" ? "resolved" : "dismissed", input.notes ?? null, now);
      }
      const row = await updateNodeRow(tx, node.id, { status: input.status });
      await recordAudit(tx, actor, { action: "ftth.node_status_changed", target: { type: "ftth_node", id: node.id }, details: { code: node.code, from: node.status, to: input.status } });
      const [parent, used] = await Promise.all([findParentLink(tx, node.id), usedPortsOf(tx, [node.id])]);
      return { node: toNode(row, parent?.parentId ?? null, used.get(node.id) ?? 0), incident, restored };
    },
    { timeout: 60_000 },
  );
}

async function confirmIn(tx: TenantTx, actor: Actor, incident: IncidentRecord, note: string | null, now: Date): Promise<number> {
  await updateIncidentRow(tx, incident.id, { status: "open" });
  const cause = await getNodeRowOrThrow(tx, incident.causeNodeId);
  const notified = await notifyConfirmed(tx, { incidentId: incident.id, number: incident.number, causeCode: cause.code, startedAt: incident.startedAt });
  await updateNodeRow(tx, cause.id, { status: "down" });
  await insertTimeline(tx, incident.id, "confirmed", actor.label, note, now);
  await recordAudit(tx, actor, { action: "ftth.incident_changed", target: { type: "ftth_incident", id: incident.id }, details: { number: incident.number, status: "open", notified } });
  return notified;
}

/** Confirm or dismiss a suspected incident, resolve an open one, assign someone, add a note. */
export async function updateIncident(db: TenantDb, actor: UserActor, input: TIncidentUpdateInput, now = new Date()): Promise<TIncidentRow> {
  await db.$transaction(
    async (tx) => {
      await lockPlant(tx);
      const incident = await findIncidentRow(tx, input.id);
      if (!incident) throw incidentNotFound(input.id);
      const wrongState = () => new AppError("CONFLICT", { status: incident.status, action: input.action }, "ftth.errors.incidentState");
      switch (input.action) {
        case "confirm":
          if (incident.status !== "suspected") throw wrongState();
          await confirmIn(tx, actor, incident, input.note, now);
          break;
        case "dismiss":
          if (incident.status !== "suspected") throw wrongState();
          await closeIncident(tx, actor, incident, "dismissed", input.note, now);
          break;
        case "resolve":
          if (incident.status !== "open") throw wrongState();
          await closeIncident(tx, actor, incident, "resolved", input.note, now);
          break;
        case "assign": {
          const assigneeId = input.assigneeId ?? null;
          if (assigneeId && !(await assignableStaff(tx)).some((s) => s.id === assigneeId)) {
            throw new AppError("VALIDATION_FAILED", { fields: { assigneeId: ["ftth.validation.assignee"] } });
          }
          await updateIncidentRow(tx, incident.id, { assigneeId });
          await insertTimeline(tx, incident.id, "assigned", actor.label, input.note, now);
          await recordAudit(tx, actor, { action: "ftth.incident_changed", target: { type: "ftth_incident", id: incident.id }, details: { number: incident.number, assigneeId } });
          break;
        }
        case "note":
          if (!input.note) throw new AppError("VALIDATION_FAILED", { fields: { note: ["validation.required"] } });
          await insertTimeline(tx, incident.id, "note", actor.label, input.note, now);
          break;
      }
    },
    { timeout: 60_000 },
  );
  return toIncidentRow((await findIncidentView(db, input.id))!);
}

export async function listIncidents(db: TenantDb, input: TIncidentListInput): Promise<TIncidentRow[]> {
  const statuses = input.status === "active" ? (["open", "suspected"] as const) : input.status === "closed" ? (["resolved", "dismissed"] as const) : (["open", "suspected", "resolved", "dismissed"] as const);
  return (await listIncidentRows(db, [...statuses], 200)).map(toIncidentRow);
}

export async function incidentDetail(db: TenantDb, id: string): Promise<TIncidentDetail> {
  const view = await findIncidentView(db, id);
  if (!view) throw incidentNotFound(id);
  const [timeline, customers, nodes, assignable] = await Promise.all([incidentTimeline(db, id), incidentCustomers(db, id, 1000), incidentNodes(db, id), assignableStaff(db)]);
  return {
    incident: toIncidentRow(view),
    timeline: timeline.map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.kind, actorLabel: e.actorLabel, note: e.note })),
    customers,
    nodes,
    assignable,
  };
}

/** Active incidents that reach a customer (for the customer's page). */
export async function customerIncidents(db: TenantDb, customerId: string): Promise<TIncidentRow[]> {
  return (await incidentsOfCustomer(db, customerId)).map(toIncidentRow);
}

export async function getFtthSettings(db: TenantDb): Promise<TFtthSettings> {
  const row = await findSettingsRow(db);
  return row ? { suspectMinDrops: row.suspectMinDrops, suspectWindowSeconds: row.suspectWindowSeconds } : DEFAULT_SETTINGS;
}

export async function saveFtthSettings(db: TenantDb, actor: UserActor, input: TFtthSettings): Promise<TFtthSettings> {
  await upsertSettingsRow(db, input);
  await recordAudit(db, actor, { action: "ftth.settings_saved", details: input });
  return input;
}

/**
 * The nearest common upstream node of `odpIds` given each one's path to its root (nearest
 * first), or null when they hang below different roots.
 */
export function nearestCommonUpstream(paths: string[][]): string | null {
  if (paths.length === 0) return null;
  const [first, ...rest] = paths;
  const sets = rest.map((p) => new Set(p));
  return first!.find((id) => sets.every((s) => s.has(id))) ?? null;
}

export type Suspicion = { incidentId: string; number: number; causeNodeId: string; customers: number };

/**
 * Looks at session stops (RADIUS Acct-Stop records) for a burst: at least the tenant's
 * `suspectMinDrops` customers losing carrier within `suspectWindowSeconds`, below one OLT. Each
 * burst opens a suspected incident on its customers' nearest common upstream node, unless an
 * active incident already reaches that node.
 */
export async function detectSuspectedOutages(db: TenantDb, actor: Actor, stops: TSessionStop[], now = new Date()): Promise<Suspicion[]> {
  const settings = await getFtthSettings(db);
  const windowMs = settings.suspectWindowSeconds * 1000;
  const lost = stops
    .filter((s) => CARRIER_LOSS.has(s.cause.toLowerCase()))
    .map((s) => ({ customerId: s.customerId, at: Date.parse(s.stoppedAt) }))
    .filter((s) => s.at <= now.getTime() && s.at > now.getTime() - windowMs);
  const customers = [...new Set(lost.map((s) => s.customerId))];
  if (customers.length < settings.suspectMinDrops) return [];
  const drops = await dropsOfCustomers(db, customers);
  const odps = [...new Set(drops.map((d) => d.odpId))];
  const steps = await upstreamOfMany(db, odps);
  const pathOf = new Map<string, string[]>();
  for (const s of [...steps].sort((a, b) => a.depth - b.depth)) pathOf.set(s.start, [...(pathOf.get(s.start) ?? []), s.id]);
  // One burst per OLT tree: customers grouped by the root of their ODP's path.
  const byRoot = new Map<string, string[][]>();
  const customersByRoot = new Map<string, number>();
  for (const d of drops) {
    const path = pathOf.get(d.odpId);
    if (!path) continue;
    const root = path[path.length - 1]!;
    byRoot.set(root, [...(byRoot.get(root) ?? []), path]);
    customersByRoot.set(root, (customersByRoot.get(root) ?? 0) + 1);
  }
  const opened: Suspicion[] = [];
  for (const [root, paths] of byRoot) {
    if ((customersByRoot.get(root) ?? 0) < settings.suspectMinDrops) continue;
    const causeId = nearestCommonUpstream(paths);
    if (!causeId) continue;
    const result = await db.$transaction(async (tx) => {
      await lockPlant(tx);
      if ((await openIncidentsOfNodes(tx, [causeId])).length > 0) return null;
      const cause = await getNodeRowOrThrow(tx, causeId);
      return openIncident(tx, actor, { cause, status: "suspected", source: "detector", notes: null, now });
    });
    if (result) opened.push({ incidentId: result.incident.id, number: result.incident.number, causeNodeId: causeId, customers: result.affectedCustomers });
  }
  return opened;
}
