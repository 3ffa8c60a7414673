// Invoice generation benchmark (npm run bench:billing [-- --customers N]; scripts/bench-billing.sh
// recreates and migrates the scratch database first). Seeds N customers with one subscription
// each across four tenants (bench/billing-seed.sql), then times one month's generation through
// the code path of the worker: the `billing.tenant_day` job's handler (generateInvoices, then the
// overdue pass), one tenant after another, on a run date that makes every subscription due.
// Checks that exactly N invoices were written, numbered 1..count per tenant without gaps, and
// reports the process's peak memory. Goal: 100 000 invoices in under 10 s with memory that does
// not grow with N. A measurement: exit 0 whether or not the goal is met, non-zero only when the
// run fails or its result is wrong.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ZTenantDayPayload } from "@/server/jobs/tenant-days";
import { tenantDayJob } from "@/server/modules/billing/billing.jobs";
import { Prisma } from "@/server/db/generated/client";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { invoiceCounterKey } from "@/server/modules/billing/invoice-math";
import { logger } from "@/server/log/logger";
import { closeConnections } from "@/server/testing/lifecycle";

const ROOT = path.resolve(import.meta.dirname, "..");
const SEED_SQL = path.join(ROOT, "bench/billing-seed.sql");
const DEFAULT_CUSTOMERS = 10_000;
// The seed's phone numbers have 8 digits of sequence; far beyond any single ISP anyway.
const MAX_CUSTOMERS = 10_000_000;
// The 28th: with billing days 1–28 the cycle containing it starts this month for every
// customer, so every subscription (all started on or before it) is due.
const RUN_DATE = "2026-11-28";
const YEAR = Number(RUN_DATE.slice(0, 4));
const GOAL = { invoices: 100_000, seconds: 10 };
const SAMPLE_MS = 10;

class BenchError extends Error {}
function fail(message: string): never {
  throw new BenchError(message);
}

function parseArgs(argv: string[]) {
  let customers = DEFAULT_CUSTOMERS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    if (flag !== "--customers") fail(`unknown argument: ${arg} (use --customers N)`);
    const raw = inline ?? argv[++i];
    if (raw === undefined || !/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_CUSTOMERS) {
      fail(`--customers needs a positive integer up to ${MAX_CUSTOMERS}, got ${raw === undefined ? "nothing" : JSON.stringify(raw)}`);
    }
    customers = Number(raw);
  }
  return { customers };
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const maxRssBytes = () => process.resourceUsage().maxRSS * 1024; // maxRSS is in kilobytes

/**
 * Seeding runs in psql, a child process, not in this one: the bench process then never holds
 * seed data, so its peak RSS (the kernel's high-water mark, process.resourceUsage().maxRSS)
 * is start-up plus whatever generation adds, and can be compared across N as it is. The
 * interval sampler below shows the same from the inside (baseline before, peak during).
 */
function seed(customers: number) {
  const url = process.env.DATABASE_URL;
  if (!url) fail("DATABASE_URL is not set (run through npm run bench:billing, which prepares the database)");
  const run = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", `customers=${customers}`, "-f", SEED_SQL, url], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (run.error) fail(`could not run psql: ${run.error.message}`);
  if (run.status !== 0) fail(`seeding failed (psql exit ${run.status}):\n${run.stderr.trim()}`);
}

type TenantRow = { id: string; slug: string; taxMode: string; subscriptions: number };

async function benchTenants(): Promise<TenantRow[]> {
  return unsafeSystemDb().$queryRaw<TenantRow[]>`
    SELECT t.id::text, t.slug, t."taxMode"::text AS "taxMode", count(s.id)::int AS subscriptions
    FROM "Tenant" t LEFT JOIN "Subscription" s ON s."tenantId" = t.id
    WHERE t.slug LIKE 'bench-%'
    GROUP BY t.id ORDER BY t.slug`;
}

/** Peak RSS seen by sampling every SAMPLE_MS while generation runs (the event loop is mostly idle, waiting on PostgreSQL). */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  }, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

type NumberingRow = { tenantId: string; invoices: number; minNumber: number | null; maxNumber: number | null; distinctNumbers: number; counter: number | null; events: number };
type CoverageRow = { midCycle: number; expectedMidCycle: number; feeLines: number; expectedFees: number; taxed: number; taxableInTaxedTenants: number };

/** The result, from the database: N invoices, per tenant numbered 1..count with no gaps, and the cases the seed sets up were billed as such. */
async function check(tenants: TenantRow[], customers: number, created: number) {
  if (created !== customers) fail(`generation reported ${created} invoices, expected ${customers} (one per subscription)`);
  const db = unsafeSystemDb();
  const numbering = await db.$queryRaw<NumberingRow[]>`
    SELECT t.id::text AS "tenantId", count(i.id)::int AS invoices, min(i.number) AS "minNumber", max(i.number) AS "maxNumber",
           count(DISTINCT i.number)::int AS "distinctNumbers",
           (SELECT c."value" FROM "TenantCounter" c WHERE c."tenantId" = t.id AND c."key" = ${invoiceCounterKey(YEAR)}) AS counter,
           (SELECT count(*)::int FROM "OutboxEvent" e WHERE e."tenantId" = t.id AND e.type = 'billing.invoice_issued') AS events
    FROM "Tenant" t LEFT JOIN "Invoice" i ON i."tenantId" = t.id AND i.year = ${YEAR}
    WHERE t.slug LIKE 'bench-%'
    GROUP BY t.id`;
  let total = 0;
  for (const t of tenants) {
    const row = numbering.find((r) => r.tenantId === t.id);
    const n = row?.invoices ?? 0;
    total += n;
    if (n !== t.subscriptions) fail(`${t.slug}: ${n} invoices in the database, expected ${t.subscriptions}`);
    if (row!.minNumber !== 1 || row!.maxNumber !== n || row!.distinctNumbers !== n) {
      fail(`${t.slug}: invoice numbers run ${row!.minNumber}..${row!.maxNumber} with ${row!.distinctNumbers} distinct, expected 1..${n} without gaps`);
    }
    if (row!.counter !== n) fail(`${t.slug}: invoice counter is ${row!.counter}, expected ${n}`);
    if (row!.events !== n) fail(`${t.slug}: ${row!.events} invoice_issued events, expected ${n}`);
  }
  if (total !== customers) fail(`${total} invoices in the database, expected ${customers}`);

  // The cycle every customer is billed for: from its billing day in the run date's month.
  const cycleStart = Prisma.sql`(date_trunc('month', ${RUN_DATE}::date)::date + c."billingDay" - 1)`;
  const [coverage] = await db.$queryRaw<CoverageRow[]>`
    SELECT
      (SELECT count(*)::int FROM "Invoice" i JOIN "Subscription" s ON s."tenantId" = i."tenantId" AND s.id = i."subscriptionId"
         JOIN "Customer" c ON c."tenantId" = i."tenantId" AND c.id = i."customerId"
        WHERE i."periodStart" = s."startDate" AND i."periodStart" > ${cycleStart}) AS "midCycle",
      (SELECT count(*)::int FROM "Subscription" s JOIN "Customer" c ON c."tenantId" = s."tenantId" AND c.id = s."customerId"
        WHERE s."startDate" > ${cycleStart}) AS "expectedMidCycle",
      (SELECT count(*)::int FROM "InvoiceLine" WHERE position = 2) AS "feeLines",
      (SELECT count(*)::int FROM "Subscription" WHERE "installationFeeIdr" > 0) AS "expectedFees",
      (SELECT count(*)::int FROM "Invoice" WHERE "taxIdr" > 0) AS taxed,
      (SELECT count(*)::int FROM "Subscription" s JOIN "ServicePackage" p ON p."tenantId" = s."tenantId" AND p.id = s."packageId"
         JOIN "Tenant" t ON t.id = s."tenantId"
        WHERE p.taxable AND t."taxMode" <> 'none' AND t."taxRateBp" > 0) AS "taxableInTaxedTenants"`;
  const c = coverage!;
  if (c.midCycle !== c.expectedMidCycle) fail(`${c.midCycle} invoices start inside their cycle (from the subscription's start), expected ${c.expectedMidCycle}`);
  if (c.feeLines !== c.expectedFees) fail(`${c.feeLines} installation-fee lines, expected ${c.expectedFees}`);
  if (c.taxed !== c.taxableInTaxedTenants) fail(`${c.taxed} invoices carry PPN, expected ${c.taxableInTaxedTenants}`);
  return c;
}

async function main() {
  const { customers } = parseArgs(process.argv.slice(2));

  console.log(`bench:billing: seeding ${customers} customers with one subscription each across 4 tenants (psql, set-based)`);
  const seedStart = performance.now();
  seed(customers);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const tenants = await benchTenants(); // also opens the pool: connection set-up is not timed
  if (tenants.length !== 4) fail(`expected 4 bench tenants after seeding, found ${tenants.length}`);
  const seeded = tenants.reduce((sum, t) => sum + t.subscriptions, 0);
  if (seeded !== customers) fail(`seeding made ${seeded} subscriptions, expected ${customers}`);
  console.log(`bench:billing: seeded in ${seedSeconds.toFixed(2)} s (not part of the measurement)`);

  const log = logger();
  const baselineRss = process.memoryUsage().rss;
  const maxRssBefore = maxRssBytes();
  const sampler = rssSampler();
  const perTenant: { tenant: TenantRow; created: number; seconds: number }[] = [];
  console.log(`bench:billing: generating invoices for ${RUN_DATE} (billing.tenant_day handler, one tenant after another)`);
  const start = performance.now();
  for (const tenant of tenants) {
    const payload = ZTenantDayPayload.parse({ tenantId: tenant.id, date: RUN_DATE });
    const t0 = performance.now();
    const result = (await tenantDayJob.handler(payload, { jobId: `bench-${tenant.id}-${RUN_DATE}`, attempt: 1, log })) as { created: number };
    perTenant.push({ tenant, created: result.created, seconds: (performance.now() - t0) / 1000 });
  }
  const seconds = (performance.now() - start) / 1000;
  const sampledPeak = sampler.stop();
  const maxRssAfter = maxRssBytes();
  const created = perTenant.reduce((sum, r) => sum + r.created, 0);

  for (const r of perTenant) {
    console.log(
      `  ${r.tenant.slug.padEnd(8)} PPN ${r.tenant.taxMode.padEnd(9)} ${String(r.created).padStart(8)} invoices  ${r.seconds.toFixed(2).padStart(6)} s  ` +
        `${Math.round(r.created / r.seconds).toString().padStart(7)} invoices/s`,
    );
  }

  const coverage = await check(tenants, customers, created);
  console.log(
    `bench:billing: checked: ${created} invoices, numbered 1..count per tenant without gaps, counters and events match; ` +
      `${coverage.midCycle} starting mid-cycle, ${coverage.feeLines} with installation fee, ${coverage.taxed} with PPN`,
  );

  const peak = Math.max(maxRssAfter, sampledPeak);
  const rate = created / seconds;
  console.log(`bench:billing: generation ${seconds.toFixed(2)} s, ${Math.round(rate)} invoices/s`);
  console.log(
    `bench:billing: memory: rss before generation ${mb(baselineRss).toFixed(0)} MB, sampled peak during ${mb(sampledPeak).toFixed(0)} MB ` +
      `(+${mb(Math.max(0, sampledPeak - baselineRss)).toFixed(0)} MB); process maxRSS ${mb(maxRssBefore).toFixed(0)} MB before, ${mb(maxRssAfter).toFixed(0)} MB after`,
  );
  if (customers >= GOAL.invoices) {
    const scaled = (seconds * GOAL.invoices) / customers;
    console.log(`bench:billing: goal ${GOAL.invoices} invoices in under ${GOAL.seconds} s: ${scaled < GOAL.seconds ? "met" : "NOT met"}`);
  }
  console.log(
    `bench:billing customers=${customers} invoices=${created} seconds=${seconds.toFixed(2)} invoices_per_s=${Math.round(rate)} peak_rss_mb=${Math.round(mb(peak))}`,
  );
}

main().then(
  async () => {
    await closeConnections();
    process.exit(0);
  },
  async (error: unknown) => {
    console.error(`bench:billing failed: ${error instanceof BenchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await closeConnections().catch(() => undefined);
    process.exit(1);
  },
);
