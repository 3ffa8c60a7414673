// The client portal answers BILLING_OVERDUE for service features while the customer is isolated,
// and always shows the bills to pay.
import { afterAll, describe, expect, it } from "vitest";
import { closeConnections } from "@/server/testing/lifecycle";
import { failure } from "@/server/testing/errors";
import { userWithRole } from "@/server/testing/callers";
import { generateInvoices } from "@/server/modules/billing/invoice-generation.service";
import { markOverdueAndIsolate } from "@/server/modules/billing/overdue.service";
import { billingTenant, key } from "@/server/modules/billing/__tests__/billing-fixtures";

afterAll(() => closeConnections());

describe("client portal and isolation", () => {
  it("an isolated customer sees their invoices but service calls answer BILLING_OVERDUE until paid", async () => {
    const t = await billingTenant("portal-iso", { invoiceDueDays: 5, isolationGraceDays: 0 });
    const { customer } = await t.subscriber({ startDate: "2026-10-01" });
    const client = await userWithRole(t.tenant, "client");
    await t.db.customer.update({ where: { id: customer.id }, data: { userId: client.user.id } });
    await generateInvoices(t.db, { runDate: "2026-11-01" });

    expect((await client.caller.portal.service()).subscriptions).toHaveLength(1);
    await markOverdueAndIsolate(t.db, { today: "2026-11-07" });

    const me = await client.caller.portal.me();
    expect(me).toMatchObject({ status: "isolated", balance: { outstandingIdr: 150_000, overdueIdr: 150_000 } });
    expect((await client.caller.portal.invoices()).rows).toHaveLength(1);
    expect(await failure(client.caller.portal.service())).toMatchObject({ code: "BILLING_OVERDUE", details: { outstandingIdr: 150_000 } });

    const finance = await userWithRole(t.tenant, "finance");
    await finance.caller.billing.payments.record({ customerId: customer.id, amountIdr: 150_000, method: "bank_transfer", idempotencyKey: key() });
    expect((await client.caller.portal.service()).subscriptions).toHaveLength(1);
  });

  it("a client user not linked to a customer gets NOT_FOUND, and never another customer's data", async () => {
    const t = await billingTenant("portal-none");
    await t.subscriber({ startDate: "2026-10-01" });
    const client = await userWithRole(t.tenant, "client");
    expect(await failure(client.caller.portal.me())).toMatchObject({ code: "NOT_FOUND", details: { reason: "no_customer_account" } });
  });
});
