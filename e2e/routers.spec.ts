// Journey (network I): the admin adds a MikroTik router — here a RouterOS simulator on a real
// port —, tests the connection before saving (a wrong password first says exactly that), saves
// it and sees its identity and version; a technician sees it but cannot add one.
import { expect, test } from "@playwright/test";
import { startRouterOsSim, type RouterOsSim } from "../sim/routeros/routeros-sim";
import { hostUrl, signIn } from "./helpers";

const ADMIN = { email: "admin@demo.local", password: "demo-admin" };
let sim: RouterOsSim;

test.beforeAll(async () => {
  sim = await startRouterOsSim({ identity: "e2e-core", users: [{ name: "rrnet-api", password: "e2e-api-pass", group: "full" }], apiSslPort: null, restPort: null });
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
