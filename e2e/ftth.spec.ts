// Journey (FTTH): a technician on a phone opens the fibre map, finds an ODP by searching its
// code, goes up to the ODC that feeds it, marks that ODC down, and sees the outage it opened with
// the customers it affects. The map draws no tiles here (MAP_TILE_URL=none): overlays only.
import { expect, test } from "@playwright/test";
import { hostUrl, signIn } from "./helpers";

const TECH = { email: "tech@demo.local", password: "demo-technician" };

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

test("a technician finds an ODP, marks its ODC down and sees the outage with its customers", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "demo.localhost", TECH);
  await page.goto(hostUrl("demo.localhost", "/map"));
  await expect(page.getByTestId("ftth-map")).toBeVisible();
  // The canvas overlay is drawn without any tile server.
  await expect(page.locator(".leaflet-overlay-pane canvas")).toBeVisible();

  await page.getByTestId("ftth-search").fill("ODP-SKM-003");
  await page.getByTestId("ftth-search-results").getByRole("button", { name: /ODP-SKM-003/ }).click();
  const panel = page.getByTestId("ftth-panel");
  await expect(panel.getByTestId("ftth-panel-code")).toHaveText("ODP-SKM-003");

  // Up to the cabinet that feeds it.
  await panel.getByRole("button", { name: "ODC-SKM-01", exact: true }).click();
  await expect(panel.getByTestId("ftth-panel-code")).toHaveText("ODC-SKM-01");
  await panel.getByTestId("ftth-mark-down").click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Ya, tandai mati" }).click();
  await expect(panel.getByTestId("ftth-panel-status")).toHaveText("Mati");

  await panel.getByTestId("ftth-panel-incident").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Gangguan GGN-");
  await expect(page.getByTestId("incident-cause")).toContainText("ODC-SKM-01");
  const customers = page.getByTestId("incident-customers").getByTestId("incident-customer");
  await expect(customers.first()).toBeVisible();
  await expect(page.getByTestId("incident-customers")).toContainText("Warung Bu Sri");

  // Back up again, so the demo data is as it was for the other journeys.
  await page.getByRole("button", { name: "Selesaikan" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Selesaikan" }).click();
  await expect(page.getByText("Selesai", { exact: true }).first()).toBeVisible();
});
