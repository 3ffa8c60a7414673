// CoA and Disconnect (RFC 5176): when a user's RADIUS rows change, every open accounting session
// of that user is told at once — a CoA-Request with the new rate limit, or a Disconnect-Request
// when what changed can only take effect at a new login (the address list, a reject, removal).
// Each request is a row written in the transaction that changes the rows, sent by the
// `radius.session_request` job to the router's `/radius incoming` port with its shared secret,
// retried on timeout; the ACK, or the NAK with its Error-Cause, is recorded on the row.
import "server-only";
import { z } from "zod";
import type { TenantDb, TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { enqueueMany, type JobTarget } from "@/server/jobs/enqueue";
import { RadiusTimeoutError, sendRadius, type RadiusAttributes } from "./radius-client";
import type { RadiusItemRow } from "./radius-user.repository";

/** What a user's rows now say (radius-user.service's RadiusUser, as far as a session cares). */
type UserAfter = { reject: string } | { accept: { rateLimit: string; addressList: string | null } };

/** RouterOS listens for CoA and Disconnect here (`/radius incoming set accept=yes port=3799`). */
export const RADIUS_INCOMING_PORT = 3799;
/** RFC 5176 Error-Cause 503: the router has no such session (it ended meanwhile). */
export const SESSION_CONTEXT_NOT_FOUND = 503;

export const ZSessionRequestPayload = z.object({ tenantId: z.uuid(), requestId: z.uuid() });

/** Sends are retried three times within one attempt (RFC 5176 retransmits the same packet), then the job backs off. */
export const SESSION_REQUEST_JOB = {
  name: "radius.session_request",
  queue: "default",
  payload: ZSessionRequestPayload,
  options: { attempts: 4, backoff: { type: "exponential", delay: 3_000 }, removeOnComplete: { age: 3600, count: 2000 }, removeOnFail: { age: 7 * 24 * 3600 } },
} as const satisfies JobTarget<typeof ZSessionRequestPayload>;

export type SessionAction = { kind: "coa"; reason: string; attributes: Record<string, string> } | { kind: "disconnect"; reason: string };

/**
 * What an open session of a user needs when the user's rows go from `before` (reply rows, null:
 * none) to `after` (null: removed). RouterOS's CoA changes a session's rate limit and timeouts,
 * not its address list, so isolation and restore disconnect: the redial gets the new attributes.
 */
export function sessionActionOf(before: RadiusItemRow[] | null, after: UserAfter | null): SessionAction | null {
  if (!after) return { kind: "disconnect", reason: "removed" };
  if ("reject" in after) return { kind: "disconnect", reason: after.reject };
  const value = (attribute: string) => before?.find((r) => r.attribute === attribute)?.value ?? null;
  const list = after.accept.addressList;
  if (value("Mikrotik-Address-List") !== list) return { kind: "disconnect", reason: list ? "isolated" : "restored" };
  if (value("Mikrotik-Rate-Limit") !== after.accept.rateLimit) return { kind: "coa", reason: "rate_limit", attributes: { "Mikrotik-Rate-Limit": after.accept.rateLimit } };
  return null; // a new password: the session goes on, the next login needs it
}

export type UserChange = { username: string; before: RadiusItemRow[] | null; after: UserAfter | null };

/**
 * In the caller's transaction: one pending request per open session of each changed user that
 * needs one. Returns their ids; `enqueueSessionRequests` sends them after the commit.
 */
export async function recordSessionRequests(tx: TenantScope, changes: readonly UserChange[]): Promise<string[]> {
  const actions = new Map<string, SessionAction>();
  for (const change of changes) {
    const action = sessionActionOf(change.before, change.after);
    if (action) actions.set(change.username, action);
  }
  if (actions.size === 0) return [];
  const sessions = await tx.radiusAccounting.findMany({
    where: { username: { in: [...actions.keys()] }, acctstoptime: null },
    select: { radacctid: true, username: true, acctsessionid: true, nasipaddress: true },
  });
  if (sessions.length === 0) return [];
  const routers = new Map(
    (await tx.radiusNas.findMany({ where: { nasname: { in: [...new Set(sessions.map((s) => s.nasipaddress))] } }, select: { nasname: true, routerId: true } })).map((n) => [n.nasname, n.routerId]),
  );
  const ids: string[] = [];
  for (const session of sessions) {
    const routerId = routers.get(session.nasipaddress);
    const action = actions.get(session.username)!;
    if (!routerId) continue; // the router is no RADIUS client any more: nobody to tell
    const row = await tx.radiusSessionRequest.create({
      data: {
        tenantId: tx.tenantId,
        routerId,
        sessionId: session.radacctid,
        username: session.username,
        acctSessionId: session.acctsessionid,
        kind: action.kind,
        reason: action.reason,
        attributes: action.kind === "coa" ? action.attributes : {},
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

export async function enqueueSessionRequests(db: TenantScope, ids: readonly string[]): Promise<void> {
  await enqueueMany(SESSION_REQUEST_JOB, ids.map((requestId) => ({ payload: { tenantId: db.tenantId, requestId }, jobId: `radius-session-${requestId}` })));
}

/** The sweep: requests still pending a minute after they were made (the enqueue was lost) go out again. */
export async function enqueuePendingSessionRequests(db: TenantDb): Promise<number> {
  const pending = await db.radiusSessionRequest.findMany({ where: { status: "pending", createdAt: { lt: new Date(Date.now() - 60_000) } }, select: { id: true }, take: 500 });
  await enqueueSessionRequests(db, pending.map((r) => r.id));
  return pending.length;
}

export type SendOptions = { lastAttempt: boolean; timeoutMs?: number };
export type SendResult = { status: "acked" | "naked" | "timed_out" | "session_gone" | "done"; errorCause?: number | null; followUp?: string };

/**
 * Sends one request to its router (identified by User-Name, Acct-Session-Id and the session's
 * address). A timeout throws so the job retries, except on its last attempt, which records it.
 * A CoA the router refuses (other than for a session it no longer has) becomes a Disconnect, so
 * the change still reaches the subscriber at the next login.
 */
export async function sendSessionRequest(db: TenantDb, requestId: string, options: SendOptions): Promise<SendResult> {
  const request = await db.radiusSessionRequest.findFirst({ where: { id: requestId } });
  if (!request || request.status !== "pending") return { status: "done" };
  const [session, nas] = await Promise.all([
    db.radiusAccounting.findFirst({ where: { radacctid: request.sessionId }, select: { acctstoptime: true, framedipaddress: true } }),
    db.radiusNas.findFirst({ where: { routerId: request.routerId }, select: { nasname: true, secret: true } }),
  ]);
  const finish = (data: { status: "acked" | "naked" | "timed_out" | "session_gone"; errorCause?: number | null }) =>
    db.radiusSessionRequest.update({ where: { id: request.id }, data: { ...data, answeredAt: new Date() } });
  if (!session || session.acctstoptime || !nas) {
    await finish({ status: "session_gone" });
    return { status: "session_gone" };
  }
  const attributes: RadiusAttributes = { "User-Name": request.username, "Acct-Session-Id": request.acctSessionId, ...(session.framedipaddress ? { "Framed-IP-Address": session.framedipaddress } : {}) };
  await db.radiusSessionRequest.update({ where: { id: request.id }, data: { attempts: { increment: 1 } } });
  let answer;
  try {
    answer = await sendRadius({
      host: nas.nasname,
      port: RADIUS_INCOMING_PORT,
      secret: nas.secret,
      code: request.kind === "coa" ? "CoA-Request" : "Disconnect-Request",
      attributes,
      mikrotik: request.kind === "coa" ? (request.attributes as Record<string, string>) : undefined,
      timeoutMs: options.timeoutMs ?? 2000,
      retries: 2,
    });
  } catch (error) {
    if (!(error instanceof RadiusTimeoutError)) throw error;
    if (!options.lastAttempt) throw new AppError("ROUTER_UNREACHABLE", { reason: "radius_incoming_timeout", requestId: request.id });
    await finish({ status: "timed_out" });
    return { status: "timed_out" };
  }
  if (answer.code === "CoA-ACK" || answer.code === "Disconnect-ACK") {
    await finish({ status: "acked" });
    return { status: "acked" };
  }
  await finish({ status: "naked", errorCause: answer.errorCause });
  if (request.kind === "coa" && answer.errorCause !== SESSION_CONTEXT_NOT_FOUND) {
    const followUp = await db.radiusSessionRequest.create({
      data: { tenantId: db.tenantId, routerId: request.routerId, sessionId: request.sessionId, username: request.username, acctSessionId: request.acctSessionId, kind: "disconnect", reason: "coa_refused" },
      select: { id: true },
    });
    await enqueueSessionRequests(db, [followUp.id]);
    return { status: "naked", errorCause: answer.errorCause, followUp: followUp.id };
  }
  return { status: "naked", errorCause: answer.errorCause };
}
