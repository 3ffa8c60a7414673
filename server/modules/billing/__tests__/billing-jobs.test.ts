// The daily billing jobs: the dispatcher enqueues one tenant-day per active tenant and local
// date (the same day never twice), and a tenant-day issues the day's invoices then runs the
// overdue pass — through real Redis and PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import { getQueue } from "@/server/jobs/queues";
import { closeConnections } from "@/server/testing/lifecycle";
import { localDate } from "@/server/time/calendar-date";
import { dailyBillingJob, tenantDayJob } from "../billing.jobs";
import { billingTenant } from "./billing-fixtures";

afterAll(() => closeConnections());

const ctx = (jobId: string) => ({ jobId, attempt: 1, log: { info() {}, warn() {}, error() {}, debug() {} } as never });

describe("billing jobs", () => {
  it("the dispatcher enqueues each active tenant's day once, however often it fires", async () => {
    const t = await billingTenant("jobs-dispatch");
    const suspended = await billingTenant("jobs-suspended");
    await suspended.db.tenant.update({ where: { id: suspended.tenant.id }, data: { status: "suspended" } });
    const queue = getQueue("billing");
    await queue.pause();
    try {
      await dailyBillingJob.handler({ source: "manual" }, ctx("d1"));
      await dailyBillingJob.handler({ source: "manual" }, ctx("d2"));
      const date = localDate(new Date(), t.tenant.timezone);
      const jobs = (await queue.getJobs(["waiting", "paused", "completed", "active", "failed", "delayed"])).filter((j) => j?.name === tenantDayJob.name);
      const ours = jobs.filter((j) => j.data.tenantId === t.tenant.id);
      expect(ours.map((j) => [j.id, j.data.date])).toEqual([[`billing-day-${t.tenant.id}-${date}`, date]]);
      expect(jobs.some((j) => j.data.tenantId === suspended.tenant.id)).toBe(false);
    } finally {
      // The dispatch covered every test file's tenants: no worker may bill them "today".
      await queue.drain();
      await queue.resume();
    }
  });

  it("a tenant's day issues the invoices due and then marks overdue ones and isolates", async () => {
    const t = await billingTenant("jobs-day", { invoiceDueDays: 0, isolationGraceDays: 0 });
    const { customer } = await t.subscriber({ billingDay: 1, startDate: "2026-10-01" });
    const first = await tenantDayJob.handler({ tenantId: t.tenant.id, date: "2026-10-01" }, ctx("a"));
    expect(first).toMatchObject({ created: 1, overdue: 0 });
    const next = await tenantDayJob.handler({ tenantId: t.tenant.id, date: "2026-10-02" }, ctx("b"));
    expect(next).toMatchObject({ created: 0, overdue: 1, isolated: 1 });
    expect(await t.db.customer.findFirst({ where: { id: customer.id } })).toMatchObject({ status: "isolated" });
  });
});
