// The fibre plant as a graph: nodes (OLT, ODC, ODP), links parent -> child and customer drops
// on ODP ports. Rules: a port holds one thing (PORT_UNAVAILABLE), a link never closes a cycle
// (TOPOLOGY_CYCLE), a node with something hanging below it is not deleted (NODE_HAS_DEPENDANTS
// naming what), node types nest OLT -> ODC -> ODP with ODC and ODP cascades.
import "server-only";
import type { Actor, UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope, TenantTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { getCustomerRefOrThrow } from "@/server/modules/customers/customer.service";
import { findRouterRef } from "@/server/modules/routers/router.service";
import {
  CHILD_TYPES,
  type TAttachCustomerInput,
  type TCreateNodeInput,
  type TDrop,
  type TLatLng,
  type TLink,
  type TLinkInput,
  type TMoveNodeInput,
  type TNode,
  type TNodeDetail,
  type TUpdateLinkInput,
  type TUpdateNodeInput,
} from "./ftth.schema";
import { openIncidentsOfNodes } from "./outage.repository";
import {
  childLinks,
  countChildren,
  countDrops,
  deleteDropOfCustomer,
  deleteLinkRow,
  deleteNodeRow,
  dropsOfOdp,
  findDropOfCustomer,
  findLinkRow,
  findNodeRow,
  findParentLink,
  insertDropRow,
  insertLinkRow,
  insertNodeRow,
  isAtOrBelow,
  isUniqueViolation,
  lockPlant,
  NULL_JSON,
  portTaken,
  updateLinkRow,
  updateNodeRow,
  upstreamPath,
  usedPortsOf,
  type LinkRow,
  type NodeRow,
} from "./plant.repository";

export const nodeNotFound = (id: string) => new AppError("NOT_FOUND", { nodeId: id }, "ftth.errors.nodeNotFound");
const codeTaken = () => new AppError("CONFLICT", { field: "code" }, "ftth.errors.codeTaken");

const dateOnly = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function toNode(row: NodeRow, parentId: string | null, usedPorts: number): TNode {
  return {
    id: row.id,
    type: row.type,
    code: row.code,
    name: row.name,
    latitude: row.latitude,
    longitude: row.longitude,
    status: row.status,
    ports: row.ports,
    splitterRatio: row.splitterRatio,
    area: row.area,
    installedOn: dateOnly(row.installedOn),
    photoUrl: row.photoUrl,
    notes: row.notes,
    routerId: row.routerId,
    parentId,
    usedPorts,
  };
}

export function toRoute(value: unknown): TLatLng[] | null {
  return Array.isArray(value) ? (value as TLatLng[]) : null;
}

export function toLink(row: LinkRow): TLink {
  return { id: row.id, parentId: row.parentId, childId: row.childId, parentPort: row.parentPort, route: toRoute(row.route), lengthM: row.lengthM, lossDb: row.lossDb };
}

export async function getNodeRowOrThrow(db: TenantScope, id: string): Promise<NodeRow> {
  const row = await findNodeRow(db, id);
  if (!row) throw nodeNotFound(id);
  return row;
}

async function nodeOut(db: TenantScope, row: NodeRow): Promise<TNode> {
  const [parent, used] = await Promise.all([findParentLink(db, row.id), usedPortsOf(db, [row.id])]);
  return toNode(row, parent?.parentId ?? null, used.get(row.id) ?? 0);
}

function nodeData(input: Omit<TCreateNodeInput, "parentId" | "type">) {
  return {
    code: input.code,
    name: input.name,
    latitude: input.latitude,
    longitude: input.longitude,
    ports: input.ports,
    splitterRatio: input.splitterRatio,
    area: input.area,
    installedOn: input.installedOn ? new Date(`${input.installedOn}T00:00:00Z`) : null,
    photoUrl: input.photoUrl,
    notes: input.notes,
    routerId: input.routerId,
  };
}

/** A node may only stand for one of the tenant's own routers. */
async function checkRouter(db: TenantDb, routerId: string | null): Promise<void> {
  if (routerId && !(await findRouterRef(db, routerId))) throw new AppError("VALIDATION_FAILED", { fields: { routerId: ["ftth.validation.router"] } });
}

export async function createNode(db: TenantDb, actor: UserActor, input: TCreateNodeInput): Promise<TNode> {
  await checkRouter(db, input.routerId);
  try {
    return await db.$transaction(async (tx) => {
      const row = await insertNodeRow(tx, { type: input.type, status: "up", ...nodeData(input) });
      if (input.parentId) await linkIn(tx, { parentId: input.parentId, childId: row.id });
      await recordAudit(tx, actor, { action: "ftth.node_saved", target: { type: "ftth_node", id: row.id }, details: { code: row.code, type: row.type } });
      return nodeOut(tx, row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

export async function updateNode(db: TenantDb, actor: UserActor, input: TUpdateNodeInput): Promise<TNode> {
  const current = await getNodeRowOrThrow(db, input.id);
  const used = (await usedPortsOf(db, [current.id])).get(current.id) ?? 0;
  if (input.ports < used) throw new AppError("VALIDATION_FAILED", { fields: { ports: ["ftth.validation.portsBelowUsed"] }, used });
  await checkRouter(db, input.routerId);
  try {
    const row = await updateNodeRow(db, input.id, nodeData(input));
    await recordAudit(db, actor, { action: "ftth.node_saved", target: { type: "ftth_node", id: row.id }, details: { code: row.code } });
    return nodeOut(db, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

/** Dragged on the map: only the position changes (technicians may do this in the field). */
export async function moveNode(db: TenantDb, actor: UserActor, input: TMoveNodeInput): Promise<TNode> {
  await getNodeRowOrThrow(db, input.id);
  const row = await updateNodeRow(db, input.id, { latitude: input.latitude, longitude: input.longitude });
  await recordAudit(db, actor, { action: "ftth.node_saved", target: { type: "ftth_node", id: row.id }, details: { code: row.code, moved: [input.latitude, input.longitude] } });
  return nodeOut(db, row);
}

/** Refused while anything depends on the node: child nodes, customers on its ports, incidents it caused. */
export async function removeNode(db: TenantDb, actor: UserActor, id: string): Promise<{ ok: true }> {
  return db.$transaction(async (tx) => {
    await lockPlant(tx);
    const row = await getNodeRowOrThrow(tx, id);
    const [children, customers, incidents] = await Promise.all([countChildren(tx, id), countDrops(tx, id), openIncidentsOfNodes(tx, [id])]);
    const causing = incidents.filter((i) => i.cause);
    if (children.length > 0 || customers > 0 || causing.length > 0) {
      throw new AppError("NODE_HAS_DEPENDANTS", { code: row.code, children: children.map((c) => c.child.code), customers, incidents: causing.map((i) => i.number) }, "ftth.errors.hasDependants");
    }
    const parent = await findParentLink(tx, id);
    if (parent) await deleteLinkRow(tx, parent.id);
    await deleteNodeRow(tx, id);
    await recordAudit(tx, actor, { action: "ftth.node_removed", target: { type: "ftth_node", id }, details: { code: row.code } });
    return { ok: true as const };
  });
}

async function assertPortFree(db: TenantScope, parent: NodeRow, port: number, exceptLinkId?: string) {
  if (port > parent.ports || (await portTaken(db, parent.id, port, exceptLinkId))) {
    throw new AppError("PORT_UNAVAILABLE", { nodeId: parent.id, code: parent.code, port, ports: parent.ports });
  }
}

/** Link parent -> child inside a transaction that holds the plant lock. */
async function linkIn(tx: TenantScope & { $queryRaw: TenantDb["$queryRaw"] }, input: TLinkInput): Promise<LinkRow> {
  await lockPlant(tx as never);
  const [parent, child] = await Promise.all([getNodeRowOrThrow(tx, input.parentId), getNodeRowOrThrow(tx, input.childId)]);
  if (!CHILD_TYPES[parent.type].includes(child.type)) {
    throw new AppError("VALIDATION_FAILED", { fields: { childId: ["ftth.validation.childType"] }, parentType: parent.type, childType: child.type });
  }
  if (parent.id === child.id || (await isAtOrBelow(tx, child.id, parent.id))) {
    throw new AppError("TOPOLOGY_CYCLE", { parentCode: parent.code, childCode: child.code });
  }
  if (await findParentLink(tx, child.id)) throw new AppError("CONFLICT", { field: "childId", code: child.code }, "ftth.errors.alreadyLinked");
  if (input.parentPort != null) await assertPortFree(tx, parent, input.parentPort);
  return insertLinkRow(tx, {
    parentId: parent.id,
    childId: child.id,
    parentPort: input.parentPort ?? null,
    route: input.route ? (input.route as Prisma.InputJsonValue) : undefined,
    lengthM: input.lengthM ?? null,
    lossDb: input.lossDb ?? null,
  });
}

export async function linkNodes(db: TenantDb, actor: UserActor, input: TLinkInput): Promise<TLink> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await linkIn(tx, input);
      await recordAudit(tx, actor, { action: "ftth.link_saved", target: { type: "ftth_link", id: row.id }, details: { parentId: row.parentId, childId: row.childId } });
      return toLink(row);
    });
  } catch (error) {
    // Two writers racing for the same port or child lose here rather than in the checks above.
    if (isUniqueViolation(error)) throw new AppError("PORT_UNAVAILABLE", { nodeId: input.parentId, port: input.parentPort ?? null });
    throw error;
  }
}

/** Route, length, loss or port of an existing link (drawing a cable route lands here). */
export async function updateLink(db: TenantDb, actor: UserActor, input: TUpdateLinkInput): Promise<TLink> {
  return db.$transaction(async (tx) => {
    await lockPlant(tx);
    const link = await findLinkRow(tx, input.id);
    if (!link) throw new AppError("NOT_FOUND", { linkId: input.id }, "ftth.errors.linkNotFound");
    if (input.parentPort != null && input.parentPort !== link.parentPort) await assertPortFree(tx, await getNodeRowOrThrow(tx, link.parentId), input.parentPort, link.id);
    const row = await updateLinkRow(tx, link.id, {
      ...(input.parentPort !== undefined ? { parentPort: input.parentPort } : {}),
      ...(input.route !== undefined ? { route: input.route ? (input.route as Prisma.InputJsonValue) : NULL_JSON } : {}),
      ...(input.lengthM !== undefined ? { lengthM: input.lengthM } : {}),
      ...(input.lossDb !== undefined ? { lossDb: input.lossDb } : {}),
    });
    await recordAudit(tx, actor, { action: "ftth.link_saved", target: { type: "ftth_link", id: row.id }, details: { route: Array.isArray(row.route) ? row.route.length : 0 } });
    return toLink(row);
  });
}

export async function unlinkNode(db: TenantDb, actor: UserActor, linkId: string): Promise<{ ok: true }> {
  const link = await findLinkRow(db, linkId);
  if (!link) throw new AppError("NOT_FOUND", { linkId }, "ftth.errors.linkNotFound");
  await deleteLinkRow(db, linkId);
  await recordAudit(db, actor, { action: "ftth.link_removed", target: { type: "ftth_link", id: linkId }, details: { parentId: link.parentId, childId: link.childId } });
  return { ok: true };
}

/** A customer's drop on an ODP port; moving a customer to another port replaces their drop. */
/**
 * Puts the customer's drop on the ODP port inside the caller's transaction (a work order's
 * completion connects the customer in the same transaction that closes it); the plant lock makes
 * the port check race-free, PORT_UNAVAILABLE when it is taken.
 */
export async function attachCustomerInTx(tx: TenantTx, actor: Actor, input: TAttachCustomerInput): Promise<TDrop> {
  await lockPlant(tx);
  const odp = await getNodeRowOrThrow(tx, input.odpId);
  if (odp.type !== "odp") throw new AppError("VALIDATION_FAILED", { fields: { odpId: ["ftth.validation.notOdp"] } });
  await getCustomerRefOrThrow(tx as unknown as TenantDb, input.customerId);
  await deleteDropOfCustomer(tx, input.customerId);
  await assertPortFree(tx, odp, input.port);
  const row = await insertDropRow(tx, { odpId: odp.id, port: input.port, customerId: input.customerId, lengthM: input.lengthM ?? null, lossDb: input.lossDb ?? null });
  await recordAudit(tx, actor, { action: "ftth.drop_saved", target: { type: "customer", id: input.customerId }, details: { odp: odp.code, port: input.port } });
  return row;
}

export async function attachCustomer(db: TenantDb, actor: UserActor, input: TAttachCustomerInput): Promise<TDrop> {
  try {
    return await db.$transaction((tx) => attachCustomerInTx(tx, actor, input));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("PORT_UNAVAILABLE", { nodeId: input.odpId, port: input.port });
    throw error;
  }
}

export async function detachCustomer(db: TenantDb, actor: UserActor, customerId: string): Promise<{ ok: true }> {
  const drop = await findDropOfCustomer(db, customerId);
  if (!drop) throw new AppError("NOT_FOUND", { customerId }, "ftth.errors.dropNotFound");
  await deleteDropOfCustomer(db, customerId);
  await recordAudit(db, actor, { action: "ftth.drop_removed", target: { type: "customer", id: customerId }, details: { odpId: drop.odpId, port: drop.port } });
  return { ok: true };
}

/** Sum of the recorded spans from the OLT down to `nodeId` (+ `extra`); null when a span has no figure. */
function lossOf(path: { lossDb: number | null; hasParent: boolean }[], extra: number | null = 0): number | null {
  let total = extra;
  for (const step of path) {
    if (!step.hasParent) continue;
    if (step.lossDb === null || total === null) return null;
    total += step.lossDb;
  }
  return total === null ? null : Math.round(total * 100) / 100;
}

export async function nodeDetail(db: TenantDb, id: string): Promise<TNodeDetail> {
  const row = await getNodeRowOrThrow(db, id);
  const [parentLink, children, drops, path, incidents] = await Promise.all([
    findParentLink(db, id),
    childLinks(db, id),
    row.type === "odp" ? dropsOfOdp(db, id) : Promise.resolve([]),
    upstreamPath(db, id),
    openIncidentsOfNodes(db, [id]),
  ]);
  const [parent, router] = await Promise.all([
    parentLink ? findNodeRow(db, parentLink.parentId) : Promise.resolve(null),
    row.routerId ? findRouterRef(db, row.routerId) : Promise.resolve(null),
  ]);
  const used = children.filter((c) => c.parentPort !== null).length + drops.length;
  return {
    node: toNode(row, parentLink?.parentId ?? null, used),
    parent: parent && parentLink ? { id: parent.id, code: parent.code, type: parent.type, link: toLink(parentLink) } : null,
    children: children.map((c) => ({ id: c.child.id, code: c.child.code, name: c.child.name, type: c.child.type, status: c.child.status, link: toLink(c) })),
    drops,
    lossFromOltDb: lossOf(path),
    openIncidents: incidents.map((i) => ({ id: i.id, number: i.number, status: i.status, cause: i.cause })),
    router,
  };
}

export { lossOf };
