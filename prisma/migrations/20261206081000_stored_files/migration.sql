-- Photos and attachments behind the storage interface (server/modules/files).
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "StoredFile_tenantId_id_key" ON "StoredFile"("tenantId", "id");
CREATE UNIQUE INDEX "StoredFile_tenantId_key_key" ON "StoredFile"("tenantId", "key");
CREATE INDEX "StoredFile_tenantId_purpose_createdAt_idx" ON "StoredFile"("tenantId", "purpose", "createdAt");
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
