// Shapes of the FTTH module: the fibre plant (OLT, ODC, ODP nodes, links, customer drops), the
// map's data by bounds, outage incidents, planning. No server imports: shared with the UI.
import { z } from "zod";
import { v } from "@/i18n/keys";

export const NODE_TYPES = ["olt", "odc", "odp"] as const;
export const ZNodeType = z.enum(NODE_TYPES);
export type TNodeType = z.infer<typeof ZNodeType>;

export const NODE_STATUSES = ["up", "down", "maintenance"] as const;
export const ZNodeStatus = z.enum(NODE_STATUSES);
export type TNodeStatus = z.infer<typeof ZNodeStatus>;

export const INCIDENT_STATUSES = ["suspected", "open", "resolved", "dismissed"] as const;
export const ZIncidentStatus = z.enum(INCIDENT_STATUSES);
export type TIncidentStatus = z.infer<typeof ZIncidentStatus>;

/** Which node types may hang below which: OLT -> ODC -> ODP, cascades ODC -> ODC and ODP -> ODP. */
export const CHILD_TYPES: Record<TNodeType, readonly TNodeType[]> = { olt: ["odc", "odp"], odc: ["odc", "odp"], odp: ["odp"] };

/** GGN-0042 (gangguan), as staff quote it. */
export const formatIncidentNumber = (n: number) => `GGN-${String(n).padStart(4, "0")}`;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const ZLatitude = z.number().min(-90).max(90);
export const ZLongitude = z.number().min(-180).max(180);
export const ZLatLng = z.tuple([ZLatitude, ZLongitude]);
export type TLatLng = z.infer<typeof ZLatLng>;

const SPLITTER = /^1:(2|4|8|16|32|64|128)$/;

const ZNodeFields = z.object({
  type: ZNodeType,
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, v("ftth.validation.code")),
  name: z.string().trim().min(1).max(120),
  latitude: ZLatitude,
  longitude: ZLongitude,
  ports: z.number().int().min(1).max(1024),
  splitterRatio: z
    .string()
    .trim()
    .regex(SPLITTER, v("ftth.validation.splitter"))
    .nullish()
    .or(z.literal(""))
    .transform((value) => (value ? value : null)),
  area: optionalText(80),
  installedOn: z.iso.date().nullish().or(z.literal("")).transform((value) => (value ? value : null)),
  photoUrl: z.url({ protocol: /^https?$/ }).max(500).nullish().or(z.literal("")).transform((value) => (value ? value : null)),
  notes: optionalText(2000),
  /** The router whose health polls mark this node down and up again (an OLT's uplink). */
  routerId: z.uuid().nullish().or(z.literal("")).transform((value) => (value ? value : null)),
});

export const ZCreateNodeInput = ZNodeFields.extend({
  /** Hang it below this node right away (a link without route). */
  parentId: z.uuid().nullish(),
});
export type TCreateNodeInput = z.infer<typeof ZCreateNodeInput>;

export const ZUpdateNodeInput = ZNodeFields.omit({ type: true }).extend({ id: z.uuid() });
export type TUpdateNodeInput = z.infer<typeof ZUpdateNodeInput>;

export const ZMoveNodeInput = z.object({ id: z.uuid(), latitude: ZLatitude, longitude: ZLongitude });
export type TMoveNodeInput = z.infer<typeof ZMoveNodeInput>;

export const ZNodeTarget = z.object({ id: z.uuid() });

export const ZSetNodeStatusInput = z.object({
  id: z.uuid(),
  status: ZNodeStatus,
  notes: optionalText(2000),
});
export type TSetNodeStatusInput = z.infer<typeof ZSetNodeStatusInput>;

export const ZNode = z.object({
  id: z.uuid(),
  type: ZNodeType,
  code: z.string(),
  name: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  status: ZNodeStatus,
  ports: z.number().int(),
  splitterRatio: z.string().nullable(),
  area: z.string().nullable(),
  installedOn: z.string().nullable(),
  photoUrl: z.string().nullable(),
  notes: z.string().nullable(),
  routerId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  /** Ports taken: child links with a port and drops (ODP). */
  usedPorts: z.number().int(),
});
export type TNode = z.infer<typeof ZNode>;

/** What marking a node's status did: the node, the incident it opened or joined, customers told of the restoration. */
export const ZStatusChange = z.object({
  node: ZNode,
  incident: z.object({ id: z.uuid(), number: z.number().int(), affectedNodes: z.number().int(), affectedCustomers: z.number().int(), notified: z.number().int() }).nullable(),
  restored: z.number().int(),
});
export type TStatusChange = z.infer<typeof ZStatusChange>;

export const ZLinkInput = z.object({
  parentId: z.uuid(),
  childId: z.uuid(),
  parentPort: z.number().int().min(1).max(1024).nullish(),
  route: z.array(ZLatLng).max(500).nullish(),
  lengthM: z.number().int().min(0).max(200_000).nullish(),
  lossDb: z.number().min(0).max(60).nullish(),
});
export type TLinkInput = z.infer<typeof ZLinkInput>;

export const ZUpdateLinkInput = ZLinkInput.omit({ parentId: true, childId: true }).extend({ id: z.uuid() });
export type TUpdateLinkInput = z.infer<typeof ZUpdateLinkInput>;

export const ZLink = z.object({
  id: z.uuid(),
  parentId: z.uuid(),
  childId: z.uuid(),
  parentPort: z.number().int().nullable(),
  route: z.array(ZLatLng).nullable(),
  lengthM: z.number().int().nullable(),
  lossDb: z.number().nullable(),
});
export type TLink = z.infer<typeof ZLink>;

export const ZAttachCustomerInput = z.object({
  odpId: z.uuid(),
  port: z.number().int().min(1).max(1024),
  customerId: z.uuid(),
  lengthM: z.number().int().min(0).max(10_000).nullish(),
  lossDb: z.number().min(0).max(60).nullish(),
});
export type TAttachCustomerInput = z.infer<typeof ZAttachCustomerInput>;

export const ZDetachCustomerInput = z.object({ customerId: z.uuid() });

export const ZDrop = z.object({
  id: z.uuid(),
  odpId: z.uuid(),
  port: z.number().int(),
  customerId: z.uuid(),
  lengthM: z.number().int().nullable(),
  lossDb: z.number().nullable(),
});
export type TDrop = z.infer<typeof ZDrop>;

/** A node with its ports and what sits on them, for the detail panel. */
export const ZNodeDetail = z.object({
  node: ZNode,
  parent: z.object({ id: z.uuid(), code: z.string(), type: ZNodeType, link: ZLink }).nullable(),
  children: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: ZNodeType, status: ZNodeStatus, link: ZLink })),
  drops: z.array(z.object({ port: z.number().int(), customerId: z.uuid(), customerName: z.string(), customerNumber: z.number().int(), customerStatus: z.string() })),
  /** Optical loss from the OLT down to this node (sum of recorded spans); null when a span has none. */
  lossFromOltDb: z.number().nullable(),
  openIncidents: z.array(z.object({ id: z.uuid(), number: z.number().int(), status: ZIncidentStatus, cause: z.boolean() })),
  /** The router whose health polls this node follows, by name and polled status. */
  router: z.object({ id: z.uuid(), name: z.string(), status: z.enum(["unknown", "up", "down"]) }).nullable(),
});
export type TNodeDetail = z.infer<typeof ZNodeDetail>;

// ---- The map ----

export const ZPlantOverview = z.object({
  nodes: z.object({ olt: z.number().int(), odc: z.number().int(), odp: z.number().int() }),
  down: z.number().int(),
  activeIncidents: z.number().int(),
  /** Where the map opens: the middle of the plant, or null when there is none yet. */
  center: ZLatLng.nullable(),
  /** This deployment's tile URL template (MAP_TILE_URL), or "none". */
  tileUrl: z.string(),
});
export type TPlantOverview = z.infer<typeof ZPlantOverview>;

export const ZBounds = z
  .object({ south: ZLatitude, west: ZLongitude, north: ZLatitude, east: ZLongitude })
  .refine((b) => b.south <= b.north && b.west <= b.east, { message: v("ftth.validation.bounds") });
export type TBounds = z.infer<typeof ZBounds>;

export const MAP_LAYERS = ["olt", "odc", "odp", "links", "customers"] as const;
export const ZMapLayer = z.enum(MAP_LAYERS);
export type TMapLayer = z.infer<typeof ZMapLayer>;

export const ZMapDataInput = z.object({
  bounds: ZBounds,
  zoom: z.number().int().min(0).max(22),
  layers: z.array(ZMapLayer).max(MAP_LAYERS.length).default([...MAP_LAYERS]),
});
export type TMapDataInput = z.infer<typeof ZMapDataInput>;

export const ZMapNode = z.object({
  id: z.uuid(),
  type: ZNodeType,
  code: z.string(),
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  status: ZNodeStatus,
  ports: z.number().int(),
  usedPorts: z.number().int(),
  /** Downstream of a node under an open incident. */
  affected: z.boolean(),
});
export type TMapNode = z.infer<typeof ZMapNode>;

export const ZMapLink = z.object({
  id: z.uuid(),
  parentId: z.uuid(),
  childId: z.uuid(),
  /** From parent to child, the route's bends between. */
  points: z.array(ZLatLng),
  affected: z.boolean(),
});
export type TMapLink = z.infer<typeof ZMapLink>;

export const CUSTOMER_MAP_STATES = ["active", "isolated", "other", "affected"] as const;
export const ZMapCustomer = z.object({
  id: z.uuid(),
  lat: z.number(),
  lng: z.number(),
  state: z.enum(CUSTOMER_MAP_STATES),
});
export type TMapCustomer = z.infer<typeof ZMapCustomer>;

/** Grid cells counted on the server when the view holds too many points to send one by one. */
export const ZMapCell = z.object({ lat: z.number(), lng: z.number(), count: z.number().int(), affected: z.number().int() });
export type TMapCell = z.infer<typeof ZMapCell>;

export const ZMapData = z.object({
  nodes: z.array(ZMapNode),
  links: z.array(ZMapLink),
  customers: z.array(ZMapCustomer),
  customerCells: z.array(ZMapCell),
  /** True when nodes were cut at the per-request cap (zoom in to see all). */
  truncated: z.boolean(),
});
export type TMapData = z.infer<typeof ZMapData>;

export const ZSearchInput = z.object({ q: z.string().trim().min(1).max(80) });
export const ZSearchHit = z.object({
  kind: z.enum(["node", "customer"]),
  id: z.uuid(),
  label: z.string(),
  sublabel: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZCustomerPathInput = z.object({ customerId: z.uuid() });
export const ZCustomerPath = z.object({
  customer: z.object({ id: z.uuid(), name: z.string(), number: z.number().int(), lat: z.number().nullable(), lng: z.number().nullable() }),
  port: z.number().int().nullable(),
  /** ODP first, OLT last. */
  nodes: z.array(z.object({ id: z.uuid(), type: ZNodeType, code: z.string(), name: z.string(), lat: z.number(), lng: z.number(), status: ZNodeStatus })),
  /** Polyline customer -> ODP -> … -> OLT through each link's route. */
  points: z.array(ZLatLng),
  lossDb: z.number().nullable(),
});
export type TCustomerPath = z.infer<typeof ZCustomerPath>;

// ---- Outages ----

export const ZIncidentRow = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: ZIncidentStatus,
  source: z.enum(["manual", "health", "detector"]),
  causeNode: z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: ZNodeType }),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
  affectedNodes: z.number().int(),
  affectedCustomers: z.number().int(),
  notes: z.string().nullable(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type TIncidentRow = z.infer<typeof ZIncidentRow>;

export const ZIncidentListInput = z.object({ status: z.enum(["active", "closed", "all"]).default("active") }).default({ status: "active" });
export type TIncidentListInput = z.infer<typeof ZIncidentListInput>;

export const ZIncidentDetail = z.object({
  incident: ZIncidentRow,
  timeline: z.array(z.object({ id: z.uuid(), at: z.string(), kind: z.string(), actorLabel: z.string(), note: z.string().nullable() })),
  customers: z.array(z.object({ id: z.uuid(), name: z.string(), number: z.number().int(), odpCode: z.string(), notified: z.boolean() })),
  nodes: z.array(z.object({ id: z.uuid(), code: z.string(), type: ZNodeType })),
  /** Staff who may be assigned (technicians, admins, owners). */
  assignable: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type TIncidentDetail = z.infer<typeof ZIncidentDetail>;

export const ZIncidentTarget = z.object({ id: z.uuid() });
export const ZIncidentUpdateInput = z.object({
  id: z.uuid(),
  action: z.enum(["confirm", "dismiss", "resolve", "assign", "note"]),
  assigneeId: z.uuid().nullish(),
  note: optionalText(2000),
});
export type TIncidentUpdateInput = z.infer<typeof ZIncidentUpdateInput>;

export const ZCustomerIncidentsInput = z.object({ customerId: z.uuid() });
export const ZCustomerIncidents = z.array(ZIncidentRow);

/** A RADIUS accounting stop (Acct-Stop), as the detector reads it. */
export const ZSessionStop = z.object({
  customerId: z.uuid(),
  stoppedAt: z.iso.datetime(),
  /** Acct-Terminate-Cause, e.g. Lost-Carrier, User-Request, Idle-Timeout. */
  cause: z.string().min(1).max(40),
});
export type TSessionStop = z.infer<typeof ZSessionStop>;

export const ZFtthSettings = z.object({
  suspectMinDrops: z.number().int().min(2).max(1000),
  suspectWindowSeconds: z.number().int().min(10).max(3600),
});
export type TFtthSettings = z.infer<typeof ZFtthSettings>;

// ---- Planning ----

export const ZUtilisationRow = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  area: z.string().nullable(),
  ports: z.number().int(),
  used: z.number().int(),
  free: z.number().int(),
});
export const ZUtilisation = z.object({
  odps: z.array(ZUtilisationRow),
  areas: z.array(z.object({ area: z.string().nullable(), odps: z.number().int(), ports: z.number().int(), used: z.number().int(), free: z.number().int() })),
});
export type TUtilisation = z.infer<typeof ZUtilisation>;

export const ZNearestInput = z.object({ latitude: ZLatitude, longitude: ZLongitude, limit: z.number().int().min(1).max(20).default(5) });
export type TNearestInput = z.infer<typeof ZNearestInput>;
export const ZNearestOdp = ZUtilisationRow.extend({ lat: z.number(), lng: z.number(), distanceM: z.number().int() });
export type TNearestOdp = z.infer<typeof ZNearestOdp>;
