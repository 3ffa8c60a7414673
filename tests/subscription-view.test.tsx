// The owner's subscription page tells the truth about money owed: "nothing to pay" only when
// nothing is outstanding; an issued invoice not yet due is named with its due date; past due is
// said with the read-only date. Rendered on the server, as the page is.
import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SubscriptionView } from "@/components/saas-billing/SubscriptionView";
import { MESSAGES } from "@/i18n/messages";
import type { TSaasSubscription } from "@/server/modules/saas-billing/saas-billing.schema";

const invoice = (over: Partial<TSaasSubscription["invoices"][number]>): TSaasSubscription["invoices"][number] => ({
  id: "0b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60",
  number: "RR/2026/12/0001",
  period: "2026-12",
  periodStart: "2026-12-01",
  periodEnd: "2026-12-31",
  issueDate: "2026-12-01",
  dueDate: "2026-12-08",
  status: "issued",
  lines: [{ description: "Paket Basic", quantity: 1, unitPriceIdr: 150_000, amountIdr: 150_000 }],
  totalIdr: 150_000,
  paidIdr: 0,
  outstandingIdr: 150_000,
  paidAt: null,
  payments: [],
  ...over,
});

const subscription = (over: Partial<TSaasSubscription>): TSaasSubscription => ({
  plan: { code: "basic", name: "Basic", priceIdr: 150_000 },
  addOns: [],
  monthlyIdr: 150_000,
  standing: "good",
  standingAt: null,
  outstandingIdr: 0,
  overdueIdr: 0,
  restrictsOn: null,
  restrictAfterDays: 14,
  paymentInstructions: null,
  invoices: [],
  ...over,
});

function standingText(data: TSaasSubscription, locale: "id" | "en" = "id"): string {
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="Asia/Jakarta">
      <SubscriptionView data={data} />
    </NextIntlClientProvider>,
  );
  return html.match(/data-testid="subscription-standing-text">([^<]*)</)![1]!;
}

describe("subscription standing", () => {
  it("an issued invoice not yet due is named with its amount and due date, never 'paid up'", () => {
    const data = subscription({ outstandingIdr: 150_000, invoices: [invoice({})] });
    expect(standingText(data)).toBe("Rp 150.000 jatuh tempo 8 Des 2026. Belum ada yang lewat jatuh tempo.");
    expect(standingText(data, "en")).toBe("Rp 150.000 is due on 8 Dec 2026. Nothing is past due.");
  });

  it("nothing outstanding says there is nothing to pay", () => {
    const data = subscription({ invoices: [invoice({ status: "paid", paidIdr: 150_000, outstandingIdr: 0 })] });
    expect(standingText(data, "en")).toBe("No RRNET invoice is waiting to be paid.");
  });

  it("money past due is said as such, with the day the account becomes read-only, even before the standing is updated", () => {
    const data = subscription({ standing: "good", outstandingIdr: 150_000, overdueIdr: 150_000, restrictsOn: "2026-12-22", invoices: [invoice({ status: "overdue" })] });
    expect(standingText(data, "en")).toBe("Rp 150.000 is past its due date. Pay it before 22 Dec 2026: 14 days after the due date the account becomes read-only.");
  });
});
