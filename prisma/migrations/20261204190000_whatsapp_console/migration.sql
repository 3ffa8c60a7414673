-- WhatsApp console: payment reminder days, tenants' own templates and Cloud API template
-- mapping, broadcasts. Messages remember their Cloud template, broadcast and invoice.
ALTER TABLE "WhatsAppSettings" ADD COLUMN "reminderDaysBefore" INTEGER NOT NULL DEFAULT 3;

ALTER TABLE "WhatsAppMessage" ADD COLUMN "cloudTemplate" JSONB,
    ADD COLUMN "broadcastId" UUID,
    ADD COLUMN "invoiceId" UUID;
CREATE INDEX "WhatsAppMessage_tenantId_broadcastId_idx" ON "WhatsAppMessage"("tenantId", "broadcastId");
CREATE INDEX "WhatsAppMessage_tenantId_invoiceId_idx" ON "WhatsAppMessage"("tenantId", "invoiceId");

CREATE TABLE "WhatsAppTemplate" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "WhatsAppTemplate_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "WhatsAppTemplate_tenantId_id_key" ON "WhatsAppTemplate"("tenantId", "id");
CREATE UNIQUE INDEX "WhatsAppTemplate_tenantId_kind_locale_key" ON "WhatsAppTemplate"("tenantId", "kind", "locale");
ALTER TABLE "WhatsAppTemplate" ADD CONSTRAINT "WhatsAppTemplate_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "WhatsAppCloudTemplate" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parameters" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "WhatsAppCloudTemplate_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "WhatsAppCloudTemplate_tenantId_id_key" ON "WhatsAppCloudTemplate"("tenantId", "id");
CREATE UNIQUE INDEX "WhatsAppCloudTemplate_tenantId_kind_key" ON "WhatsAppCloudTemplate"("tenantId", "kind");
ALTER TABLE "WhatsAppCloudTemplate" ADD CONSTRAINT "WhatsAppCloudTemplate_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "WhatsAppBroadcast" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "createdByUserId" UUID,
    "body" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "recipients" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WhatsAppBroadcast_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "WhatsAppBroadcast_tenantId_id_key" ON "WhatsAppBroadcast"("tenantId", "id");
CREATE INDEX "WhatsAppBroadcast_tenantId_createdAt_idx" ON "WhatsAppBroadcast"("tenantId", "createdAt");
ALTER TABLE "WhatsAppBroadcast" ADD CONSTRAINT "WhatsAppBroadcast_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
