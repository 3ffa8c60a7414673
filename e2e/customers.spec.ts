// Journey (billing foundation): the owner finds a subscriber, opens them and sees what they are
// subscribed to; packages show rupiah prices. Uses Demo Net's seeded subscribers.
import { expect, test } from "@playwright/test";
import { DEMO_OWNER, hostUrl, mainNav, signIn } from "./helpers";

test("the owner searches a subscriber, opens them and sees their package", async ({ page }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await mainNav(page).getByRole("link", { name: "Pelanggan", exact: true }).click();
  await page.getByTestId("customers-search").fill("warung");
  const table = page.getByTestId("customers-table");
  await expect(table.getByText("Warung Bu Sri")).toBeVisible();
  await expect(table.getByText("C-000001")).toBeVisible();
  await expect(table.getByText("Ahmad Fauzi")).toHaveCount(0);

  await table.getByRole("link", { name: /Warung Bu Sri/ }).first().click();
  await expect(page.getByRole("heading", { name: /Warung Bu Sri/ }).first()).toBeVisible();
  await expect(page.getByTestId("subscription-row").first()).toContainText("Bisnis 50 Mbps");

  await page.goto(hostUrl("demo.localhost", "/packages"));
  await expect(page.locator('[data-testid="package-card"][data-name="Rumah 10 Mbps"]')).toContainText("Rp 150.000");
});

test("a collector can read customers but not manage packages", async ({ page }) => {
  await signIn(page, "demo.localhost", { email: "collector@demo.local", password: "demo-collector" });
  await page.goto(hostUrl("demo.localhost", "/customers"));
  await expect(page.getByTestId("customers-search")).toBeVisible();
  const response = await page.goto(hostUrl("demo.localhost", "/packages"));
  expect(response?.status()).toBe(403);
});

test("a refused save puts the server's message on the field it names (tRPC errors reach the page)", async ({ page }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await page.goto(hostUrl("demo.localhost", "/packages"));
  await page.getByRole("button", { name: "Tambah paket" }).click();
  await page.getByLabel("Nama", { exact: true }).fill("Rumah 10 Mbps");
  await page.getByLabel("Harga bulanan (Rp)").fill("99000");
  await page.getByLabel("Unduh (Mbps)").fill("10");
  await page.getByLabel("Unggah (Mbps)").fill("5");
  await page.getByRole("button", { name: "Tambah paket" }).last().click();
  // The server's CONFLICT names the field: its message, in the owner's language, is on it.
  const name = page.getByLabel("Nama", { exact: true });
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/Sudah ada paket dengan nama ini\./);
});

test("adding a customer with billing day 31 and a bad NIK names both fields, in Indonesian", async ({ page }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await page.goto(hostUrl("demo.localhost", "/customers"));
  await page.getByRole("button", { name: "Tambah pelanggan" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Tambah pelanggan" });
  await dialog.getByLabel("Nama").fill("Pak Salah Isi");
  await dialog.getByLabel("Tanggal tagihan").fill("31");
  await dialog.getByLabel("KTP / NIK").fill("12345");
  await dialog.getByRole("button", { name: "Tambah pelanggan" }).click();
  const billingDay = dialog.getByLabel("Tanggal tagihan");
  await expect(billingDay).toHaveAttribute("aria-invalid", "true");
  await expect(billingDay).toHaveAccessibleDescription(/Tanggal tagihan harus 1 sampai 28\./);
  await expect(dialog.getByLabel("KTP / NIK")).toHaveAccessibleDescription(/Nomor KTP\/NIK terdiri dari 16 digit\./);

  // Corrected, it is added and announced with a link to it.
  await billingDay.fill("28");
  await dialog.getByLabel("KTP / NIK").fill("");
  await dialog.getByRole("button", { name: "Tambah pelanggan" }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByTestId("customer-added").getByRole("link", { name: /Pelanggan C-\d+ ditambahkan\./ }).click();
  await expect(page.getByRole("heading", { name: /Pak Salah Isi/ }).first()).toBeVisible();
});

test("the list's search and status filter live in the URL", async ({ page }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await page.goto(hostUrl("demo.localhost", "/customers?status=isolated"));
  await expect(page.getByTestId("customers-status-filter")).toHaveValue("isolated");
  await expect(page.getByTestId("customer-row").first()).toContainText("Diisolir");
  await page.getByTestId("customers-status-filter").selectOption("");
  await page.getByTestId("customers-search").fill("warung");
  await expect(page).toHaveURL(/\?q=warung$/);
  await page.reload();
  await expect(page.getByTestId("customers-search")).toHaveValue("warung");
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
});

test("a customer's phone calls and opens WhatsApp, a located customer opens in a map app", async ({ page }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await page.goto(hostUrl("demo.localhost", "/customers"));
  await page.getByTestId("customers-table").getByRole("link", { name: "Warung Bu Sri" }).click();
  const contact = page.getByTestId("customer-contact");
  await expect(contact.getByRole("link", { name: "Telepon" })).toHaveAttribute("href", /^tel:\+62\d+$/);
  await expect(contact.getByRole("link", { name: "WhatsApp" })).toHaveAttribute("href", /^https:\/\/wa\.me\/62\d+$/);
  await expect(contact.getByRole("link", { name: "Buka di peta" })).toHaveAttribute("href", /^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=-?\d+\.\d+,-?\d+\.\d+$/);
});

test("the owner exports the register as .xlsx", async ({ page }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await page.goto(hostUrl("demo.localhost", "/customers"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ekspor Excel (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const stream = await download.createReadStream();
  const head = await new Promise<Buffer>((resolve) => stream.once("data", (chunk) => resolve(chunk as Buffer)));
  expect(head.subarray(0, 2).toString()).toBe("PK"); // a zip: the .xlsx container
});

test("a collector is offered no export and is refused one", async ({ page }) => {
  await signIn(page, "demo.localhost", { email: "collector@demo.local", password: "demo-collector" });
  await page.goto(hostUrl("demo.localhost", "/customers"));
  await expect(page.getByTestId("customers-search")).toBeVisible();
  await expect(page.getByTestId("customers-export-xlsx")).toHaveCount(0);
  const refused = await page.evaluate(async () => {
    const r = await fetch("/api/customers/export?format=csv");
    return { status: r.status, body: (await r.json()) as { code: string } };
  });
  expect(refused).toMatchObject({ status: 403, body: { code: "FORBIDDEN" } });
});
