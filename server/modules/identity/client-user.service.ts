// Subscribers' client-portal accounts: a `client` user per customer, made on their first sign-in
// with a WhatsApp code. Its address is a fixed, undeliverable one derived from the customer
// number (c-000042@portal.invalid): clients sign in with their number or phone, never an email.
// Until they set a password the hash is of random bytes nobody knows, so only a code signs in.
import "server-only";
import { randomBytes } from "node:crypto";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { isUniqueViolation } from "@/server/db/prisma-errors";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { hashPassword } from "./password.service";
import { revokeUserSessions } from "./session.service";
import type { SignInSubject } from "./sign-in-flow.service";

export type ClientUser = SignInSubject & { role: "client"; name: string };

const CLIENT_SELECT = { id: true, email: true, name: true, role: true, passwordHash: true, active: true, totpSecret: true, totpLastStep: true, recoveryCodeHashes: true } as const;

/** c-000042@portal.invalid: `.invalid` never resolves, so nothing is ever mailed to it. */
export function clientEmail(customerNumber: number): string {
  return `c-${String(customerNumber).padStart(6, "0")}@portal.invalid`;
}

/** The client user with this id (a customer's linked user), or null when it is gone or not a client. */
export async function findClientUser(db: TenantDb, userId: string): Promise<ClientUser | null> {
  const row = await db.user.findFirst({ where: { id: userId, role: "client" }, select: CLIENT_SELECT });
  return row as ClientUser | null;
}

/** The customer's client user, made now if they have none (concurrent first sign-ins make one). */
export async function ensureClientUser(db: TenantDb, customer: { number: number; name: string; userId: string | null }): Promise<ClientUser> {
  if (customer.userId) {
    const linked = await findClientUser(db, customer.userId);
    if (!linked) throw new AppError("AUTH_INVALID", { reason: "linked_user_not_client" });
    return linked;
  }
  const email = clientEmail(customer.number);
  try {
    const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
    return (await db.user.create({ data: { tenantId: db.tenantId, email, name: customer.name.slice(0, 200), role: "client", passwordHash }, select: CLIENT_SELECT })) as ClientUser;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const row = await db.user.findFirst({ where: { email, role: "client" }, select: CLIENT_SELECT });
    if (!row) throw new AppError("AUTH_INVALID", { reason: "client_email_taken" });
    return row as ClientUser;
  }
}

/**
 * A signed-in client sets (or changes) the password they may sign in with next time. The
 * session they set it from stays; their other sessions end.
 */
export async function setClientPassword(db: TenantDb, actor: UserActor & { sessionId?: string | null }, input: { password: string }): Promise<void> {
  if (actor.role !== "client") throw new AppError("FORBIDDEN", { reason: "not_a_client" });
  const passwordHash = await hashPassword(input.password);
  await db.user.update({ where: { id: actor.userId }, data: { passwordHash, mustChangePassword: false } });
  await revokeUserSessions(db, actor.userId, actor.sessionId ?? undefined);
  await recordAudit(db, actor, { action: "auth.password_changed", target: { type: "user", id: actor.userId }, details: { portal: true } });
}
