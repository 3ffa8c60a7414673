-- Seed for bench/billing.ts (run by psql with -v customers=N on the scratch database, which the
-- bench script has just recreated and migrated). Set-based: a handful of statements, whatever N.
-- Four tenants (PPN: none, exclusive 11 %, inclusive 11 %, none), four packages each (one not
-- taxable), N customers dealt round-robin to the tenants (numbers 1.. per tenant), billing days
-- 1–28, one active subscription each. Against a run on 2026-11-28 every subscription is due:
-- - most started in 2026 before the November cycle: billed the whole cycle;
-- - every 5th (billing day < 28) started inside the November cycle: prorated from its start,
--   except every 3rd of those, set to charge the first period in full;
-- - every 4th has an installation fee (on its first invoice, which this one is);
-- - every 7th has a monthly discount; every 50th customer is isolated (still billed).
\set ON_ERROR_STOP on

BEGIN;

INSERT INTO "Plan" ("id", "code", "name", "priceIdr", "maxCustomers", "maxRouters", "maxStaff", "features", "updatedAt")
VALUES (gen_random_uuid(), 'bench-billing', 'Bench billing', 0, 10000000, 100, 100, '{}', now());

INSERT INTO "Tenant" ("id", "slug", "name", "planId", "taxMode", "taxRateBp", "updatedAt")
SELECT gen_random_uuid(), 'bench-' || t.idx, 'Bench Net ' || t.idx, (SELECT id FROM "Plan" WHERE code = 'bench-billing'),
       t.mode::"TaxMode", t.rate, now()
FROM (VALUES (1, 'none', 0), (2, 'exclusive', 1100), (3, 'inclusive', 1100), (4, 'none', 0)) AS t(idx, mode, rate);

CREATE TEMP TABLE bench_tenant AS
SELECT id, (substring(slug FROM 7))::int - 1 AS idx FROM "Tenant" WHERE slug LIKE 'bench-%';

INSERT INTO "ServicePackage" ("id", "tenantId", "name", "priceIdr", "speedDownKbps", "speedUpKbps", "type", "taxable", "updatedAt")
SELECT gen_random_uuid(), bt.id, p.name, p.price, p.down, p.up, 'pppoe', p.taxable, now()
FROM bench_tenant bt
CROSS JOIN (VALUES ('Lite 5', 100000, 5000, 1000, false), ('Home 10', 150000, 10000, 3000, true),
                   ('Home 30', 225000, 30000, 10000, true), ('Bisnis 100', 550000, 100000, 50000, true)) AS p(name, price, down, up, taxable);

CREATE TEMP TABLE bench_package AS
SELECT id, "tenantId", row_number() OVER (PARTITION BY "tenantId" ORDER BY "priceIdr") - 1 AS idx FROM "ServicePackage";

-- g = 1..N; tenant (g-1) % 4; per-tenant number (g-1) / 4 + 1.
INSERT INTO "Customer" ("id", "tenantId", "number", "name", "phone", "status", "billingDay", "updatedAt")
SELECT gen_random_uuid(), bt.id, (g - 1) / 4 + 1, 'Pelanggan ' || g, '+62812' || lpad(g::text, 8, '0'),
       CASE WHEN g % 50 = 0 THEN 'isolated' ELSE 'active' END::"CustomerStatus",
       ((g - 1) / 4) % 28 + 1, now()
FROM generate_series(1, :customers) AS g
JOIN bench_tenant bt ON bt.idx = (g - 1) % 4;

INSERT INTO "Subscription" ("id", "tenantId", "customerId", "packageId", "startDate", "prorateFirstPeriod", "discountIdr", "installationFeeIdr", "status", "updatedAt")
SELECT gen_random_uuid(), c."tenantId", c.id, bp.id,
       CASE WHEN c.number % 5 = 0 AND c."billingDay" < 28
            THEN make_date(2026, 11, c."billingDay" + 1 + c.number % (28 - c."billingDay"))
            ELSE date '2026-01-01' + c.number % 180
       END,
       NOT (c.number % 5 = 0 AND c.number % 3 = 0),
       CASE WHEN c.number % 7 = 0 THEN 10000 ELSE 0 END,
       CASE WHEN c.number % 4 = 0 THEN 250000 ELSE 0 END,
       'active', now()
FROM "Customer" c
JOIN bench_package bp ON bp."tenantId" = c."tenantId" AND bp.idx = c.number % 4;

COMMIT;

-- Fresh statistics and visibility map, as a live database would have after autovacuum.
VACUUM ANALYZE "Tenant", "ServicePackage", "Customer", "Subscription", "Invoice", "InvoiceLine", "OutboxEvent", "TenantCounter";
