// What the technician's phone view reads and sends besides the order itself: the customer's line
// at the site (only for orders the technician works) and the "on the way" move, which stands
// even when the tenant has WhatsApp switched off (no message, the move is kept).
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

async function fieldTenant(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "owner");
  const admin = await userWithRole(tenant, "admin");
  const tech = await userWithRole(tenant, "technician");
  const other = await userWithRole(tenant, "technician");
  const db = forTenant(tenant.id);
  const customer = await db.customer.create({ data: { tenantId: tenant.id, number: 1, name: "Pak Budi", phone: "+6281234500000", status: "prospect", latitude: -6.2, longitude: 106.8 } });
  return { admin: admin.caller, tech: tech.caller, techUser: tech.user, other: other.caller, customer };
}

describe("the technician's field view", () => {
  it("shows the customer's line of an assigned order (no accounts, not on an ODP yet) and nothing of another technician's", async () => {
    const t = await fieldTenant("wo-facts");
    const order = await t.admin.workOrders.create({ kind: "installation", title: "Pasang baru", customerId: t.customer.id, assigneeIds: [t.techUser.id] });
    const facts = await t.tech.workOrders.siteFacts({ id: order.id });
    expect(facts).toMatchObject({ customerId: t.customer.id, customerStatus: "prospect", accounts: [], online: false, drop: null, openIncidents: [] });
    expect((await failure(t.other.workOrders.siteFacts({ id: order.id }))).code).toBe("NOT_FOUND");
    const survey = await t.admin.workOrders.create({ kind: "survey", title: "Survei area", assigneeIds: [t.techUser.id] });
    expect(await t.tech.workOrders.siteFacts({ id: survey.id })).toBeNull();
  });

  it("setting off with WhatsApp switched off keeps the move and reports no message", async () => {
    const t = await fieldTenant("wo-way");
    const order = await t.admin.workOrders.create({ kind: "repair", title: "Internet mati", customerId: t.customer.id, assigneeIds: [t.techUser.id] });
    const moved = await t.tech.workOrders.move({ id: order.id, to: "on_the_way" });
    expect([moved.status, moved.customerNotice]).toEqual(["on_the_way", null]);
  });
});
