-- Work-order photos are kept in the file storage (StoredFile) and the row holds the file id.
-- Rows of the first version carried the bytes in the table and have no stored file to point
-- to: the table only existed on development data, so they are dropped rather than converted.
DELETE FROM "WorkOrderPhoto";

-- AlterTable
ALTER TABLE "WorkOrderPhoto" DROP COLUMN "bytes",
DROP COLUMN "mime",
ADD COLUMN     "fileId" UUID NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrderPhoto_tenantId_fileId_key" ON "WorkOrderPhoto"("tenantId", "fileId");

-- AddForeignKey
ALTER TABLE "WorkOrderPhoto" ADD CONSTRAINT "WorkOrderPhoto_tenantId_fileId_fkey" FOREIGN KEY ("tenantId", "fileId") REFERENCES "StoredFile"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
