// Journeys (network I): the admin adds a MikroTik router — here a RouterOS simulator on a real
// port —, tests the connection before saving (a wrong password first says exactly that), saves
// it and sees its identity and version; a technician sees it but cannot add one. The admin then
// imports the subscribers the router already had (profiles mapped to packages, previewed,
// imported in one go; importing again creates nobody twice). Last, with a real worker process,
// the admin provisions a new customer on that router, sees the secret and the CPE's session on
// the router page, isolates them (the isolation profile and address list, the session kicked
// and redialled into it) and restores them; when the router stops answering, two polls mark it
// down and the home page names it.
import { expect, test, type Page } from "@playwright/test";
import { startRouterOsSim, type RouterOsSim } from "../sim/routeros/routeros-sim";
import { hostUrl, signIn, startWorker, withDb } from "./helpers";

const ADMIN = { email: "admin@demo.local", password: "demo-admin" };
let sim: RouterOsSim;
/** The router page of the router the first journey adds (the later ones use it). */
let routerPath = "";
let routerName = "";
/** Names unique to this run: the import journey also passes on a database an earlier run used. */
const RUN = Date.now().toString(36);
const P = { speed10: `10m-${RUN}`, lama: `lama-${RUN}`, hs: `hs-${RUN}` };
/** The new package's speeds: no package an earlier run imported has them (kbps, up/down). */
const UP = 1000 + (Date.now() % 4000);
const DOWN = 2 * UP;
const U = { dewi: `dewi-${RUN}`, andi: `andi-${RUN}`, budi: `budi-${RUN}`, citra: `citra-${RUN}` };
const N = { dewi: `Dewi Lestari ${RUN}`, andi: `Andi Saputra ${RUN}`, citra: `Citra Hotspot ${RUN}` };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  sim = await startRouterOsSim({ identity: "e2e-core", users: [{ name: "rrnet-api", password: "e2e-api-pass", group: "full" }], apiSslPort: null, restPort: null });
  // What the ISP's router held before RRNET: PPPoE secrets on two profiles of its own, one hotspot user.
  const m = sim.model;
  m.add("/ppp/profile", { name: P.speed10, "rate-limit": "5M/10M" });
  m.add("/ppp/profile", { name: P.lama, "rate-limit": `${UP}k/${DOWN}k` });
  m.add("/ip/hotspot/user/profile", { name: P.hs, "rate-limit": "2M/5M" });
  m.add("/ppp/secret", { name: U.dewi, password: "dewi-pw", profile: P.speed10, comment: N.dewi });
  m.add("/ppp/secret", { name: U.andi, password: "andi-pw", profile: P.lama, comment: N.andi });
  m.add("/ppp/secret", { name: U.budi, password: "budi-pw", profile: P.lama, disabled: "yes" });
  m.add("/ip/hotspot/user", { name: U.citra, password: "citra-pw", profile: P.hs, comment: N.citra });
});
test.afterAll(async () => {
  await sim.close();
});

test("the admin adds a router, tests its connection and sees it online", async ({ page }) => {
  // A long journey (two connection tests, a save, two profile syncs): more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const name = `Core E2E ${Date.now()}`;
  await signIn(page, "demo.localhost", ADMIN);
  await page.goto(hostUrl("demo.localhost", "/routers"));
  await page.getByRole("link", { name: "Tambah router" }).first().click();
  const form = page.getByTestId("router-form");
  await form.getByLabel("Nama").fill(name);
  await form.getByLabel("Alamat").fill("127.0.0.1");
  await form.getByLabel("Port").fill(String(sim.apiPort));
  await form.getByLabel("Username API").fill("rrnet-api");
  await form.getByLabel("Password", { exact: true }).fill("wrong-pass");
  await page.getByTestId("router-test-connection").click();
  await expect(page.getByTestId("connection-test-result")).toContainText("Username atau password salah.");

  await form.getByLabel("Password", { exact: true }).fill("e2e-api-pass");
  await page.getByTestId("router-test-connection").click();
  await expect(page.getByTestId("connection-test-result")).toContainText("Terhubung ke e2e-core.");

  await form.getByRole("button", { name: "Tambah router" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(name) })).toBeVisible();
  routerPath = new URL(page.url()).pathname;
  routerName = name;
  await page.getByTestId("router-test-connection").click();
  await expect(page.getByTestId("connection-test-result")).toContainText("Terhubung ke e2e-core.");
  await expect(page.getByTestId("router-status").first()).toHaveAttribute("data-status", "up");
  await expect(page.getByText("7.19.4 (stable)").first()).toBeVisible();

  // Demo Net's packages become the router's profiles; a second run has nothing left to do.
  await page.getByTestId("profiles-apply").click();
  await expect(page.getByTestId("profiles-result")).toContainText("Diterapkan:");
  expect(sim.model.list("/ppp/profile").find((p) => p.name === "rrnet-rumah-10-mbps")?.["rate-limit"]).toBe("5M/10M");
  await page.getByTestId("profiles-apply").click();
  await expect(page.getByTestId("profiles-result")).toContainText("Diterapkan: 0 ditambah, 0 diubah");

  await page.goto(hostUrl("demo.localhost", "/routers"));
  await expect(page.locator(`[data-testid="router-row"][data-name="${name}"]`).first()).toContainText("Online");
});

test("a technician sees the routers but has no way to add one", async ({ page }) => {
  await signIn(page, "demo.localhost", { email: "tech@demo.local", password: "demo-technician" });
  await page.goto(hostUrl("demo.localhost", "/routers"));
  await expect(page.getByRole("heading", { name: "Router" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Tambah router" })).toHaveCount(0);
  const response = await page.goto(hostUrl("demo.localhost", "/routers/new"));
  expect(response?.status()).toBe(403);
  expect((await page.goto(hostUrl("demo.localhost", "/routers/settings")))?.status()).toBe(403);
});

test("the admin sets the walled garden's pay page in the isolation settings", async ({ page }) => {
  await signIn(page, "demo.localhost", ADMIN);
  await page.goto(hostUrl("demo.localhost", "/routers"));
  await page.getByRole("link", { name: "Pengaturan isolir" }).click();
  const form = page.getByTestId("network-settings");
  const url = form.getByLabel("Halaman pembayaran (redirect)");
  await expect(url).toHaveValue("");
  await url.fill("bukan url");
  await form.getByRole("button", { name: "Simpan pengaturan isolir" }).click();
  await expect(form.locator("[data-invalid]")).toHaveCount(1);
  await url.fill("https://bayar.demo-net.id/tagihan");
  await form.getByRole("button", { name: "Simpan pengaturan isolir" }).click();
  await expect(form.getByRole("status")).toContainText("Tersimpan.");
  await page.reload();
  await expect(page.getByTestId("network-settings").getByLabel("Halaman pembayaran (redirect)")).toHaveValue("https://bayar.demo-net.id/tagihan");
  // Back to the default (the ISP's own host) for the other journeys.
  await page.getByTestId("network-settings").getByLabel("Halaman pembayaran (redirect)").fill("");
  await page.getByTestId("network-settings").getByRole("button", { name: "Simpan pengaturan isolir" }).click();
  await expect(page.getByTestId("network-settings").getByRole("status")).toContainText("Tersimpan.");
});

/** The import page's row of one router profile. */
const profileRow = (page: Page, profile: string) => page.locator(`[data-testid="import-profile"][data-profile="${profile}"]`);

async function runImport(page: Page, count: number) {
  await page.getByTestId("import-run").click();
  await page.getByRole("alertdialog").getByRole("button", { name: `Impor ${count} pelanggan` }).click();
}

test("the admin imports the router's own subscribers, and importing again creates nobody twice", async ({ page }) => {
  test.setTimeout(90_000);
  expect(routerPath).toMatch(/^\/routers\/[0-9a-f-]{36}$/);
  await signIn(page, "demo.localhost", ADMIN);
  await page.goto(hostUrl("demo.localhost", routerPath));
  await page.getByTestId("router-import-link").click();
  await expect(page.getByRole("heading", { name: "Impor pelanggan dari router" })).toBeVisible();

  // Each profile of the router, with a package: the one of the same speeds, or a new one.
  const dewi = profileRow(page, P.speed10);
  await expect(dewi).toContainText("PPPoE · 1 entri · rate-limit 5M/10M");
  await expect(dewi.getByTestId("import-choice").locator("option:checked")).toHaveText(/^Rumah 10 Mbps/);
  const lama = profileRow(page, P.lama);
  await expect(lama.getByTestId("import-choice").locator("option:checked")).toHaveText(`Paket baru "${P.lama}"`);
  await expect(profileRow(page, P.hs).getByTestId("import-choice").locator("option:checked")).toHaveText(/^Hotspot Harian/);

  // A new package without a price is refused on the field; the hotspot profile waits for later.
  await profileRow(page, P.hs).getByTestId("import-choice").selectOption({ label: "Jangan impor" });
  await expect(page.getByTestId("import-summary")).toHaveText("3 pelanggan baru, 0 sudah di RRNET, 1 tidak diimpor.");
  await runImport(page, 3);
  await expect(lama.getByLabel("Harga per bulan (Rp)")).toHaveAttribute("aria-invalid", "true");
  await lama.getByLabel("Harga per bulan (Rp)").fill("120000");
  await runImport(page, 3);
  await expect(page.getByTestId("import-result")).toContainText("3 pelanggan diimpor.");
  await expect(page.getByTestId("import-result")).toContainText("1 paket baru");

  // Read again: only the hotspot user is left, on its matching package; the others are RRNET's now.
  await expect(page.getByTestId("import-summary")).toHaveText("1 pelanggan baru, 0 sudah di RRNET, 0 tidak diimpor.");
  await expect(page.getByTestId("import-entries")).not.toContainText(U.andi);
  await runImport(page, 1);
  await expect(page.getByTestId("import-result")).toContainText("1 pelanggan diimpor.");
  await expect(page.getByText("Tidak ada yang bisa diimpor")).toBeVisible();

  // Once each, marked on the router as RRNET's and on the package's profile (no session kicked).
  const names = [N.dewi, N.andi, U.budi, N.citra];
  const rows = await withDb(async (db) =>
    (
      await db.query(
        `SELECT c.name, p.name AS package, p."priceIdr", p."speedDownKbps", p."speedUpKbps", a.kind, a.username, s.status FROM "Customer" c
           JOIN "Subscription" s ON s."customerId" = c.id JOIN "ServicePackage" p ON p.id = s."packageId" JOIN "NetworkAccount" a ON a."subscriptionId" = s.id
          WHERE c."tenantId" = (SELECT id FROM "Tenant" WHERE slug = 'demo') AND c.name = ANY($1) ORDER BY c.name`,
        [names],
      )
    ).rows,
  );
  const byName = (x: string[], y: string[]) => (x[0]! < y[0]! ? -1 : 1);
  expect(rows.map((r) => [r.name, r.package, r.kind, r.username]).sort(byName)).toEqual([
    [N.andi, P.lama, "pppoe", U.andi],
    [U.budi, P.lama, "pppoe", U.budi],
    [N.citra, "Hotspot Harian", "hotspot", U.citra],
    [N.dewi, "Rumah 10 Mbps", "pppoe", U.dewi],
  ].sort(byName));
  expect(rows.find((r) => r.name === N.andi)).toMatchObject({ priceIdr: 120_000, speedDownKbps: DOWN, speedUpKbps: UP });
  // Budi was disabled on the router: his subscription is paused, so no converge lets him back in.
  expect(rows.filter((r) => r.status === "paused").map((r) => r.name)).toEqual([U.budi]);
  const secret = (name: string) => sim.model.list("/ppp/secret").find((s) => s.name === name)!;
  expect(secret(U.andi)).toMatchObject({ profile: `rrnet-${P.lama}`, password: "andi-pw" });
  expect(secret(U.dewi).profile).toBe("rrnet-rumah-10-mbps");
  for (const name of [U.andi, U.budi, U.dewi]) expect(secret(name).comment).toMatch(/^rrnet:sub:/);
  expect(sim.model.list("/ip/hotspot/user").find((u) => u.name === U.citra)!.comment).toMatch(/^rrnet:sub:/);
});

test("the admin provisions a customer on the router, isolates them (moved and kicked) and restores them", async ({ page }) => {
  test.setTimeout(300_000);
  expect(routerPath).toMatch(/^\/routers\/[0-9a-f-]{36}$/);
  // The converge jobs run in the worker, as in production.
  const worker = await startWorker();
  try {
    const name = `Eko Prasetyo ${RUN}`;
    await signIn(page, "demo.localhost", ADMIN);
    await page.goto(hostUrl("demo.localhost", "/customers"));
    await page.getByRole("button", { name: "Tambah pelanggan" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Tambah pelanggan" });
    await dialog.getByLabel("Nama", { exact: true }).fill(name);
    await dialog.getByRole("button", { name: "Tambah pelanggan" }).click();
    await page.getByTestId("customer-added").getByRole("link", { name: /Pelanggan C-\d+ ditambahkan\./ }).click();
    await expect(page.getByRole("heading", { name: new RegExp(name) }).first()).toBeVisible();
    const customerPath = new URL(page.url()).pathname;
    await page.getByRole("button", { name: "Tambah langganan" }).click();
    const rumah = await page.getByLabel("Paket", { exact: true }).locator("option", { hasText: "Rumah 10 Mbps" }).getAttribute("value");
    await page.getByLabel("Paket", { exact: true }).selectOption(rumah!);
    await page.getByRole("button", { name: "Tambah langganan" }).last().click();
    await expect(page.getByTestId("subscription-row")).toHaveCount(1);

    // The subscription's PPPoE account appears; Demo Net has several routers, so the admin says which.
    const account = page.locator('[data-testid^="network-account-"]');
    await expect(async () => {
      await page.reload();
      await expect(account).toHaveCount(1, { timeout: 3_000 });
    }).toPass({ timeout: 120_000 });
    await expect(account).toContainText("Belum ditempatkan di router");
    const username = (await account.getAttribute("data-testid"))!.replace("network-account-", "");
    expect(username).toMatch(/^eko\d+$/);
    await account.getByLabel("Pilih router").selectOption({ label: routerName });
    await account.getByRole("button", { name: "Tempatkan di router" }).click();
    await expect(account).toContainText("Sudah di router", { timeout: 60_000 });
    await expect(account).toContainText(routerName);
    await account.getByRole("button", { name: "Tampilkan" }).click();
    const password = (await account.getByTestId("network-password").textContent())!.trim();
    expect(password).toMatch(/^[a-z2-9]{10}$/);
    const secret = () => sim.model.list("/ppp/secret").find((s) => s.name === username);
    expect(secret()).toMatchObject({ password, profile: "rrnet-rumah-10-mbps", comment: expect.stringMatching(/^rrnet:sub:/) });
    expect(secret()!.disabled).not.toBe("true");

    // The customer's CPE dials in with what the admin read off the page.
    sim.model.addClient(username, password);
    const session = () => sim.model.list("/ppp/active").find((s) => s.name === username);
    const sessionProfile = () => sim.model.sessionProfile(username);
    expect(sessionProfile()).toBe("rrnet-rumah-10-mbps");

    // The router page: the secret RRNET added (password never shown) and the customer online.
    await page.goto(hostUrl("demo.localhost", routerPath));
    const commands = page.getByTestId("router-commands");
    await expect(commands).toContainText("/ppp/secret/add");
    await expect(commands).toContainText(new RegExp(`/ppp/secret/addname=${username} comment=rrnet:sub:\\S+ profile=rrnet-rumah-10-mbps service=pppoe disabled=no password=\\*\\*\\*`));
    await expect(commands).not.toContainText(password);
    const sessions = page.getByTestId("router-sessions");
    await expect(sessions).toContainText(username);
    await expect(sessions.getByRole("link", { name })).toBeVisible();

    // Isolated by hand: the secret moves to the isolation profile, the session is kicked and the
    // CPE redials into it, its address on the isolation address list.
    await page.goto(hostUrl("demo.localhost", customerPath));
    const before = session()!["session-id"];
    await page.getByTestId("network-isolate").click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Isolir" }).click();
    await expect.poll(() => secret()?.profile, { timeout: 60_000 }).toBe("isolir");
    await expect.poll(sessionProfile, { timeout: 10_000 }).toBe("isolir");
    const isolated = session()!;
    expect(isolated["session-id"]).not.toBe(before);
    expect(sim.model.list("/ip/firewall/address-list").filter((e) => e.list === "isolir" && e.address === isolated.address)).toHaveLength(1);
    await expect(account).toContainText("Diisolir", { timeout: 30_000 });
    await expect(account).toContainText("Sudah di router", { timeout: 30_000 });
    await expect(page.getByTestId("network-restore")).toBeVisible();
    await page.goto(hostUrl("demo.localhost", routerPath));
    await expect(page.getByTestId("router-commands")).toContainText("profile=isolir");
    await expect(page.getByTestId("router-commands")).toContainText("/ppp/active/remove");
    await expect(page.getByTestId("router-sessions")).toContainText(username);

    // Restored: back on the package's profile, kicked again, off the isolation list.
    await page.goto(hostUrl("demo.localhost", customerPath));
    await page.getByTestId("network-restore").click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Buka isolir" }).click();
    await expect.poll(() => secret()?.profile, { timeout: 60_000 }).toBe("rrnet-rumah-10-mbps");
    await expect.poll(sessionProfile, { timeout: 10_000 }).toBe("rrnet-rumah-10-mbps");
    const restored = session()!;
    expect(restored["session-id"]).not.toBe(isolated["session-id"]);
    expect(sim.model.list("/ip/firewall/address-list").filter((e) => e.list === "isolir" && e.address === restored.address)).toHaveLength(0);
    await expect(account).toContainText("Normal", { timeout: 30_000 });
    await expect(page.getByTestId("network-isolate")).toBeVisible();

    // The router stops answering: two polls in a row (each connection test is one) mark it
    // down, and the home page names it.
    sim.faults.reachability = "refuse";
    sim.dropConnections();
    await page.goto(hostUrl("demo.localhost", routerPath));
    for (let poll = 0; poll < 2; poll++) {
      await Promise.all([page.waitForResponse((r) => r.url().includes("routers.testConnection")), page.getByTestId("router-test-connection").click()]);
    }
    await expect(page.getByTestId("connection-test-result")).toContainText("Router memutus koneksi.");
    await expect(page.getByTestId("router-status").first()).toHaveAttribute("data-status", "down");
    await page.goto(hostUrl("demo.localhost", "/"));
    await expect(page.getByTestId("home-routers-down-list").getByRole("link", { name: routerName })).toBeVisible();
    sim.faults.reachability = "ok";
  } finally {
    sim.faults.reachability = "ok";
    await worker.stop();
  }
});
