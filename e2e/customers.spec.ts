// Journey (billing foundation): the owner finds a subscriber, opens them and sees what they are
// subscribed to; packages show rupiah prices. Uses Demo Net's seeded subscribers.
import { expect, test } from "@playwright/test";
import { DEMO_OWNER, hostUrl, signIn } from "./helpers";

test("the owner searches a subscriber, opens them and sees their package", async ({ page }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Customers" }).click();
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

test("a refused save shows the server's message and code (tRPC errors reach the page)", async ({ page }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await page.goto(hostUrl("demo.localhost", "/packages"));
  await page.getByRole("button", { name: "Add package" }).click();
  await page.getByLabel("Name").fill("Rumah 10 Mbps");
  await page.getByLabel("Monthly price (Rp)").fill("99000");
  await page.getByLabel("Download (Mbps)").fill("10");
  await page.getByLabel("Upload (Mbps)").fill("5");
  await page.getByRole("button", { name: "Add package" }).last().click();
  const alert = page.getByRole("alert").filter({ hasText: "CONFLICT" });
  await expect(alert).toContainText("A package with this name already exists.");
});
