// What finishing a work order does besides closing it. An installation (and a relocation) puts
// the customer's drop on the ODP port of its checklist before the order closes, so a taken port
// refuses the finish (PORT_UNAVAILABLE) with nothing changed; an installation then activates
// the customer and their subscription, places the network account on the checklist's router and
// queues its provisioning (the network.converge job) — the customer can dial in once it ran.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { activateProspect } from "@/server/modules/customers/customer.service";
import { attachCustomer } from "@/server/modules/ftth/plant.service";
import { enqueueConverge, ensureAccounts, placeAccount } from "@/server/modules/routers/provisioning.service";
import { getRouterRowOrThrow } from "@/server/modules/routers/router.service";
import { listNetworkSubscriptions, updateSubscription } from "@/server/modules/subscriptions/subscription.service";
import { canMove, missingItems, type ChecklistValues } from "./work-order-rules";
import { countPhotoRows } from "./workorder.repository";
import { finishWorkOrder, getOrderOrThrow } from "./workorder.service";
import { ZChecklistValues, type TWorkOrderDetail } from "./workorders.schema";

const checklistOf = (value: unknown): ChecklistValues => {
  const parsed = ZChecklistValues.safeParse(value);
  return parsed.success ? parsed.data : {};
};

/** Finishes the order with its kind's effects on the plant and the network. */
export async function completeWorkOrder(db: TenantDb, actor: UserActor, input: { id: string; note: string | null }): Promise<TWorkOrderDetail> {
  const row = await getOrderOrThrow(db, actor, input.id);
  const checklist = checklistOf(row.checklist);
  const ready = canMove(row.status, "done") && missingItems(row.kind, checklist, await countPhotoRows(db, row.id)).length === 0;
  const connects = (row.kind === "installation" || row.kind === "relocation") && row.customerId !== null;
  // Not ready: finishWorkOrder refuses it with the reason (transition, or the missing items).
  if (!ready || !connects) return finishWorkOrder(db, actor, input);

  const customerId = row.customerId!;
  const port = checklist.odpPort;
  if (typeof port !== "object") throw new AppError("VALIDATION_FAILED", { fields: { "values.odpPort": ["workorders.validation.checklistValue"] } });
  const routerId = row.kind === "installation" && typeof checklist.router === "string" ? checklist.router : null;
  if (routerId) await getRouterRowOrThrow(db, routerId);
  const lengthM = typeof checklist.cableLengthM === "number" ? Math.round(checklist.cableLengthM) : null;
  await attachCustomer(db, actor, { odpId: port.odpId, port: port.port, customerId, lengthM });

  const done = await finishWorkOrder(db, actor, input);
  if (row.kind === "installation") await activateInstallation(db, actor, { customerId, subscriptionId: row.subscriptionId, routerId });
  return done;
}

/** The installed customer goes live: active customer and subscription, account on the router, provisioning queued. */
async function activateInstallation(db: TenantDb, actor: UserActor, input: { customerId: string; subscriptionId: string | null; routerId: string | null }): Promise<void> {
  await activateProspect(db, actor, input.customerId);
  const subscriptions = (await listNetworkSubscriptions(db, { customerIds: [input.customerId] })).filter((s) => s.status !== "ended" && (!input.subscriptionId || s.id === input.subscriptionId));
  for (const sub of subscriptions) {
    if (sub.status === "paused") await updateSubscription(db, actor, { id: sub.id, status: "active" });
  }
  const accounts = (await ensureAccounts(db, input.customerId)).filter((a) => subscriptions.some((s) => s.id === a.subscriptionId));
  let queued = false;
  for (const account of accounts) {
    if (input.routerId && account.routerId !== input.routerId) {
      await placeAccount(db, actor, { customerId: input.customerId, accountId: account.id, routerId: input.routerId });
      queued = true;
    }
  }
  if (!queued) await enqueueConverge(db, input.customerId, "installation");
}
