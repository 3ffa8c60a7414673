// The forms' own schemas turn what a person types into what the API takes, and refuse what it
// would refuse, with the catalogue key of the field's message.
import { describe, expect, it } from "vitest";
import { ZBillingSettingsForm, ZInvoiceFormFields } from "@/server/modules/billing/billing.schema";
import { ZPackageForm } from "@/server/modules/packages/packages.schema";

const settings = { taxMode: "exclusive" as const, invoiceDueDays: 10, isolationGraceDays: 3, invoiceFooter: null, logoDataUrl: null };
const firstMessage = (result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) => result.error?.issues[0];

describe("billing settings form", () => {
  it("reads a PPN rate typed in percent, with a comma, as basis points", () => {
    expect(ZBillingSettingsForm.parse({ ...settings, taxRatePercent: "11,5" }).taxRateBp).toBe(1150);
    expect(ZBillingSettingsForm.parse({ ...settings, taxRatePercent: "11 %" }).taxRateBp).toBe(1100);
  });

  it("ignores the rate without PPN and refuses a missing or too high one with PPN", () => {
    expect(ZBillingSettingsForm.parse({ ...settings, taxMode: "none", taxRatePercent: "abc" }).taxRateBp).toBe(0);
    expect(firstMessage(ZBillingSettingsForm.safeParse({ ...settings, taxRatePercent: "60" }))).toMatchObject({ path: ["taxRatePercent"], message: "billing.validation.taxRate" });
    expect(firstMessage(ZBillingSettingsForm.safeParse({ ...settings, taxRatePercent: undefined }))).toMatchObject({ path: ["taxRatePercent"] });
  });
});

describe("package form", () => {
  it("takes speeds in Mbps and gives kbps", () => {
    const out = ZPackageForm.parse({ name: "Rumah 20M", priceIdr: 150_000, speedDownMbps: "20", speedUpMbps: "2,5", type: "pppoe", taxable: true, description: null, active: true });
    expect(out).toMatchObject({ speedDownKbps: 20_000, speedUpKbps: 2_500 });
  });

  it("refuses a speed that is not Mbps with one decimal, on that field", () => {
    const result = ZPackageForm.safeParse({ name: "Rumah", priceIdr: 1, speedDownMbps: "fast", speedUpMbps: "5", type: "pppoe", taxable: true, description: null, active: true });
    expect(firstMessage(result)).toMatchObject({ path: ["speedDownMbps"], message: "packages.validation.speed" });
  });
});

describe("invoice form", () => {
  it("refuses a discount larger than its line's price, on the line's discount", () => {
    const result = ZInvoiceFormFields.safeParse({ lines: [{ description: "Router", quantity: 1, unitPriceIdr: 100_000, discountIdr: 150_000, taxable: true }], notes: null });
    expect(firstMessage(result)).toMatchObject({ path: ["lines", 0, "discountIdr"], message: "billing.validation.discountTooLarge" });
  });
});
