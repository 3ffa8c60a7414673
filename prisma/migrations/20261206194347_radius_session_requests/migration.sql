-- CreateEnum
CREATE TYPE "RadiusSessionRequestKind" AS ENUM ('coa', 'disconnect');

-- CreateEnum
CREATE TYPE "RadiusSessionRequestStatus" AS ENUM ('pending', 'acked', 'naked', 'timed_out', 'session_gone');

-- CreateTable
CREATE TABLE "radius_session_requests" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "router_id" UUID NOT NULL,
    "session_id" BIGINT NOT NULL,
    "username" TEXT NOT NULL,
    "acct_session_id" TEXT NOT NULL,
    "kind" "RadiusSessionRequestKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "status" "RadiusSessionRequestStatus" NOT NULL DEFAULT 'pending',
    "error_cause" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "radius_session_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "radius_session_requests_tenant_id_status_created_at_idx" ON "radius_session_requests"("tenant_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "radius_session_requests_tenant_id_username_created_at_idx" ON "radius_session_requests"("tenant_id", "username", "created_at");

-- AddForeignKey
ALTER TABLE "radius_session_requests" ADD CONSTRAINT "radius_session_requests_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "radius_session_requests" ADD CONSTRAINT "radius_session_requests_tenant_id_router_id_fkey" FOREIGN KEY ("tenant_id", "router_id") REFERENCES "Router"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
