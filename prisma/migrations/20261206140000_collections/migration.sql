-- Collectors cash (server/modules/collections): rounds, collections, the custody ledger, deposits, commission.
-- CreateEnum
CREATE TYPE "CustodyEntryKind" AS ENUM ('collection', 'deposit');

-- CreateEnum
CREATE TYPE "CollectorDepositStatus" AS ENUM ('declared', 'confirmed');

-- CreateEnum
CREATE TYPE "CollectorCommissionKind" AS ENUM ('none', 'percent_of_collected', 'per_paid_invoice');

-- CreateTable
CREATE TABLE "CollectorAssignment" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "collectorId" UUID NOT NULL,
    "assignedById" UUID,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "endedById" UUID,
    "promisedOn" DATE,
    "promiseNote" TEXT,

    CONSTRAINT "CollectorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CashCollection" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "collectorId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "amountIdr" INTEGER NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "accuracyM" INTEGER,
    "photoFileId" UUID,
    "collectedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CashCollection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustodyEntry" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "collectorId" UUID NOT NULL,
    "kind" "CustodyEntryKind" NOT NULL,
    "amountIdr" INTEGER NOT NULL,
    "collectionId" UUID,
    "depositId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustodyEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectorDeposit" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "collectorId" UUID NOT NULL,
    "declaredIdr" INTEGER NOT NULL,
    "collectorNote" TEXT,
    "status" "CollectorDepositStatus" NOT NULL DEFAULT 'declared',
    "receivedIdr" INTEGER,
    "varianceIdr" INTEGER,
    "note" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "declaredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmedById" UUID,

    CONSTRAINT "CollectorDeposit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectorCommissionRule" (
    "tenantId" UUID NOT NULL,
    "kind" "CollectorCommissionKind" NOT NULL DEFAULT 'none',
    "percentBp" INTEGER NOT NULL DEFAULT 0,
    "amountPerInvoiceIdr" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CollectorCommissionRule_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE INDEX "CollectorAssignment_tenantId_collectorId_endedAt_idx" ON "CollectorAssignment"("tenantId", "collectorId", "endedAt");

-- CreateIndex
CREATE INDEX "CollectorAssignment_tenantId_customerId_assignedAt_idx" ON "CollectorAssignment"("tenantId", "customerId", "assignedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CollectorAssignment_tenantId_id_key" ON "CollectorAssignment"("tenantId", "id");

-- CreateIndex
CREATE INDEX "CashCollection_tenantId_collectorId_collectedAt_idx" ON "CashCollection"("tenantId", "collectorId", "collectedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CashCollection_tenantId_id_key" ON "CashCollection"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CashCollection_tenantId_paymentId_key" ON "CashCollection"("tenantId", "paymentId");

-- CreateIndex
CREATE INDEX "CustodyEntry_tenantId_collectorId_createdAt_idx" ON "CustodyEntry"("tenantId", "collectorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CustodyEntry_tenantId_collectionId_key" ON "CustodyEntry"("tenantId", "collectionId");

-- CreateIndex
CREATE UNIQUE INDEX "CustodyEntry_tenantId_depositId_key" ON "CustodyEntry"("tenantId", "depositId");

-- CreateIndex
CREATE INDEX "CollectorDeposit_tenantId_collectorId_declaredAt_idx" ON "CollectorDeposit"("tenantId", "collectorId", "declaredAt");

-- CreateIndex
CREATE INDEX "CollectorDeposit_tenantId_status_idx" ON "CollectorDeposit"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CollectorDeposit_tenantId_id_key" ON "CollectorDeposit"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CollectorDeposit_tenantId_idempotencyKey_key" ON "CollectorDeposit"("tenantId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "CollectorAssignment" ADD CONSTRAINT "CollectorAssignment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectorAssignment" ADD CONSTRAINT "CollectorAssignment_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectorAssignment" ADD CONSTRAINT "CollectorAssignment_tenantId_collectorId_fkey" FOREIGN KEY ("tenantId", "collectorId") REFERENCES "User"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashCollection" ADD CONSTRAINT "CashCollection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashCollection" ADD CONSTRAINT "CashCollection_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashCollection" ADD CONSTRAINT "CashCollection_tenantId_paymentId_fkey" FOREIGN KEY ("tenantId", "paymentId") REFERENCES "Payment"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustodyEntry" ADD CONSTRAINT "CustodyEntry_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectorDeposit" ADD CONSTRAINT "CollectorDeposit_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectorCommissionRule" ADD CONSTRAINT "CollectorCommissionRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one collector per customer at a time, ended assignments stay as history.
CREATE UNIQUE INDEX "CollectorAssignment_open_customer_key" ON "CollectorAssignment"("tenantId", "customerId") WHERE "endedAt" IS NULL;

-- Amounts: collections and deposits are positive rupiah, ledger entries carry their sign.
ALTER TABLE "CashCollection" ADD CONSTRAINT "CashCollection_amount_positive" CHECK ("amountIdr" > 0);
ALTER TABLE "CollectorDeposit" ADD CONSTRAINT "CollectorDeposit_declared_positive" CHECK ("declaredIdr" > 0);
ALTER TABLE "CustodyEntry" ADD CONSTRAINT "CustodyEntry_sign" CHECK ((kind = 'collection' AND "amountIdr" > 0 AND "collectionId" IS NOT NULL) OR (kind = 'deposit' AND "amountIdr" < 0 AND "depositId" IS NOT NULL));
ALTER TABLE "CollectorCommissionRule" ADD CONSTRAINT "CollectorCommissionRule_values" CHECK ("percentBp" BETWEEN 0 AND 10000 AND "amountPerInvoiceIdr" >= 0);

-- The custody ledger is append-only, like the audit log: the application role may only add.
REVOKE UPDATE, DELETE, TRUNCATE ON "CustodyEntry" FROM CURRENT_USER;
