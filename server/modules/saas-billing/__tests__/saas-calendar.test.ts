// RRNET's SaaS calendar and invoice rules, without a database: periods in Asia/Jakarta, issue
// and due dates, numbers, lines, and the standing a past-due invoice puts a tenant in.
import { describe, expect, it } from "vitest";
import {
  formatSaasInvoiceNumber,
  invoiceDates,
  periodBounds,
  previousPeriod,
  restrictsOn,
  rrnetDate,
  rrnetStartOfDay,
  saasInvoiceLines,
  standingFor,
} from "../saas-calendar";

describe("RRNET's calendar", () => {
  it("a day starts at midnight in Jakarta, not in UTC", () => {
    // 17:30 UTC on 31 May is 00:30 on 1 June in Jakarta.
    expect(rrnetDate(new Date("2026-05-31T17:30:00Z"))).toBe("2026-06-01");
    expect(rrnetDate(new Date("2026-05-31T16:59:59Z"))).toBe("2026-05-31");
    expect(rrnetStartOfDay("2026-06-01").toISOString()).toBe("2026-05-31T17:00:00.000Z");
  });

  it("periods have their month's last day, leap years included", () => {
    expect(periodBounds("2026-02")).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(periodBounds("2028-02")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(periodBounds("2026-12")).toEqual({ start: "2026-12-01", end: "2026-12-31" });
    expect(previousPeriod("2027-01")).toBe("2026-12");
  });

  it("issued on the 1st and due 7 days later; written later, dated the day it is written", () => {
    expect(invoiceDates("2026-05", "2026-05-01", 7)).toEqual({ issueDate: "2026-05-01", dueDate: "2026-05-08" });
    expect(invoiceDates("2026-05", "2026-05-20", 7)).toEqual({ issueDate: "2026-05-20", dueDate: "2026-05-27" });
    expect(invoiceDates("2026-12", "2026-12-28", 7)).toEqual({ issueDate: "2026-12-28", dueDate: "2027-01-04" });
  });

  it("numbers read RRN/<year>/<six digits>", () => {
    expect(formatSaasInvoiceNumber(2026, 1)).toBe("RRN/2026/000001");
    expect(formatSaasInvoiceNumber(2026, 123456)).toBe("RRN/2026/123456");
  });
});

describe("invoice lines", () => {
  it("one line for the plan and one per active add-on × quantity, in integer rupiah, in the tenant's language", () => {
    const { lines, totalIdr } = saasInvoiceLines(
      {
        plan: { name: "Pro", priceIdr: 350_000 },
        addOns: [
          { name: "+1 router", priceIdr: 25_000, quantity: 3, active: true },
          { name: "Old thing", priceIdr: 99_000, quantity: 1, active: false },
        ],
      },
      "2026-05",
      "id",
    );
    expect(lines).toEqual([
      { description: "Paket Pro, Mei 2026", quantity: 1, unitPriceIdr: 350_000, amountIdr: 350_000 },
      { description: "Tambahan +1 router, Mei 2026", quantity: 3, unitPriceIdr: 25_000, amountIdr: 75_000 },
    ]);
    expect(totalIdr).toBe(425_000);
    const english = saasInvoiceLines({ plan: { name: "Pro", priceIdr: 350_000 }, addOns: [{ name: "+1 router", priceIdr: 25_000, quantity: 3, active: true }] }, "2026-05", "en");
    expect(english.lines.map((l) => l.description)).toEqual(["Pro plan, May 2026", "Add-on +1 router, May 2026"]);
  });

  it("a zero-price plan without add-ons comes to zero", () => {
    expect(saasInvoiceLines({ plan: { name: "Free", priceIdr: 0 }, addOns: [] }, "2026-05", "id").totalIdr).toBe(0);
  });
});

describe("standing", () => {
  const due = "2026-05-08";
  it.each([
    [null, "2026-05-30", "good"],
    [due, "2026-05-08", "good"],
    [due, "2026-05-09", "warned"],
    [due, "2026-05-22", "warned"],
    [due, "2026-05-23", "restricted"],
  ] as const)("oldest past due %s on %s -> %s (14 days' grace)", (oldest, today, standing) => {
    expect(standingFor(oldest, today, 14)).toBe(standing);
  });

  it("the read-only day is the first day past the grace", () => {
    expect(restrictsOn(due, 14)).toBe("2026-05-23");
    expect(standingFor(due, restrictsOn(due, 14), 14)).toBe("restricted");
  });
});
