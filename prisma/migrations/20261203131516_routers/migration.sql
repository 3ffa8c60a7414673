-- CreateEnum
CREATE TYPE "RouterTransport" AS ENUM ('api', 'api_ssl', 'rest');

-- CreateEnum
CREATE TYPE "RouterMode" AS ENUM ('api', 'radius', 'both');

-- CreateEnum
CREATE TYPE "RouterStatus" AS ENUM ('unknown', 'up', 'down');

-- CreateTable
CREATE TABLE "Router" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "transport" "RouterTransport" NOT NULL DEFAULT 'api',
    "port" INTEGER NOT NULL,
    "username" TEXT NOT NULL,
    "passwordSealed" TEXT NOT NULL,
    "radiusSecretSealed" TEXT,
    "tlsVerify" BOOLEAN NOT NULL DEFAULT false,
    "mode" "RouterMode" NOT NULL DEFAULT 'api',
    "location" TEXT,
    "notes" TEXT,
    "status" "RouterStatus" NOT NULL DEFAULT 'unknown',
    "failedPolls" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastPolledAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3),
    "identity" TEXT,
    "version" TEXT,
    "boardName" TEXT,
    "uptimeSeconds" INTEGER,
    "cpuLoadPercent" INTEGER,
    "freeMemoryBytes" BIGINT,
    "totalMemoryBytes" BIGINT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Router_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RouterHealthSample" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "routerId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,
    "cpuLoadPercent" INTEGER,
    "freeMemoryBytes" BIGINT,
    "totalMemoryBytes" BIGINT,
    "uptimeSeconds" INTEGER,

    CONSTRAINT "RouterHealthSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RouterCommandLog" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "routerId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "AuditActorType" NOT NULL,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "menu" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "itemId" TEXT,
    "params" JSONB NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,

    CONSTRAINT "RouterCommandLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Router_tenantId_status_idx" ON "Router"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Router_tenantId_id_key" ON "Router"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Router_tenantId_name_key" ON "Router"("tenantId", "name");

-- CreateIndex
CREATE INDEX "RouterHealthSample_tenantId_routerId_at_idx" ON "RouterHealthSample"("tenantId", "routerId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "RouterHealthSample_tenantId_id_key" ON "RouterHealthSample"("tenantId", "id");

-- CreateIndex
CREATE INDEX "RouterCommandLog_tenantId_routerId_at_idx" ON "RouterCommandLog"("tenantId", "routerId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "RouterCommandLog_tenantId_id_key" ON "RouterCommandLog"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "Router" ADD CONSTRAINT "Router_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RouterHealthSample" ADD CONSTRAINT "RouterHealthSample_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RouterHealthSample" ADD CONSTRAINT "RouterHealthSample_tenantId_routerId_fkey" FOREIGN KEY ("tenantId", "routerId") REFERENCES "Router"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RouterCommandLog" ADD CONSTRAINT "RouterCommandLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RouterCommandLog" ADD CONSTRAINT "RouterCommandLog_tenantId_routerId_fkey" FOREIGN KEY ("tenantId", "routerId") REFERENCES "Router"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

