// A collector's round and the cash they take. The round lists only the caller's own customers
// (their open assignments), never another collector's. A collection is a billing payment
// (method collector, billing's idempotency: a double tap, retry or offline replay records once)
// and, in the same transaction, the cash collection with where and when, and its custody entry.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import { formatReceiptNumber } from "@/server/modules/billing/invoice-math";
import { recordPayment } from "@/server/modules/billing/payment.service";
import { getFile } from "@/server/modules/files/files.service";
import { addDays, localDate, startOfLocalDay } from "@/server/time/calendar-date";
import type { TCollectInput, TCollectionRow, TCollectorDay, TCollectResult, TCustody, TRound, TRoundFilter, TRoundRow } from "./collections.schema";
import {
  addCustodyEntry,
  collectionsOf,
  findCollectionByPayment,
  findOpenAssignment,
  heldBy,
  insertCollection,
  ledgerOf,
  pendingDeposits,
  roundOf,
} from "./collections.repository";

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function keep(row: TRoundRow, filter: TRoundFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "owing":
      return row.owedIdr > 0;
    case "overdue":
      return row.overdueIdr > 0;
    case "isolated":
      return row.status === "isolated";
    case "promised":
      return row.promisedOn !== null;
  }
}

export async function myRound(db: TenantDb, actor: UserActor, filter: TRoundFilter, now = new Date()): Promise<TRound> {
  const [rows, heldIdr] = await Promise.all([roundOf(db, actor.userId), heldBy(db, actor.userId)]);
  const round = rows.map(
    (r): TRoundRow => ({
      customerId: r.customerId,
      customerCode: formatCustomerNumber(r.number),
      name: r.name,
      phone: r.phone,
      address: r.address,
      latitude: r.latitude,
      longitude: r.longitude,
      status: r.status,
      area: r.area,
      odpCode: r.odpCode,
      owedIdr: Number(r.owed ?? 0),
      overdueIdr: Number(r.overdue ?? 0),
      openInvoices: r.openInvoices,
      oldestDueDate: isoDate(r.oldestDue),
      promisedOn: isoDate(r.promisedOn),
      promiseNote: r.promiseNote,
    }),
  );
  return { rows: round.filter((r) => keep(r, filter)), heldIdr, generatedAt: now.toISOString() };
}

export async function collectCash(db: TenantDb, actor: UserActor, input: TCollectInput): Promise<TCollectResult> {
  let collectionId: string | null = null;
  const result = await recordPayment(
    db,
    actor,
    {
      customerId: input.customerId,
      invoiceId: input.invoiceId,
      amountIdr: input.amountIdr,
      method: "collector",
      receivedAt: input.collectedAt,
      note: input.note ?? null,
      idempotencyKey: input.idempotencyKey,
    },
    async (tx, payment) => {
      // Checked under the customer's lock: an unassignment cannot slip in between.
      const open = await findOpenAssignment(tx, input.customerId);
      if (!open || open.collectorId !== actor.userId) throw new AppError("NOT_FOUND", { customerId: input.customerId }, "collections.errors.notYourCustomer");
      if (input.photoFileId) {
        const photo = await getFile(tx, input.photoFileId);
        if (photo.purpose !== "collection_photo") throw new AppError("VALIDATION_FAILED", { fields: { photoFileId: ["collections.validation.photoMissing"] } });
      }
      const collection = await insertCollection(tx, {
        collectorId: actor.userId,
        customerId: input.customerId,
        paymentId: payment.id,
        amountIdr: input.amountIdr,
        collectedAt: new Date(payment.receivedAt),
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        accuracyM: input.accuracyM ?? null,
        photoFileId: input.photoFileId ?? null,
      });
      await addCustodyEntry(tx, { collectorId: actor.userId, kind: "collection", amountIdr: input.amountIdr, collectionId: collection.id });
      collectionId = collection.id;
    },
  );
  if (result.replayed) {
    // The key was used before: only the same collector's own collection is replayed.
    const earlier = await findCollectionByPayment(db, result.payment.id);
    if (!earlier) throw new AppError("CONFLICT", { reason: "idempotency_key_reused" }, "collections.errors.keyUsedElsewhere");
    if (earlier.collectorId !== actor.userId) throw new AppError("NOT_FOUND", { customerId: input.customerId }, "collections.errors.notYourCustomer");
    collectionId = earlier.id;
  }
  return { collectionId: collectionId!, payment: result.payment, replayed: result.replayed, creditIdr: result.creditIdr, heldIdr: await heldBy(db, actor.userId) };
}

/** What a collector holds now, what they declared and finance has not confirmed, and the latest entries. */
export async function custodyOf(db: TenantDb, collectorId: string, limit = 50): Promise<TCustody> {
  const [heldIdr, pendingDepositIdr, entries] = await Promise.all([heldBy(db, collectorId), pendingDeposits(db, collectorId), ledgerOf(db, collectorId, limit)]);
  return { collectorId, heldIdr, pendingDepositIdr, entries };
}

/** A collector's collections of one local day (default today), read from their custody ledger. */
export async function collectionsOfDay(db: TenantScope, input: { collectorId: string; date?: string; timeZone: string; now?: Date }): Promise<TCollectionRow[]> {
  const date = input.date ?? localDate(input.now ?? new Date(), input.timeZone);
  const rows = await collectionsOf(db, { collectorId: input.collectorId, from: startOfLocalDay(date, input.timeZone), to: startOfLocalDay(addDays(date, 1), input.timeZone) });
  return rows.map((r) => ({
    id: r.id,
    paymentId: r.paymentId,
    receiptNumber: formatReceiptNumber(r.year, r.number),
    customerId: r.customerId,
    customerName: r.customerName,
    amountIdr: r.amountIdr,
    collectedAt: r.collectedAt.toISOString(),
    latitude: r.latitude,
    longitude: r.longitude,
    photoUrl: r.photoFileId ? `/api/files/${r.photoFileId}` : null,
  }));
}

/** The collector's home page: today's cash from the ledger, what they hold and what awaits finance's count. */
export async function collectorDay(db: TenantScope, input: { collectorId: string; timeZone: string; now?: Date }): Promise<TCollectorDay> {
  const date = localDate(input.now ?? new Date(), input.timeZone);
  const [collections, heldIdr, pendingDepositIdr] = await Promise.all([
    collectionsOfDay(db, { collectorId: input.collectorId, date, timeZone: input.timeZone }),
    heldBy(db, input.collectorId),
    pendingDeposits(db, input.collectorId),
  ]);
  return { date, collectedIdr: collections.reduce((sum, c) => sum + c.amountIdr, 0), heldIdr, pendingDepositIdr, collections };
}
