// Handing cash over: the collector declares an amount (at most what they hold and have not
// declared yet); finance counts it and confirms what was received. The custody ledger takes what
// finance received; the difference from the declaration is the variance, kept with finance's
// note, never absorbed. One collector's declarations and confirmations are serialised.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { isUniqueViolation } from "@/server/db/prisma-errors";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import type { TConfirmDepositInput, TDeclareDepositInput, TDepositRow } from "./collections.schema";
import {
  addCustodyEntry,
  confirmDepositRow,
  findDeposit,
  findDepositByKey,
  heldBy,
  insertDeposit,
  listDeposits,
  lockCollector,
  pendingDeposits,
  type DepositSqlRow,
} from "./collections.repository";

const toRow = (r: DepositSqlRow): TDepositRow => ({ ...r, declaredAt: r.declaredAt.toISOString(), confirmedAt: r.confirmedAt?.toISOString() ?? null });

async function depositRow(db: TenantDb, id: string): Promise<TDepositRow> {
  const [row] = await listDeposits(db, { id });
  if (!row) throw new AppError("NOT_FOUND", { depositId: id }, "collections.errors.depositNotFound");
  return toRow(row);
}

function sameDeclaration(existing: { collectorId: string; declaredIdr: number; collectorNote: string | null }, actor: UserActor, input: TDeclareDepositInput): boolean {
  return existing.collectorId === actor.userId && existing.declaredIdr === input.amountIdr && existing.collectorNote === (input.note ?? null);
}

/** The collector's own hand-over; the same key again returns the first declaration. */
export async function declareDeposit(db: TenantDb, actor: UserActor, input: TDeclareDepositInput): Promise<TDepositRow> {
  const replay = async () => {
    const earlier = await findDepositByKey(db, input.idempotencyKey);
    if (!earlier) return null;
    if (!sameDeclaration(earlier, actor, input)) throw new AppError("CONFLICT", { reason: "idempotency_key_reused" }, "collections.errors.keyUsedElsewhere");
    return depositRow(db, earlier.id);
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const id = await db.$transaction(async (tx) => {
      await lockCollector(tx, actor.userId);
      const winner = await findDepositByKey(tx, input.idempotencyKey);
      if (winner) return winner.id;
      const free = (await heldBy(tx, actor.userId)) - (await pendingDeposits(tx, actor.userId));
      if (input.amountIdr > free) {
        throw new AppError("VALIDATION_FAILED", { availableIdr: Math.max(free, 0), fields: { amountIdr: ["collections.validation.moreThanHeld"] } });
      }
      const deposit = await insertDeposit(tx, { collectorId: actor.userId, declaredIdr: input.amountIdr, collectorNote: input.note ?? null, idempotencyKey: input.idempotencyKey });
      await recordAudit(tx, actor, { action: "collection.deposit_declared", target: { type: "staff", id: actor.userId }, details: { depositId: deposit.id, declaredIdr: input.amountIdr } });
      return deposit.id;
    });
    return await depositRow(db, id);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}

/** Finance's count of a declared deposit; a second confirmation is a CONFLICT. */
export async function confirmDeposit(db: TenantDb, actor: UserActor, input: TConfirmDepositInput): Promise<TDepositRow> {
  const deposit = await findDeposit(db, input.depositId);
  if (!deposit) throw new AppError("NOT_FOUND", { depositId: input.depositId }, "collections.errors.depositNotFound");
  const varianceIdr = input.receivedIdr - deposit.declaredIdr;
  if (varianceIdr !== 0 && !input.note) {
    throw new AppError("VALIDATION_FAILED", { varianceIdr, fields: { note: ["collections.validation.varianceNote"] } });
  }
  await db.$transaction(async (tx) => {
    await lockCollector(tx, deposit.collectorId);
    const now = new Date();
    const changed = await confirmDepositRow(tx, deposit.id, { receivedIdr: input.receivedIdr, varianceIdr, note: input.note ?? null, confirmedById: actor.userId, confirmedAt: now });
    if (changed === 0) throw new AppError("CONFLICT", { reason: "deposit_already_confirmed" }, "collections.errors.alreadyConfirmed");
    if (input.receivedIdr > 0) await addCustodyEntry(tx, { collectorId: deposit.collectorId, kind: "deposit", amountIdr: -input.receivedIdr, depositId: deposit.id });
    await recordAudit(tx, actor, {
      action: varianceIdr === 0 ? "collection.deposit_confirmed" : "collection.deposit_variance",
      target: { type: "staff", id: deposit.collectorId },
      details: { depositId: deposit.id, declaredIdr: deposit.declaredIdr, receivedIdr: input.receivedIdr, varianceIdr, ...(input.note ? { note: input.note } : {}) },
    });
  });
  return depositRow(db, deposit.id);
}

export async function depositsList(db: TenantDb, filter: { status?: "declared" | "confirmed"; collectorId?: string }): Promise<TDepositRow[]> {
  return (await listDeposits(db, filter)).map(toRow);
}
