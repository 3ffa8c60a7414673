// What the map shows for the visible bounds and zoom (never the whole plant at once), search
// that returns a place to fly to, a customer's path up to the OLT, and planning: ODP
// utilisation per ODP and area, and the nearest ODPs with a free port to a point.
import "server-only";
import { env } from "@/server/config/env";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import type {
  TCustomerPath,
  TLatLng,
  TMapData,
  TMapDataInput,
  TNearestInput,
  TNearestOdp,
  TNodeType,
  TPlantOverview,
  TSearchHit,
  TUtilisation,
} from "./ftth.schema";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import {
  countMapCustomers,
  findCustomerPlace,
  mapCustomerCells,
  mapCustomers,
  mapLinks,
  mapNodes,
  MAX_MAP_NODES,
  nearestFreeOdps,
  odpUtilisation,
  plantOverview,
  searchCustomers,
  searchNodes,
  upstreamPath,
} from "./plant.repository";
import { lossOf, toRoute } from "./plant.service";

/** Above this many customers in view the server sends grid cells instead of points. */
export const MAX_CUSTOMER_POINTS = 4000;

/** Cell size in degrees for a zoom level: about 60 px cells on screen. */
export const cellDegrees = (zoom: number) => (360 / 2 ** zoom) * (60 / 256);

export async function mapData(db: TenantDb, input: TMapDataInput): Promise<TMapData> {
  const layers = new Set(input.layers);
  const types = (["olt", "odc", "odp"] as TNodeType[]).filter((t) => layers.has(t));
  const [nodes, links, customerCount] = await Promise.all([
    mapNodes(db, input.bounds, types),
    layers.has("links") ? mapLinks(db, input.bounds) : Promise.resolve([]),
    layers.has("customers") ? countMapCustomers(db, input.bounds) : Promise.resolve(0),
  ]);
  let customers: TMapData["customers"] = [];
  let customerCells: TMapData["customerCells"] = [];
  if (customerCount > MAX_CUSTOMER_POINTS) customerCells = await mapCustomerCells(db, input.bounds, cellDegrees(input.zoom));
  else if (customerCount > 0) {
    customers = (await mapCustomers(db, input.bounds)).map((c) => ({
      id: c.id,
      lat: c.lat,
      lng: c.lng,
      state: c.affected ? "affected" : c.status === "active" ? "active" : c.status === "isolated" ? "isolated" : "other",
    }));
  }
  return {
    nodes: nodes.slice(0, MAX_MAP_NODES),
    links: links.map((l) => ({
      id: l.id,
      parentId: l.parentId,
      childId: l.childId,
      points: [[l.plat, l.plng] as TLatLng, ...(toRoute(l.route) ?? []), [l.clat, l.clng] as TLatLng],
      affected: l.affected,
    })),
    customers,
    customerCells,
    truncated: nodes.length > MAX_MAP_NODES,
  };
}

const NUMBER = /^(?:C-?)?0*(\d{1,9})$/i;

export async function searchPlant(db: TenantDb, q: string): Promise<TSearchHit[]> {
  const number = NUMBER.exec(q)?.[1];
  const [nodes, customers] = await Promise.all([searchNodes(db, q, 8), searchCustomers(db, q, number ? Number(number) : null, 8)]);
  return [
    ...nodes.map((n) => ({ kind: "node" as const, id: n.id, label: n.code, sublabel: n.name, lat: n.lat, lng: n.lng, type: n.type })),
    ...customers.map((c) => ({ kind: "customer" as const, id: c.id, label: c.name, sublabel: formatCustomerNumber(c.number), lat: c.lat, lng: c.lng })),
  ].map(({ kind, id, label, sublabel, lat, lng }) => ({ kind, id, label, sublabel, lat, lng }));
}

/** Customer -> ODP -> ODC… -> OLT, with the line through every recorded cable route. */
export async function customerPath(db: TenantDb, customerId: string): Promise<TCustomerPath> {
  const place = (await findCustomerPlace(db, customerId))[0];
  if (!place) throw new AppError("NOT_FOUND", { customerId }, "ftth.errors.customerNotFound");
  const path = place.odpId ? await upstreamPath(db, place.odpId) : [];
  const points: TLatLng[] = [];
  if (place.lat !== null && place.lng !== null) points.push([place.lat, place.lng]);
  for (const step of path) {
    points.push([step.latitude, step.longitude]);
    // A link's route runs parent -> child; walking up we take it backwards.
    const route = toRoute(step.route);
    if (route) points.push(...[...route].reverse());
  }
  return {
    customer: { id: place.id, name: place.name, number: place.number, lat: place.lat, lng: place.lng },
    port: place.port,
    nodes: path.map((s) => ({ id: s.id, type: s.type, code: s.code, name: s.name, lat: s.latitude, lng: s.longitude, status: s.status })),
    points,
    lossDb: place.odpId ? lossOf(path, place.lossDb) : null,
  };
}

export async function utilisation(db: TenantDb): Promise<TUtilisation> {
  const rows = await odpUtilisation(db);
  const odps = rows.map((r) => ({ ...r, free: Math.max(0, r.ports - r.used) }));
  const areas = new Map<string | null, { area: string | null; odps: number; ports: number; used: number; free: number }>();
  for (const o of odps) {
    const a = areas.get(o.area) ?? { area: o.area, odps: 0, ports: 0, used: 0, free: 0 };
    a.odps += 1;
    a.ports += o.ports;
    a.used += o.used;
    a.free += o.free;
    areas.set(o.area, a);
  }
  return { odps, areas: [...areas.values()] };
}

export async function nearestOdps(db: TenantDb, input: TNearestInput): Promise<TNearestOdp[]> {
  return (await nearestFreeOdps(db, input.latitude, input.longitude, input.limit)).map((r) => ({ ...r, free: r.ports - r.used }));
}

export async function overview(db: TenantDb): Promise<TPlantOverview> {
  const r = (await plantOverview(db))[0]!;
  return { nodes: { olt: r.olt, odc: r.odc, odp: r.odp }, down: r.down, activeIncidents: r.incidents, center: r.lat !== null && r.lng !== null ? [r.lat, r.lng] : null, tileUrl: env().MAP_TILE_URL };
}
