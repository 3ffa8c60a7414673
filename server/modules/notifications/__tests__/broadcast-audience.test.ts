// Who a broadcast reaches: status (isolated among them), package, ODP and area combined, each
// criterion narrowing the set; opted-out numbers counted but never sent to; another tenant's
// ODPs, customers and opt-outs never in the picture. Real PostgreSQL and Redis, the Fonnte
// simulator over a real socket.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Jobs in a Redis database of their own: no other file's worker takes them.
vi.hoisted(() => {
  process.env.REDIS_URL = (process.env.REDIS_URL ?? "redis://127.0.0.1:6379/1").replace(/\/\d+$/, "/12");
});

import { userActor } from "@/server/actor/actor";
import { closeConnections } from "@/server/testing/lifecycle";
import { redis } from "@/server/redis/client";
import { startFonnteSim, type FonnteSim } from "@/sim/whatsapp/fonnte-sim";
import { billingTenant } from "@/server/modules/billing/__tests__/billing-fixtures";
import { attachCustomer, createNode } from "@/server/modules/ftth/plant.service";
import { createFonnteGateway } from "../fonnte.adapter";
import { sendMessage, type SendDeps } from "../send.service";
import { saveWhatsAppSettings } from "../whatsapp-settings.service";
import { listBroadcastRows, previewAudience, sendBroadcast } from "../outbound.service";
import { setCustomerOptOut } from "../message-log.service";
import type { TAudienceFilter } from "../notifications.schema";

let fonnte: FonnteSim;
let deps: SendDeps;

beforeAll(async () => {
  await redis().flushdb();
  fonnte = await startFonnteSim({ devices: [], deliverDelayMs: 0 });
  const gateway = createFonnteGateway({ baseUrl: fonnte.origin, timeoutMs: 1000 });
  deps = { gateway: () => gateway, now: () => new Date(), backoffBaseMs: 10, random: () => 0.5 };
});

afterAll(async () => {
  await fonnte.close();
  await closeConnections();
});

/**
 * An ISP with two ODPs (Melati, Kenanga) and five customers:
 * 1 active on ODP-MLT, 2 isolated on ODP-MLT, 3 active on ODP-KNG on the second package,
 * 4 isolated without a drop living on "Jl. Melati", 5 isolated on ODP-MLT and opted out.
 */
async function plant(prefix: string) {
  const t = await billingTenant(prefix);
  const actor = userActor({ tenantId: t.tenant.id, userId: t.user.id, role: "owner", email: t.user.email });
  const token = `fonnte-${randomUUID()}`;
  fonnte.addDevice({ token, device: "6281100000001" });
  await saveWhatsAppSettings(
    t.db,
    actor,
    { enabled: true, primaryProvider: "fonnte", fallbackProvider: null, fonnteToken: token, fonnteMinGapMs: 0, fonnteMaxGapMs: 0, fonnteDailyCap: 0, cloudPerSecond: 0, quietStartMinute: 0, quietEndMinute: 0 },
    { tenantOrigin: (slug) => `http://${slug}.localhost` },
  );
  const fiber = await t.db.servicePackage.create({ data: { tenantId: t.tenant.id, name: "Fiber 50", priceIdr: 250_000, speedDownKbps: 50_000, speedUpKbps: 10_000, type: "pppoe" } });
  const node = (code: string, area: string) => createNode(t.db, actor, { type: "odp", code, name: `ODP ${area}`, latitude: -6.2, longitude: 106.8, ports: 8, splitterRatio: null, area, installedOn: null, photoUrl: null, notes: null, routerId: null });
  const melati = await node("ODP-MLT", "Melati");
  const kenanga = await node("ODP-KNG", "Kenanga");
  const c = [
    (await t.subscriber({ startDate: "2026-10-01" })).customer,
    (await t.subscriber({ startDate: "2026-10-01", status: "isolated" })).customer,
    (await t.subscriber({ startDate: "2026-10-01", packageId: fiber.id })).customer,
    (await t.subscriber({ startDate: "2026-10-01", status: "isolated" })).customer,
    (await t.subscriber({ startDate: "2026-10-01", status: "isolated" })).customer,
  ];
  await t.db.customer.update({ where: { id: c[3]!.id }, data: { address: "Jl. Melati No. 3, RT 02/RW 05" } });
  await attachCustomer(t.db, actor, { odpId: melati.id, port: 1, customerId: c[0]!.id });
  await attachCustomer(t.db, actor, { odpId: melati.id, port: 2, customerId: c[1]!.id });
  await attachCustomer(t.db, actor, { odpId: kenanga.id, port: 1, customerId: c[2]!.id });
  await attachCustomer(t.db, actor, { odpId: melati.id, port: 3, customerId: c[4]!.id });
  await setCustomerOptOut(t.db, actor, { customerId: c[4]!.id, optedOut: true });
  async function drain() {
    for (const m of await t.db.whatsAppMessage.findMany({ where: { status: "queued" } })) await sendMessage(t.db, m.id, deps);
  }
  return { ...t, actor, token, fiber, melati, kenanga, c, drain, sentTo: () => fonnte.messages().filter((m) => m.token === token) };
}

const filter = (f: Partial<TAudienceFilter>): TAudienceFilter => ({ statuses: ["active", "isolated"], packageId: null, area: null, odpId: null, ...f });

describe("broadcast audience", () => {
  it("status, package, ODP and area combine: each criterion narrows the set", async () => {
    const t = await plant("wa-aud");
    expect(await previewAudience(t.db, filter({}))).toEqual({ customers: 5, reachable: 4, noNumber: 0, optedOut: 1 });
    // Isolated only.
    expect(await previewAudience(t.db, filter({ statuses: ["isolated"] }))).toEqual({ customers: 3, reachable: 2, noNumber: 0, optedOut: 1 });
    // The ODP: its three customers; isolated on it: two, one of whom opted out.
    expect(await previewAudience(t.db, filter({ odpId: t.melati.id }))).toMatchObject({ customers: 3, reachable: 2 });
    expect(await previewAudience(t.db, filter({ odpId: t.melati.id, statuses: ["isolated"] }))).toEqual({ customers: 2, reachable: 1, noNumber: 0, optedOut: 1 });
    // Area: the ODP's area or the address, whichever holds it.
    expect(await previewAudience(t.db, filter({ area: "melati" }))).toMatchObject({ customers: 4 });
    expect(await previewAudience(t.db, filter({ area: "Kenanga" }))).toMatchObject({ customers: 1 });
    // Package: on the active subscription.
    expect(await previewAudience(t.db, filter({ packageId: t.fiber.id }))).toMatchObject({ customers: 1 });
    expect(await previewAudience(t.db, filter({ packageId: t.fiber.id, odpId: t.melati.id }))).toMatchObject({ customers: 0 });
    expect(await previewAudience(t.db, filter({ packageId: t.pkg.id, area: "Melati", statuses: ["active"] }))).toMatchObject({ customers: 1 });
  });

  it("a broadcast to an ODP's isolated customers sends one message each and skips the opted-out, with progress", async () => {
    const t = await plant("wa-aud-send");
    const input = { filter: filter({ odpId: t.melati.id, statuses: ["isolated"] }), message: "Layanan Anda diisolir. Silakan lunasi tagihan.", idempotencyKey: `b-${randomUUID()}` };
    const row = await sendBroadcast(t.db, t.actor, input);
    await sendBroadcast(t.db, t.actor, input);
    expect(row).toMatchObject({ recipients: 2, optedOut: 1, noNumber: 0, progress: { queued: 1, skipped: 1 } });
    await t.drain();
    await t.drain();
    expect(t.sentTo().map((m) => m.target)).toEqual(["6281200000002"]);
    expect((await listBroadcastRows(t.db))[0]).toMatchObject({ recipients: 2, optedOut: 1, progress: { sent: 1, skipped: 1, queued: 0, failed: 0 } });
  });

  it("another tenant's ODP picks nobody, and its opt-outs do not silence this tenant's customers", async () => {
    const a = await plant("wa-aud-a");
    const b = await plant("wa-aud-b");
    // Same numbers in both ISPs (the fixtures number them alike); b's customer 1 opts out.
    await setCustomerOptOut(b.db, b.actor, { customerId: b.c[0]!.id, optedOut: true });
    expect(await previewAudience(a.db, filter({ odpId: b.melati.id }))).toEqual({ customers: 0, reachable: 0, noNumber: 0, optedOut: 0 });
    expect(await previewAudience(a.db, filter({ odpId: a.melati.id, statuses: ["active"] }))).toEqual({ customers: 1, reachable: 1, noNumber: 0, optedOut: 0 });
    expect(await previewAudience(b.db, filter({ odpId: b.melati.id, statuses: ["active"] }))).toEqual({ customers: 1, reachable: 0, noNumber: 0, optedOut: 1 });
    const refused = await sendBroadcast(a.db, a.actor, { filter: filter({ odpId: b.melati.id }), message: "x", idempotencyKey: `b-${randomUUID()}` }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
