// SQL of outages. Opening an incident finds every node and customer downstream of the cause in
// ONE recursive statement that also records them, decides who is told (not someone another open
// incident already told) and writes their outbox events. Resolving hands a notice still needed
// to an overlapping open incident and writes "restored" events for the rest, in one statement too.
import "server-only";
import type { TenantScope, TenantTx } from "@/server/db";
import type { TIncidentStatus, TNodeType } from "./ftth.schema";
import { outageResolved, outageStarted } from "./ftth.events";

export type IncidentRecord = {
  id: string;
  number: number;
  status: TIncidentStatus;
  source: "manual" | "health" | "detector";
  causeNodeId: string;
  startedAt: Date;
  resolvedAt: Date | null;
  affectedNodes: number;
  affectedCustomers: number;
  notes: string | null;
  assigneeId: string | null;
};

export function insertIncidentRow(tx: TenantTx, data: Omit<IncidentRecord, "id" | "resolvedAt" | "affectedNodes" | "affectedCustomers" | "assigneeId">) {
  return tx.ftthIncident.create({ data: { tenantId: tx.tenantId, ...data, affectedNodes: 0, affectedCustomers: 0 } });
}

export function findIncidentRow(db: TenantScope, id: string): Promise<IncidentRecord | null> {
  return db.ftthIncident.findFirst({ where: { id } });
}

export function updateIncidentRow(db: TenantScope, id: string, data: Partial<Pick<IncidentRecord, "status" | "resolvedAt" | "notes" | "assigneeId">>) {
  return db.ftthIncident.update({ where: { tenantId_id: { tenantId: db.tenantId, id } }, data });
}

export function insertTimeline(db: TenantScope, incidentId: string, kind: string, actorLabel: string, note: string | null = null, at?: Date) {
  return db.ftthIncidentEvent.create({ data: { tenantId: db.tenantId, incidentId, kind, actorLabel, note, ...(at ? { at } : {}) } });
}

/**
 * Records what incident `incidentId` (cause `causeNodeId`) reaches and, when `notify`, writes one
 * outage_started event per affected customer whom no other open incident has told.
 */
export async function recordAffected(tx: TenantTx, input: { incidentId: string; causeNodeId: string; notify: boolean; number: number; causeCode: string; startedAt: Date }) {
  const t = tx.tenantId;
  const rows = await tx.$queryRaw<{ nodes: number; customers: number; notified: number }[]>`
    WITH RECURSIVE down(id) AS (
      SELECT n.id FROM "FtthNode" n WHERE n."tenantId" = ${t}::uuid AND n.id = ${input.causeNodeId}::uuid
      UNION
      SELECT l."childId" FROM "FtthLink" l JOIN down ON l."parentId" = down.id WHERE l."tenantId" = ${t}::uuid
    ),
    nodes AS (
      INSERT INTO "FtthIncidentNode" ("tenantId", "incidentId", "nodeId")
      SELECT ${t}::uuid, ${input.incidentId}::uuid, down.id FROM down
      RETURNING 1
    ),
    hit AS (
      SELECT d."customerId" FROM "FtthDrop" d WHERE d."tenantId" = ${t}::uuid AND d."odpId" IN (SELECT id FROM down)
    ),
    -- Customers another open incident already told, computed once (a hashed anti-join below)
    -- rather than probed per affected customer.
    told AS (
      SELECT DISTINCT o."customerId" FROM "FtthIncident" x
      JOIN "FtthIncidentCustomer" o ON o."tenantId" = x."tenantId" AND o."incidentId" = x.id
      WHERE x."tenantId" = ${t}::uuid AND x.status = 'open' AND x.id <> ${input.incidentId}::uuid AND o.notified
    ),
    customers AS (
      INSERT INTO "FtthIncidentCustomer" ("tenantId", "incidentId", "customerId", "notified")
      SELECT ${t}::uuid, ${input.incidentId}::uuid, hit."customerId", ${input.notify} AND told."customerId" IS NULL
      FROM hit LEFT JOIN told ON told."customerId" = hit."customerId"
      RETURNING "customerId", notified
    ),
    events AS (
      INSERT INTO "OutboxEvent" ("id", "tenantId", "type", "payload")
      SELECT gen_random_uuid(), ${t}::uuid, ${outageStarted.type},
        jsonb_build_object('incidentId', ${input.incidentId}::text, 'customerId', customers."customerId", 'incidentNumber', ${input.number}::int,
                           'causeCode', ${input.causeCode}::text, 'startedAt', ${input.startedAt.toISOString()}::text)
      FROM customers WHERE customers.notified
      RETURNING 1
    ),
    counts AS (
      UPDATE "FtthIncident" SET "affectedNodes" = (SELECT count(*) FROM down), "affectedCustomers" = (SELECT count(*) FROM hit)
      WHERE "tenantId" = ${t}::uuid AND id = ${input.incidentId}::uuid
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM nodes)::int AS nodes, (SELECT count(*) FROM customers)::int AS customers,
           (SELECT count(*) FROM events)::int + 0 * (SELECT count(*) FROM counts)::int AS notified`;
  return rows[0]!;
}

/** A suspected incident confirmed: its customers are told now, unless another open incident told them. */
export async function notifyConfirmed(tx: TenantTx, input: { incidentId: string; number: number; causeCode: string; startedAt: Date }): Promise<number> {
  const t = tx.tenantId;
  const rows = await tx.$queryRaw<{ n: number }[]>`
    WITH elsewhere AS (
      SELECT DISTINCT o."customerId" FROM "FtthIncident" x
      JOIN "FtthIncidentCustomer" o ON o."tenantId" = x."tenantId" AND o."incidentId" = x.id
      WHERE x."tenantId" = ${t}::uuid AND x.status = 'open' AND x.id <> ${input.incidentId}::uuid AND o.notified
    ),
    told AS (
      UPDATE "FtthIncidentCustomer" ic SET notified = true
      WHERE ic."tenantId" = ${t}::uuid AND ic."incidentId" = ${input.incidentId}::uuid AND NOT ic.notified
        AND ic."customerId" NOT IN (SELECT "customerId" FROM elsewhere)
      RETURNING ic."customerId"
    ),
    events AS (
      INSERT INTO "OutboxEvent" ("id", "tenantId", "type", "payload")
      SELECT gen_random_uuid(), ${t}::uuid, ${outageStarted.type},
        jsonb_build_object('incidentId', ${input.incidentId}::text, 'customerId', told."customerId", 'incidentNumber', ${input.number}::int,
                           'causeCode', ${input.causeCode}::text, 'startedAt', ${input.startedAt.toISOString()}::text)
      FROM told RETURNING 1
    )
    SELECT count(*)::int AS n FROM events`;
  return rows[0]!.n;
}

/**
 * Incident `incidentId` is over (its status already changed). A customer it told who is still
 * under another open incident keeps waiting: that incident now carries the notice. The others
 * get one outage_resolved event each. Returns how many were told.
 */
export async function notifyRestored(tx: TenantTx, input: { incidentId: string; number: number; causeCode: string; resolvedAt: Date }): Promise<number> {
  const t = tx.tenantId;
  const rows = await tx.$queryRaw<{ n: number }[]>`
    WITH told AS (
      SELECT ic."customerId" FROM "FtthIncidentCustomer" ic
      WHERE ic."tenantId" = ${t}::uuid AND ic."incidentId" = ${input.incidentId}::uuid AND ic.notified
    ),
    carrier AS (
      SELECT DISTINCT ON (o."customerId") o."incidentId", o."customerId"
      FROM "FtthIncidentCustomer" o JOIN "FtthIncident" x ON x."tenantId" = o."tenantId" AND x.id = o."incidentId"
      WHERE o."tenantId" = ${t}::uuid AND x.status = 'open' AND x.id <> ${input.incidentId}::uuid AND o."customerId" IN (SELECT "customerId" FROM told)
      ORDER BY o."customerId", x."startedAt"
    ),
    handed AS (
      UPDATE "FtthIncidentCustomer" ic SET notified = true FROM carrier
      WHERE ic."tenantId" = ${t}::uuid AND ic."incidentId" = carrier."incidentId" AND ic."customerId" = carrier."customerId"
      RETURNING 1
    ),
    events AS (
      INSERT INTO "OutboxEvent" ("id", "tenantId", "type", "payload")
      SELECT gen_random_uuid(), ${t}::uuid, ${outageResolved.type},
        jsonb_build_object('incidentId', ${input.incidentId}::text, 'customerId', told."customerId", 'incidentNumber', ${input.number}::int,
                           'causeCode', ${input.causeCode}::text, 'resolvedAt', ${input.resolvedAt.toISOString()}::text)
      FROM told WHERE told."customerId" NOT IN (SELECT "customerId" FROM carrier)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM events)::int + 0 * (SELECT count(*) FROM handed)::int AS n`;
  return rows[0]!.n;
}

/** Open or suspected incidents that reach any of `nodeIds`; `cause` when one of them is the cause. */
export function openIncidentsOfNodes(db: TenantScope, nodeIds: string[]) {
  return db.$queryRaw<{ id: string; number: number; status: TIncidentStatus; cause: boolean; causeNodeId: string }[]>`
    SELECT DISTINCT x.id, x.number, x.status, (x."causeNodeId" = ANY(${nodeIds}::uuid[])) AS cause, x."causeNodeId"
    FROM "FtthIncident" x JOIN "FtthIncidentNode" n ON n."tenantId" = x."tenantId" AND n."incidentId" = x.id
    WHERE x."tenantId" = ${db.tenantId}::uuid AND x.status IN ('open', 'suspected') AND n."nodeId" = ANY(${nodeIds}::uuid[])
    ORDER BY x.number`;
}

export function activeIncidentsCausedBy(db: TenantScope, nodeId: string) {
  return db.ftthIncident.findMany({ where: { causeNodeId: nodeId, status: { in: ["open", "suspected"] } }, orderBy: { number: "asc" } });
}

const INCIDENT_SELECT = {
  id: true,
  number: true,
  status: true,
  source: true,
  startedAt: true,
  resolvedAt: true,
  affectedNodes: true,
  affectedCustomers: true,
  notes: true,
  causeNode: { select: { id: true, code: true, name: true, type: true } },
  assignee: { select: { id: true, name: true } },
} as const;

export function listIncidentRows(db: TenantScope, statuses: TIncidentStatus[], take: number) {
  return db.ftthIncident.findMany({ where: { status: { in: statuses } }, select: INCIDENT_SELECT, orderBy: { startedAt: "desc" }, take });
}

export function findIncidentView(db: TenantScope, id: string) {
  return db.ftthIncident.findFirst({ where: { id }, select: INCIDENT_SELECT });
}

export function incidentTimeline(db: TenantScope, incidentId: string) {
  return db.ftthIncidentEvent.findMany({ where: { incidentId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}

export function incidentCustomers(db: TenantScope, incidentId: string, take: number) {
  return db.$queryRaw<{ id: string; name: string; number: number; odpCode: string; notified: boolean }[]>`
    SELECT c.id, c.name, c.number, n.code AS "odpCode", ic.notified
    FROM "FtthIncidentCustomer" ic
    JOIN "Customer" c ON c."tenantId" = ic."tenantId" AND c.id = ic."customerId"
    LEFT JOIN "FtthDrop" d ON d."tenantId" = ic."tenantId" AND d."customerId" = ic."customerId"
    LEFT JOIN "FtthNode" n ON n."tenantId" = ic."tenantId" AND n.id = d."odpId"
    WHERE ic."tenantId" = ${db.tenantId}::uuid AND ic."incidentId" = ${incidentId}::uuid
    ORDER BY n.code NULLS LAST, c.name
    LIMIT ${take}`;
}

export function incidentNodes(db: TenantScope, incidentId: string) {
  return db.$queryRaw<{ id: string; code: string; type: TNodeType }[]>`
    SELECT n.id, n.code, n.type FROM "FtthIncidentNode" i JOIN "FtthNode" n ON n."tenantId" = i."tenantId" AND n.id = i."nodeId"
    WHERE i."tenantId" = ${db.tenantId}::uuid AND i."incidentId" = ${incidentId}::uuid ORDER BY n.type, n.code LIMIT 500`;
}

export function incidentsOfCustomer(db: TenantScope, customerId: string) {
  return db.ftthIncident.findMany({
    where: { status: { in: ["open", "suspected"] }, customers: { some: { customerId, tenantId: db.tenantId } } },
    select: INCIDENT_SELECT,
    orderBy: { startedAt: "desc" },
    take: 10,
  });
}

/** Each ODP of `customerIds`' drops. */
export function dropsOfCustomers(db: TenantScope, customerIds: string[]) {
  return db.ftthDrop.findMany({ where: { customerId: { in: customerIds } }, select: { customerId: true, odpId: true } });
}

/** For each start node, the nodes from it up to its root: (start, id, depth). */
export function upstreamOfMany(db: TenantScope, startIds: string[]) {
  return db.$queryRaw<{ start: string; id: string; depth: number }[]>`
    WITH RECURSIVE up(start, id, depth) AS (
      SELECT n.id, n.id, 0 FROM "FtthNode" n WHERE n."tenantId" = ${db.tenantId}::uuid AND n.id = ANY(${startIds}::uuid[])
      UNION ALL
      SELECT up.start, l."parentId", up.depth + 1 FROM "FtthLink" l JOIN up ON l."childId" = up.id
      WHERE l."tenantId" = ${db.tenantId}::uuid AND up.depth < 64
    )
    SELECT start, id, depth FROM up`;
}

export function findSettingsRow(db: TenantScope) {
  return db.ftthSettings.findFirst();
}

export function upsertSettingsRow(db: TenantScope, data: { suspectMinDrops: number; suspectWindowSeconds: number }) {
  return db.ftthSettings.upsert({ where: { tenantId: db.tenantId }, create: { tenantId: db.tenantId, ...data }, update: data });
}

/** Staff who can be sent to an outage. */
export function assignableStaff(db: TenantScope) {
  return db.$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM "User" WHERE "tenantId" = ${db.tenantId}::uuid AND role IN ('owner', 'admin', 'technician') AND active ORDER BY name LIMIT 200`;
}
