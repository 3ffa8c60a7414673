// Journey (technicians' work orders, issue 15 §2): the owner creates an installation order for a
// new customer (a prospect whose subscription waits, paused) and assigns the demo technician; on a
// 360 px phone the technician sets off, checks in with the phone's GPS at the site, fills the
// checklist (ODP port, cable, ONU, RX power, router, PPPoE), uploads a photo and finishes. The
// customer is then on the ODP port, active, and their PPPoE secret is on the (simulated) router.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { expect, test, type Page } from "@playwright/test";
import { startRouterOsSim, type RouterOsSim } from "../sim/routeros/routeros-sim";
import { DEMO_OWNER, hostUrl, signIn, withDb } from "./helpers";

const HOST = "demo.localhost";
const TECH = { email: "tech@demo.local", password: "demo-technician" };
const PHONE = { width: 360, height: 740 };
const RUN = Date.now().toString(36);
const SITE = { latitude: -6.21234, longitude: 106.84567 };
// A 1×1 PNG, what the phone's camera hands the file input here.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

let sim: RouterOsSim;
let worker: ChildProcess;
let workerLog = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  sim = await startRouterOsSim({ identity: `e2e-wo-${RUN}`, users: [{ name: "rrnet-api", password: "e2e-api-pass", group: "full" }], apiSslPort: null, restPort: null });
  // The worker converges the customer's router account after the finish commits (outbox).
  worker = spawn("scripts/tsx-server.sh", ["worker/index.ts"], { env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "pipe"] });
  worker.stdout!.on("data", (d) => (workerLog += d));
  worker.stderr!.on("data", (d) => (workerLog += d));
  for (let i = 0; i < 900 && !workerLog.includes("worker started"); i++) await new Promise((r) => setTimeout(r, 100));
  expect(workerLog).toContain("worker started");
});

test.afterAll(async () => {
  if (worker && worker.exitCode === null) {
    worker.kill("SIGTERM");
    await once(worker, "exit");
  }
  await sim?.close();
});

async function call<T>(page: Page, path: string, input: unknown, method: "POST" | "GET" = "POST"): Promise<T> {
  const body = await page.evaluate(
    async ([url, json, m]) => (m === "GET" ? await fetch(`${url}?input=${encodeURIComponent(json!)}`) : await fetch(url!, { method: "POST", headers: { "content-type": "application/json" }, body: json })).json(),
    [`/api/trpc/${path}`, JSON.stringify(input), method],
  );
  const result = body as { result?: { data: T }; error?: { message: string; data?: { code?: string } } };
  if (!result.result) throw new Error(`${path}: ${result.error?.data?.code} ${result.error?.message}`);
  return result.result.data;
}

test("the owner orders an installation, the technician finishes it on a phone, and the customer is active on the router", async ({ browser }) => {
  test.setTimeout(180_000);
  // The office: a router (the simulator), an ODP near the site, a package, and a new customer whose subscription waits for the installation.
  const office = await browser.newPage();
  await signIn(office, HOST, DEMO_OWNER);
  const routerFields = { name: `Core WO ${RUN}`, host: "127.0.0.1", transport: "api", port: sim.apiPort!, username: "rrnet-api", password: "e2e-api-pass", tlsVerify: false, mode: "api", location: null, notes: null, radiusSecret: null };
  const router = await call<{ id: string }>(office, "routers.create", routerFields).catch(async () => {
    // The plan's router limit reached by earlier runs: point the last router at this run's simulator.
    const routers = await call<Array<{ id: string }>>(office, "routers.list", undefined, "GET");
    return call<{ id: string }>(office, "routers.update", { ...routerFields, id: routers.at(-1)!.id });
  });
  const olt = await call<{ id: string }>(office, "ftth.createNode", { type: "olt", code: `OLT-${RUN}`, name: "OLT e2e", latitude: SITE.latitude + 0.01, longitude: SITE.longitude, ports: 8 });
  const odp = await call<{ id: string }>(office, "ftth.createNode", { type: "odp", code: `ODP-${RUN}`, name: "ODP e2e", latitude: SITE.latitude + 0.0003, longitude: SITE.longitude, ports: 8, parentId: olt.id });
  const pkg = await call<{ id: string }>(office, "packages.create", { name: `Rumah WO ${RUN}`, priceIdr: 150_000, speedDownKbps: 20_000, speedUpKbps: 10_000, type: "pppoe", taxable: false, description: null });
  const name = `Pak Wawan ${RUN}`;
  const customer = await call<{ id: string }>(office, "customers.create", { name, billingDay: 1, phone: "+6281298765432", address: "Jl. Melati 7", latitude: SITE.latitude, longitude: SITE.longitude });
  const subscription = await call<{ id: string }>(office, "subscriptions.create", { customerId: customer.id, packageId: pkg.id, startDate: new Date().toISOString().slice(0, 10), prorateFirstPeriod: false, discountIdr: 0, installationFeeIdr: 0 });
  await call(office, "subscriptions.update", { id: subscription.id, status: "paused" });

  // The owner creates the order in the form and assigns the technician.
  await office.goto(hostUrl(HOST, "/work-orders/new"));
  const form = office.getByTestId("workorder-form");
  await form.getByTestId("workorder-kind").selectOption("installation");
  await form.getByTestId("workorder-title").fill(`Pasang baru ${RUN}`);
  await form.getByPlaceholder("Nama, C-000042 atau telepon").fill(name);
  await form.getByRole("button", { name: new RegExp(name) }).click();
  await expect(form.getByTestId("workorder-address")).toHaveValue("Jl. Melati 7");
  await form.getByTestId("workorder-assignees").getByRole("checkbox", { name: "Budi Santoso" }).check();
  await form.getByTestId("workorder-submit").click();
  await office.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
  await expect(office.getByTestId("workorder-status")).toContainText("Ditugaskan");

  // The technician on a phone at the site (the browser's GPS is the site's).
  const context = await browser.newContext({ viewport: PHONE, geolocation: SITE, permissions: ["geolocation"] });
  const phone = await context.newPage();
  await signIn(phone, HOST, TECH);
  await phone.goto(hostUrl(HOST, "/work-orders"));
  await phone.getByTestId("workorder-row").filter({ hasText: `Pasang baru ${RUN}` }).getByRole("link").first().click();
  await phone.getByTestId("workorder-move-on_the_way").click();
  await expect(phone.getByTestId("workorder-status")).toContainText("Dalam perjalanan");
  await expect(phone.getByTestId("on-the-way-notice")).toBeVisible();
  await phone.getByTestId("workorder-checkin").click();
  await expect(phone.getByTestId("workorder-checkin-state")).toContainText("m dari titik lokasi");
  await expect(phone.getByTestId("workorder-status")).toContainText("Dikerjakan");
  await expect(phone.getByTestId("site-facts")).toContainText("Belum tersambung ke ODP");

  const checklist = phone.getByTestId("checklist-form");
  await checklist.getByTestId("check-odp").selectOption(odp.id);
  await checklist.getByTestId("check-port").selectOption("2");
  await checklist.getByTestId("check-cableLengthM").fill("60");
  await checklist.getByTestId("check-onuSerial").fill(`ZTEG${RUN}`.slice(0, 20));
  await checklist.getByTestId("check-rxPowerDbm").fill("-19,5");
  await checklist.getByTestId("check-router").selectOption(router.id);
  await checklist.getByTestId("check-pppoeChecked").check();
  await checklist.getByTestId("checklist-save").click();
  await expect(phone.getByTestId("checklist-missing")).toContainText("Foto pemasangan");

  await phone.getByTestId("workorder-photo-input").setInputFiles({ name: "pasang.png", mimeType: "image/png", buffer: PNG });
  await expect(phone.getByTestId("workorder-photos").locator("img")).toHaveCount(1);
  await expect(phone.getByTestId("checklist-missing")).toHaveCount(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  await phone.getByTestId("workorder-finish").click();
  await expect(phone.getByTestId("workorder-status")).toContainText("Selesai");

  // The customer: on the ODP's port 2, active, their subscription active, their PPPoE secret on the router.
  const state = await withDb(async (db) => {
    const drop = await db.query(`SELECT "odpId", port FROM "FtthDrop" WHERE "customerId" = $1`, [customer.id]);
    const c = await db.query(`SELECT status FROM "Customer" WHERE id = $1`, [customer.id]);
    const s = await db.query(`SELECT status FROM "Subscription" WHERE id = $1`, [subscription.id]);
    const a = await db.query(`SELECT username FROM "NetworkAccount" WHERE "customerId" = $1`, [customer.id]);
    return { drop: drop.rows[0], customer: c.rows[0]?.status, subscription: s.rows[0]?.status, username: a.rows[0]?.username as string };
  });
  expect(state).toMatchObject({ drop: { odpId: odp.id, port: 2 }, customer: "active", subscription: "active" });
  await expect.poll(() => sim.model.list("/ppp/secret").some((s) => s.name === state.username), { timeout: 60_000 }).toBe(true);
  await context.close();
});
