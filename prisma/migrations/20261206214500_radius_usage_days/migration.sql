-- AlterTable
ALTER TABLE "radacct" ADD COLUMN     "usage_input_folded" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "usage_output_folded" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "radius_usage_days" (
    "tenant_id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "input_octets" BIGINT NOT NULL DEFAULT 0,
    "output_octets" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "radius_usage_days_pkey" PRIMARY KEY ("tenant_id","username","day")
);

-- CreateIndex
CREATE INDEX "radius_usage_days_tenant_id_day_idx" ON "radius_usage_days"("tenant_id", "day");

-- AddForeignKey
ALTER TABLE "radius_usage_days" ADD CONSTRAINT "radius_usage_days_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sessions with octets not folded into radius_usage_days yet: what the fold job reads (kept small, not in schema.prisma)
CREATE INDEX "radacct_unfolded_idx" ON "radacct"("tenant_id") WHERE "acctinputoctets" > "usage_input_folded" OR "acctoutputoctets" > "usage_output_folded";
