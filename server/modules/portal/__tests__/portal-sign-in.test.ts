// Subscribers sign in to the client portal with a WhatsApp code (single-use, short-lived, a few
// tries, rate-limited, the same answer for unknown numbers) or a password they set.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeConnections } from "@/server/testing/lifecycle";
import { failure } from "@/server/testing/errors";
import { anonymousTenantCaller, tenantCaller } from "@/server/testing/callers";
import { redis } from "@/server/redis/client";
import { billingTenant } from "@/server/modules/billing/__tests__/billing-fixtures";

const sent: Array<{ challengeId: string; customerId: string; code: string }> = [];
// The WhatsApp path itself (template, masking, never resent) is tested in notifications and e2e/portal.spec.ts.
vi.mock("@/server/modules/notifications/notify.service", () => ({
  sendPortalSignInCode: vi.fn(async (_db: unknown, input: { challengeId: string; customerId: string; code: string }) => {
    sent.push(input);
    return { messageId: input.challengeId, status: "queued", reason: null };
  }),
}));

const { signInWithCode, signInWithPassword, CODE_MAX_TRIES } = await import("../portal-sign-in.service");
const meta = { ip: "10.9.8.7", userAgent: "vitest", requestId: null };

afterAll(() => closeConnections());
beforeEach(async () => {
  sent.length = 0;
  const keys = [...(await redis().keys("rrnet:portal-code:*")), ...(await redis().keys("rrnet:signin:*"))];
  if (keys.length) await redis().del(...keys);
});

async function setup(prefix: string) {
  const t = await billingTenant(prefix);
  const { customer } = await t.subscriber({ startDate: "2026-10-01" });
  return { ...t, customer, anonymous: anonymousTenantCaller(t.tenant) };
}

describe("client portal sign-in", () => {
  it("a WhatsApp code signs the customer in once, as their own client user, and never again", async () => {
    const t = await setup("portal-code");
    const phone = (await t.db.customer.findFirstOrThrow({ where: { id: t.customer.id }, select: { phone: true } })).phone!;
    const { challengeId } = await t.anonymous.portal.requestCode({ login: `0${phone.slice(3)}` });
    const viaNumber = await t.anonymous.portal.requestCode({ login: `C-${String(t.customer.number).padStart(6, "0")}` });
    expect(sent.map((s) => s.customerId)).toContain(t.customer.id);
    const code = sent.find((s) => s.challengeId === viaNumber.challengeId)!.code;
    expect(code).toMatch(/^\d{6}$/);

    const { sessionId } = await signInWithCode(t.db, { challengeId: viaNumber.challengeId, code }, meta);
    const linked = await t.db.customer.findFirstOrThrow({ where: { id: t.customer.id }, select: { userId: true } });
    const user = await t.db.user.findFirstOrThrow({ where: { id: linked.userId! } });
    expect(user.role).toBe("client");
    expect(await t.db.userSession.count({ where: { id: sessionId, userId: user.id } })).toBe(1);
    // The earlier code was closed by the newer one; the used one does not work twice.
    expect(await failure(signInWithCode(t.db, { challengeId: viaNumber.challengeId, code }, meta))).toMatchObject({ code: "AUTH_INVALID" });
    const earlier = sent.find((s) => s.challengeId === challengeId)!;
    expect(await failure(signInWithCode(t.db, { challengeId, code: earlier.code }, meta))).toMatchObject({ code: "AUTH_INVALID" });

    // Signed in, they see their own account only.
    const client = await tenantCaller(t.tenant, user.id);
    expect(await client.caller.portal.me()).toMatchObject({ customerId: t.customer.id, status: "active" });
  });

  it("an unknown number gets the same answer, and its challenge never signs in", async () => {
    const t = await setup("portal-unknown");
    const answer = await t.anonymous.portal.requestCode({ login: "0899 9999 9999" });
    expect(answer).toMatchObject({ validMinutes: 5 });
    expect(sent).toHaveLength(0);
    expect(await failure(signInWithCode(t.db, { challengeId: answer.challengeId, code: "000000" }, meta))).toMatchObject({ code: "AUTH_INVALID" });
  });

  it("an expired code is refused, and wrong tries close the code", async () => {
    const t = await setup("portal-expiry");
    const login = `C-${String(t.customer.number).padStart(6, "0")}`;
    const first = await t.anonymous.portal.requestCode({ login });
    await t.db.portalSignInCode.update({ where: { id: first.challengeId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await failure(signInWithCode(t.db, { challengeId: first.challengeId, code: sent[0]!.code }, meta))).toMatchObject({ code: "AUTH_INVALID" });

    // The sign-in lock (5 failures per customer) would stop the tries below first: start afresh.
    await redis().del(...(await redis().keys("rrnet:signin:*")));
    const second = await t.anonymous.portal.requestCode({ login });
    const right = sent[1]!.code;
    const wrong = right === "123456" ? "654321" : "123456";
    for (let i = 0; i < CODE_MAX_TRIES; i++) await failure(signInWithCode(t.db, { challengeId: second.challengeId, code: wrong }, { ...meta, ip: `10.0.0.${i}` }));
    expect((await t.db.portalSignInCode.findFirstOrThrow({ where: { id: second.challengeId } })).usedAt).not.toBeNull();
  });

  it("codes are rate-limited per customer", async () => {
    const t = await setup("portal-rate");
    const login = `C-${String(t.customer.number).padStart(6, "0")}`;
    for (let i = 0; i < 3; i++) await t.anonymous.portal.requestCode({ login });
    expect(await failure(t.anonymous.portal.requestCode({ login }))).toMatchObject({ code: "RATE_LIMITED" });
    expect(sent).toHaveLength(3);
  });

  it("a password the client set signs them in by phone number; a wrong one does not", async () => {
    const t = await setup("portal-password");
    const { challengeId } = await t.anonymous.portal.requestCode({ login: `C-${String(t.customer.number).padStart(6, "0")}` });
    await signInWithCode(t.db, { challengeId, code: sent[0]!.code }, meta);
    const { userId } = await t.db.customer.findFirstOrThrow({ where: { id: t.customer.id }, select: { userId: true } });
    const client = await tenantCaller(t.tenant, userId!);
    await client.caller.portal.setPassword({ password: "rumah-kita-2026" });
    const phone = (await t.db.customer.findFirstOrThrow({ where: { id: t.customer.id }, select: { phone: true } })).phone!;
    const local = `0${phone.slice(3)}`;
    expect(await failure(signInWithPassword(t.db, { login: local, password: "salah-sekali-123" }, meta))).toMatchObject({ code: "AUTH_INVALID" });
    expect((await signInWithPassword(t.db, { login: local, password: "rumah-kita-2026" }, meta)).sessionId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
