// The owner's two-factor policy on Settings: an owner without 2FA is sent to set it up first;
// one with 2FA is asked to confirm, told who will be stopped, and nothing applies on Cancel.
import { expect, test } from "@playwright/test";
import { addStaff, DEMO_OWNER, enrollTwoFactor, hostUrl, signIn, signInFirstTime, signOut } from "./helpers";

const stamp = Date.now().toString(36);

test("requiring 2FA from all staff: enroll yourself first, then confirm naming who is affected", async ({ page }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await page.goto(hostUrl("demo.localhost", "/settings"));
  const policy = page.getByTestId("two-factor-policy");
  await expect(policy.getByTestId("two-factor-enroll-first")).toBeVisible();
  await expect(policy.getByTestId("require-two-factor")).toHaveCount(0);

  // A second owner, who sets up 2FA as the alert asks.
  await page.goto(hostUrl("demo.localhost", "/staff"));
  const email = `owner2-${stamp}@demo.local`;
  const password = await addStaff(page, { name: "Dewi Lestari", email, role: "owner" });
  await signOut(page);
  await signInFirstTime(page, "demo.localhost", { email, password });
  await page.goto(hostUrl("demo.localhost", "/settings"));
  await page.getByTestId("two-factor-enroll-first").getByRole("link", { name: "Aktifkan verifikasi dua langkah saya" }).click();
  await page.waitForURL(/\/account\/security$/);
  await enrollTwoFactor(page);
  await expect(page.getByTestId("recovery-codes")).toBeVisible();

  await page.goto(hostUrl("demo.localhost", "/settings"));
  await page.getByTestId("require-two-factor").click();
  const dialog = page.getByTestId("require-two-factor-dialog");
  await expect(dialog).toContainText("staf aktif belum mengaktifkannya");
  await expect(dialog.getByTestId("two-factor-affected")).toContainText("Pemilik");
  await expect(dialog.getByTestId("two-factor-affected")).not.toContainText("Dewi Lestari");
  // Cancel: nothing applied (the other journeys' staff keep working).
  await dialog.getByRole("button", { name: "Batal" }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("two-factor-policy")).toBeVisible();
  await expect(page.getByText("Opsional", { exact: true })).toBeVisible();
});
