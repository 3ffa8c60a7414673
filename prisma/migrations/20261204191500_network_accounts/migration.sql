-- Isolation settings of a tenant's routers, and each subscription's PPPoE/hotspot account.
CREATE TYPE "IsolationMode" AS ENUM ('isolate', 'suspend');
CREATE TYPE "NetworkApplyStatus" AS ENUM ('pending', 'applied', 'failed');

ALTER TABLE "Tenant"
  ADD COLUMN "isolationMode" "IsolationMode" NOT NULL DEFAULT 'isolate',
  ADD COLUMN "isolationProfile" TEXT NOT NULL DEFAULT 'isolir',
  ADD COLUMN "isolationAddressList" TEXT NOT NULL DEFAULT 'isolir',
  ADD COLUMN "isolationRateLimit" TEXT NOT NULL DEFAULT '256k/256k';

CREATE TABLE "NetworkAccount" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "routerId" UUID,
    "kind" "PackageType" NOT NULL,
    "username" TEXT NOT NULL,
    "passwordSealed" TEXT NOT NULL,
    "status" "NetworkApplyStatus" NOT NULL DEFAULT 'pending',
    "lastError" TEXT,
    "isolationProblem" TEXT,
    "appliedAccess" TEXT,
    "appliedProfile" TEXT,
    "appliedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastSeenAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "NetworkAccount_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "NetworkAccount_tenantId_id_key" ON "NetworkAccount"("tenantId", "id");
CREATE UNIQUE INDEX "NetworkAccount_tenantId_subscriptionId_key" ON "NetworkAccount"("tenantId", "subscriptionId");
CREATE UNIQUE INDEX "NetworkAccount_tenantId_username_key" ON "NetworkAccount"("tenantId", "username");
CREATE INDEX "NetworkAccount_tenantId_customerId_idx" ON "NetworkAccount"("tenantId", "customerId");
CREATE INDEX "NetworkAccount_tenantId_routerId_idx" ON "NetworkAccount"("tenantId", "routerId");
CREATE INDEX "NetworkAccount_tenantId_status_idx" ON "NetworkAccount"("tenantId", "status");

ALTER TABLE "NetworkAccount" ADD CONSTRAINT "NetworkAccount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NetworkAccount" ADD CONSTRAINT "NetworkAccount_tenantId_subscriptionId_fkey" FOREIGN KEY ("tenantId", "subscriptionId") REFERENCES "Subscription"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
-- A removed router leaves its accounts without a router (to be placed on another), not deleted.
ALTER TABLE "NetworkAccount" ADD CONSTRAINT "NetworkAccount_routerId_fkey" FOREIGN KEY ("routerId") REFERENCES "Router"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Router" ADD COLUMN "driftCount" INTEGER, ADD COLUMN "driftCheckedAt" TIMESTAMPTZ(3);
