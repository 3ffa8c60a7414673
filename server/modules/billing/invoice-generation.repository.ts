// The set-based SQL behind monthly invoice generation: one statement per tenant computes every
// due (subscription, period), numbers the invoices, writes them, their lines and their
// "invoice issued" outbox events. Rules (the same as proration.ts and invoice-math.ts, checked
// by a test against them):
// - a subscription's billing cycle runs from the customer's billing day to the day before the
//   next one; the run bills the cycle that contains the run date;
// - a subscription that started inside that cycle is billed from its start date, prorated
//   (round half up of net × days used / days in cycle) unless it is set to charge in full;
// - billing resumes after the last billed day, so changing a customer's billing day never bills
//   a day twice: the rest of the cycle up to the new billing day is billed prorated;
// - the installation fee goes on the subscription's first (not voided) invoice; a voided
//   period is not billed again;
// - PPN per the tenant's mode and rate, on taxable packages.
import "server-only";
import { currentTraceJson } from "@/server/telemetry/job-trace";
import type { TenantTx } from "@/server/db";
import { invoiceCounterKey, formatInvoiceNumber } from "./invoice-math";
import { invoiceIssued } from "./billing.events";

export type GenerationResult = { created: number; firstNumber: number | null; lastNumber: number | null };

/**
 * Writes the invoices of `runDate` (tenant's calendar date) for one tenant. The caller holds the
 * tenant's generation lock, so "not yet invoiced" is exact; the unique (tenant, subscription,
 * period start) constraint and the exclusion constraint on overlapping periods are the
 * backstop: a duplicate fails the statement and nothing is written.
 */
export async function insertDueInvoices(tx: TenantTx, runDate: string, issuedAt: Date): Promise<GenerationResult> {
  const tenantId = tx.tenantId;
  const year = Number(runDate.slice(0, 4));
  const counterKey = invoiceCounterKey(year);
  const prefix = formatInvoiceNumber(year, 0).slice(0, -6);
  // No JIT for this statement (SET LOCAL: this transaction only). The planner cannot estimate
  // joins between CTEs, so for a tenant of 25 000 subscriptions it costs the statement above
  // jit_optimize_above_cost and spent ~0.8 s compiling (EXPLAIN ANALYZE, bench:billing) for
  // an execution of ~1.1 s whose time is index inserts and foreign-key checks, which JIT does
  // not speed up.
  await tx.$executeRaw`SET LOCAL jit = off`;
  const rows = await tx.$queryRaw<{ created: number; first: number | null; last: number | null }[]>`
    WITH t AS (
      SELECT "taxMode", "taxRateBp", "invoiceDueDays" FROM "Tenant" WHERE id = ${tenantId}::uuid
    ),
    due AS (
      SELECT s.id AS sid, s."customerId", c.number AS cnum, p.name AS pname, p."priceIdr"::bigint AS price,
             s."discountIdr"::bigint AS discount, s."installationFeeIdr" AS fee, p.taxable, s."prorateFirstPeriod" AS prorate,
             s."startDate", s."endDate", cyc.cycle_start, (cyc.cycle_start + interval '1 month')::date AS next_cycle,
             billed.last_end,
             -- After the last billed day: a changed billing day never bills a day twice.
             GREATEST(cyc.cycle_start, s."startDate", billed.last_end + 1) AS period_start
      FROM "Subscription" s
      JOIN "Customer" c ON c."tenantId" = s."tenantId" AND c.id = s."customerId"
      JOIN "ServicePackage" p ON p."tenantId" = s."tenantId" AND p.id = s."packageId"
      CROSS JOIN LATERAL (
        SELECT CASE WHEN extract(day FROM ${runDate}::date) >= c."billingDay"
                    THEN make_date(extract(year FROM ${runDate}::date)::int, extract(month FROM ${runDate}::date)::int, c."billingDay")
                    ELSE (make_date(extract(year FROM ${runDate}::date)::int, extract(month FROM ${runDate}::date)::int, c."billingDay") - interval '1 month')::date
               END AS cycle_start
      ) cyc
      CROSS JOIN LATERAL (
        SELECT max(b."periodEnd") AS last_end FROM "Invoice" b
        WHERE b."tenantId" = ${tenantId}::uuid AND b."subscriptionId" = s.id AND b.status <> 'void'
      ) billed
      WHERE s."tenantId" = ${tenantId}::uuid
        AND s.status = 'active'
        AND c.status IN ('active', 'isolated')
        AND s."startDate" <= ${runDate}::date
    ),
    open_periods AS (
      SELECT d.* FROM due d
      WHERE d.period_start < d.next_cycle
        AND (d."endDate" IS NULL OR d."endDate" >= d.period_start)
        -- A voided period is not billed again (make a manual invoice instead).
        AND NOT EXISTS (
          SELECT 1 FROM "Invoice" i
          WHERE i."tenantId" = ${tenantId}::uuid AND i."subscriptionId" = d.sid AND i."periodStart" = d.period_start
        )
    ),
    priced AS (
      SELECT d.*, gen_random_uuid() AS invoice_id,
             d.last_end IS NULL AS first_invoice,
             (d.next_cycle - 1) AS period_end,
             (d.next_cycle - d.period_start) AS used,
             (d.next_cycle - d.cycle_start) AS days,
             -- A late start is prorated as the subscription says; the rest of a cycle after a
             -- billing-day change always is.
             (d.period_start > d.cycle_start AND (d.prorate OR d.last_end IS NOT NULL)) AS prorated,
             row_number() OVER (ORDER BY d.cnum, d."startDate", d.sid) AS seq
      FROM open_periods d
    ),
    lined AS (
      SELECT p.*,
             CASE WHEN p.prorated THEN (2 * p.price * p.used + p.days) / (2 * p.days) ELSE p.price END AS unit,
             CASE WHEN p.prorated THEN (2 * GREATEST(p.price - p.discount, 0) * p.used + p.days) / (2 * p.days)
                  ELSE GREATEST(p.price - p.discount, 0) END AS charge,
             CASE WHEN p.first_invoice THEN p.fee ELSE 0 END AS install
      FROM priced p
    ),
    totals AS (
      SELECT l.*, (l.charge + l.install) AS subtotal, (l.unit - l.charge) AS line_discount,
             CASE WHEN l.taxable THEN l.charge + l.install ELSE 0 END AS taxable_base
      FROM lined l
    ),
    taxed AS (
      SELECT x.*,
             CASE WHEN t."taxMode" = 'none' OR t."taxRateBp" = 0 THEN 0
                  WHEN t."taxMode" = 'exclusive' THEN (2 * x.taxable_base * t."taxRateBp" + 10000) / 20000
                  ELSE x.taxable_base - (2 * x.taxable_base * 10000 + (10000 + t."taxRateBp")) / (2 * (10000 + t."taxRateBp"))
             END AS tax,
             t."taxMode" AS tax_mode, t."taxRateBp" AS tax_rate, t."invoiceDueDays" AS due_days
      FROM totals x CROSS JOIN t
    ),
    n AS (SELECT count(*)::int AS c FROM taxed),
    counter AS (
      INSERT INTO "TenantCounter" ("tenantId", "key", "value")
      SELECT ${tenantId}::uuid, ${counterKey}, n.c FROM n WHERE n.c > 0
      ON CONFLICT ("tenantId", "key") DO UPDATE SET "value" = "TenantCounter"."value" + EXCLUDED."value"
      RETURNING "value"
    ),
    base AS (SELECT (SELECT "value" FROM counter) - n.c AS b FROM n),
    inv AS (
      INSERT INTO "Invoice" ("id", "tenantId", "customerId", "kind", "status", "year", "number", "subscriptionId", "periodStart", "periodEnd",
                             "issueDate", "dueDate", "subtotalIdr", "discountIdr", "taxMode", "taxRateBp", "taxIdr", "totalIdr", "issuedAt", "updatedAt")
      SELECT x.invoice_id, ${tenantId}::uuid, x."customerId", 'subscription', 'issued', ${year}, (base.b + x.seq)::int, x.sid, x.period_start, x.period_end,
             ${runDate}::date, ${runDate}::date + x.due_days, x.subtotal::int, x.line_discount::int, x.tax_mode, x.tax_rate, x.tax::int,
             (CASE WHEN x.tax_mode = 'exclusive' THEN x.subtotal + x.tax ELSE x.subtotal END)::int, ${issuedAt}, ${issuedAt}
      FROM taxed x CROSS JOIN base
      RETURNING "id", "customerId", "number", "totalIdr", "dueDate"
    ),
    package_lines AS (
      INSERT INTO "InvoiceLine" ("id", "tenantId", "invoiceId", "position", "description", "quantity", "unitPriceIdr", "discountIdr", "amountIdr", "taxable")
      SELECT gen_random_uuid(), ${tenantId}::uuid, x.invoice_id, 1,
             'Internet ' || x.pname || ', ' || to_char(x.period_start, 'DD Mon YYYY') || ' – ' || to_char(x.period_end, 'DD Mon YYYY')
               || CASE WHEN x.prorated THEN ' (' || x.used || ' of ' || x.days || ' days)' ELSE '' END,
             1, x.unit::int, x.line_discount::int, x.charge::int, x.taxable
      FROM taxed x JOIN inv ON inv.id = x.invoice_id
      RETURNING 1
    ),
    fee_lines AS (
      INSERT INTO "InvoiceLine" ("id", "tenantId", "invoiceId", "position", "description", "quantity", "unitPriceIdr", "discountIdr", "amountIdr", "taxable")
      SELECT gen_random_uuid(), ${tenantId}::uuid, x.invoice_id, 2, 'Installation fee', 1, x.install, 0, x.install, x.taxable
      FROM taxed x JOIN inv ON inv.id = x.invoice_id
      WHERE x.install > 0
      RETURNING 1
    ),
    events AS (
      INSERT INTO "OutboxEvent" ("id", "tenantId", "type", "payload", "trace")
      SELECT gen_random_uuid(), ${tenantId}::uuid, ${invoiceIssued.type},
             jsonb_build_object('invoiceId', inv.id, 'customerId', inv."customerId", 'invoiceNumber', ${prefix} || lpad(inv.number::text, 6, '0'),
                                'totalIdr', inv."totalIdr", 'dueDate', to_char(inv."dueDate", 'YYYY-MM-DD')), ${currentTraceJson()}::jsonb
      FROM inv
      RETURNING 1
    )
    -- Data-modifying CTEs run to completion whether or not they are read.
    SELECT (SELECT count(*) FROM inv)::int AS created, (SELECT min(number) FROM inv) AS first, (SELECT max(number) FROM inv) AS last`;
  const row = rows[0]!;
  return { created: row.created, firstNumber: row.first, lastNumber: row.last };
}

/** Serialises invoice generation per tenant for the rest of the transaction. */
export async function lockTenantGeneration(tx: TenantTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rrnet:billing:generate'), hashtext(${tx.tenantId}))`;
}
