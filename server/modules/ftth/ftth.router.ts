import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability, requireFeature } from "@/server/trpc/procedures";
import {
  ZAttachCustomerInput,
  ZCreateNodeInput,
  ZCustomerIncidents,
  ZCustomerIncidentsInput,
  ZCustomerPath,
  ZCustomerPathInput,
  ZDetachCustomerInput,
  ZDrop,
  ZFtthSettings,
  ZIncidentDetail,
  ZIncidentListInput,
  ZIncidentRow,
  ZIncidentTarget,
  ZIncidentUpdateInput,
  ZLink,
  ZLinkInput,
  ZMapData,
  ZMapDataInput,
  ZMoveNodeInput,
  ZNearestInput,
  ZNearestOdp,
  ZNode,
  ZNodeDetail,
  ZNodeTarget,
  ZPlantOverview,
  ZSearchHit,
  ZSearchInput,
  ZSetNodeStatusInput,
  ZStatusChange,
  ZUpdateLinkInput,
  ZUpdateNodeInput,
  ZUtilisation,
} from "./ftth.schema";
import { customerPath, mapData, nearestOdps, overview, searchPlant, utilisation } from "./map.service";
import { customerIncidents, getFtthSettings, incidentDetail, listIncidents, saveFtthSettings, setNodeStatus, updateIncident } from "./outage.service";
import { attachCustomer, createNode, detachCustomer, linkNodes, moveNode, nodeDetail, removeNode, unlinkNode, updateLink, updateNode } from "./plant.service";

// Every procedure needs the plan's FTTH maps feature as well as the role's capability.
const read = requireCapability("maps.read").use(requireFeature("maps"));
const manage = requireCapability("maps.manage").use(requireFeature("maps"));
const field = requireCapability("maps.field").use(requireFeature("maps"));
const ZOk = z.object({ ok: z.literal(true) });

export const ftthRouter = router({
  overview: read.output(ZPlantOverview).query(({ ctx }) => overview(ctx.db)),
  map: read.input(ZMapDataInput).output(ZMapData).query(({ ctx, input }) => mapData(ctx.db, input)),
  search: read.input(ZSearchInput).output(z.array(ZSearchHit)).query(({ ctx, input }) => searchPlant(ctx.db, input.q)),
  node: read.input(ZNodeTarget).output(ZNodeDetail).query(({ ctx, input }) => nodeDetail(ctx.db, input.id)),
  customerPath: read.input(ZCustomerPathInput).output(ZCustomerPath).query(({ ctx, input }) => customerPath(ctx.db, input.customerId)),
  utilisation: read.output(ZUtilisation).query(({ ctx }) => utilisation(ctx.db)),
  nearestOdps: read.input(ZNearestInput).output(z.array(ZNearestOdp)).query(({ ctx, input }) => nearestOdps(ctx.db, input)),
  incidents: read.input(ZIncidentListInput).output(z.array(ZIncidentRow)).query(({ ctx, input }) => listIncidents(ctx.db, input)),
  incident: read.input(ZIncidentTarget).output(ZIncidentDetail).query(({ ctx, input }) => incidentDetail(ctx.db, input.id)),
  customerIncidents: read.input(ZCustomerIncidentsInput).output(ZCustomerIncidents).query(({ ctx, input }) => customerIncidents(ctx.db, input.customerId)),
  settings: read.output(ZFtthSettings).query(({ ctx }) => getFtthSettings(ctx.db)),

  createNode: manage.input(ZCreateNodeInput).output(ZNode).mutation(({ ctx, input }) => createNode(ctx.db, ctx.actor, input)),
  updateNode: manage.input(ZUpdateNodeInput).output(ZNode).mutation(({ ctx, input }) => updateNode(ctx.db, ctx.actor, input)),
  removeNode: manage.input(ZNodeTarget).output(ZOk).mutation(({ ctx, input }) => removeNode(ctx.db, ctx.actor, input.id)),
  link: manage.input(ZLinkInput).output(ZLink).mutation(({ ctx, input }) => linkNodes(ctx.db, ctx.actor, input)),
  updateLink: manage.input(ZUpdateLinkInput).output(ZLink).mutation(({ ctx, input }) => updateLink(ctx.db, ctx.actor, input)),
  unlink: manage.input(ZNodeTarget).output(ZOk).mutation(({ ctx, input }) => unlinkNode(ctx.db, ctx.actor, input.id)),
  attachCustomer: manage.input(ZAttachCustomerInput).output(ZDrop).mutation(({ ctx, input }) => attachCustomer(ctx.db, ctx.actor, input)),
  detachCustomer: manage.input(ZDetachCustomerInput).output(ZOk).mutation(({ ctx, input }) => detachCustomer(ctx.db, ctx.actor, input.customerId)),
  saveSettings: manage.input(ZFtthSettings).output(ZFtthSettings).mutation(({ ctx, input }) => saveFtthSettings(ctx.db, ctx.actor, input)),

  moveNode: field.input(ZMoveNodeInput).output(ZNode).mutation(({ ctx, input }) => moveNode(ctx.db, ctx.actor, input)),
  setNodeStatus: field.input(ZSetNodeStatusInput).output(ZStatusChange).mutation(({ ctx, input }) => setNodeStatus(ctx.db, ctx.actor, input)),
  updateIncident: field.input(ZIncidentUpdateInput).output(ZIncidentRow).mutation(({ ctx, input }) => updateIncident(ctx.db, ctx.actor, input)),
});
