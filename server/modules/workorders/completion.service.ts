// What finishing a work order does besides closing it, in the transaction that closes it. An
// installation (and a relocation) puts the customer's drop on the ODP port of its checklist, so
// a taken port refuses the finish (PORT_UNAVAILABLE) with nothing changed; an installation also
// activates the customer and their paused subscription and places the network account on the
// checklist's router. Its event (workorders.installation_finished) converges the router accounts
// after the commit, through the outbox like every other change of a customer's access.
import "server-only";
import type { Actor, UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantTx } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { emitEvents } from "@/server/events/outbox";
import { event } from "@/server/events/define-event";
import { activateProspect } from "@/server/modules/customers/customer.service";
import { attachCustomerInTx } from "@/server/modules/ftth/plant.service";
import { ensureAccounts, placeAccount, placeUnplacedAccount } from "@/server/modules/routers/provisioning.service";
import { getRouterRowOrThrow } from "@/server/modules/routers/router.service";
import { listNetworkSubscriptions, updateSubscription } from "@/server/modules/subscriptions/subscription.service";
import type { ChecklistValues } from "./work-order-rules";
import type { OrderRecord } from "./workorder.repository";
import { finishWorkOrder } from "./workorder.service";
import { installationFinished } from "./workorders.events";
import type { TWorkOrderDetail } from "./workorders.schema";

type Move = { customerId: string; accountId: string; routerId: string };

/** Finishes the order with its kind's effects on the plant and the network. */
export async function completeWorkOrder(db: TenantDb, actor: UserActor, input: { id: string; note: string | null }): Promise<TWorkOrderDetail> {
  // Accounts that sit on another router: moving them talks to that router, so after the commit.
  const moves: Move[] = [];
  const done = await finishWorkOrder(db, actor, input, async (tx, hookActor, row, checklist) => {
    moves.push(...(await connectSite(tx, hookActor, row, checklist)));
  });
  for (const move of moves) await placeAccount(db, actor, move);
  return done;
}

async function connectSite(tx: TenantTx, actor: Actor, row: OrderRecord, checklist: ChecklistValues): Promise<Move[]> {
  const connects = (row.kind === "installation" || row.kind === "relocation") && row.customerId !== null;
  if (!connects) return [];
  const customerId = row.customerId!;
  const port = checklist.odpPort;
  if (typeof port !== "object") throw new AppError("VALIDATION_FAILED", { fields: { "values.odpPort": ["workorders.validation.checklistValue"] } });
  const lengthM = typeof checklist.cableLengthM === "number" ? Math.round(checklist.cableLengthM) : null;
  await attachCustomerInTx(tx, actor, { odpId: port.odpId, port: port.port, customerId, lengthM });
  if (row.kind !== "installation") return [];

  const router = typeof checklist.router === "string" ? await getRouterRowOrThrow(tx, checklist.router) : null;
  await activateProspect(tx, actor, customerId);
  const subscriptions = (await listNetworkSubscriptions(tx, { customerIds: [customerId] })).filter((s) => s.status !== "ended" && (!row.subscriptionId || s.id === row.subscriptionId));
  for (const sub of subscriptions) {
    if (sub.status === "paused") await updateSubscription(tx, actor as UserActor, { id: sub.id, status: "active" });
  }
  const accounts = (await ensureAccounts(tx, customerId)).filter((a) => subscriptions.some((s) => s.id === a.subscriptionId));
  const moves: Move[] = [];
  for (const account of router ? accounts : []) {
    if (!(await placeUnplacedAccount(tx, actor, account, router!))) moves.push({ customerId, accountId: account.id, routerId: router!.id });
  }
  await emitEvents(tx, [event(installationFinished, { workOrderId: row.id, customerId })]);
  return moves;
}
