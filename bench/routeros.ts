// Router reconcile benchmark (npm run bench:routeros; scripts/bench-routeros.sh prepares the
// database). Seeds one tenant with 5 000 PPPoE subscriptions and their accounts, a simulated
// router (sim/routeros, binary API over a real socket) holding their 5 000 secrets of which 50
// drift (wrong password, wrong profile, missing, extra), then times through the production code
// (drift.service reconcileRouter, the drift page's "fix all"): a reconcile with repair, then a
// second reconcile that must find nothing. Commands are the router client's count (reads and
// writes). Goal: under 5 s, commands proportional to the drift, not to the secrets.
// Prints one line on stdout:
//   bench:routeros secrets=5000 drift=50 seconds=S commands=C second_run_seconds=S2 second_run_commands=C2
// Progress goes to stderr. Exit 0 unless the run fails or its result is wrong.
import { randomUUID } from "node:crypto";
import { systemActor } from "@/server/actor/actor";
import { seal } from "@/server/crypto/secret-box";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { reconcileRouter } from "@/server/modules/routers/drift.service";
import { closeRouterConnections } from "@/server/modules/routers/router.service";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { startRouterOsSim } from "@/sim/routeros/routeros-sim";

const SECRETS = 5000;
const DRIFT = { password: 20, profile: 15, missing: 10, extra: 5 };
const DRIFTED = DRIFT.password + DRIFT.profile + DRIFT.missing + DRIFT.extra;
const API_USER = { name: "rrnet", password: "bench-api-pass", group: "full" };
// profileNameOf("Bench 10M"): the profile RRNET gives the package.
const PROFILE = "rrnet-bench-10m";

const note = (message: string) => process.stderr.write(`bench:routeros: ${message}\n`);

async function main() {
  const sim = await startRouterOsSim({ users: [API_USER], apiSslPort: null, restPort: null, identity: "bench" });
  try {
    const system = unsafeSystemDb();
    const { tenant } = await createTenantWithUser("bench-ros", "owner");
    const router = await system.router.create({ data: { tenantId: tenant.id, name: "Bench", host: "127.0.0.1", transport: "api", port: sim.apiPort!, username: API_USER.name, passwordSealed: seal(API_USER.password) } });
    const pkg = await system.servicePackage.create({ data: { tenantId: tenant.id, name: "Bench 10M", priceIdr: 150_000, speedDownKbps: 10_000, speedUpKbps: 5_000, type: "pppoe" } });

    note(`seeding ${SECRETS} customers, subscriptions and accounts`);
    const rows = Array.from({ length: SECRETS }, (_, i) => ({ customerId: randomUUID(), subscriptionId: randomUUID(), username: `bench${i + 1}`, password: `pw-${i + 1}-${tenant.slug.slice(-4)}` }));
    await system.customer.createMany({ data: rows.map((r, i) => ({ id: r.customerId, tenantId: tenant.id, number: i + 1, name: `Pelanggan ${i + 1}`, status: "active" as const })) });
    await system.subscription.createMany({ data: rows.map((r) => ({ id: r.subscriptionId, tenantId: tenant.id, customerId: r.customerId, packageId: pkg.id, startDate: new Date("2026-11-01") })) });
    await system.networkAccount.createMany({
      data: rows.map((r) => ({ tenantId: tenant.id, subscriptionId: r.subscriptionId, customerId: r.customerId, routerId: router.id, kind: "pppoe" as const, username: r.username, passwordSealed: seal(r.password), status: "applied" as const, appliedAccess: "allowed" })),
    });

    // The router: every secret as RRNET made it, then the drift.
    sim.model.add("/ppp/profile", { name: PROFILE, "rate-limit": "5M/10M", comment: `rrnet:package:${pkg.id}` });
    for (const r of rows) sim.model.add("/ppp/secret", { name: r.username, password: r.password, profile: PROFILE, service: "pppoe", comment: `rrnet:sub:${r.subscriptionId}` });
    let at = 0;
    for (let i = 0; i < DRIFT.password; i++) sim.model.set("/ppp/secret", rows[at++]!.username, { password: "changed-on-the-router" });
    for (let i = 0; i < DRIFT.profile; i++) sim.model.set("/ppp/secret", rows[at++]!.username, { profile: "default" });
    for (let i = 0; i < DRIFT.missing; i++) sim.model.remove("/ppp/secret", [rows[at++]!.username]);
    for (let i = 0; i < DRIFT.extra; i++) sim.model.add("/ppp/secret", { name: `leftover${i}`, password: "x", comment: `rrnet:sub:${randomUUID()}` });

    const db = forTenant(tenant.id);
    const actor = systemActor("bench:routeros", { tenantId: tenant.id });
    note("reconcile with repair");
    let started = performance.now();
    const first = await reconcileRouter(db, actor, { routerId: router.id, fix: "all" });
    const seconds = (performance.now() - started) / 1000;
    if (first.items.length !== DRIFTED || first.fixed.length !== DRIFTED) throw new Error(`expected ${DRIFTED} differences fixed, found ${first.items.length}, fixed ${first.fixed.length}`);

    note("second reconcile (nothing to repair)");
    started = performance.now();
    const second = await reconcileRouter(db, actor, { routerId: router.id, fix: "all" });
    const secondSeconds = (performance.now() - started) / 1000;
    if (second.items.length !== 0) throw new Error(`the second run still found ${second.items.length} differences`);
    const secrets = sim.model.list("/ppp/secret");
    if (secrets.length !== SECRETS) throw new Error(`the router holds ${secrets.length} secrets, expected ${SECRETS}`);

    process.stdout.write(
      `bench:routeros secrets=${SECRETS} drift=${DRIFTED} seconds=${seconds.toFixed(2)} commands=${first.commands} second_run_seconds=${secondSeconds.toFixed(2)} second_run_commands=${second.commands}\n`,
    );
  } finally {
    await closeRouterConnections();
    await sim.close();
    await closeConnections();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:routeros failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
