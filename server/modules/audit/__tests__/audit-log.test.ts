// The tenant audit log: sign-ins write it, the database keeps it append-only, and audit.list
// shows an owner their own tenant's rows only, newest first, page by page.
import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditName, operatorActor, systemActor, userActor, visitorActor } from "@/server/actor/actor";
import { hashPassword } from "@/server/modules/identity/password.service";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { logger } from "@/server/log/logger";
import { signInTenantUser } from "@/server/modules/identity/sign-in.service";
import { anonymousTenantCaller, summaryOf, tenantCaller, userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { toAppError } from "@/server/trpc/errors";
import { createCaller } from "@/server/trpc/root";
import { recordAudit } from "../audit.service";
import { closeConnections } from "@/server/testing/lifecycle";

type Tenant = Awaited<ReturnType<typeof createTenantWithUser>>;
let a: Tenant;
let b: Tenant;

const requestId = () => `req-${randomBytes(6).toString("hex")}`;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof TRPCError) return toAppError(error);
  if (error instanceof AppError) return error;
  throw new Error(`expected a refusal, got ${String(error)}`);
}

beforeAll(async () => {
  a = await createTenantWithUser("audit-a");
  b = await createTenantWithUser("audit-b");
});
afterAll(closeConnections);

describe("sign-in writes the audit log", () => {
  it("a successful sign-in records auth.sign_in with the user, the session, the IP and the request id", async () => {
    const { user } = await userWithRole(a.tenant, "admin", "right-password-123");
    const rid = requestId();
    const { sessionId } = await signInTenantUser(forTenant(a.tenant.id), { email: user.email, password: "right-password-123" }, { ip: "192.0.2.10", userAgent: "vitest", requestId: rid });
    const row = await forTenant(a.tenant.id).auditEvent.findFirstOrThrow({ where: { requestId: rid } });
    expect(row).toMatchObject({
      action: "auth.sign_in",
      actorType: "user",
      actorId: user.id,
      actorLabel: user.name,
      targetType: "session",
      targetId: sessionId,
      ip: "192.0.2.10",
      requestId: rid,
    });
  });

  it("a wrong password records auth.sign_in_failed against the account, with the reason", async () => {
    const { user } = await userWithRole(a.tenant, "finance", "right-password-123");
    const rid = requestId();
    await expect(signInTenantUser(forTenant(a.tenant.id), { email: user.email, password: "wrong-password" }, { ip: "192.0.2.11", userAgent: null, requestId: rid })).rejects.toMatchObject({ code: "AUTH_INVALID" });
    const row = await forTenant(a.tenant.id).auditEvent.findFirstOrThrow({ where: { requestId: rid } });
    expect(row).toMatchObject({ action: "auth.sign_in_failed", actorType: "user", actorId: user.id, ip: "192.0.2.11", requestId: rid, details: { reason: "bad_password" } });
  });

  it("an unknown email records auth.sign_in_failed with the email tried and no actor id", async () => {
    const rid = requestId();
    const email = `ghost-${randomBytes(3).toString("hex")}@${a.tenant.slug}.test`;
    await expect(signInTenantUser(forTenant(a.tenant.id), { email, password: "whatever-123" }, { ip: "192.0.2.12", userAgent: null, requestId: rid })).rejects.toMatchObject({ code: "AUTH_INVALID" });
    const row = await forTenant(a.tenant.id).auditEvent.findFirstOrThrow({ where: { requestId: rid } });
    expect(row).toMatchObject({ action: "auth.sign_in_failed", actorType: "system", actorId: null, actorLabel: email, ip: "192.0.2.12", details: { reason: "unknown_email" } });
  });
});

describe("entries name people by their name", () => {
  it("a staff member's entries carry their name, not their email; a sign-in names them too", async () => {
    const db = forTenant(a.tenant.id);
    const hendra = await db.user.create({ data: { tenantId: a.tenant.id, email: `hendra-${randomBytes(3).toString("hex")}@${a.tenant.slug}.test`, name: "Hendra Gunawan", role: "owner", passwordHash: await hashPassword("right-password-123") } });
    const { user: target } = await userWithRole(a.tenant, "technician");
    const { caller } = await tenantCaller(a.tenant, hendra.id);
    await caller.staff.changeRole({ userId: target.id, role: "finance" });
    const rid = requestId();
    await signInTenantUser(db, { email: hendra.email, password: "right-password-123" }, { ip: "192.0.2.13", userAgent: null, requestId: rid });
    const page = await caller.audit.list({ action: "staff.role_changed" });
    expect(page.items.find((r) => r.targetId === target.id)).toMatchObject({ actorType: "user", actorLabel: "Hendra Gunawan" });
    expect(await db.auditEvent.findFirstOrThrow({ where: { requestId: rid } })).toMatchObject({ action: "auth.sign_in", actorId: hendra.id, actorLabel: "Hendra Gunawan" });
  });

  it("a person without a name is named by their email; jobs and visitors keep their label", () => {
    const base = { tenantId: a.tenant.id, userId: a.user.id, role: "owner" as const, email: "nameless@isp.test" };
    expect(auditName(userActor({ ...base, name: "  " }))).toBe("nameless@isp.test");
    expect(auditName(userActor({ ...base, name: " Wati " }))).toBe("Wati");
    expect(auditName(operatorActor({ adminId: a.user.id, email: "ops@rrnet.test", name: "Rina" }))).toBe("Rina");
    expect(auditName(systemActor("daily billing run"))).toBe("daily billing run");
    expect(auditName(visitorActor("typed@isp.test"))).toBe("typed@isp.test");
  });
});

describe("the database keeps audit rows append-only", () => {
  it("refuses UPDATE and DELETE of an audit row, through Prisma and raw SQL, even for the unscoped client", async () => {
    const rid = requestId();
    await recordAudit(forTenant(a.tenant.id), systemActor("test", { requestId: rid }), { action: "staff.created" });
    const row = await unsafeSystemDb().auditEvent.findFirstOrThrow({ where: { requestId: rid } });
    const db = unsafeSystemDb();
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: "auth.sign_in" } })).rejects.toThrow(/permission denied/i);
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/permission denied/i);
    await expect(db.auditEvent.deleteMany({ where: { tenantId: a.tenant.id } })).rejects.toThrow(/permission denied/i);
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = ${row.id}::uuid`).rejects.toThrow(/permission denied/i);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${row.id}::uuid`).rejects.toThrow(/permission denied/i);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});

describe("audit.list", () => {
  it("shows tenant A's owner A's rows only, never tenant B's", async () => {
    const marker = requestId();
    for (const t of [a, b]) {
      await recordAudit(forTenant(t.tenant.id), systemActor("test", { requestId: marker }), { action: "staff.deactivated", target: { type: "user", id: t.user.id } });
    }
    const { caller } = await tenantCaller(a.tenant, a.user.id);
    const seen: { id: string; targetId: string | null; requestId: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.audit.list>> = await caller.audit.list({ limit: 100, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);

    const aIds = (await unsafeSystemDb().auditEvent.findMany({ where: { tenantId: a.tenant.id }, select: { id: true } })).map((r) => r.id);
    expect(seen.map((r) => r.id).sort()).toEqual(aIds.sort());
    const marked = seen.filter((r) => r.requestId === marker);
    expect(marked.map((r) => r.targetId)).toEqual([a.user.id]);
  });

  it("a technician is refused with FORBIDDEN, and the refusal is logged", async () => {
    const { session } = await userWithRole(a.tenant, "technician");
    const log = logger().child({ test: "audit-forbidden" });
    const warn = vi.spyOn(log, "warn");
    const summary = summaryOf(a.tenant);
    const caller = createCaller({
      requestId: requestId(),
      log,
      ip: "127.0.0.1",
      userAgent: "vitest",
      host: { kind: "tenant", tenant: summary },
      tenant: summary,
      session,
      db: forTenant(a.tenant.id),
      locale: "id",
    });
    const error = await refusal(caller.audit.list({}));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.details).toEqual({ capability: "audit.read" });
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ path: "audit.list", role: "technician", capability: "audit.read" }), "forbidden call");
  });

  it("without a session it answers AUTH_REQUIRED", async () => {
    expect((await refusal(anonymousTenantCaller(a.tenant).audit.list({}))).code).toBe("AUTH_REQUIRED");
  });

  describe("paging", () => {
    let owner: Awaited<ReturnType<typeof tenantCaller>>["caller"];
    const ids: string[] = []; // newest first
    let c: Tenant;

    beforeAll(async () => {
      c = await createTenantWithUser("audit-page");
      owner = (await tenantCaller(c.tenant, c.user.id)).caller;
      // Seven rows, three of them in the same millisecond: keyset paging must not skip or repeat ties.
      const base = Date.now() - 60_000;
      const times = [base, base + 1000, base + 2000, base + 2000, base + 2000, base + 3000, base + 4000];
      const actions = ["auth.sign_in", "auth.sign_in_failed", "auth.sign_in", "auth.sign_in_failed", "auth.sign_out", "auth.sign_in", "auth.sign_in_failed"];
      await unsafeSystemDb().auditEvent.createMany({
        data: times.map((t, i) => ({ tenantId: c.tenant.id, actorType: "system" as const, action: actions[i]!, createdAt: new Date(t), details: { n: i } })),
      });
      const rows = await unsafeSystemDb().auditEvent.findMany({ where: { tenantId: c.tenant.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
      ids.push(...rows.map((r) => r.id));
    });

    async function walk(input: { limit: number; action?: "auth.sign_in_failed" }) {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof owner.audit.list>> = await owner.audit.list({ ...input, cursor });
        pages.push(page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor && pages.length < 20);
      return pages;
    }

    it("returns every row once, newest first, across pages of 2 (ties on createdAt included)", async () => {
      const pages = await walk({ limit: 2 });
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
      expect(pages.flat()).toEqual(ids);
    });

    it("the last page has no next cursor", async () => {
      const page = await owner.audit.list({ limit: 7 });
      expect(page.items).toHaveLength(7);
      expect(page.nextCursor).toBeNull();
    });

    it("filters by action", async () => {
      const pages = await walk({ limit: 2, action: "auth.sign_in_failed" });
      const rows = (await owner.audit.list({ limit: 100, action: "auth.sign_in_failed" })).items;
      expect(rows.every((r) => r.action === "auth.sign_in_failed")).toBe(true);
      expect(pages.flat()).toEqual(rows.map((r) => r.id));
      expect(rows).toHaveLength(3);
    });

    it("rows carry the label, an ISO timestamp and the details", async () => {
      const [row] = (await owner.audit.list({ limit: 1 })).items;
      expect(row).toMatchObject({ id: ids[0], action: "auth.sign_in_failed", label: "Failed sign-in", actorType: "system", details: { n: 6 } });
      expect(row!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it("defaults to 50 per page and refuses a limit outside 1-100 or a forged cursor", async () => {
      expect((await owner.audit.list({})).items).toHaveLength(7);
      expect((await refusal(owner.audit.list({ limit: 0 }))).code).toBe("VALIDATION_FAILED");
      expect((await refusal(owner.audit.list({ limit: 101 }))).code).toBe("VALIDATION_FAILED");
      const forged = await refusal(owner.audit.list({ cursor: "yesterday_1" }));
      expect(forged.code).toBe("VALIDATION_FAILED");
      expect(forged.details).toMatchObject({ fields: { cursor: [expect.any(String)] } });
    });
  });
});
