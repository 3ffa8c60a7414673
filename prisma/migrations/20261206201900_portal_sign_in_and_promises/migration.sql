-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "promiseMaxDays" INTEGER NOT NULL DEFAULT 3;

-- CreateTable
CREATE TABLE "PortalSignInCode" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalSignInCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentPromise" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "promisedOn" DATE NOT NULL,
    "channel" TEXT NOT NULL,
    "createdById" UUID,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentPromise_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PortalSignInCode_tenantId_customerId_createdAt_idx" ON "PortalSignInCode"("tenantId", "customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PortalSignInCode_tenantId_id_key" ON "PortalSignInCode"("tenantId", "id");

-- CreateIndex
CREATE INDEX "PaymentPromise_tenantId_promisedOn_idx" ON "PaymentPromise"("tenantId", "promisedOn");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentPromise_tenantId_id_key" ON "PaymentPromise"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentPromise_tenantId_customerId_period_key" ON "PaymentPromise"("tenantId", "customerId", "period");

-- AddForeignKey
ALTER TABLE "PortalSignInCode" ADD CONSTRAINT "PortalSignInCode_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalSignInCode" ADD CONSTRAINT "PortalSignInCode_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPromise" ADD CONSTRAINT "PaymentPromise_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPromise" ADD CONSTRAINT "PaymentPromise_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
