// Who is acting: the one actor type that travels from the procedure builders (ctx.actor), job
// handlers, callbacks and scripts into services, for their rules (role checks) and the audit
// trail (recordAudit). Every actor carries its tenant, user, role, the request id and IP it came
// with, and a label for logs and keys (an email, "Tripay", "daily billing run"…); people also carry
// their name, which the audit log shows instead of the email (auditName).
import "server-only";
import type { TenantRole } from "@/server/modules/identity/capabilities";

/** The request an action came with (null for scheduled work). */
export type RequestFacts = { requestId: string | null; ip: string | null };

/** A signed-in user of a tenant (staff or a client in the portal). */
export type UserActor = RequestFacts & { kind: "user"; tenantId: string; userId: string; role: TenantRole; label: string; name: string | null };
/** An RRNET operator on the console. Belongs to no tenant; may act on one. */
export type OperatorActor = RequestFacts & { kind: "operator"; tenantId: null; userId: string; role: "super_admin"; label: string; name: string | null };
/** Work nobody signed in for: jobs, the worker, payment callbacks, the seed. */
export type SystemActor = RequestFacts & { kind: "system"; tenantId: string | null; userId: null; role: "system"; label: string };
/** Someone not signed in: a sign-in attempt, a public page. */
export type VisitorActor = RequestFacts & { kind: "visitor"; tenantId: string | null; userId: null; role: null; label: string };

export type Actor = UserActor | OperatorActor | SystemActor | VisitorActor;

const NO_REQUEST: RequestFacts = { requestId: null, ip: null };

/** A blank or missing name counts as none: the audit log then names the person by their email. */
const nameOrNull = (name: string | null | undefined): string | null => name?.trim() || null;

export function userActor(user: { tenantId: string; userId: string; role: TenantRole; email: string; name?: string | null }, request: RequestFacts = NO_REQUEST): UserActor {
  return { kind: "user", tenantId: user.tenantId, userId: user.userId, role: user.role, label: user.email, name: nameOrNull(user.name), requestId: request.requestId, ip: request.ip };
}

export function operatorActor(operator: { adminId: string; email: string; name?: string | null }, request: RequestFacts = NO_REQUEST): OperatorActor {
  return { kind: "operator", tenantId: null, userId: operator.adminId, role: "super_admin", label: operator.email, name: nameOrNull(operator.name), requestId: request.requestId, ip: request.ip };
}

/** How the audit log names the actor: a person by their name where one exists, else the label. */
export function auditName(actor: Actor): string {
  return (actor.kind === "user" || actor.kind === "operator" ? actor.name : null) ?? actor.label;
}

/** `label` says what is acting ("Tripay", "daily billing run"); `tenantId` the tenant it acts in, if one. */
export function systemActor(label: string, context: Partial<RequestFacts> & { tenantId?: string | null } = {}): SystemActor {
  return { kind: "system", tenantId: context.tenantId ?? null, userId: null, role: "system", label, requestId: context.requestId ?? null, ip: context.ip ?? null };
}

/** `label`: what the visitor gave us (the email typed into a sign-in form), never trusted. */
export function visitorActor(label: string, context: Partial<RequestFacts> & { tenantId?: string | null } = {}): VisitorActor {
  return { kind: "visitor", tenantId: context.tenantId ?? null, userId: null, role: null, label: label.slice(0, 200), requestId: context.requestId ?? null, ip: context.ip ?? null };
}
