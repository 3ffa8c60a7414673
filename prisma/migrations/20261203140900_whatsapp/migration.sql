-- CreateEnum
CREATE TYPE "WhatsAppProviderKind" AS ENUM ('fonnte', 'wa_cloud');

-- CreateEnum
CREATE TYPE "WhatsAppMessageStatus" AS ENUM ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown', 'skipped');

-- CreateTable
CREATE TABLE "WhatsAppSettings" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "primaryProvider" "WhatsAppProviderKind" NOT NULL,
    "fallbackProvider" "WhatsAppProviderKind",
    "fonnteTokenSealed" TEXT,
    "fonnteWebhookSecretSealed" TEXT,
    "cloudPhoneNumberId" TEXT,
    "cloudAccessTokenSealed" TEXT,
    "cloudAppSecretSealed" TEXT,
    "cloudVerifyTokenSealed" TEXT,
    "fonnteMinGapMs" INTEGER NOT NULL DEFAULT 4000,
    "fonnteMaxGapMs" INTEGER NOT NULL DEFAULT 9000,
    "fonnteDailyCap" INTEGER NOT NULL DEFAULT 1000,
    "cloudPerSecond" INTEGER NOT NULL DEFAULT 20,
    "quietStartMinute" INTEGER NOT NULL DEFAULT 1260,
    "quietEndMinute" INTEGER NOT NULL DEFAULT 420,
    "outageIgnoresQuietHours" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WhatsAppSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhatsAppMessage" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "customerId" UUID,
    "phone" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "body" TEXT NOT NULL,
    "variables" JSONB NOT NULL,
    "status" "WhatsAppMessageStatus" NOT NULL DEFAULT 'queued',
    "provider" "WhatsAppProviderKind",
    "providerMessageId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "slotAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "readAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WhatsAppMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhatsAppOptOut" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WhatsAppOptOut_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WhatsAppSettings_tenantId_key" ON "WhatsAppSettings"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "WhatsAppSettings_tenantId_id_key" ON "WhatsAppSettings"("tenantId", "id");

-- CreateIndex
CREATE INDEX "WhatsAppMessage_tenantId_createdAt_idx" ON "WhatsAppMessage"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "WhatsAppMessage_tenantId_customerId_createdAt_idx" ON "WhatsAppMessage"("tenantId", "customerId", "createdAt");

-- CreateIndex
CREATE INDEX "WhatsAppMessage_tenantId_provider_providerMessageId_idx" ON "WhatsAppMessage"("tenantId", "provider", "providerMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "WhatsAppMessage_tenantId_id_key" ON "WhatsAppMessage"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WhatsAppMessage_tenantId_dedupeKey_key" ON "WhatsAppMessage"("tenantId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "WhatsAppOptOut_tenantId_id_key" ON "WhatsAppOptOut"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WhatsAppOptOut_tenantId_phone_key" ON "WhatsAppOptOut"("tenantId", "phone");

-- AddForeignKey
ALTER TABLE "WhatsAppSettings" ADD CONSTRAINT "WhatsAppSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhatsAppMessage" ADD CONSTRAINT "WhatsAppMessage_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhatsAppOptOut" ADD CONSTRAINT "WhatsAppOptOut_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

