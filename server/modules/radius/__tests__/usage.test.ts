// Usage from accounting, with our FreeRADIUS: the simulated router reports a session's octets in
// Start / Interim-Update / Stop, FreeRADIUS writes them to radacct, and the fold job adds what is
// new to the subscriber's day — a second run adds nothing, another tenant's fold touches nothing
// of this one — and the customer's network tab shows the day and the month.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { localDate } from "@/server/time/calendar-date";
import { closeConnections } from "@/server/testing/lifecycle";
import { foldUsageJob } from "../radius.jobs";
import { foldUsage } from "../usage.service";
import { closeSimulatedNases, onlineSubscriber, waitFor } from "./online-subscriber";
import { radiusPorts } from "./radclient";

const MB = 1024 * 1024;

beforeAll(() => {
  radiusPorts();
});
afterEach(() => closeSimulatedNases());
afterAll(() => closeConnections());

describe("usage folded from RADIUS accounting", () => {
  it("adds interim and stop octets to the subscriber's day once, however often it runs", async () => {
    const t = await onlineSubscriber("usage-fold");
    const other = await onlineSubscriber("usage-other");
    const today = localDate(new Date(), "Asia/Jakarta");
    const usage = async () => (await t.caller.network.customer({ customerId: t.customer.id })).usage;
    const octets = (radacctid: bigint) => waitFor(async () => t.db.radiusAccounting.findFirst({ where: { radacctid, acctoutputoctets: { gt: 0 } } }));

    t.nas.addTraffic(t.account.username, 300 * MB, 20 * MB); // 300 MB down, 20 MB up
    other.nas.addTraffic(other.account.username, 7 * MB, 1 * MB);
    await Promise.all([t.nas.interimAll(), other.nas.interimAll()]);
    await octets(t.session.radacctid);
    expect(await t.db.radiusAccounting.findFirst({ where: { radacctid: t.session.radacctid } })).toMatchObject({ acctoutputoctets: BigInt(300 * MB), acctinputoctets: BigInt(20 * MB) });

    // Another tenant's fold leaves this tenant's sessions unfolded.
    expect(await foldUsage(other.db, "Asia/Jakarta")).toBe(1);
    expect(await t.db.radiusUsageDay.count()).toBe(0);

    expect(await foldUsage(t.db, "Asia/Jakarta")).toBe(1);
    expect(await foldUsage(t.db, "Asia/Jakarta")).toBe(0);
    expect(await usage()).toMatchObject({ days: [{ day: today, downloadBytes: 300 * MB, uploadBytes: 20 * MB }], monthDownloadBytes: 300 * MB, monthUploadBytes: 20 * MB });

    // More traffic, then the session ends (Stop carries the final counters): only the new octets are added.
    t.nas.addTraffic(t.account.username, 100 * MB, 5 * MB);
    const online = t.model.pppSession(t.account.username)!;
    t.model.remove("/ppp/active", [online[".id"]!]);
    await t.nas.settled();
    await waitFor(async () => t.db.radiusAccounting.findFirst({ where: { radacctid: t.session.radacctid, acctstoptime: { not: null } } }));
    await foldUsageJob.handler({ source: "manual" }, { jobId: "test", attempt: 1, log: { info: () => undefined } as never });
    await foldUsage(t.db, "Asia/Jakarta");
    expect(await usage()).toMatchObject({ days: [{ day: today, downloadBytes: 400 * MB, uploadBytes: 25 * MB }], monthDownloadBytes: 400 * MB });
    expect((await other.caller.network.customer({ customerId: other.customer.id })).usage).toMatchObject({ days: [{ day: today, downloadBytes: 7 * MB, uploadBytes: 1 * MB }] });
  });

  it("files a session's octets under the tenant's local day of the update", async () => {
    const t = await onlineSubscriber("usage-zone");
    t.nas.addTraffic(t.account.username, 10 * MB, 1 * MB);
    await t.nas.interimAll();
    await waitFor(async () => t.db.radiusAccounting.findFirst({ where: { radacctid: t.session.radacctid, acctoutputoctets: { gt: 0 } } }));
    // 23:30 WIB on 5 Dec is 16:30 UTC: the update belongs to 5 Dec in Jakarta, 6 Dec in Jayapura (WIT, +9 → 01:30).
    await t.db.radiusAccounting.updateMany({ where: { radacctid: t.session.radacctid }, data: { acctupdatetime: new Date("2026-12-05T16:30:00Z") } });
    await foldUsage(t.db, "Asia/Jayapura");
    expect((await t.db.radiusUsageDay.findMany()).map((d) => d.day.toISOString().slice(0, 10))).toEqual(["2026-12-06"]);
  });
});
