// Queries of the fibre plant: nodes, links, drops, the graph walks (cycle check, path to the
// OLT) and the map's reads by bounds. Raw SQL names the tenant in its first WHERE. The map and
// the search read Customer's name, number, position and status in the same statement as the
// drops (one query per view; the customers module owns the table, nothing here writes it).
import "server-only";
import type { TenantScope, TenantTx } from "@/server/db";
import { escapeLike } from "@/server/db/text-search";
import type { Prisma } from "@/server/db/generated/client";
import type { TBounds, TNodeStatus, TNodeType } from "./ftth.schema";

export { isUniqueViolation, isForeignKeyViolation } from "@/server/db/prisma-errors";

export type NodeRow = {
  id: string;
  type: TNodeType;
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  status: TNodeStatus;
  ports: number;
  splitterRatio: string | null;
  area: string | null;
  installedOn: Date | null;
  photoUrl: string | null;
  notes: string | null;
  routerId: string | null;
};

export type NodeData = Omit<NodeRow, "id">;

export type LinkRow = { id: string; parentId: string; childId: string; parentPort: number | null; route: unknown; lengthM: number | null; lossDb: number | null };

/** Serialises changes to a tenant's plant graph: two links at once cannot close a cycle together. */
export async function lockPlant(tx: TenantTx): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`ftth:${tx.tenantId}`}, 0))::text AS locked`;
}

export function findNodeRow(db: TenantScope, id: string): Promise<NodeRow | null> {
  return db.ftthNode.findFirst({ where: { id } });
}

export function insertNodeRow(db: TenantScope, data: NodeData): Promise<NodeRow> {
  return db.ftthNode.create({ data: { tenantId: db.tenantId, ...data } });
}

export function updateNodeRow(db: TenantScope, id: string, data: Partial<NodeData>): Promise<NodeRow> {
  return db.ftthNode.update({ where: { tenantId_id: { tenantId: db.tenantId, id } }, data });
}

/** The nodes that stand for router `routerId`. */
export function nodesOfRouter(db: TenantScope, routerId: string): Promise<NodeRow[]> {
  return db.ftthNode.findMany({ where: { routerId }, orderBy: { code: "asc" } });
}

export async function deleteNodeRow(db: TenantScope, id: string): Promise<void> {
  await db.ftthNode.delete({ where: { tenantId_id: { tenantId: db.tenantId, id } } });
}

/** Ports taken on each of `ids`: child links that name a port, and (ODP) customer drops. */
export async function usedPortsOf(db: TenantScope, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; used: number }[]>`
    SELECT n.id, (
      (SELECT count(*) FROM "FtthLink" l WHERE l."tenantId" = ${db.tenantId}::uuid AND l."parentId" = n.id AND l."parentPort" IS NOT NULL)
      + (SELECT count(*) FROM "FtthDrop" d WHERE d."tenantId" = ${db.tenantId}::uuid AND d."odpId" = n.id)
    )::int AS used
    FROM "FtthNode" n WHERE n."tenantId" = ${db.tenantId}::uuid AND n.id = ANY(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.used]));
}

export function findParentLink(db: TenantScope, childId: string): Promise<LinkRow | null> {
  return db.ftthLink.findFirst({ where: { childId } });
}

export function findLinkRow(db: TenantScope, id: string): Promise<LinkRow | null> {
  return db.ftthLink.findFirst({ where: { id } });
}

export function childLinks(db: TenantScope, parentId: string) {
  return db.ftthLink.findMany({
    where: { parentId },
    include: { child: { select: { id: true, code: true, name: true, type: true, status: true } } },
    orderBy: [{ parentPort: "asc" }, { createdAt: "asc" }],
  });
}

export function insertLinkRow(db: TenantScope, data: Omit<LinkRow, "id" | "route"> & { route: Prisma.InputJsonValue | undefined }): Promise<LinkRow> {
  return db.ftthLink.create({ data: { tenantId: db.tenantId, ...data } });
}

export function updateLinkRow(db: TenantScope, id: string, data: { parentPort?: number | null; route?: Prisma.InputJsonValue | typeof NULL_JSON; lengthM?: number | null; lossDb?: number | null }): Promise<LinkRow> {
  return db.ftthLink.update({ where: { tenantId_id: { tenantId: db.tenantId, id } }, data: data as Prisma.FtthLinkUpdateInput });
}

/** Prisma's JSON null for "no route". */
export const NULL_JSON = null as unknown as Prisma.InputJsonValue;

export async function deleteLinkRow(db: TenantScope, id: string): Promise<void> {
  await db.ftthLink.delete({ where: { tenantId_id: { tenantId: db.tenantId, id } } });
}

/** Whether `nodeId` is `rootId` or below it. */
export async function isAtOrBelow(db: TenantScope, rootId: string, nodeId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>`
    WITH RECURSIVE down(id) AS (
      SELECT ${rootId}::uuid
      UNION
      SELECT l."childId" FROM "FtthLink" l JOIN down ON l."parentId" = down.id WHERE l."tenantId" = ${db.tenantId}::uuid
    )
    SELECT EXISTS (SELECT 1 FROM down WHERE id = ${nodeId}::uuid) AS found`;
  return rows[0]!.found;
}

/** Is the port of `parentId` taken by a child link or a drop (other than `exceptLinkId`)? */
export async function portTaken(db: TenantScope, parentId: string, port: number, exceptLinkId?: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ taken: boolean }[]>`
    SELECT (
      EXISTS (SELECT 1 FROM "FtthLink" WHERE "tenantId" = ${db.tenantId}::uuid AND "parentId" = ${parentId}::uuid AND "parentPort" = ${port} AND id IS DISTINCT FROM ${exceptLinkId ?? null}::uuid)
      OR EXISTS (SELECT 1 FROM "FtthDrop" WHERE "tenantId" = ${db.tenantId}::uuid AND "odpId" = ${parentId}::uuid AND port = ${port})
    ) AS taken`;
  return rows[0]!.taken;
}

/** The nodes from `nodeId` up to its OLT (root), nearest first, with the loss of each node's link up. */
export function upstreamPath(db: TenantScope, nodeId: string) {
  return db.$queryRaw<{ id: string; type: TNodeType; code: string; name: string; latitude: number; longitude: number; status: TNodeStatus; route: unknown; lossDb: number | null; hasParent: boolean; depth: number }[]>`
    WITH RECURSIVE up(id, depth) AS (
      SELECT ${nodeId}::uuid, 0
      UNION ALL
      SELECT l."parentId", up.depth + 1 FROM "FtthLink" l JOIN up ON l."childId" = up.id WHERE l."tenantId" = ${db.tenantId}::uuid AND up.depth < 64
    )
    SELECT n.id, n.type, n.code, n.name, n.latitude, n.longitude, n.status, l.route, l."lossDb", (l.id IS NOT NULL) AS "hasParent", up.depth
    FROM up JOIN "FtthNode" n ON n."tenantId" = ${db.tenantId}::uuid AND n.id = up.id
    LEFT JOIN "FtthLink" l ON l."tenantId" = ${db.tenantId}::uuid AND l."childId" = n.id
    ORDER BY up.depth`;
}

export function countChildren(db: TenantScope, nodeId: string) {
  return db.ftthLink.findMany({ where: { parentId: nodeId }, select: { child: { select: { code: true } } }, take: 20 });
}

export function countDrops(db: TenantScope, odpId: string): Promise<number> {
  return db.ftthDrop.count({ where: { odpId } });
}

// ---- Drops ----

export function findDropOfCustomer(db: TenantScope, customerId: string) {
  return db.ftthDrop.findFirst({ where: { customerId } });
}

export function insertDropRow(db: TenantScope, data: { odpId: string; port: number; customerId: string; lengthM: number | null; lossDb: number | null }) {
  return db.ftthDrop.create({ data: { tenantId: db.tenantId, ...data } });
}

export async function deleteDropOfCustomer(db: TenantScope, customerId: string): Promise<number> {
  return (await db.ftthDrop.deleteMany({ where: { customerId } })).count;
}

export function dropsOfOdp(db: TenantScope, odpId: string) {
  return db.$queryRaw<{ port: number; customerId: string; customerName: string; customerNumber: number; customerStatus: string }[]>`
    SELECT d.port, c.id AS "customerId", c.name AS "customerName", c.number AS "customerNumber", c.status::text AS "customerStatus"
    FROM "FtthDrop" d JOIN "Customer" c ON c."tenantId" = d."tenantId" AND c.id = d."customerId"
    WHERE d."tenantId" = ${db.tenantId}::uuid AND d."odpId" = ${odpId}::uuid ORDER BY d.port`;
}

// ---- The map ----

const MAX_MAP_NODES = 3000;

export async function mapNodes(db: TenantScope, b: TBounds, types: TNodeType[]) {
  if (types.length === 0) return [];
  return db.$queryRaw<{ id: string; type: TNodeType; code: string; name: string; lat: number; lng: number; status: TNodeStatus; ports: number; usedPorts: number; affected: boolean }[]>`
    SELECT n.id, n.type, n.code, n.name, n.latitude AS lat, n.longitude AS lng, n.status, n.ports,
      ((SELECT count(*) FROM "FtthLink" l WHERE l."tenantId" = n."tenantId" AND l."parentId" = n.id AND l."parentPort" IS NOT NULL)
       + (SELECT count(*) FROM "FtthDrop" d WHERE d."tenantId" = n."tenantId" AND d."odpId" = n.id))::int AS "usedPorts",
      EXISTS (SELECT 1 FROM "FtthIncidentNode" i JOIN "FtthIncident" x ON x."tenantId" = i."tenantId" AND x.id = i."incidentId"
              WHERE i."tenantId" = n."tenantId" AND i."nodeId" = n.id AND x.status = 'open') AS affected
    FROM "FtthNode" n
    WHERE n."tenantId" = ${db.tenantId}::uuid AND n.type::text = ANY(${types}::text[])
      AND n.latitude BETWEEN ${b.south} AND ${b.north} AND n.longitude BETWEEN ${b.west} AND ${b.east}
    ORDER BY n.type, n.code
    LIMIT ${MAX_MAP_NODES + 1}`;
}
export { MAX_MAP_NODES };

/** Links with at least one end inside the bounds, with both ends' positions. */
export function mapLinks(db: TenantScope, b: TBounds) {
  return db.$queryRaw<{ id: string; parentId: string; childId: string; route: unknown; plat: number; plng: number; clat: number; clng: number; affected: boolean }[]>`
    SELECT l.id, l."parentId", l."childId", l.route, p.latitude AS plat, p.longitude AS plng, c.latitude AS clat, c.longitude AS clng,
      EXISTS (SELECT 1 FROM "FtthIncidentNode" i JOIN "FtthIncident" x ON x."tenantId" = i."tenantId" AND x.id = i."incidentId"
              WHERE i."tenantId" = l."tenantId" AND i."nodeId" = l."childId" AND x.status = 'open') AS affected
    FROM "FtthLink" l
    JOIN "FtthNode" p ON p."tenantId" = l."tenantId" AND p.id = l."parentId"
    JOIN "FtthNode" c ON c."tenantId" = l."tenantId" AND c.id = l."childId"
    WHERE l."tenantId" = ${db.tenantId}::uuid
      AND ((p.latitude BETWEEN ${b.south} AND ${b.north} AND p.longitude BETWEEN ${b.west} AND ${b.east})
        OR (c.latitude BETWEEN ${b.south} AND ${b.north} AND c.longitude BETWEEN ${b.west} AND ${b.east}))
    LIMIT ${MAX_MAP_NODES}`;
}

export async function countMapCustomers(db: TenantScope, b: TBounds): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Customer" c
    WHERE c."tenantId" = ${db.tenantId}::uuid AND c.status <> 'terminated'
      AND c.latitude BETWEEN ${b.south} AND ${b.north} AND c.longitude BETWEEN ${b.west} AND ${b.east}`;
  return rows[0]!.n;
}

export function mapCustomers(db: TenantScope, b: TBounds) {
  return db.$queryRaw<{ id: string; lat: number; lng: number; status: string; affected: boolean }[]>`
    SELECT c.id, c.latitude AS lat, c.longitude AS lng, c.status::text AS status,
      EXISTS (SELECT 1 FROM "FtthIncidentCustomer" ic JOIN "FtthIncident" x ON x."tenantId" = ic."tenantId" AND x.id = ic."incidentId"
              WHERE ic."tenantId" = c."tenantId" AND ic."customerId" = c.id AND x.status = 'open') AS affected
    FROM "Customer" c
    WHERE c."tenantId" = ${db.tenantId}::uuid AND c.status <> 'terminated'
      AND c.latitude BETWEEN ${b.south} AND ${b.north} AND c.longitude BETWEEN ${b.west} AND ${b.east}`;
}

/** Customers counted per grid cell of `cellDeg` degrees, at the mean position of each cell. */
export function mapCustomerCells(db: TenantScope, b: TBounds, cellDeg: number) {
  return db.$queryRaw<{ lat: number; lng: number; count: number; affected: number }[]>`
    SELECT avg(c.latitude) AS lat, avg(c.longitude) AS lng, count(*)::int AS count,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "FtthIncidentCustomer" ic JOIN "FtthIncident" x ON x."tenantId" = ic."tenantId" AND x.id = ic."incidentId"
              WHERE ic."tenantId" = c."tenantId" AND ic."customerId" = c.id AND x.status = 'open'))::int AS affected
    FROM "Customer" c
    WHERE c."tenantId" = ${db.tenantId}::uuid AND c.status <> 'terminated'
      AND c.latitude BETWEEN ${b.south} AND ${b.north} AND c.longitude BETWEEN ${b.west} AND ${b.east}
    GROUP BY floor(c.latitude / ${cellDeg}), floor(c.longitude / ${cellDeg})`;
}

export function searchNodes(db: TenantScope, q: string, take: number) {
  const like = `%${escapeLike(q)}%`;
  return db.$queryRaw<{ id: string; type: TNodeType; code: string; name: string; lat: number; lng: number }[]>`
    SELECT id, type, code, name, latitude AS lat, longitude AS lng FROM "FtthNode"
    WHERE "tenantId" = ${db.tenantId}::uuid AND (code ILIKE ${like} OR name ILIKE ${like})
    ORDER BY (lower(code) = lower(${q})) DESC, code LIMIT ${take}`;
}

export function searchCustomers(db: TenantScope, q: string, number: number | null, take: number) {
  const like = `%${escapeLike(q)}%`;
  return db.$queryRaw<{ id: string; name: string; number: number; lat: number | null; lng: number | null }[]>`
    SELECT id, name, number, latitude AS lat, longitude AS lng FROM "Customer"
    WHERE "tenantId" = ${db.tenantId}::uuid AND status <> 'terminated' AND (name ILIKE ${like} OR number = ${number})
    ORDER BY (number = ${number}) DESC NULLS LAST, name LIMIT ${take}`;
}

export function findCustomerPlace(db: TenantScope, customerId: string) {
  return db.$queryRaw<{ id: string; name: string; number: number; lat: number | null; lng: number | null; odpId: string | null; port: number | null; lossDb: number | null }[]>`
    SELECT c.id, c.name, c.number, c.latitude AS lat, c.longitude AS lng, d."odpId", d.port, d."lossDb"
    FROM "Customer" c LEFT JOIN "FtthDrop" d ON d."tenantId" = c."tenantId" AND d."customerId" = c.id
    WHERE c."tenantId" = ${db.tenantId}::uuid AND c.id = ${customerId}::uuid`;
}

// ---- Planning ----

export function odpUtilisation(db: TenantScope) {
  return db.$queryRaw<{ id: string; code: string; name: string; area: string | null; ports: number; used: number }[]>`
    SELECT n.id, n.code, n.name, n.area, n.ports,
      ((SELECT count(*) FROM "FtthDrop" d WHERE d."tenantId" = n."tenantId" AND d."odpId" = n.id)
       + (SELECT count(*) FROM "FtthLink" l WHERE l."tenantId" = n."tenantId" AND l."parentId" = n.id AND l."parentPort" IS NOT NULL))::int AS used
    FROM "FtthNode" n WHERE n."tenantId" = ${db.tenantId}::uuid AND n.type = 'odp'
    ORDER BY n.area NULLS LAST, n.code`;
}

/** ODPs with a free port nearest to a point (great-circle distance, metres). */
export function nearestFreeOdps(db: TenantScope, lat: number, lng: number, take: number) {
  return db.$queryRaw<{ id: string; code: string; name: string; area: string | null; ports: number; used: number; lat: number; lng: number; distanceM: number }[]>`
    WITH odp AS (
      SELECT n.id, n.code, n.name, n.area, n.ports, n.latitude AS lat, n.longitude AS lng,
        ((SELECT count(*) FROM "FtthDrop" d WHERE d."tenantId" = n."tenantId" AND d."odpId" = n.id)
         + (SELECT count(*) FROM "FtthLink" l WHERE l."tenantId" = n."tenantId" AND l."parentId" = n.id AND l."parentPort" IS NOT NULL))::int AS used
      FROM "FtthNode" n WHERE n."tenantId" = ${db.tenantId}::uuid AND n.type = 'odp' AND n.status <> 'down'
    )
    SELECT *, round(2 * 6371008.8 * asin(sqrt(
      power(sin(radians(lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(lat)) * power(sin(radians(lng - ${lng}) / 2), 2)
    )))::int AS "distanceM"
    FROM odp WHERE used < ports ORDER BY "distanceM" LIMIT ${take}`;
}

export function plantOverview(db: TenantScope) {
  return db.$queryRaw<{ olt: number; odc: number; odp: number; down: number; incidents: number; lat: number | null; lng: number | null }[]>`
    SELECT count(*) FILTER (WHERE type = 'olt')::int AS olt, count(*) FILTER (WHERE type = 'odc')::int AS odc, count(*) FILTER (WHERE type = 'odp')::int AS odp,
      count(*) FILTER (WHERE status = 'down')::int AS down,
      (SELECT count(*) FROM "FtthIncident" x WHERE x."tenantId" = ${db.tenantId}::uuid AND x.status IN ('open', 'suspected'))::int AS incidents,
      avg(latitude) AS lat, avg(longitude) AS lng
    FROM "FtthNode" WHERE "tenantId" = ${db.tenantId}::uuid`;
}
