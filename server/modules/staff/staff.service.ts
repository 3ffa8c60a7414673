// Staff management inside a tenant: add users with a role, change roles, deactivate and
// reactivate, reset passwords. Rules: an admin never touches an owner (canAssignRole), nobody
// changes their own role or deactivates themselves, the tenant keeps at least one active owner
// (checked under a row lock), and active staff stay within the plan's staff limit.
import "server-only";
import { randomInt } from "node:crypto";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope } from "@/server/db";
import type { ErrorMessageKey } from "@/i18n/keys";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { canAssignRole, type TenantRole } from "@/server/modules/identity/capabilities";
import { hashPassword } from "@/server/modules/identity/password.service";
import { revokeUserSessions } from "@/server/modules/identity/session.service";
import { assertWithinLimit } from "@/server/modules/plans/entitlements.service";
import {
  countActiveStaff,
  countStaffWithoutTwoFactor,
  countUsersByRoleAndStatus,
  createStaffRow,
  findStaffRow,
  findUserIdByEmail,
  isUniqueViolation,
  listStaffRows,
  listStaffWithoutTwoFactor,
  lockActiveOwnerIds,
  lockStaffRoster,
  updateStaffRow,
  type StaffRow,
  type TenantTx,
} from "./staff.repository";
import type { TChangeRoleInput, TCreateStaffInput, TStaffMember, TStaffRole, TStaffWithPassword } from "./staff.schema";

const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 20 characters from a 55-letter alphabet without look-alikes (~115 bits), in groups of five. */
export function generatePassword(): string {
  const chars = Array.from({ length: 20 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}

function toMember(row: StaffRow, actor: UserActor): TStaffMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as TStaffRole,
    active: row.active,
    twoFactorEnabled: row.totpEnabledAt !== null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    isSelf: row.id === actor.userId,
  };
}

function forbidden(reason: string, message: ErrorMessageKey): AppError {
  return new AppError("FORBIDDEN", { reason }, message);
}

function assertMayManage(actor: UserActor, targetRole: TenantRole): void {
  if (!canAssignRole(actor.role, targetRole)) throw forbidden("role_not_manageable", "staff.errors.roleNotManageable");
}

async function getTargetOrThrow(tx: TenantTx, userId: string): Promise<StaffRow> {
  const row = await findStaffRow(tx, userId);
  if (!row) throw new AppError("NOT_FOUND", { userId }, "staff.errors.notFound");
  return row;
}

/** Inside the owner lock: refuses to leave the tenant without an active owner. */
function assertAnotherOwnerRemains(target: StaffRow, activeOwnerIds: string[]): void {
  if (target.role !== "owner" || !target.active) return;
  if (activeOwnerIds.some((id) => id !== target.id)) return;
  throw new AppError("CONFLICT", { reason: "last_owner" }, "staff.errors.lastOwner");
}

const emailTaken = () => new AppError("CONFLICT", { field: "email" }, "staff.errors.emailTaken");

/** How many users the tenant has, by role and active flag (for the dashboard). */
export function userHeadcount(db: TenantDb): Promise<Array<{ role: TenantRole; active: boolean; count: number }>> {
  return countUsersByRoleAndStatus(db);
}

/**
 * Active staff without two-factor sign-in (what the two-factor policy would lock out): how many,
 * and the first `take` of them by name.
 */
export async function staffWithoutTwoFactor(db: TenantDb, take = 50): Promise<{ count: number; people: Array<{ id: string; name: string; email: string; role: TStaffRole }> }> {
  const [count, people] = await Promise.all([countStaffWithoutTwoFactor(db), listStaffWithoutTwoFactor(db, take)]);
  return { count, people: people.map((p) => ({ ...p, role: p.role as TStaffRole })) };
}

/** Whether this user exists in the tenant as staff (not a subscriber's portal account). */
export async function isStaffUser(db: TenantScope, userId: string): Promise<boolean> {
  return (await findStaffRow(db, userId)) !== null;
}

/** Names, roles and whether active, of these staff users (null: all of them), for other modules (assignees of field work). */
export async function staffPeople(db: TenantScope, userIds: string[] | null): Promise<Array<{ id: string; name: string; role: TStaffRole; active: boolean }>> {
  if (userIds?.length === 0) return [];
  const wanted = userIds && new Set(userIds);
  return (await listStaffRows(db)).filter((row) => !wanted || wanted.has(row.id)).map((row) => ({ id: row.id, name: row.name, role: row.role as TStaffRole, active: row.active }));
}

/** Whether this staff user has two-factor sign-in set up. */
export async function hasTwoFactor(db: TenantDb, userId: string): Promise<boolean> {
  return (await findStaffRow(db, userId))?.totpEnabledAt != null;
}

export async function listStaff(db: TenantDb, actor: UserActor): Promise<TStaffMember[]> {
  return (await listStaffRows(db)).map((row) => toMember(row, actor));
}

export async function createStaff(db: TenantDb, actor: UserActor, input: TCreateStaffInput): Promise<TStaffWithPassword> {
  assertMayManage(actor, input.role);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  let row: StaffRow;
  try {
    row = await db.$transaction(async (tx) => {
      await lockStaffRoster(tx);
      if (await findUserIdByEmail(tx, input.email)) throw emailTaken();
      await assertWithinLimit(tx, "staff", await countActiveStaff(tx));
      return createStaffRow(tx, { tenantId: tx.tenantId, name: input.name, email: input.email, role: input.role, passwordHash, mustChangePassword: true });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  await recordAudit(db, actor, { action: "staff.created", target: { type: "user", id: row.id }, details: { role: row.role, email: row.email } });
  return { user: toMember(row, actor), password };
}

export async function changeRole(db: TenantDb, actor: UserActor, input: TChangeRoleInput): Promise<TStaffMember> {
  if (input.userId === actor.userId) throw forbidden("self", "staff.errors.selfRole");
  assertMayManage(actor, input.role);
  const { row, from } = await db.$transaction(async (tx) => {
    const owners = await lockActiveOwnerIds(tx);
    const target = await getTargetOrThrow(tx, input.userId);
    assertMayManage(actor, target.role);
    if (target.role === input.role) return { row: target, from: null };
    if (input.role !== "owner") assertAnotherOwnerRemains(target, owners);
    return { row: await updateStaffRow(tx, target.id, { role: input.role }), from: target.role };
  });
  if (from) await recordAudit(db, actor, { action: "staff.role_changed", target: { type: "user", id: row.id }, details: { from, to: row.role } });
  return toMember(row, actor);
}

export async function deactivateStaff(db: TenantDb, actor: UserActor, userId: string): Promise<TStaffMember> {
  if (userId === actor.userId) throw forbidden("self", "staff.errors.selfDeactivate");
  const { row, changed } = await db.$transaction(async (tx) => {
    const owners = await lockActiveOwnerIds(tx);
    const target = await getTargetOrThrow(tx, userId);
    assertMayManage(actor, target.role);
    if (!target.active) return { row: target, changed: false };
    assertAnotherOwnerRemains(target, owners);
    return { row: await updateStaffRow(tx, target.id, { active: false }), changed: true };
  });
  // `active: false` already ends the sessions on their next request; the rows say so too.
  await revokeUserSessions(db, row.id);
  if (changed) await recordAudit(db, actor, { action: "staff.deactivated", target: { type: "user", id: row.id } });
  return toMember(row, actor);
}

export async function reactivateStaff(db: TenantDb, actor: UserActor, userId: string): Promise<TStaffMember> {
  const { row, changed } = await db.$transaction(async (tx) => {
    await lockStaffRoster(tx);
    const target = await getTargetOrThrow(tx, userId);
    assertMayManage(actor, target.role);
    if (target.active) return { row: target, changed: false };
    await assertWithinLimit(tx, "staff", await countActiveStaff(tx));
    return { row: await updateStaffRow(tx, target.id, { active: true }), changed: true };
  });
  if (changed) await recordAudit(db, actor, { action: "staff.reactivated", target: { type: "user", id: row.id } });
  return toMember(row, actor);
}

export async function resetStaffPassword(db: TenantDb, actor: UserActor, userId: string): Promise<TStaffWithPassword> {
  if (userId === actor.userId) throw forbidden("self", "staff.errors.selfReset");
  const target = await findStaffRow(db, userId);
  if (!target) throw new AppError("NOT_FOUND", { userId }, "staff.errors.notFound");
  assertMayManage(actor, target.role);
  const password = generatePassword();
  // Sessions created before passwordChangedAt stop resolving; revoking the rows says so too.
  const row = await updateStaffRow(db, target.id, { passwordHash: await hashPassword(password), passwordChangedAt: new Date(), mustChangePassword: true });
  await revokeUserSessions(db, row.id);
  await recordAudit(db, actor, { action: "staff.password_reset", target: { type: "user", id: row.id } });
  return { user: toMember(row, actor), password };
}
