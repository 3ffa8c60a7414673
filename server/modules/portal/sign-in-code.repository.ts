// The portal's one-time sign-in codes (PortalSignInCode). Prisma only.
import "server-only";
import type { TenantDb } from "@/server/db";

export type SignInCodeRow = { id: string; customerId: string; codeHash: string; attempts: number; expiresAt: Date; usedAt: Date | null };

export function insertSignInCode(db: TenantDb, data: { id: string; customerId: string; codeHash: string; expiresAt: Date; ip: string | null }): Promise<{ id: string }> {
  return db.portalSignInCode.create({ data: { tenantId: db.tenantId, ...data }, select: { id: true } });
}

export function findSignInCode(db: TenantDb, id: string): Promise<SignInCodeRow | null> {
  return db.portalSignInCode.findFirst({ where: { id }, select: { id: true, customerId: true, codeHash: true, attempts: true, expiresAt: true, usedAt: true } });
}

/** One more wrong try, only while the code is still open; returns the tries now counted (0: not open). */
export async function countWrongTry(db: TenantDb, id: string): Promise<number> {
  const { count } = await db.portalSignInCode.updateMany({ where: { id, usedAt: null }, data: { attempts: { increment: 1 } } });
  if (count === 0) return 0;
  return (await db.portalSignInCode.findFirst({ where: { id }, select: { attempts: true } }))?.attempts ?? 0;
}

/** Uses the code: true for exactly one caller, even when two arrive at once. */
export async function consumeSignInCode(db: TenantDb, id: string, now: Date): Promise<boolean> {
  const { count } = await db.portalSignInCode.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return count === 1;
}

/** Earlier unused codes of the customer stop working once a newer one is sent. */
export async function closeOlderCodes(db: TenantDb, customerId: string, exceptId: string, now: Date): Promise<void> {
  await db.portalSignInCode.updateMany({ where: { customerId, usedAt: null, NOT: { id: exceptId } }, data: { usedAt: now } });
}
