-- A node may stand for a router (its health polls mark the node down and up).
ALTER TABLE "FtthNode" ADD COLUMN "routerId" UUID;
CREATE INDEX "FtthNode_tenantId_routerId_idx" ON "FtthNode"("tenantId", "routerId");
-- By hand, as for NetworkAccount: a removed router unlinks its nodes (only this column is cleared).
ALTER TABLE "FtthNode" ADD CONSTRAINT "FtthNode_routerId_fkey" FOREIGN KEY ("routerId") REFERENCES "Router"("id") ON DELETE SET NULL ON UPDATE CASCADE;
