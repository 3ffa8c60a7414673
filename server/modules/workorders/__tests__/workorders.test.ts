// Work orders through the tRPC procedures: the transition table, required checklist items
// (finish refused with the missing ones named), checklist values checked against their items,
// GPS check-in distance, technicians working only their own orders, and tenant isolation.
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

// A 1×1 PNG: what the phone uploads is checked by its bytes (files module).
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

async function fieldTenant(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "owner");
  const admin = await userWithRole(tenant, "admin");
  const tech = await userWithRole(tenant, "technician");
  const other = await userWithRole(tenant, "technician");
  const db = forTenant(tenant.id);
  const customer = await db.customer.create({ data: { tenantId: tenant.id, number: 1, name: "Bu Sari", phone: "+6281234567890", status: "prospect", latitude: -6.2, longitude: 106.8 } });
  return { tenant, db, admin: admin.caller, tech: tech.caller, techUser: tech.user, other: other.caller, otherUser: other.user, customer };
}

describe("work orders", () => {
  it("moves by the table: assigned on creation with a technician, the SLA from the kind, and a closed order never moves", async () => {
    const t = await fieldTenant("wo-flow");
    const before = Date.now();
    const order = await t.admin.workOrders.create({ kind: "repair", title: "Internet mati", customerId: t.customer.id, latitude: -6.2, longitude: 106.8, assigneeIds: [t.techUser.id] });
    expect(order.status).toBe("assigned");
    expect(order.number).toBe(1);
    expect(order.customer?.name).toBe("Bu Sari");
    expect(order.assignees.map((a) => a.id)).toEqual([t.techUser.id]);
    const dueIn = new Date(order.dueAt).getTime() - before;
    expect(dueIn).toBeGreaterThanOrEqual(24 * 3_600_000 - 1000);
    expect(dueIn).toBeLessThan(24 * 3_600_000 + 60_000);

    expect((await failure(t.tech.workOrders.finish({ id: order.id }))).code).toBe("WORK_ORDER_TRANSITION_INVALID");
    const onTheWay = await t.tech.workOrders.move({ id: order.id, to: "on_the_way" });
    // The technician may go on or back; cancelling is the office's (tasks.manage).
    expect(onTheWay.allowed).toEqual(["assigned", "in_progress"]);
    expect((await t.admin.workOrders.get({ id: order.id })).allowed).toEqual(["assigned", "in_progress", "cancelled"]);
    await t.tech.workOrders.move({ id: order.id, to: "in_progress" });
    await t.tech.workOrders.saveChecklist({ id: order.id, values: { cause: "Konektor kotor", action: "Bersihkan konektor" } });
    const done = await t.tech.workOrders.finish({ id: order.id, note: "Sudah normal" });
    expect(done.status).toBe("done");
    expect(done.completedAt).not.toBeNull();
    expect(done.allowed).toEqual([]);
    expect(done.events.map((e) => e.kind)).toEqual(["created", "status", "status", "checklist", "finished"]);
    const again = await failure(t.admin.workOrders.move({ id: order.id, to: "in_progress" }));
    expect([again.code, again.details?.from]).toEqual(["WORK_ORDER_TRANSITION_INVALID", "done"]);
    expect((await failure(t.admin.workOrders.cancel({ id: order.id, reason: "x" }))).code).toBe("WORK_ORDER_TRANSITION_INVALID");
  });

  it("refuses to finish an installation until every required item is filled, naming the missing ones", async () => {
    const t = await fieldTenant("wo-check");
    const order = await t.admin.workOrders.create({ kind: "installation", title: "Pasang baru", customerId: t.customer.id, assigneeIds: [t.techUser.id] });
    await t.tech.workOrders.move({ id: order.id, to: "in_progress" });
    const empty = await failure(t.tech.workOrders.finish({ id: order.id }));
    expect(empty.code).toBe("WORK_ORDER_CHECKLIST_INCOMPLETE");
    expect(empty.details?.missing).toEqual(["odpPort", "cableLengthM", "onuSerial", "rxPowerDbm", "router", "pppoeChecked", "photo"]);

    const partial = await t.tech.workOrders.saveChecklist({ id: order.id, values: { cableLengthM: 85, onuSerial: "ZTEGC0FFEE01", rxPowerDbm: -21.4, pppoeChecked: true } });
    expect(partial.missing).toEqual(["odpPort", "router", "photo"]);
    const file = await t.tech.files.upload({ purpose: "work_order_photo", dataUrl: PNG });
    const withPhoto = await t.tech.workOrders.addPhoto({ id: order.id, fileId: file.id, caption: "ODP", latitude: -6.2, longitude: 106.8 });
    // A retry of the same photo (a phone back online) records it once.
    await t.tech.workOrders.addPhoto({ id: order.id, fileId: file.id, caption: "ODP" });
    expect(withPhoto.photos).toHaveLength(1);
    expect(withPhoto.missing).toEqual(["odpPort", "router"]);
    const still = await failure(t.tech.workOrders.finish({ id: order.id }));
    expect(still.details?.missing).toEqual(["odpPort", "router"]);

    // Clearing an item puts it back on the list.
    const cleared = await t.tech.workOrders.saveChecklist({ id: order.id, values: { onuSerial: "" } });
    expect(cleared.missing).toEqual(["odpPort", "onuSerial", "router"]);
    expect((await t.admin.workOrders.get({ id: order.id })).status).toBe("in_progress");
  });

  it("checks each checklist value against its item: out of range, wrong type, unknown item and bad photos are refused", async () => {
    const t = await fieldTenant("wo-values");
    const order = await t.admin.workOrders.create({ kind: "installation", title: "Pasang", assigneeIds: [t.techUser.id] });
    const range = await failure(t.tech.workOrders.saveChecklist({ id: order.id, values: { rxPowerDbm: 5 } }));
    expect([range.code, Object.keys(range.details?.fields as object)]).toEqual(["VALIDATION_FAILED", ["values.rxPowerDbm"]]);
    const type = await failure(t.tech.workOrders.saveChecklist({ id: order.id, values: { pppoeChecked: "ya" } }));
    expect(Object.keys(type.details?.fields as object)).toEqual(["values.pppoeChecked"]);
    const unknown = await failure(t.tech.workOrders.saveChecklist({ id: order.id, values: { cause: "x" } }));
    expect(Object.keys(unknown.details?.fields as object)).toEqual(["values.cause"]);
    const photo = await failure(t.tech.files.upload({ purpose: "work_order_photo", dataUrl: "data:image/png;base64,aGVsbG8=" }));
    expect([photo.code, Object.keys(photo.details?.fields as object)]).toEqual(["VALIDATION_FAILED", ["dataUrl"]]);
    // A stored file of another purpose is no work-order photo.
    const receipt = await t.admin.files.upload({ purpose: "collection_photo", dataUrl: PNG });
    const other = await failure(t.tech.workOrders.addPhoto({ id: order.id, fileId: receipt.id }));
    expect([other.code, Object.keys(other.details?.fields as object)]).toEqual(["VALIDATION_FAILED", ["fileId"]]);
    expect((await t.admin.workOrders.get({ id: order.id })).checklist).toEqual({});
  });

  it("records the check-in position and its distance from the site, and starts the work", async () => {
    const t = await fieldTenant("wo-checkin");
    const order = await t.admin.workOrders.create({ kind: "survey", title: "Survei", latitude: -6.2, longitude: 106.8, assigneeIds: [t.techUser.id] });
    const checked = await t.tech.workOrders.checkIn({ id: order.id, latitude: -6.2009, longitude: 106.8, accuracyM: 12 });
    expect(checked.status).toBe("in_progress");
    expect(checked.checkIn?.distanceM).toBeGreaterThan(90);
    expect(checked.checkIn?.distanceM).toBeLessThan(110);
    const open = await t.admin.workOrders.create({ kind: "survey", title: "Belum ditugaskan" });
    expect((await failure(t.admin.workOrders.checkIn({ id: open.id, latitude: -6.2, longitude: 106.8 }))).code).toBe("WORK_ORDER_TRANSITION_INVALID");
  });

  it("a technician sees and works only the orders assigned to them, and cannot cancel", async () => {
    const t = await fieldTenant("wo-own");
    const mine = await t.admin.workOrders.create({ kind: "repair", title: "Punya saya", assigneeIds: [t.techUser.id] });
    const theirs = await t.admin.workOrders.create({ kind: "repair", title: "Punya orang lain", assigneeIds: [t.otherUser.id] });
    expect((await t.tech.workOrders.list()).map((o) => o.id)).toEqual([mine.id]);
    expect((await t.admin.workOrders.list()).map((o) => o.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect((await failure(t.tech.workOrders.get({ id: theirs.id }))).code).toBe("NOT_FOUND");
    expect((await failure(t.tech.workOrders.move({ id: theirs.id, to: "on_the_way" }))).code).toBe("NOT_FOUND");
    expect((await failure(t.tech.workOrders.cancel({ id: mine.id, reason: "malas" }))).code).toBe("FORBIDDEN");
    expect((await failure(t.tech.workOrders.move({ id: mine.id, to: "open" }))).code).toBe("FORBIDDEN");

    // Reassigning hands the order over.
    await t.admin.workOrders.assign({ id: theirs.id, assigneeIds: [t.techUser.id] });
    expect((await t.tech.workOrders.list()).map((o) => o.id).sort()).toEqual([mine.id, theirs.id].sort());
    const cancelled = await t.admin.workOrders.cancel({ id: mine.id, reason: "Pelanggan batal" });
    expect([cancelled.status, cancelled.cancelReason]).toEqual(["cancelled", "Pelanggan batal"]);
  });

  it("refuses assignees who cannot go to the field, and another tenant's orders do not exist", async () => {
    const t = await fieldTenant("wo-assign");
    const collector = await userWithRole(t.tenant, "collector");
    const refused = await failure(t.admin.workOrders.create({ kind: "repair", title: "x", assigneeIds: [collector.user.id] }));
    expect([refused.code, refused.details?.userIds]).toEqual(["VALIDATION_FAILED", [collector.user.id]]);
    expect((await t.admin.workOrders.assignable()).map((p) => p.name)[0]).toMatch(/^technician/);

    const order = await t.admin.workOrders.create({ kind: "repair", title: "Rahasia" });
    const elsewhere = await fieldTenant("wo-other");
    expect((await failure(elsewhere.admin.workOrders.get({ id: order.id }))).code).toBe("NOT_FOUND");
    expect((await failure(elsewhere.admin.workOrders.assign({ id: order.id, assigneeIds: [elsewhere.techUser.id] }))).code).toBe("NOT_FOUND");
    expect(await elsewhere.admin.workOrders.list()).toEqual([]);
  });
});
