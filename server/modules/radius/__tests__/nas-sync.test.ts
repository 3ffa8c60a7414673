// A router saved in RADIUS or both mode is FreeRADIUS's client through its `nas` row, written in
// the router's own transaction: created, its secret changed, dropped when the router leaves
// RADIUS mode or is removed; another tenant's router can not take its address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { sendRadius } from "../radius-client";
import { radiusPorts } from "./radclient";

const address = `127.${20 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
const router = (mode: "api" | "radius" | "both", radiusSecret: string | null) => ({ name: "Core RADIUS", host: address, transport: "api" as const, port: 8728, username: "rrnet", password: "api-pass-123", tlsVerify: false, mode, location: null, notes: null, radiusSecret });

async function owner(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin");
  return { tenant, ...(await userWithRole(tenant, "owner")) };
}

beforeAll(async () => {
  radiusPorts();
  await unsafeSystemDb().radiusNas.deleteMany({ where: { nasname: address } });
});
afterAll(() => closeConnections());

describe("nas in step with routers", () => {
  it("follows create, secret change, mode change and removal, and FreeRADIUS serves it at once", async () => {
    const { tenant, caller } = await owner("nas-sync");
    const db = forTenant(tenant.id);
    const nasRow = () => db.radiusNas.findFirst({ where: { nasname: address } });
    const created = await caller.routers.create(router("radius", "secret-one"));
    expect(await nasRow()).toMatchObject({ routerId: created.id, secret: "secret-one" });

    await db.radiusCheck.create({ data: { tenantId: tenant.id, username: "sari", attribute: "Cleartext-Password", op: ":=", value: "pw-sari" } });
    const ask = (secret: string) => sendRadius({ host: "127.0.0.1", port: radiusPorts().auth, secret, localAddress: address, code: "Access-Request", attributes: { "User-Name": "sari", "User-Password": "pw-sari" }, timeoutMs: 1500, retries: 0 });
    expect((await ask("secret-one")).code).toBe("Access-Accept");

    await caller.routers.update({ id: created.id, ...router("both", "secret-two"), password: null });
    expect(await nasRow()).toMatchObject({ routerId: created.id, secret: "secret-two" });

    await caller.routers.update({ id: created.id, ...router("api", null), password: null });
    expect(await nasRow()).toBeNull();

    await caller.routers.update({ id: created.id, ...router("radius", null), password: null });
    expect(await nasRow()).toMatchObject({ secret: "secret-two" }); // the stored secret is kept

    await caller.routers.remove({ id: created.id });
    expect(await nasRow()).toBeNull();
  });

  it("refuses another tenant's router on an address a RADIUS router already has, and saves nothing", async () => {
    const first = await owner("nas-first");
    const second = await owner("nas-second");
    await first.caller.routers.create(router("radius", "secret-first"));
    expect(await failure(second.caller.routers.create(router("radius", "secret-second")))).toMatchObject({ code: "CONFLICT" });
    expect(await second.caller.routers.list()).toHaveLength(0);
  });
});
