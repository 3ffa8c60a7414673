-- Carrier-loss session stops kept for the suspected-outage detector's window.
CREATE TABLE "FtthSessionDrop" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "stoppedAt" TIMESTAMPTZ(3) NOT NULL,
    "cause" TEXT NOT NULL,

    CONSTRAINT "FtthSessionDrop_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "FtthSessionDrop_tenantId_customerId_stoppedAt_key" ON "FtthSessionDrop"("tenantId", "customerId", "stoppedAt");
CREATE INDEX "FtthSessionDrop_tenantId_stoppedAt_idx" ON "FtthSessionDrop"("tenantId", "stoppedAt");

ALTER TABLE "FtthSessionDrop" ADD CONSTRAINT "FtthSessionDrop_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
