// HR journey on the demo tenant (issue 16): the technician clocks in on a phone with GPS at the
// office and a selfie, and asks for a day's permission; HR approves it, runs last month's payroll,
// reviews and locks it; the technician opens the payslip on the phone and as a PDF.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { hostUrl, signIn } from "./helpers";

const HOST = "demo.localhost";
const TECH = { email: "tech@demo.local", password: "demo-technician" };
const HR = { email: "hr@demo.local", password: "demo-hr-staff" };
// A 1×1 PNG: the page scales it and sends it as a JPEG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

const phone = (browser: Browser) =>
  browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, permissions: ["geolocation"], geolocation: { latitude: -6.9177, longitude: 107.619, accuracy: 12 } });

/** Fetches a download from the page itself (its session cookie, its host): status, type, first bytes. */
const fetchedType = (page: Page, href: string) =>
  page.evaluate(async (url) => {
    const r = await fetch(url);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, type: r.headers.get("content-type"), head: String.fromCharCode(bytes[0]!, bytes[1]!) };
  }, href);

function lastMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return d.toISOString().slice(0, 7);
}

test("an employee clocks in on a phone, HR approves leave and locks the payroll, the employee opens the payslip", async ({ browser }) => {
  test.setTimeout(120_000);
  const techContext = await phone(browser);
  const tech = await techContext.newPage();
  await signIn(tech, HOST, TECH);
  await tech.goto(hostUrl(HOST, "/my/attendance"));
  await tech.getByTestId("selfie-input").setInputFiles({ name: "selfie.png", mimeType: "image/png", buffer: PNG });
  await expect(tech.getByRole("img", { name: "Swafoto" })).toBeVisible();
  await tech.getByTestId("clock-in").click();
  await expect(tech.getByTestId("clock-result")).toContainText(/Masuk pukul \d{2}\.\d{2} WIB/);
  await expect(tech.getByTestId("my-clock-in")).toContainText("WIB");
  // Nothing wider than the phone.
  expect(await tech.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await tech.goto(hostUrl(HOST, "/my/leave"));
  await tech.locator('select[name="kind"]').selectOption("permission");
  const day = new Date(Date.now() + 14 * 86_400_000);
  while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
  const date = day.toISOString().slice(0, 10);
  await tech.locator('input[name="startDate"]').fill(date);
  await tech.locator('input[name="endDate"]').fill(date);
  await tech.locator('textarea[name="reason"]').fill("Mengurus KTP anak");
  await tech.getByTestId("leave-submit").click();
  await expect(tech.getByTestId("my-leave-table")).toContainText("Menunggu");

  const hrPage = await (await browser.newContext()).newPage();
  await signIn(hrPage, HOST, HR);
  await hrPage.goto(hostUrl(HOST, "/leave"));
  const request = hrPage.getByTestId("leave-row").filter({ hasText: "Mengurus KTP anak" });
  await request.getByTestId("leave-approve").click();
  await expect(request).toContainText("Disetujui");

  await hrPage.goto(hostUrl(HOST, "/payroll"));
  await hrPage.getByTestId("run-period").fill(lastMonth());
  await hrPage.getByTestId("run-create").click();
  await hrPage.waitForURL(/\/payroll\/[0-9a-f-]{36}$/);
  await expect(hrPage.getByTestId("run-status")).toContainText("Draf");
  await hrPage.getByTestId("run-review").click();
  await expect(hrPage.getByTestId("run-status")).toContainText("Diperiksa");
  await hrPage.getByTestId("run-lock").click();
  await hrPage.getByTestId("run-lock-confirm-confirm").click();
  await expect(hrPage.getByTestId("run-status")).toContainText("Dikunci");
  const exportHref = await hrPage.getByTestId("run-export").getAttribute("href");
  expect(await fetchedType(hrPage, exportHref!)).toEqual({ status: 200, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", head: "PK" });

  await tech.goto(hostUrl(HOST, "/my/payslips"));
  await tech.getByTestId("open-payslip").first().click();
  await expect(tech.getByTestId("payslip-take-home")).toContainText("Rp");
  const pdfHref = await tech.getByTestId("payslip-pdf").getAttribute("href");
  expect(await fetchedType(tech, pdfHref!)).toEqual({ status: 200, type: "application/pdf", head: "%P" });
});
