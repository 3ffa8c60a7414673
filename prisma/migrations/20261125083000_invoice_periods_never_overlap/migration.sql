-- A subscription's billed periods never overlap (voided invoices aside). Prisma's schema cannot
-- express exclusion constraints: the generator's SQL keeps the rule, this is the backstop.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_subscription_periods_no_overlap"
  EXCLUDE USING gist ("tenantId" WITH =, "subscriptionId" WITH =, daterange("periodStart", "periodEnd", '[]') WITH &&)
  WHERE ("subscriptionId" IS NOT NULL AND status <> 'void');
