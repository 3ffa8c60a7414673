// Our FreeRADIUS (started by scripts/test.sh from deploy/freeradius) on the rlm_sql tables:
// a seeded user is accepted with its reply items, a wrong password or an unknown user is
// rejected with the reason in radpostauth, a router added after FreeRADIUS started is a
// client at once, another tenant's NAS can not authenticate this tenant's user, and the
// FreeRADIUS database role can read the auth tables but not write them.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { sendRadius } from "../radius-client";
import { radclient, radiusPorts } from "./radclient";

type Tenant = Awaited<ReturnType<typeof createTenantWithUser>>["tenant"];

/** A router with its NAS row, at a loopback address of its own (127.0.0.1: radclient's). */
async function nasFor(tenant: Tenant, address: string, secret: string) {
  const db = unsafeSystemDb();
  await db.radiusNas.deleteMany({ where: { nasname: address } }); // left by an earlier run on this database
  const router = await db.router.create({ data: { tenantId: tenant.id, name: `nas ${address}`, host: address, port: 8728, username: "rrnet", passwordSealed: "x", mode: "radius" } });
  await db.radiusNas.create({ data: { tenantId: tenant.id, routerId: router.id, nasname: address, shortname: `nas-${address}`, secret } });
}

async function seedUser(tenant: Tenant, username: string, password: string, rateLimit: string) {
  const db = forTenant(tenant.id);
  await db.radiusCheck.create({ data: { tenantId: tenant.id, username, attribute: "Cleartext-Password", op: ":=", value: password } });
  await db.radiusReply.create({ data: { tenantId: tenant.id, username, attribute: "Mikrotik-Rate-Limit", op: "=", value: rateLimit } });
}

const lastPostAuth = (tenant: Tenant, username: string) =>
  forTenant(tenant.id).radiusPostAuth.findFirst({ where: { username }, orderBy: { id: "desc" } });

const secretA = "secret-of-tenant-a";
let tenantA: Tenant;
let tenantB: Tenant;
const addressB = `127.${20 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;

beforeAll(async () => {
  radiusPorts();
  tenantA = (await createTenantWithUser("rad-a")).tenant;
  tenantB = (await createTenantWithUser("rad-b")).tenant;
  await nasFor(tenantA, "127.0.0.1", secretA);
  await seedUser(tenantA, "budi", "rahasia-budi", "10M/10M");
});
afterAll(() => closeConnections());

describe("FreeRADIUS on the rlm_sql tables", () => {
  it("accepts a seeded user with the reply items of its row", async () => {
    const answer = await radclient("auth", secretA, { "User-Name": "budi", "User-Password": "rahasia-budi" });
    expect(answer).toMatchObject({ code: "Access-Accept", attributes: { "Mikrotik-Rate-Limit": "10M/10M" } });
    expect(await lastPostAuth(tenantA, "budi")).toMatchObject({ reply: "Access-Accept", reason: null });
  });

  it("rejects a wrong password and records why", async () => {
    const answer = await radclient("auth", secretA, { "User-Name": "budi", "User-Password": "salah" });
    expect(answer.code).toBe("Access-Reject");
    expect(await lastPostAuth(tenantA, "budi")).toMatchObject({ reply: "Access-Reject", reason: "bad_password" });
  });

  it("rejects an unknown user and records why", async () => {
    const answer = await radclient("auth", secretA, { "User-Name": "siapa", "User-Password": "x" });
    expect(answer.code).toBe("Access-Reject");
    expect(await lastPostAuth(tenantA, "siapa")).toMatchObject({ reply: "Access-Reject", reason: "unknown_user" });
  });

  it("takes a router added after it started as a client, and gives it only its own tenant's users", async () => {
    await nasFor(tenantB, addressB, "secret-of-tenant-b");
    const { auth } = radiusPorts();
    const ask = (password: string) => sendRadius({ host: "127.0.0.1", port: auth, secret: "secret-of-tenant-b", localAddress: addressB, code: "Access-Request", attributes: { "User-Name": "budi", "User-Password": password, "NAS-IP-Address": "127.0.0.1" } });
    // Tenant A's user and password, from tenant B's router (claiming tenant A's address inside).
    expect((await ask("rahasia-budi")).code).toBe("Access-Reject");
    expect(await lastPostAuth(tenantB, "budi")).toMatchObject({ reason: "unknown_user" });
    // Tenant B's own "budi" is a different account.
    await seedUser(tenantB, "budi", "budi-di-b", "2M/2M");
    expect((await ask("budi-di-b")).code).toBe("Access-Accept");
    expect((await ask("rahasia-budi")).code).toBe("Access-Reject");
  });

  it("drops requests from an address that is no router", async () => {
    const { auth } = radiusPorts();
    await expect(sendRadius({ host: "127.0.0.1", port: auth, secret: secretA, localAddress: "127.250.250.250", code: "Access-Request", attributes: { "User-Name": "budi", "User-Password": "rahasia-budi" }, timeoutMs: 500, retries: 0 })).rejects.toThrow(/no RADIUS answer/);
  });
});

describe("the FreeRADIUS database role", () => {
  it("reads the auth tables and can not write them", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.username = process.env.RRNET_RADIUS_DB_USER ?? "rrnet_freeradius";
    url.password = process.env.RRNET_RADIUS_DB_PASSWORD ?? "rrnet-freeradius";
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await expect(client.query("SELECT count(*) FROM radcheck")).resolves.toBeTruthy();
      await expect(client.query(`INSERT INTO radcheck (tenant_id, username, attribute, op, value) VALUES ($1, 'x', 'Cleartext-Password', ':=', 'x')`, [tenantA.id])).rejects.toThrow(/permission denied/);
      await expect(client.query(`UPDATE nas SET secret = 'stolen'`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`SELECT count(*) FROM "Customer"`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });
});
